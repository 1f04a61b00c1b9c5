// The storage hand-offs that must stay, each a named mailbox with ONE writer. Everything else between the
// pages and the background goes through requests and events.
// - settings: written by the background (Save, the notifications switch), read by it at start.
// - handoff: written by the background when the context menu or a notification must reach a panel that is
//   only now opening (a worker cannot message it yet); a panel reads it and asks the background to clear it.
// - drafts: written by the panel only: unsent text survives closing the panel.
import { storage } from '#imports';
import type { PageContext } from '../protocol';
import { EMPTY_SETTINGS, type Settings } from '../settings';

export type Handoff =
  | { kind: 'page'; page: PageContext; selection?: string; at: number }
  | { kind: 'conversation'; conversationId: number; at: number };

export const settingsMailbox = storage.defineItem<Settings>('local:settings', { fallback: EMPTY_SETTINGS, version: 1 });
export const handoffMailbox = storage.defineItem<Handoff | null>('session:handoff', { fallback: null });
export const draftsMailbox = storage.defineItem<Record<string, string>>('local:drafts', { fallback: {}, version: 1 });
