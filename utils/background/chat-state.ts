// Pure functions over the background's chat state: merging REST answers and cable events without
// duplicates, and deriving what the panel shows. No I/O here, so every rule is unit-tested directly.
import { MessageType } from '../api/message-type';
import type { Conversation, Message } from '../api/schemas';
import { isUnread, unreadCount } from '../unread';

export interface ConversationState {
  id: number;
  status: string;
  contactLastSeenAt: number;
  agentLastSeenAt: number;
  lastActivityAt: number;
  customAttributes: Record<string, unknown>;
  /** Chatwoot's conversation uuid: the CSAT survey page is addressed by it. */
  uuid?: string;
  /** Held messages, oldest first, unique by id. */
  messages: Message[];
  /** The server has messages older than messages[0]. */
  hasOlder: boolean;
  /** The newest message id the contact has seen here (local knowledge; settles same-second ties). */
  readUpToId?: number;
}

function compareMessages(a: Message, b: Message): number {
  return a.created_at - b.created_at || a.id - b.id;
}

/**
 * Union by id; a newer copy of a message (edit, status, submitted values) replaces the held one. A copy with
 * nothing new keeps the held object: the panels' rows are compared by identity, and a resync (the whole
 * history again) must not send every row of every panel again.
 */
export function mergeMessages(held: readonly Message[], incoming: readonly Message[]): Message[] {
  if (incoming.length === 0) return held as Message[];
  const byId = new Map<number, Message>();
  for (const message of held) byId.set(message.id, message);
  for (const message of incoming) {
    if (message.private || message.message_type === MessageType.activity) continue; // never the contact's to see
    const old = byId.get(message.id);
    const next = old ? { ...old, ...message } : message;
    byId.set(message.id, old && JSON.stringify(old) === JSON.stringify(next) ? old : next);
  }
  return [...byId.values()].sort(compareMessages);
}

function lastActivity(state: Pick<ConversationState, 'messages'>, fallback: number): number {
  const last = state.messages[state.messages.length - 1];
  return Math.max(last?.created_at ?? 0, fallback);
}

/**
 * Applies a conversation from REST (whole history: `complete`) or from a cable event (last message only).
 * Seen-at times only move forward: a late event must not resurrect read messages as unread.
 */
export function applyConversation(
  held: ConversationState | undefined,
  conversation: Conversation,
  complete: boolean,
): ConversationState {
  const messages = mergeMessages(held?.messages ?? [], conversation.messages);
  const next: ConversationState = {
    id: conversation.id,
    status: conversation.status,
    contactLastSeenAt: Math.max(held?.contactLastSeenAt ?? 0, conversation.contact_last_seen_at ?? 0),
    agentLastSeenAt: Math.max(held?.agentLastSeenAt ?? 0, conversation.agent_last_seen_at ?? 0),
    lastActivityAt: 0,
    customAttributes: conversation.custom_attributes ?? held?.customAttributes ?? {},
    ...(conversation.uuid || held?.uuid ? { uuid: (conversation.uuid || held?.uuid)! } : {}),
    messages,
    hasOlder: complete ? false : (held?.hasOlder ?? false),
    ...(held?.readUpToId !== undefined ? { readUpToId: held.readUpToId } : {}),
  };
  next.lastActivityAt = lastActivity(next, Math.max(held?.lastActivityAt ?? 0, conversation.last_activity_at ?? conversation.timestamp ?? 0));
  return next;
}

/** One message in or replaced, without re-sorting: a binary search finds its place (a cable event's path). */
export function upsertMessage(held: readonly Message[], message: Message): Message[] {
  if (message.private || message.message_type === MessageType.activity) return held as Message[];
  let lo = 0;
  let hi = held.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareMessages(held[mid]!, message) < 0) lo = mid + 1;
    else hi = mid;
  }
  const next = held.slice();
  const at = held[lo];
  if (at?.id === message.id) next[lo] = { ...at, ...message };
  else if (held.some((m) => m.id === message.id)) return mergeMessages(held, [message]); // its time changed
  else next.splice(lo, 0, message);
  return next;
}

export function applyMessage(held: ConversationState, message: Message): ConversationState {
  // Older than what is held of a history that goes further back (an edit, a read status of an old reply):
  // held, it would leave a hole that paging back (`before` the oldest held) never fills. Its page brings it.
  const first = held.messages[0];
  if (held.hasOlder && first && compareMessages(message, first) < 0 && !held.messages.some((m) => m.id === message.id)) return held;
  const messages = upsertMessage(held.messages, message);
  return { ...held, messages, lastActivityAt: lastActivity({ messages }, held.lastActivityAt) };
}

export function placeholderConversation(id: number): ConversationState {
  return {
    id, status: 'open', contactLastSeenAt: 0, agentLastSeenAt: 0, lastActivityAt: 0, customAttributes: {},
    messages: [], hasOlder: true,
  };
}

export function unreadOf(state: ConversationState): number {
  return unreadCount(state.messages, state.contactLastSeenAt, state.readUpToId);
}

/** The oldest unread message held, where a "New messages" line goes when the thread is opened. */
export function firstUnreadOf(state: ConversationState): Message | undefined {
  return state.messages.find((m) => isUnread(m, state.contactLastSeenAt, state.readUpToId));
}

/** What is kept in storage: the newest messages only, so the cache stays small whatever the history. */
export function trimForStorage(state: ConversationState, keep: number): ConversationState {
  if (state.messages.length <= keep) return state;
  return { ...state, messages: state.messages.slice(-keep), hasOlder: true };
}
