// After any change to the held chat: one storage write, one update to each panel and one badge update,
// however many changes came in the same turn (a resync touches every conversation at once).
import { badgeText, badgeTitle } from '../badge';
import type { ConnectionState, Snapshot, ThreadView } from '../protocol';
import { placeholderConversation, trimForStorage, unreadOf, type ConversationState } from './chat-state';
import type { OutboxItem } from './outbox-queue';
import type { createPanels } from './panels';
import { CACHED_MESSAGES, chatItem, type StoredSession } from './storage';
import { outboxMessage, summarize, threadView } from './views';

/** Messages added to a thread's window per "load older". */
export const THREAD_PAGE = 30;

export interface PublisherSources {
  conversations: Map<number, ConversationState>;
  windows: Map<number, number>;
  /** Per conversation, the first reply that was unread when it was last opened. */
  unreadMarks: Map<number, number>;
  panels: ReturnType<typeof createPanels>;
  session(): StoredSession | null;
  connection(): { state: ConnectionState; detail?: string };
  agentsOnline(): boolean | undefined;
  pending(): readonly OutboxItem[];
  setBadge(text: string, title: string): Promise<void>;
}

export function createPublisher(from: PublisherSources) {
  let queued = false;
  let saving = Promise.resolve();
  let lastBadge: string | null = null;

  function snapshot(): Snapshot {
    const session = from.session();
    const { state, detail } = from.connection();
    return {
      configured: session !== null,
      ...(session?.inboxName ? { inboxName: session.inboxName } : {}),
      ...(from.agentsOnline() !== undefined ? { agentsOnline: from.agentsOnline() } : {}),
      connection: session ? state : 'unconfigured',
      ...(detail ? { connectionDetail: detail } : {}),
      conversations: [...from.conversations.values()].map(summarize),
      unsent: from.pending().filter((item) => item.conversationId === null).map(outboxMessage),
    };
  }

  function view(id: number): ThreadView {
    const state = from.conversations.get(id) ?? placeholderConversation(id);
    return threadView(state, from.windows.get(id) ?? THREAD_PAGE, from.pending(), from.unreadMarks.get(id));
  }

  async function updateBadge() {
    const total = [...from.conversations.values()].reduce((sum, c) => sum + unreadOf(c), 0);
    const text = badgeText(total);
    if (text === lastBadge) return;
    lastBadge = text;
    await from.setBadge(text, badgeTitle(total)).catch((e) => console.error('Could not set the badge', e));
  }

  function flush() {
    queued = false;
    const session = from.session();
    const data = session
      ? { key: session.key, conversations: [...from.conversations.values()].map((c) => trimForStorage(c, CACHED_MESSAGES)) }
      : null;
    saving = saving.then(() => chatItem.setValue(data)).catch((e) => console.error('Could not save the chat cache', e));
    from.panels.broadcast({ type: 'snapshot', snapshot: snapshot() });
    from.panels.eachThread((sink, id) => sink.post({ type: 'thread', thread: view(id) }));
    void updateBadge();
  }

  return {
    snapshot,
    view,
    changed() {
      if (queued) return;
      queued = true;
      setTimeout(flush, 0);
    },
  };
}
