import { lazy } from './lazy';

const interactive = lazy('The interactive message renderers', () => import('./interactive-lazy'));

/** Cards, forms, articles, the email question and the image viewer, once loaded (see lazy.ts). */
export const interactiveRenderers = interactive.get;
/** Loads them (tests await it so these messages render synchronously). */
export const loadInteractive = interactive.load;
