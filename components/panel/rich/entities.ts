// Marked resolves numeric character references in text but leaves named ones (`&amp;`) for its HTML
// renderer. We render text nodes, not HTML, so the common named ones are decoded here; an unknown name
// stays as written. The result only ever becomes text, so decoding can't create markup.
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«',
  raquo: '»', bull: '•', middot: '·', euro: '€', pound: '£', yen: '¥', cent: '¢', deg: '°', plusmn: '±',
  times: '×', divide: '÷', para: '¶', sect: '§', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔',
  colon: ':', lpar: '(', rpar: ')', sol: '/', num: '#', excl: '!', quest: '?', equals: '=', tab: '\t',
  newline: '\n',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

function fromCodePoint(code: number, raw: string): string {
  // NUL, surrogates and out-of-range points are what HTML turns into U+FFFD; keep the text as written.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return raw;
  return String.fromCodePoint(code);
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (raw, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec) return fromCodePoint(Number.parseInt(dec, 10), raw);
    if (hex) return fromCodePoint(Number.parseInt(hex, 16), raw);
    return (name && Object.hasOwn(NAMED, name) ? NAMED[name] : undefined) ?? raw;
  });
}
