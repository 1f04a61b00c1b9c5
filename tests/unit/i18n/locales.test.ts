// The locale files: the same keys in every language, no empty message, every placeholder kept, and each
// plural with exactly the forms its language's plural rules use (Arabic six, Japanese one).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessagesFile } from './fake-i18n';

const DIR = join(__dirname, '../../../public/_locales');
const LANGUAGES = readdirSync(DIR).sort();
const files = new Map(LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(join(DIR, lang, 'messages.json'), 'utf8')) as MessagesFile]));
const english = files.get('en')!;
const FORMS = ['zero', 'one', 'two', 'few', 'many', 'other'];
const pluralBase = (key: string) => {
  const match = /^(.+)_(zero|one|two|few|many|other)$/.exec(key);
  return match && `${match[1]}_other` in english ? match[1]! : null;
};
const bcp47 = (lang: string) => lang.replace('_', '-');
/** Languages written right to left. */
const RTL = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'yi', 'dv']);
const placeholdersIn = (message: string) => [...message.matchAll(/\$([a-zA-Z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('the locale files', () => {
  it('include at least the eight languages, English being the default', () => {
    expect(LANGUAGES).toEqual(expect.arrayContaining(['ar', 'de', 'en', 'es', 'fr', 'hi', 'ja', 'pt_BR']));
    const config = readFileSync(join(__dirname, '../../../wxt.config.ts'), 'utf8');
    expect(config).toMatch(/default_locale: 'en'/);
  });

  it('say which language they are in (lang) and its direction (dir): the folder’s', () => {
    for (const [lang, messages] of files) {
      expect(messages.lang?.message, lang).toBe(bcp47(lang));
      expect(messages.dir?.message, lang).toBe(RTL.has(lang.split('_')[0]!) ? 'rtl' : 'ltr');
    }
  });

  it.each(LANGUAGES)('%s has the same keys as English (plurals aside) and no empty message', (lang) => {
    const messages = files.get(lang)!;
    const plain = (m: MessagesFile) => Object.keys(m).filter((k) => !pluralBase(k)).sort();
    const bases = (m: MessagesFile) => [...new Set(Object.keys(m).map(pluralBase).filter(Boolean))].sort();
    expect(plain(messages)).toEqual(plain(english));
    expect(bases(messages)).toEqual(bases(english));
    for (const [key, entry] of Object.entries(messages)) expect(entry.message.trim(), `${lang} ${key}`).not.toBe('');
  });

  it.each(LANGUAGES)('%s keeps every placeholder, each defined as in English', (lang) => {
    for (const [key, entry] of Object.entries(files.get(lang)!)) {
      const base = pluralBase(key);
      const source = english[base ? `${base}_other` : key]!;
      const expected = placeholdersIn(source.message);
      const used = placeholdersIn(entry.message);
      // A plural form for exactly zero, one or two may say the number in words ("رسالتان", two messages).
      const form = key.slice((base?.length ?? 0) + 1);
      if (base && ['zero', 'one', 'two'].includes(form)) expect(expected, `${lang} ${key}`).toEqual(expect.arrayContaining(used));
      else expect(used, `${lang} ${key}`).toEqual(expected);
      for (const name of used) {
        const content = (p: MessagesFile[string]) => Object.entries(p.placeholders ?? {}).find(([n]) => n.toLowerCase() === name)?.[1].content;
        expect(content(entry), `${lang} ${key} $${name}$`).toBe(content(source));
      }
    }
  });

  it.each(LANGUAGES)('%s has exactly the plural forms its language uses', (lang) => {
    const needed = new Intl.PluralRules(bcp47(lang)).resolvedOptions().pluralCategories;
    const messages = files.get(lang)!;
    const bases = [...new Set(Object.keys(english).map(pluralBase).filter((b): b is string => b !== null))];
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) {
      const forms = FORMS.filter((form) => `${base}_${form}` in messages);
      expect(forms.sort(), `${lang} ${base}`).toEqual([...needed].sort());
    }
  });

  it('use names Chrome accepts, distinct without regard to case', () => {
    for (const [lang, messages] of files) {
      const keys = Object.keys(messages);
      for (const key of keys) expect(key, lang).toMatch(/^[A-Za-z0-9_]+$/);
      expect(new Set(keys.map((k) => k.toLowerCase())).size, lang).toBe(keys.length);
    }
  });

  it('translate what is not a name, a code or an example in each language', () => {
    // The same words as English: product names, codes, units and loanwords that these languages use as is.
    const same = new Set(['lang', 'dir', 'appName', 'openPanelCommand', 'emailPlaceholder', 'aiLabel', 'botLabel', 'no']);
    for (const [lang, messages] of files) {
      if (lang === 'en') continue;
      const copied = Object.keys(messages).filter(
        (key) => !same.has(key) && !key.startsWith('size') && english[key]?.message === messages[key]!.message && /[a-z]{3}/.test(english[key]!.message),
      );
      // German and French share a few words with English (Server, Support, Online, Messages, Image…).
      expect(copied.length, `${lang}: ${copied.join(', ')}`).toBeLessThanOrEqual(['de', 'fr'].includes(lang) ? 8 : 1);
    }
  });
});
