// Web addresses in plain text become links. Bounded on purpose: a message can be a megabyte of addresses,
// and the panel must stay responsive, so only the start of the text is scanned and only so many links are
// made; the rest is shown as plain text.
import type { ComponentChildren } from 'preact';
import { safeHref } from '../safe-url';

/** Characters scanned for addresses. */
const LINKIFY_MAX_CHARS = 20_000;
/** Links made in one text. */
export const LINKIFY_MAX_LINKS = 200;

// http(s) addresses; trailing punctuation that usually ends a sentence stays outside the link.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/g;

/** Where to stop scanning: at the limit, moved back to a space so an address is not cut in two. */
function scanEnd(text: string): number {
  if (text.length <= LINKIFY_MAX_CHARS) return text.length;
  for (let i = LINKIFY_MAX_CHARS; i > 0; i--) if (/\s/.test(text[i]!)) return i;
  return LINKIFY_MAX_CHARS;
}

export function linkify(text: string): ComponentChildren[] {
  const head = text.slice(0, scanEnd(text));
  const parts: ComponentChildren[] = [];
  let last = 0;
  let links = 0;
  for (const match of head.matchAll(URL_PATTERN)) {
    const href = safeHref(match[0]);
    if (!href) continue;
    parts.push(
      head.slice(last, match.index),
      <a key={match.index} href={href} target="_blank" rel="noopener noreferrer">
        {match[0]}
      </a>,
    );
    last = match.index + match[0].length;
    if (++links >= LINKIFY_MAX_LINKS) break;
  }
  parts.push(text.slice(last));
  return parts;
}
