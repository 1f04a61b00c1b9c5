// The background's state as signals: conversations, thread windows, unread marks, the outbox's items, the
// connection and presence. Parts write it through these actions; the publisher, read receipts and the
// badge react to it. Changes made in one turn are published once (see publisher.ts).
import { batch, signal } from '@preact/signals-core';
import type { Conversation, Message } from '../api/schemas';
import type { ConnectionState, ErrorCode, TypingAgent } from '../protocol';
import {
  applyConversation,
  applyMessage,
  mergeMessages,
  placeholderConversation,
  type ConversationState,
} from './chat-state';
import type { OutboxItem } from './outbox-queue';

/** Messages a thread shows first. */
export const THREAD_PAGE = 30;
/** Messages each "load older" adds: a reader paging back fast waits for half as many pages. */
export const OLDER_PAGE = 60;
const MAX_OPEN_WINDOW = 200;
/** Messages held per conversation beyond what its panels show: GET …/conversations carries the whole
 *  history, and nothing on a hot path may grow with it. Older ones come back from the server (`before`). */
const HELD_BEYOND_WINDOW = 300;

/** A whole history from REST, merged from its newest part only: the merge costs the same however long
 *  the conversation is. Older ones stay on the server. */
function fromRest(held: ConversationState | undefined, conversation: Conversation, window: number): ConversationState {
  const keep = window + HELD_BEYOND_WINDOW;
  if (conversation.messages.length <= keep) return applyConversation(held, conversation, true);
  // (slice keeps the element type; TypeScript only sees the first half of the schema's intersection)
  const recent = conversation.messages.slice(-keep) as Conversation['messages'];
  const state = applyConversation(held, { ...conversation, messages: recent }, true);
  return { ...state, hasOlder: true };
}

/** The newest messages only, once a conversation holds more than it could show. */
function bounded(state: ConversationState, window: number): ConversationState {
  const keep = window + HELD_BEYOND_WINDOW;
  if (state.messages.length <= keep) return state;
  return { ...state, messages: state.messages.slice(-keep), hasOlder: true };
}

const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V) => new Map(map).set(key, value);

export function createStore() {
  const conversations = signal<ReadonlyMap<number, ConversationState>>(new Map());
  /** How many of each thread's newest messages the panels show (grows with "load older"). */
  const windows = signal<ReadonlyMap<number, number>>(new Map());
  /** Per conversation, the first reply that was unread when it was last opened ("New messages"). */
  const unreadMarks = signal<ReadonlyMap<number, number>>(new Map());
  const connection = signal<{ state: ConnectionState; issue?: ErrorCode }>({ state: 'unconfigured' });
  const agentsOnline = signal<boolean | undefined>(undefined);
  const typing = signal<ReadonlyMap<number, TypingAgent | null>>(new Map());
  const pending = signal<readonly OutboxItem[]>([]);
  /** New conversations by the echo id of their first message, until a panel has been told. */
  const started = signal<ReadonlyMap<string, number>>(new Map());
  /** How each conversation's CSAT survey asks for the rating, when its message does not say. */
  const csatDisplay = signal<ReadonlyMap<number, 'emoji' | 'star'>>(new Map());
  /** The browser refused the last cache write (quota): said to the panels, not kept quiet. */
  const storageFull = signal(false);

  const windowOf = (id: number) => windows.peek().get(id) ?? THREAD_PAGE;
  const put = (state: ConversationState) =>
    (conversations.value = withEntry(conversations.peek(), state.id, bounded(state, windowOf(state.id))));
  const held = (id: number) => conversations.peek().get(id);

  return {
    conversations, windows, unreadMarks, connection, agentsOnline, typing, pending, started, storageFull, csatDisplay,
    held,

    /** A conversation from REST (whole history: `complete`) or from a cable event (last message only). */
    applyConversation: (conversation: Conversation, complete: boolean) =>
      put(complete ? fromRest(held(conversation.id), conversation, windowOf(conversation.id)) : applyConversation(held(conversation.id), conversation, false)),

    /** A message from the cable or an answer. False when the conversation is not held yet (fetch it). */
    applyMessage(message: Message): boolean {
      const state = held(message.conversation_id);
      put(applyMessage(state ?? placeholderConversation(message.conversation_id), message));
      return state !== undefined;
    },

    /** An older page from the server; `hasOlder` when the page was full. Answers how many it added. */
    applyOlder(id: number, messages: Message[], hasOlder: boolean): number {
      const state = held(id) ?? placeholderConversation(id);
      const merged = mergeMessages(state.messages, messages);
      put({ ...state, messages: merged, hasOlder });
      return merged.length - state.messages.length;
    },

    /** The server's whole list after a (re)connect: what it no longer has is dropped. */
    resynced(list: Conversation[]) {
      batch(() => {
        const seen = new Set(list.map((c) => c.id));
        const next = new Map([...conversations.peek()].filter(([id]) => seen.has(id)));
        for (const c of list) next.set(c.id, bounded(fromRest(next.get(c.id), c, windowOf(c.id)), windowOf(c.id)));
        conversations.value = next;
        if (connection.peek().issue) connection.value = { state: connection.peek().state };
      });
    },

    /** The contact read this thread up to its newest message (local knowledge, ahead of the server). */
    markedRead(id: number, now = Date.now()) {
      const state = held(id);
      if (!state) return;
      const newest = state.messages[state.messages.length - 1];
      put({
        ...state,
        contactLastSeenAt: Math.max(state.contactLastSeenAt, Math.floor(now / 1000), newest?.created_at ?? 0),
        readUpToId: Math.max(state.readUpToId ?? 0, newest?.id ?? 0),
      });
    },

    /**
     * A panel starts showing a thread: where its unread replies begin, and a window that shows them all.
     * `fresh` (no other panel shows it): the window starts small again, however far it was paged back.
     */
    opened(id: number, firstUnread: Message | undefined, fresh = false) {
      batch(() => {
        const marks = new Map(unreadMarks.peek());
        if (firstUnread) marks.set(id, firstUnread.id);
        else marks.delete(id);
        unreadMarks.value = marks;
        const state = held(id);
        const fromFirst = firstUnread && state ? state.messages.length - state.messages.indexOf(firstUnread) : 0;
        const size = Math.max(fresh ? THREAD_PAGE : windowOf(id), Math.min(fromFirst + 5, MAX_OPEN_WINDOW));
        if (size !== windows.peek().get(id)) windows.value = withEntry(windows.peek(), id, size);
      });
    },

    windowOf,
    growWindow: (id: number) => (windows.value = withEntry(windows.peek(), id, (windows.peek().get(id) ?? THREAD_PAGE) + OLDER_PAGE)),

    setConnection: (state: ConnectionState, issue?: ErrorCode) =>
      (connection.value = issue ? { state, issue } : { state }),
    setPresence: (online: boolean) => (agentsOnline.value = online),
    setTyping: (id: number, agent: TypingAgent | null) => (typing.value = withEntry(typing.peek(), id, agent)),
    setPending: (items: readonly OutboxItem[]) => (pending.value = items.map((item) => ({ ...item }))),
    conversationStarted: (echoId: string, id: number) => (started.value = withEntry(started.peek(), echoId, id)),
    setStorageFull: (full: boolean) => void (storageFull.value = full),
    setCsatDisplay: (id: number, display: 'emoji' | 'star') => void (csatDisplay.value = withEntry(csatDisplay.peek(), id, display)),

    /** Cached conversations of this session, at start. */
    restore(cached: ConversationState[]) {
      conversations.value = new Map(cached.map((c) => [c.id, c]));
    },
    /** Another contact or inbox: nothing held belonged to it. */
    reset() {
      batch(() => {
        conversations.value = new Map();
        windows.value = new Map();
        unreadMarks.value = new Map();
        typing.value = new Map();
        agentsOnline.value = undefined;
      });
    },
  };
}

export type Store = ReturnType<typeof createStore>;
