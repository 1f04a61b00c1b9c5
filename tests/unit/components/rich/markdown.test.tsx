import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MessageContent } from '@/components/panel/message-content';
import { loadMarkdown } from '@/components/panel/rich/use-markdown';

beforeAll(async () => {
  await loadMarkdown();
});
afterEach(cleanup);

function md(content: string) {
  const { container } = render(<MessageContent content={content} />);
  return container;
}

describe('Markdown in messages', () => {
  it('renders emphasis, strikethrough and inline code as elements', () => {
    const c = md('**bold** *italic* _also_ ~~gone~~ `a < b`');
    expect(c.querySelector('strong')?.textContent).toBe('bold');
    expect([...c.querySelectorAll('em')].map((e) => e.textContent)).toEqual(['italic', 'also']);
    expect(c.querySelector('del')?.textContent).toBe('gone');
    expect(c.querySelector('code')?.textContent).toBe('a < b');
  });

  it('renders code blocks as written, markup included', () => {
    const c = md('```html\n<script>alert(1)</script>\n  indented\n```');
    const pre = c.querySelector('pre code');
    expect(pre?.textContent).toBe('<script>alert(1)</script>\n  indented');
    expect(c.querySelector('script')).toBeNull();
  });

  it('renders lists, ordered ones from their start number, and task items', () => {
    const c = md('- one\n- two\n\n3. three\n4. four\n\n- [x] done\n- [ ] todo');
    expect([...c.querySelectorAll('ul')[0]!.querySelectorAll('li')].map((l) => l.textContent)).toEqual(['one', 'two']);
    expect(c.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(c.querySelectorAll('ol li')).toHaveLength(2);
    expect(c.textContent).toContain('☑ done');
    expect(c.textContent).toContain('☐ todo');
  });

  it('renders block quotes and headings below the panel’s own headings', () => {
    const c = md('# Title\n\n## Sub\n\n> quoted\n> text');
    expect(c.querySelector('h3')?.textContent).toBe('Title');
    expect(c.querySelector('h4')?.textContent).toBe('Sub');
    expect(c.querySelector('h1, h2')).toBeNull();
    expect(c.querySelector('blockquote')?.textContent).toContain('quoted');
  });

  it('keeps single line breaks, as people type them in chat', () => {
    const c = md('**Hi**\nsecond line');
    expect(c.querySelectorAll('br')).toHaveLength(1);
  });

  it('links http(s), mailto and tel in a new tab without opener', () => {
    const c = md('[site](https://example.com/a?b=1&amp;c=2) [mail](mailto:a@example.com) [call](tel:+15550100) <https://auto.example>');
    const links = [...c.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://example.com/a?b=1&c=2',
      'mailto:a@example.com',
      'tel:+15550100',
      'https://auto.example/',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('makes bare addresses links (GFM) too', () => {
    const c = md('*see* https://help.example.com/x. and www.example.org');
    expect([...c.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://help.example.com/x', 'http://www.example.org/']);
  });

  it('shows links with other schemes as their text', () => {
    const c = md('[click](javascript:alert(1)) [data](data:text/html,hi) [rel](/relative) [ftp](ftp://x.example/f)');
    expect(c.querySelectorAll('a')).toHaveLength(0);
    expect(c.textContent).toBe('click data rel ftp');
  });

  it('shows images as links to them, never loading them', () => {
    const c = md('![a cat](https://img.example/cat.png) ![bad](javascript:alert(1))');
    expect(c.querySelector('img')).toBeNull();
    const link = c.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('https://img.example/cat.png');
    expect(link.textContent).toContain('Image: a cat');
    expect(c.textContent).toContain('bad');
  });

  it('shows raw HTML as text', () => {
    const c = md('Hello <b onclick="x()">there</b>\n\n<div>\n<img src=x onerror=alert(1)>\n</div>');
    expect(c.querySelector('b, div div, img')).toBeNull();
    expect(c.textContent).toContain('<b onclick="x()">there</b>');
    expect(c.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('decodes character references into text, not markup', () => {
    const c = md('Tom &amp; Jerry &lt;b&gt; &copy; &#169; &unknown; *x*');
    expect(c.textContent).toBe('Tom & Jerry <b> © © &unknown; x');
    expect(c.querySelector('b')).toBeNull();
  });

  it('renders tables', () => {
    const c = md('| a | b |\n|---|---|\n| 1 | **2** |');
    expect([...c.querySelectorAll('th')].map((t) => t.textContent)).toEqual(['a', 'b']);
    expect(c.querySelector('td strong')?.textContent).toBe('2');
  });

  it('uses reference links through the same check', () => {
    const c = md('[ok][1] and [bad][2]\n\n[1]: https://ok.example\n[2]: javascript:alert(1)');
    expect([...c.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://ok.example/']);
    expect(c.textContent).toContain('bad');
  });

  it('shows thousands of nested quotes as text instead of failing', () => {
    const c = md(`${'> '.repeat(6000)}deep`);
    expect(c.textContent).toContain('deep');
  });

  it('leaves text that only looks a bit like Markdown readable', () => {
    const c = md('2 * 3 = 6 and snake_case_name');
    expect(c.textContent).toBe('2 * 3 = 6 and snake_case_name');
  });
});
