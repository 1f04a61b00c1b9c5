// The storage hand-offs that must stay, each a named mailbox, and the background is the one writer of all
// three: the pages reach them only through requests ('settings.*', 'handoff.take', 'drafts.*'), so they
// ship no storage code and a new session can empty them.
// - settings: Save and the notifications switch; read at start.
// - handoff: the context menu or a notification click, for a panel that is only now opening (a worker
//   cannot message it yet); the first panel to ask takes it.
// - drafts: unsent text per view, so it survives closing the panel; dropped with the session.
import { defineItem } from '../storage-item';
import type { FileRef } from '../files/file-store';
import type { PageContext } from '../protocol';
import { EMPTY_SETTINGS, type Settings } from '../settings';

export type Handoff =
  | { kind: 'page'; page: PageContext; selection?: string; at: number }
  | { kind: 'conversation'; conversationId: number; at: number }
  | { kind: 'screenshot'; file: FileRef; page?: PageContext; at: number }
  // The menu or the shortcut could not capture the page: the panel they opened says so.
  | { kind: 'screenshot.failed'; at: number };

export const settingsMailbox = defineItem<Settings>('local:settings', { fallback: EMPTY_SETTINGS, version: 1 });
export const handoffMailbox = defineItem<Handoff | null>('session:handoff', { fallback: null });
export const draftsMailbox = defineItem<Record<string, string>>('local:drafts', { fallback: {}, version: 1 });
