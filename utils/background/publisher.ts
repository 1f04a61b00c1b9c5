// The one reaction that publishes the store: to the panels (what changed), to the storage cache and to the
// badge. Whatever changes within a frame (a resync touches every conversation; a burst of replies or a
// read storm is hundreds of cable events) is published once, after it; the cache is written at most twice
// a second, since it only has to survive a worker stop.
import { effect } from '@preact/signals-core';
import { badgeText, badgeTitle } from '../badge';
import type { ChatCache } from './chat-cache';
import { unreadOf, type ConversationState } from './chat-state';
import type { PanelPublisher } from './panel-publisher';
import type { Panels } from './panels';
import type { Session } from './session';
import type { Store } from './store';

/** One publication per frame at most: a burst costs one diff per frame, not one per event. */
export const FRAME_MS = 16;
/** The cache is for a worker stop: written at most this often (the session and the outbox are at once). */
export const CACHE_EVERY_MS = 500;

export interface PublisherParts {
  store: Store;
  session: Session;
  panels: Panels;
  cache: ChatCache;
  /** What each panel is told (also answers its 'thread.older' requests, so it knows what they carried). */
  toPanels: PanelPublisher;
  setBadge(text: string, title: string): Promise<void>;
}

export function startPublisher({ store, session, panels, cache, toPanels, setBadge }: PublisherParts) {
  let scheduled = false;
  let stopped = false;
  let saving = Promise.resolve();
  /** What the cache holds, by identity: only conversations whose state changed are written again. */
  let saved: ReadonlyMap<number, ConversationState> = store.conversations.peek();
  let savedVisible = panels.visible.peek();
  let badge: string | null = null;

  function saveCache() {
    const bound = session.current.peek();
    const held = store.conversations.peek();
    const visible = panels.visible.peek();
    if (!bound || (held === saved && visible === savedVisible)) return;
    const changed = [...held.values()].filter((state) => saved.get(state.id) !== state);
    const removed = [...saved.keys()].filter((id) => !held.has(id));
    saved = held;
    savedVisible = visible;
    const key = bound.stored.key;
    saving = saving
      .then(() => cache.save(key, changed, removed, visible))
      .then((outcome) => store.setStorageFull(outcome === 'full'))
      .catch((e) => console.error('Could not save the chat cache', e)); // the next change tries again
  }

  function updateBadge() {
    let total = 0;
    for (const c of store.conversations.peek().values()) total += unreadOf(c);
    if (badgeText(total) === badge) return;
    badge = badgeText(total);
    void setBadge(badge, badgeTitle(total)).catch((e) => console.error('Could not set the badge', e));
  }

  let cacheTimer: ReturnType<typeof setTimeout> | undefined;
  let cacheDueAt = 0;
  function saveCacheSoon() {
    if (cacheTimer !== undefined) return;
    const wait = Math.max(0, cacheDueAt - Date.now());
    cacheTimer = setTimeout(() => {
      cacheTimer = undefined;
      cacheDueAt = Date.now() + CACHE_EVERY_MS;
      if (!stopped) saveCache();
    }, wait);
  }

  function flush() {
    scheduled = false;
    if (stopped) return;
    toPanels.publish();
    saveCacheSoon();
    updateBadge();
  }

  const dispose = effect(() => {
    // Everything a publication reads: any change schedules one.
    void [store.conversations.value, store.windows.value, store.unreadMarks.value, store.connection.value];
    void [store.agentsOnline.value, store.typing.value, store.pending.value, store.started.value];
    void [store.storageFull.value, store.csatDisplay.value, session.current.value, panels.changes.value];
    if (scheduled) return;
    scheduled = true;
    setTimeout(flush, FRAME_MS);
  });

  return {
    /** Publishing is done and stored (tests). */
    settled: () => saving,
    stop() {
      stopped = true;
      clearTimeout(cacheTimer);
      dispose();
    },
  };
}
