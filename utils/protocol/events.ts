// Background → page events over a panel's Port (panelPortName; its disconnect also tells a panel the worker
// stopped), and the panel's one message back. The background sends what changed, not the whole state.
// Types only: the pages trust their own background, and ship no schemas for it.
import type { ConversationSummary, PanelStatus, ThreadMessage, ThreadView } from '../protocol';

const PANEL_PORT = 'hoory-panel';

/** A panel's port is named `PANEL_PORT:<its id>`: its 'thread.older' requests carry the same id, so the
 *  background knows which panel already has the rows it answered with (and does not send them again). */
export const panelPortName = (panelId: string) => `${PANEL_PORT}:${panelId}`;

/** The panel id in a port's name ('' for a bare PANEL_PORT); null when the port is not a panel's. */
export function panelIdOf(portName: string): string | null {
  if (portName === PANEL_PORT) return '';
  return portName.startsWith(`${PANEL_PORT}:`) ? portName.slice(PANEL_PORT.length + 1) : null;
}

/** A thread's rows that changed since the last event to this panel, and its header facts. */
export interface ThreadPatch {
  conversationId: number;
  status: string;
  hasOlder: boolean;
  firstUnreadKey?: string;
  upsert: ThreadMessage[];
  remove: string[];
}

export interface TypingAgent {
  name: string;
  avatarUrl?: string;
}

export type BackgroundEvent =
  | { type: 'status'; status: PanelStatus }
  | { type: 'conversations'; upsert: ConversationSummary[]; remove: number[] }
  /** Messages of conversations still being created (sending, or failed with Retry). */
  | { type: 'unsent'; messages: ThreadMessage[] }
  /** The whole view of the thread this panel shows: after it starts showing it. */
  | { type: 'thread'; thread: ThreadView }
  | { type: 'thread.patch'; patch: ThreadPatch }
  | { type: 'typing'; conversationId: number; agent: TypingAgent | null }
  /** A new conversation the panel asked for now exists: follow it. */
  | { type: 'conversation.started'; echoId: string; conversationId: number }
  /** The context menu or a notification left something for a panel: ask for it ('handoff.take'). */
  | { type: 'handoff' };

/** Panel → background over the port: which thread this panel has on screen (null: the list or a draft).
 *  Per panel, as each window may have its own side panel. A thread on screen is read, and not notified. */
export interface PanelMessage {
  type: 'view';
  conversationId: number | null;
  /** The reader opened this thread now (from the list, a notification…), rather than the page coming back
   *  into view: a thread opened anew starts with a small window, one coming back keeps the reader's place. */
  fresh?: boolean;
}
