// browser.i18n.getMessage as Chrome implements it, over one messages.json: the fake browser has no i18n.
// Named placeholders ($NAME$) take their content ($1…$9 = the substitutions), `$$` is a dollar sign, and an
// unknown key gives "".
export interface MessagesFile {
  [key: string]: { message: string; placeholders?: Record<string, { content: string }> };
}

export function fakeGetMessage(messages: MessagesFile, predefined: Record<string, string>) {
  const byKey = new Map(Object.entries(messages).map(([key, entry]) => [key.toLowerCase(), entry]));
  return (key: string, substitutions?: string | string[]): string => {
    if (key in predefined) return predefined[key]!;
    const entry = byKey.get(key.toLowerCase());
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    const positional = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
    const placeholders = new Map(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
    return entry.message
      .split('$$')
      .map((part) => part.replace(/\$([a-zA-Z0-9_@]+)\$/g, (all, name: string) => {
        const content = placeholders.get(name.toLowerCase());
        return content === undefined ? all : positional(content);
      }))
      .map(positional)
      .join('$');
  };
}

/** The predefined messages of a language, as Chrome gives them. */
export const predefinedFor = (locale: string, dir: 'ltr' | 'rtl' = 'ltr') => ({ '@@ui_locale': locale, '@@bidi_dir': dir, '@@extension_id': 'test' });
