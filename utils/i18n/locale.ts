// Which locale the pages speak and format in, and the document's lang and dir.
// Words come from the messages file the browser chose (its language, else English); formats (numbers,
// dates, times) follow the browser's locale when it is a variant of that language (en-GB, es-MX, pt-BR),
// else the messages' language, so one screen never mixes two languages.
import { predefined, t } from './messages';

let cached: string | undefined;

const bcp47 = (tag: string) => tag.replace(/_/g, '-');

/** The language of the messages in use, e.g. `ar` or `pt-BR`. */
export function messagesLanguage(): string {
  return t('lang') || 'en';
}

/** The locale for Intl: the browser's UI locale if it speaks the messages' language, else that language. */
export function locale(): string {
  if (cached) return cached;
  const language = messagesLanguage();
  const browserLocale = bcp47(predefined('@@ui_locale') || (typeof navigator === 'undefined' ? '' : navigator.language));
  const base = (tag: string) => tag.toLowerCase().split('-')[0];
  let chosen = browserLocale && base(browserLocale) === base(language) ? browserLocale : language;
  try {
    chosen = Intl.getCanonicalLocales(chosen)[0] ?? language;
  } catch {
    chosen = language;
  }
  return (cached = chosen);
}

/**
 * The messages' writing direction: `rtl` for Arabic. Not `@@bidi_dir`, which follows the browser's own UI
 * locale: a Chromium without that language's resources (Debian's without chromium-l10n) shows the
 * extension's Arabic messages yet says `ltr`, and a Hebrew browser would lay out our English right to left.
 */
export function direction(): 'ltr' | 'rtl' {
  return t('dir') === 'rtl' ? 'rtl' : 'ltr';
}

/** Call once at start: the page's language, direction and title before anything is painted. */
export function localizeDocument(title = t('appName'), doc: Document = document): void {
  doc.documentElement.lang = messagesLanguage();
  doc.documentElement.dir = direction();
  doc.title = title;
}

/** A number in the locale's digits and separators. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  try {
    return new Intl.NumberFormat(locale(), options).format(value);
  } catch {
    return String(value);
  }
}
