// Unsent text survives closing the panel (and the browser): the composer is never a place to lose words.
import { storage } from '#imports';

export const draftsItem = storage.defineItem<Record<string, string>>('local:drafts', { fallback: {}, version: 1 });
