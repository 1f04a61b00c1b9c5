// The scrolling list of a thread's messages. The list itself (windowing, rows, their renderers and styles)
// is a chunk of its own, virtual/thread-list.tsx: the side panel's first load has a size budget and its
// first screen is the conversation list. The chunk is fetched with the conversation screens (panel-app.tsx),
// after the first paint, so a thread opens with it already there; until then the thread's area stays empty.
import type { ThreadMessage } from '@/utils/protocol';
import type { MessageActions } from './message-item';
import { lazy } from './rich/lazy';
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

const threadList = lazy('The message list', () => import('./virtual/thread-list'));
// Only in a page: WXT also imports the entrypoints in Node while building. The chunk was asked for with this
// one (panel-app.tsx): taking it at once, a thread's first render usually finds it there.
if (typeof document !== 'undefined') void threadList.load();

export function MessageList(props: MessageListProps) {
  const loaded = threadList.get();
  return loaded ? <loaded.ThreadList {...props} /> : <div class="messages" aria-busy="true" />;
}
