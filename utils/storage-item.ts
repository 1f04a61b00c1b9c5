// A typed value in the extension's storage with a fallback, and a version whose older values are migrated
// once: all the background asks of storage. @wxt-dev/storage did this and far more (watchers, locks,
// bulk reads) for about 2.5 kB gzip of the worker's 25 kB budget. Keys and metadata are kept as it wrote
// them ("local:outbox" is `outbox` in storage.local, its version `outbox$` = { v }), so stored data carries
// over from a build that used it.
import { browser } from 'wxt/browser';

type Area = 'local' | 'session';

export interface StorageItem<T> {
  readonly fallback: T;
  getValue(): Promise<T>;
  /** null or undefined removes the value (the fallback is read again). */
  setValue(value: T): Promise<void>;
}

export interface ItemOptions<T> {
  fallback: T;
  version?: number;
  /** By the version a value is migrated to: `migrations[2]` turns a version-1 value into a version-2 one. */
  migrations?: Record<number, (value: any) => unknown>;
}

export function defineItem<T>(key: `${Area}:${string}`, { fallback, version = 1, migrations = {} }: ItemOptions<T>): StorageItem<T> {
  const [area, name] = key.split(':', 2) as [Area, string];
  const meta = `${name}$`;
  const storage = () => browser.storage[area];
  let migrated: Promise<void> | undefined;

  async function migrate() {
    const stored = await storage().get([name, meta]);
    const from = (stored[meta] as { v?: number } | undefined)?.v ?? 1;
    if (from >= version) return;
    let value = stored[name];
    for (let v = from + 1; v <= version && value != null; v++) value = migrations[v]?.(value) ?? value;
    await storage().set({ ...(value != null ? { [name]: value } : {}), [meta]: { v: version } });
  }
  // Once per worker life; a failed migration (storage refused) is tried again on the next use.
  const ready = () =>
    (migrated ??= migrate().catch((error: unknown) => {
      migrated = undefined;
      throw error;
    }));

  return {
    fallback,
    async getValue() {
      if (version > 1) await ready();
      return ((await storage().get(name))[name] ?? fallback) as T;
    },
    async setValue(value) {
      if (version > 1) await ready();
      if (value == null) await storage().remove(name);
      else await storage().set({ [name]: value });
    },
  };
}
