// The composer text for a page handed over by the context menu: the selection as a Markdown quote.
import type { Handoff } from '../protocol/mailboxes';

export function handoffText(handoff: Extract<Handoff, { kind: 'page' }>): string {
  const selection = handoff.selection?.trim();
  if (!selection) return '';
  return `${selection
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n')}\n\n`;
}
