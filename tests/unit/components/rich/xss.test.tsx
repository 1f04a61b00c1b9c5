// Every hostile string of the shared corpus, sent through every field a message renders. Nothing may run,
// no element outside the allow-list may appear, no handler attribute, and every URL attribute must pass the
// scheme rules (href: http(s), mailto, tel; src: http(s); both: this page's own blob: previews).
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MessageItem } from '@/components/panel/message-item';
import { loadInteractive } from '@/components/panel/rich/use-interactive';
import { loadMarkdown } from '@/components/panel/rich/use-markdown';
import type { ThreadMessage } from '@/utils/protocol';
import { TRIPWIRE_HOST, XSS_PAYLOADS } from '../../../fixtures/xss-payloads';
import { agentMessage } from './helpers';

const ALLOWED = new Set(
  ('div span p a img video audio button form label input textarea select option ul ol li strong em del code pre ' +
    'blockquote h3 h4 h5 h6 hr br table thead tbody tr th td dl dt dd time').split(' '),
);
const FORBIDDEN_ATTRIBUTES = ['style', 'srcdoc', 'srcset', 'formaction', 'action', 'xlink:href', 'background', 'data', 'poster', 'ping'];
const FILE_TYPES = ['image', 'video', 'audio', 'file', 'location', 'fallback', 'story_mention'];

beforeAll(async () => {
  // Markdown and the lazy interactive renderers render synchronously from here on.
  await Promise.all([loadMarkdown(), loadInteractive()]);
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** One message per way a string can reach the screen. */
function messagesCarrying(p: string): ThreadMessage[] {
  const attachment = (fileType: string) => ({ fileType, url: p, thumbUrl: p, fileName: p, fallbackTitle: p, extension: p });
  return [
    agentMessage({ content: p, sender: { name: p, avatarUrl: p } }),
    agentMessage({ content: p, from: 'me', sender: null }),
    agentMessage({ content: p, from: 'bot', senderKind: 'bot', sender: { name: p, avatarUrl: `https://ok.example/${p}` } }),
    agentMessage({ content: JSON.stringify({ [p]: p, nested: { [p]: [p] } }) }),
    agentMessage({ content: JSON.stringify([{ label: p, value: p }]) }),
    agentMessage({ attachments: FILE_TYPES.map(attachment) }),
    agentMessage({ attachments: [{ fileType: 'image', url: 'https://ok.example/i.png', thumbUrl: p }, { fileType: 'file', url: `https://ok.example/${p}` }] }),
    agentMessage({
      content: p,
      contentType: 'cards',
      contentAttributes: {
        items: [{ title: p, description: p, media_url: p, actions: [{ type: 'link', text: p, uri: p }, { type: 'postback', text: p, payload: p }] }],
      },
    }),
    agentMessage({
      content: p,
      contentType: 'form',
      contentAttributes: {
        button_label: p,
        items: [
          { name: p, label: p, type: 'text', placeholder: p, default: p, pattern: p, pattern_error: p, title: p },
          { name: 'e', label: p, type: 'email', placeholder: p, regex: p },
          { name: 't', label: p, type: 'text_area', placeholder: p },
          { name: 's', label: p, type: 'select', placeholder: p, options: [{ label: p, value: p }] },
          { name: 'x', label: p, type: p },
        ],
      },
    }),
    agentMessage({ contentType: 'form', contentAttributes: { items: [{ name: p, label: p }], submitted_values: [{ name: p, value: p }] } }),
    agentMessage({ contentType: 'article', contentAttributes: { items: [{ title: p, description: p, link: p }] } }),
    agentMessage({ content: p, contentType: 'input_select', contentAttributes: { items: [{ title: p, value: p }] } }),
    agentMessage({ contentType: 'input_select', contentAttributes: { submitted_values: [{ title: p, value: p }] } }),
    agentMessage({ content: p, contentType: 'input_email' }),
    agentMessage({ contentType: 'input_email', contentAttributes: { submitted_email: p } }),
    agentMessage({ content: p, contentType: 'input_csat', contentAttributes: { display_type: p } }),
    agentMessage({ content: p, contentType: p, contentAttributes: { items: [{ title: p }] } }),
  ];
}

function checkUrl(name: 'href' | 'src', value: string) {
  const url = new URL(value); // a relative or unparsable value fails here
  const allowed = name === 'href' ? ['http:', 'https:', 'mailto:', 'tel:'] : ['http:', 'https:'];
  const ownBlob = url.protocol === 'blob:' && url.origin === location.origin;
  expect(allowed.includes(url.protocol) || ownBlob, `${name}="${value}"`).toBe(true);
  if (name === 'src') expect(url.hostname, 'nothing loads the tripwire host').not.toBe(TRIPWIRE_HOST);
}

/** The panel's own drawn icons (a file, a map pin): decorative, one path, nothing that loads or runs. */
const ICON_ATTRIBUTES = new Set(['viewBox', 'width', 'height', 'aria-hidden', 'd', 'fill', 'stroke', 'stroke-width', 'stroke-linejoin', 'stroke-linecap']);
function isOwnIcon(el: Element): boolean {
  const svg = el.closest('svg');
  if (!svg || svg.getAttribute('aria-hidden') !== 'true' || ![...svg.children].every((c) => c.tagName.toLowerCase() === 'path')) return false;
  return [...el.attributes].every((a) => ICON_ATTRIBUTES.has(a.name));
}

function assertSafe() {
  const elements = [...document.body.querySelectorAll('*')];
  for (const el of elements) {
    const tag = el.tagName.toLowerCase();
    expect(ALLOWED.has(tag) || ((tag === 'svg' || tag === 'path') && isOwnIcon(el)), `<${tag}> is not allowed`).toBe(true);
    for (const { name, value } of [...el.attributes]) {
      expect(name.startsWith('on'), `${tag}[${name}]`).toBe(false);
      expect(FORBIDDEN_ATTRIBUTES.includes(name), `${tag}[${name}]`).toBe(false);
      if (name === 'href' || name === 'src') checkUrl(name, value);
    }
  }
  expect(Reflect.get(window, '__pwned')).toBeUndefined();
}

describe('hostile content in every rendered field', () => {
  it(`the corpus has at least 80 payloads (${XSS_PAYLOADS.length})`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(80);
  });

  it.each(XSS_PAYLOADS.map((p, i) => [i, p] as const))('payload %i renders inert: %s', (_i, payload) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const onSubmit = vi.fn();
    const onReply = vi.fn();
    render(
      <div>
        {messagesCarrying(payload).map((m) => (
          <MessageItem key={m.key} message={m} startsGroup onSubmit={onSubmit} onReply={onReply} />
        ))}
      </div>,
    );
    // Nothing in the corpus may break a row: each renders (no "can't be shown").
    expect(document.querySelector('.msg--broken')).toBeNull();
    assertSafe();

    // Open the viewers, fire the events a handler would hang on, press every button.
    for (const a of document.querySelectorAll<HTMLElement>('.attachment--image')) fireEvent.click(a, { button: 0 });
    for (const el of document.body.querySelectorAll('*')) {
      for (const type of ['load', 'error', 'mouseover', 'focus', 'toggle', 'animationstart']) el.dispatchEvent(new Event(type));
    }
    for (const button of document.querySelectorAll<HTMLButtonElement>('button')) fireEvent.click(button);
    assertSafe();
  });
});
