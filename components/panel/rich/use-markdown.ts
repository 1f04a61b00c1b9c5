// Loads the Markdown renderer (and marked with it) on first need, as its own chunk: the side panel's first
// load has a size budget, and most messages are plain text. Components call markdownRenderer() while
// rendering; until the chunk is there it answers undefined (show plain text), and the components that asked
// render again when it arrives, because they read the `loaded` signal.
import { signal } from '@preact/signals';

type Renderer = typeof import('./markdown');

const loaded = signal<Renderer | undefined>(undefined);
let loading: Promise<Renderer | undefined> | undefined;

/** Starts loading the renderer (once) and resolves with it, or undefined if the chunk can't load. */
export function loadMarkdown(): Promise<Renderer | undefined> {
  loading ??= import('./markdown').then(
    (module) => (loaded.value = module),
    (error: unknown) => {
      // Plain text is a fine fallback; say why once, and don't retry on every render.
      console.error('The Markdown renderer could not load', error);
      return undefined;
    },
  );
  return loading;
}

/** The renderer if it is loaded; otherwise starts loading it and answers undefined. Call while rendering. */
export function markdownRenderer(): Renderer | undefined {
  const renderer = loaded.value;
  if (!renderer) void loadMarkdown();
  return renderer;
}
