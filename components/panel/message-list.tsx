// The scrolling list of a thread's messages. The list itself (windowing, rows, their renderers and styles)
// is a chunk of its own, virtual/thread-list.tsx: the side panel's first load has a size budget and its
// first screen is the conversation list. The chunk is fetched with the conversation screens
// (later-screens.ts), after the first paint, so a thread opens with it already there; until then the
// thread's area stays empty.
import type { ThreadMessage } from '@/utils/protocol';
import type { MessageActions } from './message-item';
import { threadList } from './later-screens';
import './message-list.css';

export interface MessageListProps extends MessageActions {
  /** Changes when another conversation is shown: the list then starts at the bottom again. */
  listKey: string;
  messages: ThreadMessage[];
  hasOlder: boolean;
  /** A "New messages" line goes before this message. */
  firstUnreadKey?: string;
  /** Says older messages are loading (the model asks only once at a time, whatever this says). */
  loadingOlder: boolean;
  onLoadOlder?: () => void;
}

export function MessageList(props: MessageListProps) {
  const loaded = threadList.get();
  return loaded ? <loaded.ThreadList {...props} /> : <div class="messages" aria-busy="true" />;
}
