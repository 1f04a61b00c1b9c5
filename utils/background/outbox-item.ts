// What the outbox holds and what it needs: its items (persisted as they are), the requests it makes, the
// hooks it calls, and how long it waits before trying again.
import { ApiError } from '../api/errors';
import { MessageType } from '../api/message-type';
import type { Conversation, Message } from '../api/schemas';
import type { FileRef } from '../files/file-store';
import type { ErrorCode } from '../protocol/errors';

export interface OutboxItem {
  echoId: string;
  conversationId: number | null;
  /** The text posted, page line included. */
  content: string;
  /** Set only on the first message of a new conversation (the only time they can be set). */
  customAttributes?: Record<string, string>;
  /** Files sent with it: their bytes wait in IndexedDB (utils/files/file-store.ts) until the server has them. */
  attachments?: FileRef[];
  /** A further file of a new conversation: it goes to the conversation this item (an echo id) creates. */
  follows?: string;
  state: 'queued' | 'sending' | 'failed';
  attempts: number;
  nextAttemptAt: number;
  sendingSince?: number;
  /** The last attempt, started then, may have reached the server: look before sending again. */
  uncertainSince?: number;
  /** A new conversation: the newest conversation id the contact had when its creation was asked for. */
  createdAfter?: number;
  /** That creation may have happened on the server: look for it before creating another. */
  createUncertain?: boolean;
  error?: ErrorCode;
  createdAt: number;
  /** Percent of its files uploaded, while it is sending and the platform can tell; never persisted. */
  progress?: number;
}

export interface OutboxTransport {
  createConversation(customAttributes?: Record<string, string>): Promise<Conversation>;
  createMessage(conversationId: number, content: string, echoId: string, attachments?: FileRef[]): Promise<Message>;
  /** Newest messages of a conversation, to find out whether an interrupted send reached the server. */
  latestMessages(conversationId: number): Promise<Message[]>;
  /** The newest conversation id held now (ids only grow). */
  newestConversationId(): number;
  /** A conversation newer than `after` with no customer message yet: one we created, whose answer was lost. */
  orphanConversation(after: number): Promise<Conversation | undefined>;
}

export interface OutboxHooks {
  save(items: OutboxItem[]): Promise<void>;
  conversationCreated(item: OutboxItem, conversation: Conversation): void | Promise<void>;
  sent(item: OutboxItem, message: Message): void | Promise<void>;
  changed(): void;
}

export const MAX_ATTEMPTS = 8;

export function backoffMs(attempt: number, error: unknown, random = Math.random): number {
  if (error instanceof ApiError && error.retryAfterMs !== null) return error.retryAfterMs;
  const base = Math.min(60_000, 1_000 * 2 ** attempt);
  return base / 2 + random() * (base / 2); // full jitter on the upper half
}

/** How long a request may still be on its way through the server: longer for files. */
export function inFlightMs(item: OutboxItem): number {
  return item.attachments?.length ? 60_000 : 8_000;
}

/** The customer's message this item posted, among the server's: same text and files, since its attempt. */
export function findLanded(item: OutboxItem, messages: readonly Message[]): Message | undefined {
  const since = (item.uncertainSince ?? item.createdAt) / 1000 - 5; // server and local clocks differ a little
  const files = item.attachments?.length ?? 0;
  return messages.find(
    (m) =>
      m.message_type === MessageType.incoming &&
      (m.content ?? '') === item.content &&
      (m.attachments?.length ?? 0) === files &&
      m.created_at >= since,
  );
}
