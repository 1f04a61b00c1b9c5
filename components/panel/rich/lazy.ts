// A module loaded on first need, as its own chunk: the side panel's first load has a size budget, and
// Markdown, forms, cards and the image viewer are only needed by some messages. Components call get() while
// rendering; until the chunk is there it answers undefined (render a fallback or nothing), and the
// components that asked render again when it arrives, because get() reads a signal.
import { signal } from '@preact/signals';

export interface Lazy<T> {
  /** The module if loaded; otherwise starts loading it and answers undefined. Call while rendering. */
  get(): T | undefined;
  /** Starts loading (once) and resolves with the module, or undefined if the chunk can't load. */
  load(): Promise<T | undefined>;
}

export function lazy<T>(what: string, importer: () => Promise<T>): Lazy<T> {
  const loaded = signal<T | undefined>(undefined);
  let loading: Promise<T | undefined> | undefined;
  const load = () =>
    (loading ??= importer().then(
      (module) => (loaded.value = module),
      (error: unknown) => {
        // The fallback stays; say why once, and don't retry on every render.
        console.error(`${what} could not load`, error);
        return undefined;
      },
    ));
  return {
    get() {
      const module = loaded.value;
      if (!module) void load();
      return module;
    },
    load,
  };
}
