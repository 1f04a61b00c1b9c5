// Markdown to Preact elements, from marked's tokens: never HTML strings, never innerHTML. This module and
// marked form a lazy chunk (see use-markdown.ts). Raw HTML in the text is shown as text, links go through
// safeHref, and images become links (nothing remote loads without a click).
import { Lexer, type Token, type Tokens } from 'marked';
import type { ComponentChildren } from 'preact';
import { decodeEntities } from './entities';
import { checkbox, inline, text } from './markdown-inline';

/** Deeper nesting (quotes in quotes in lists…) is shown as its source text: no unbounded recursion. */
const MAX_DEPTH = 12;

export function renderMarkdown(source: string): ComponentChildren {
  let tokens: Token[];
  try {
    tokens = Lexer.lex(source, { gfm: true, breaks: true });
  } catch {
    // Marked can overflow the stack on thousands of nested quotes: show the text as written.
    return <p class="md-raw">{source}</p>;
  }
  return blocks(tokens, 0);
}

function blocks(tokens: Token[], depth: number): ComponentChildren[] {
  return tokens.map((token, i) => block(token, depth, i));
}

function block(token: Token, depth: number, key: number): ComponentChildren {
  if (depth > MAX_DEPTH) return <p key={key} class="md-raw">{token.raw}</p>;
  const t = token as Tokens.Generic;
  switch (token.type) {
    case 'space':
    case 'def': // reference definitions are used by links, not shown
      return null;
    case 'paragraph':
      return <p key={key}>{inline(t.tokens ?? [], depth)}</p>;
    case 'text': // the text of a tight list item
      return <span key={key}>{t.tokens ? inline(t.tokens, depth) : text(token.raw)}</span>;
    case 'heading':
      return heading(t as Tokens.Heading, depth, key);
    case 'code':
      return (
        <pre key={key} class="md-pre" dir="ltr">
          <code>{(t as Tokens.Code).text}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{blocks(t.tokens ?? [], depth + 1)}</blockquote>;
    case 'list':
      return list(t as Tokens.List, depth, key);
    case 'table':
      return table(t as Tokens.Table, depth, key);
    case 'hr':
      return <hr key={key} />;
    case 'checkbox': // a task list item's box, read out as "Done:" or "To do:"
      return checkbox((t as Tokens.Checkbox).checked, key);
    case 'html': // raw HTML is shown as the text it is
      return <p key={key} class="md-raw">{(t as Tokens.HTML).text}</p>;
    default:
      return <p key={key}>{decodeEntities(token.raw)}</p>;
  }
}

/** Headings inside a message sit below the panel's own (h1, h2): depth 1 becomes h3, and so on. */
function heading(t: Tokens.Heading, depth: number, key: number) {
  const children = inline(t.tokens, depth);
  switch (Math.min(t.depth, 4)) {
    case 1:
      return <h3 key={key} class="md-h md-h1">{children}</h3>;
    case 2:
      return <h4 key={key} class="md-h md-h2">{children}</h4>;
    case 3:
      return <h5 key={key} class="md-h md-h3">{children}</h5>;
    default:
      return <h6 key={key} class="md-h md-h4">{children}</h6>;
  }
}

function list(t: Tokens.List, depth: number, key: number) {
  const items = t.items.map((item, i) => <li key={i}>{blocks(item.tokens, depth + 1)}</li>);
  if (!t.ordered) return <ul key={key}>{items}</ul>;
  const start = typeof t.start === 'number' && t.start !== 1 ? t.start : undefined;
  return (
    <ol key={key} start={start}>
      {items}
    </ol>
  );
}

function table(t: Tokens.Table, depth: number, key: number) {
  return (
    <div key={key} class="md-table">
      <table>
        <thead>
          <tr>
            {t.header.map((cell, i) => (
              <th key={i}>{inline(cell.tokens, depth)}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {t.rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) => (
                <td key={i}>{inline(cell.tokens, depth)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
