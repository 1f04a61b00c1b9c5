import { describe, expect, it } from 'vitest';
import { fileName, mapUrl, safeHref, safeSrc } from '@/components/panel/safe-url';

describe('safe URLs', () => {
  it('href: http(s), mailto and tel only, normalised', () => {
    expect(safeHref('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(safeHref('mailto:a@example.com')).toBe('mailto:a@example.com');
    expect(safeHref('tel:+15550100')).toBe('tel:+15550100');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '//host/x', 'jav&#x61;script:x', `blob:${location.origin}/x`, '', undefined]) {
      expect(safeHref(bad), String(bad)).toBeUndefined();
    }
  });

  it('src: http(s) and this page’s own blob: previews only', () => {
    expect(safeSrc('http://example.com/i.png')).toBe('http://example.com/i.png');
    expect(safeSrc(`blob:${location.origin}/1234`)).toBe(`blob:${location.origin}/1234`);
    for (const bad of ['blob:https://evil.example/1234', 'data:image/png;base64,AAAA', 'mailto:a@example.com', 'javascript:x', 'file:///etc/passwd']) {
      expect(safeSrc(bad), bad).toBeUndefined();
    }
  });

  it('file names come from the end of the URL, decoded', () => {
    expect(fileName('https://x.example/a/report%202026.pdf?x=1')).toBe('report 2026.pdf');
    expect(fileName('https://x.example/a/%E0%A4%A.pdf')).toBe('https://x.example/a/%E0%A4%A.pdf');
  });

  it('map links only for points on Earth', () => {
    expect(mapUrl(38.7, -9.1)).toBe('https://www.openstreetmap.org/?mlat=38.7&mlon=-9.1#map=16/38.7/-9.1');
    expect(mapUrl(91, 0)).toBeUndefined();
    expect(mapUrl(Number.NaN, 0)).toBeUndefined();
    expect(mapUrl(undefined, 1)).toBeUndefined();
  });
});
