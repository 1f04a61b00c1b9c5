import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { MessageContent } from '@/components/panel/message-content';
import { LINKIFY_MAX_LINKS } from '@/components/panel/rich/linkify';

afterEach(cleanup);

const content = (text: string) => render(<MessageContent content={text} />).container;

describe('JSON form answers', () => {
  it('shows an object answer as "Label: value" lines, never as JSON', () => {
    const c = content('{"name":"Ana Lima","email":"ana@example.com","first_name":"Ana","subscribed":true,"tags":["a","b"]}');
    const rows = [...c.querySelectorAll('.answers__row')].map((r) => [r.querySelector('dt')?.textContent, r.querySelector('dd')?.textContent]);
    expect(rows).toEqual([
      ['Name', 'Ana Lima'],
      ['Email', 'ana@example.com'],
      ['First name', 'Ana'],
      ['Subscribed', 'Yes'],
      ['Tags', 'a, b'],
    ]);
    expect(c.textContent).not.toContain('{');
  });

  it('shows a list of {label, value} (or title/name) with its labels', () => {
    const c = content(' [{"label":"Your name","value":"Ana"},{"title":"Plan","value":"Pro"},{"name":"email","value":null}] ');
    expect([...c.querySelectorAll('dt')].map((d) => d.textContent)).toEqual(['Your name', 'Plan', 'email']);
    expect([...c.querySelectorAll('dd')].map((d) => d.textContent)).toEqual(['Ana', 'Pro', '—']);
  });

  it('flattens nested values into readable text', () => {
    const c = content('{"address":{"city":"Lisbon","zip":"1000"}}');
    expect(c.querySelector('dd')?.textContent).toBe('City: Lisbon, Zip: 1000');
  });

  it('leaves text that is not a JSON answer to the text path', () => {
    expect(content('{not json}').querySelector('.answers')).toBeNull();
    expect(content('[1, 2, 3]').querySelector('.answers')).toBeNull();
    expect(content('"just a string"').querySelector('.answers')).toBeNull();
  });
});

describe('plain text', () => {
  it('keeps text as written, with web addresses as safe links', () => {
    const c = content('See https://help.example.com/a?b=1. Or javascript:alert(1) <b>bold</b>');
    expect(c.querySelector('p.msg__text')?.textContent).toBe('See https://help.example.com/a?b=1. Or javascript:alert(1) <b>bold</b>');
    expect([...c.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://help.example.com/a?b=1']);
  });

  it('bounds link detection: a megabyte of addresses renders quickly with a capped number of links', () => {
    const url = 'https://example.com/page/12345 ';
    const huge = url.repeat(Math.ceil(1_000_000 / url.length));
    const started = performance.now();
    const c = content(huge);
    const took = performance.now() - started;
    expect(c.querySelectorAll('a')).toHaveLength(LINKIFY_MAX_LINKS);
    expect(c.textContent!.length).toBe(huge.length);
    expect(took).toBeLessThan(2000);
  });

  it('does not cut an address in two at the scan limit', () => {
    const text = `${'x '.repeat(9_990)}https://example.com/long/address/here tail`;
    const c = content(text);
    for (const a of c.querySelectorAll('a')) expect(a.textContent).toBe(a.getAttribute('href'));
  });

  it('shows a deleted message in the panel’s words', () => {
    render(<MessageContent content="Este mensaje fue eliminado" deleted />);
    expect(screen.getByText('This message was deleted')).toBeTruthy();
    expect(screen.queryByText('Este mensaje fue eliminado')).toBeNull();
  });
});
