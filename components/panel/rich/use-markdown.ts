// The Markdown renderer (with marked) is a lazy chunk: plain text, most chat messages, renders without it.
import { lazy } from './lazy';

const markdown = lazy('The Markdown renderer', () => import('./markdown'));

/** The renderer if it is loaded; otherwise starts loading it and answers undefined. Call while rendering. */
export const markdownRenderer = markdown.get;
/** Loads the renderer (tests await it so Markdown renders synchronously). */
export const loadMarkdown = markdown.load;
