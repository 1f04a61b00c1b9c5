// The context menu hands a page (and a quoted selection) to the side panel through storage.session:
// the menu click must open the panel synchronously, so it cannot wait for the panel to answer a message.
import { storage } from '#imports';
import type { PageContext } from './protocol';

export interface DraftHandoff {
  page: PageContext;
  selection?: string;
  at: number;
}

export const draftHandoffItem = storage.defineItem<DraftHandoff | null>('session:draftHandoff', { fallback: null });

/** The composer text for a handed-off draft: the selection as a Markdown quote. */
export function draftText(handoff: DraftHandoff): string {
  const selection = handoff.selection?.trim();
  if (!selection) return '';
  return `${selection
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n')}\n\n`;
}

/** A notification click asks the panel to show one conversation. */
export const openConversationItem = storage.defineItem<number | null>('session:openConversation', { fallback: null });
