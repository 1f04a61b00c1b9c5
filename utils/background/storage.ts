// What the background keeps in storage.local, so a stopped worker rebuilds everything on its next event.
import { defineItem } from '../storage-item';
import { ERROR_CODES, type ErrorCode } from '../protocol/errors';
import type { OutboxItem } from './outbox-queue';

export interface StoredSession {
  /** installation URL + inbox identifier: a session belongs to one inbox. */
  key: string;
  sourceId: string;
  pubsubToken: string;
  contactId: number;
  identifier?: string;
  identifierHash?: string;
  /** The inbox's name, for the panel's header. */
  inboxName?: string;
}

export const sessionItem = defineItem<StoredSession | null>('local:session', { fallback: null, version: 1 });
const isCode = (value: unknown): value is ErrorCode => ERROR_CODES.includes(value as ErrorCode);
export const outboxItem = defineItem<OutboxItem[]>('local:outbox', {
  fallback: [],
  version: 2,
  // Version 1 kept an exception's text as the error; errors are codes now.
  migrations: { 2: (items: OutboxItem[]) => items.map((i) => (i.error && !isCode(i.error) ? { ...i, error: 'server' as const } : i)) },
});
