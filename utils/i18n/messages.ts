// The extension's words come from public/_locales/<language>/messages.json through the browser's i18n API,
// which picks the browser's language (or English). Only the keys' type is taken from the English file: no
// messages are bundled into the scripts.
import { browser } from 'wxt/browser';
import type english from '@/public/_locales/en/messages.json';

type Messages = typeof english;
/** Every message of the locale files; `@@` keys are the browser's own. */
export type MessageKey = keyof Messages & string;
/** Keys with placeholders take at least one substitution; the others none. */
type Substitutions<K extends MessageKey> = Messages[K] extends { placeholders: object } ? [string, ...string[]] : [];
/** `unreadReplies` for the keys `unreadReplies_one`, `unreadReplies_other`, …: every plural has `_other`. */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];
type PredefinedKey = '@@ui_locale' | '@@bidi_dir' | '@@extension_id';

/** Any key: WXT's generated overloads know only the predefined ones until `wxt prepare` sees the locales. */
interface I18n {
  getMessage(key: string, substitutions?: string[]): string;
}
const getMessage = (key: string, substitutions: string[]): string => (browser.i18n as I18n).getMessage(key, substitutions);

/** A message in the browser's language, with its placeholders filled in order. */
export function t<K extends MessageKey>(key: K, ...substitutions: Substitutions<K>): string {
  return getMessage(key, substitutions);
}

/** Keys whose message takes no value. */
export type PlainKey = { [K in MessageKey]: Substitutions<K> extends [] ? K : never }[MessageKey];

/**
 * `target` with a getter for each of `keys`, returning its message: the words are read when shown (never
 * at import, so a module that loads first still speaks the browser's language), and each name costs the
 * bundle its key once, not a function.
 */
export function withMessages<T extends object, K extends PlainKey>(target: T, keys: readonly K[]): T & { readonly [P in K]: string } {
  for (const key of keys) Object.defineProperty(target, key, { get: () => getMessage(key, []), enumerable: true });
  return target as T & { readonly [P in K]: string };
}

/** One of the browser's predefined messages (its UI locale, the text direction). */
export const predefined = (key: PredefinedKey): string => getMessage(key, []);

let rules: Intl.PluralRules | undefined;
/** The plural rules of the language the messages are in (the English file's when the browser's is missing). */
function pluralRules(): Intl.PluralRules {
  if (!rules) {
    try {
      rules = new Intl.PluralRules(t('lang') || 'en');
    } catch {
      rules = new Intl.PluralRules('en');
    }
  }
  return rules;
}

/**
 * The form of a plural message that the language uses for `count` (Arabic has six, Japanese one), with
 * the number formatted for the language as its first substitution. A form a language lacks falls back
 * to `_other`.
 */
export function plural(base: PluralKey, count: number, formatted: string): string {
  const form = pluralRules().select(count);
  return getMessage(`${base}_${form}`, [formatted]) || getMessage(`${base}_other`, [formatted]);
}
