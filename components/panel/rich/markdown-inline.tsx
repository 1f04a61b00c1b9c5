// Inline Markdown tokens (emphasis, code, links, images, line breaks) as Preact elements.
import type { Token, Tokens } from 'marked';
import type { ComponentChildren } from 'preact';
import { richStrings } from '@/utils/rich-strings';
import { safeHref } from '../safe-url';
import { decodeEntities } from './entities';

const MAX_DEPTH = 24;

/** Text as written, with the named character references marked leaves in place decoded. */
export function text(raw: string): string {
  return decodeEntities(raw);
}

export function inline(tokens: Token[], depth: number): ComponentChildren[] {
  return tokens.map((token, i) => span(token, depth + 1, i));
}

function span(token: Token, depth: number, key: number): ComponentChildren {
  if (depth > MAX_DEPTH) return token.raw;
  const t = token as Tokens.Generic;
  switch (token.type) {
    case 'text':
      return t.tokens ? <span key={key}>{inline(t.tokens, depth)}</span> : text((t as Tokens.Text).text);
    case 'escape': // a backslash-escaped character: the character itself
      return (t as Tokens.Escape).text;
    case 'strong':
      return <strong key={key}>{inline(t.tokens ?? [], depth)}</strong>;
    case 'em':
      return <em key={key}>{inline(t.tokens ?? [], depth)}</em>;
    case 'del':
      return <del key={key}>{inline(t.tokens ?? [], depth)}</del>;
    case 'codespan':
      return <code key={key}>{(t as Tokens.Codespan).text}</code>;
    case 'br':
      return <br key={key} />;
    case 'link':
      return link(t as Tokens.Link, depth, key);
    case 'image':
      return image(t as Tokens.Image, key);
    case 'checkbox':
      return checkbox((t as Tokens.Checkbox).checked, key);
    case 'html': // raw HTML is shown as the text it is
      return (t as Tokens.Tag).text;
    default:
      return token.raw;
  }
}

export function checkbox(checked: boolean, key: number) {
  return (
    <span key={key} class="md-task">
      <span role="img" aria-label={checked ? richStrings.taskDone : richStrings.taskOpen}>
        {checked ? '☑' : '☐'}
      </span>{' '}
    </span>
  );
}

/** Links open in a new tab, only for http(s), mailto and tel; anything else is its text. */
function link(t: Tokens.Link, depth: number, key: number) {
  const children = inline(t.tokens, depth);
  // Autolinks are literal; other destinations still hold named character references (`&amp;`).
  const href = safeHref(t.autolink ? t.href : text(t.href));
  if (!href) return <span key={key}>{children}</span>;
  return (
    <a key={key} href={href} title={t.title ? text(t.title) : undefined} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}

/** An image is a link to it: a message can't make the panel load a remote address by itself. */
function image(t: Tokens.Image, key: number) {
  const alt = text(t.text);
  const href = safeHref(text(t.href));
  if (!href) return alt;
  return (
    <a key={key} class="md-image" href={href} target="_blank" rel="noopener noreferrer">
      <span aria-hidden="true">🖼 </span>
      {richStrings.imageLink(alt)}
    </a>
  );
}
