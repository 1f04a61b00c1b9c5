// The strings API over the locale files: English by default (the setup file), and other languages by
// giving the fake browser their messages, as Chrome does for a browser in that language.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '@/public/_locales/en/messages.json';
import { strings } from '@/utils/strings';
import { fakeGetMessage, predefinedFor, type MessagesFile } from './fake-i18n';

const messagesOf = (lang: string): MessagesFile =>
  JSON.parse(readFileSync(join(__dirname, '../../../public/_locales', lang, 'messages.json'), 'utf8'));

/** The modules as a browser in `lang` loads them (their caches start empty). */
async function inLanguage(lang: string, uiLocale = lang, dir: 'ltr' | 'rtl' = 'ltr') {
  fakeBrowser.i18n.getMessage = fakeGetMessage(messagesOf(lang), predefinedFor(uiLocale, dir));
  vi.resetModules();
  return {
    strings: (await import('@/utils/strings')).strings,
    richStrings: (await import('@/utils/rich-strings')).richStrings,
    locale: await import('@/utils/i18n/locale'),
  };
}

afterEach(() => {
  fakeBrowser.i18n.getMessage = fakeGetMessage(english, predefinedFor('en'));
  vi.resetModules();
});

describe('strings in English', () => {
  it('keep their words, sentences and plurals', () => {
    expect(strings.newConversation).toBe('New conversation');
    expect(strings.typing('Ana')).toBe('Ana is typing…');
    expect(strings.pageLine('Pricing', 'https://x.test/p')).toBe('Page: Pricing — https://x.test/p');
    expect(strings.unreadReplies(1)).toBe('1 unread reply');
    expect(strings.unreadReplies(3)).toBe('3 unread replies');
    expect(strings.unreadCount(2)).toBe('2 unread');
    expect(strings.connection('offline')).toBe('Offline');
    expect(strings.status('snoozed')).toBe('Snoozed');
    expect(strings.status('something-new')).toBe('something-new');
    expect(strings.minutesAgo(12)).toBe('12 min');
  });

  it('turn every error code into words, with the origin when there is one', () => {
    expect(strings.error('unreachable')).toMatch(/^Can’t reach the server/);
    expect(strings.error('permission_needed', 'https://s.example')).toContain('talk to https://s.example.');
    expect(strings.error('permission_needed')).toContain('talk to this server.');
    expect(strings.error('permission_refused')).toMatch(/^Access to the server was refused/);
  });
});

describe('strings in other languages', () => {
  it('Arabic uses its six plural forms, right to left', async () => {
    const { strings: ar, locale } = await inLanguage('ar', 'ar', 'rtl');
    const replies = [0, 1, 2, 3, 11, 100].map((n) => ar.unreadReplies(n));
    expect(replies[0]).toBe('لا توجد ردود غير مقروءة');
    expect(replies[1]).toBe('رد واحد غير مقروء');
    expect(replies[2]).toBe('ردّان غير مقروءين');
    expect(replies[3]).toMatch(/ردود غير مقروءة$/);
    expect(replies[4]).toMatch(/ردًا غير مقروء$/);
    expect(replies[5]).toMatch(/رد غير مقروء$/);
    expect(new Set(replies).size).toBe(6);
    expect(locale.direction()).toBe('rtl');
    document.documentElement.lang = 'en';
    locale.localizeDocument(ar.optionsTitle);
    expect([document.documentElement.lang, document.documentElement.dir, document.title]).toEqual(['ar', 'rtl', 'إعدادات Hoory Sidebar']);
    document.documentElement.dir = 'ltr';
  });

  it('the messages decide the direction, whatever @@bidi_dir says (Chromium without Arabic resources says ltr)', async () => {
    const { locale } = await inLanguage('ar', 'en_US', 'ltr');
    expect(locale.direction()).toBe('rtl');
    expect(locale.messagesLanguage()).toBe('ar');
    expect(locale.locale()).toBe('ar'); // the browser's en-US formats would mix two languages on one screen
  });

  it('Japanese has one form; Spanish, French and Portuguese their own', async () => {
    expect((await inLanguage('ja')).strings.unreadReplies(1)).toBe('未読の返信 1 件');
    const es = (await inLanguage('es', 'es_MX')).strings;
    expect([es.unreadReplies(1), es.unreadReplies(4), es.newConversation]).toEqual(['1 respuesta sin leer', '4 respuestas sin leer', 'Nueva conversación']);
    expect((await inLanguage('fr')).strings.unreadCount(0)).toBe('0 non lu'); // French counts 0 as singular
    expect((await inLanguage('pt_BR', 'pt_BR')).strings.unreadCount(2)).toBe('2 não lidas');
  });

  it('formats follow the browser when it speaks the messages’ language (es-MX), numbers and units too', async () => {
    const { strings: es, richStrings, locale } = await inLanguage('es', 'es_MX');
    expect(locale.locale()).toBe('es-MX');
    expect(es.minutesAgo(5)).toBe('5 min');
    expect(richStrings.fileSize(1_572_864)).toBe('1.5 MB');
    const fr = await inLanguage('fr', 'fr');
    expect(fr.richStrings.fileSize(1_572_864)).toBe('1,5 Mo');
    expect(fr.strings.hoursAgo(3)).toBe('3\u202fh'); // CLDR: a narrow no-break space in French
    const de = await inLanguage('de', 'de_DE');
    expect(de.strings.unreadReplies(1234)).toBe('1.234 ungelesene Antworten');
  });

  it('German sentences keep their values in place', async () => {
    const { strings: de } = await inLanguage('de');
    expect(de.required('Installations-URL')).toBe('„Installations-URL“ ist ein Pflichtfeld');
    expect(de.error('permission_needed', 'https://s.example')).toContain('um mit https://s.example zu kommunizieren');
  });
});
