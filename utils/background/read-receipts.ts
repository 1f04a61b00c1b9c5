// A thread on screen is read: as soon as it shows unread replies, the store marks it read (the badge drops
// at once) and the server is told with update_last_seen, at most once every few seconds per conversation
// and once more when a burst ends, not once per reply. The server answers a receipt with one
// message.updated per reply it marks read: told the moment a long unread thread opens, that storm took the
// CPU the thread needed to show (10,000 unread replies: click → newest painted in 87 ms, against 55 ms when
// the server is told half a second later; README, "Performance"). So a thread just opened is told half a
// second after it shows; a reply to a thread already on screen is told at once (one message to mark).
import { effect } from '@preact/signals-core';
import { unreadOf } from './chat-state';
import type { Panels } from './panels';
import type { Session } from './session';
import type { Store } from './store';

export const READ_RECEIPT_EVERY_MS = 3_000;
/** How long a thread is on screen before the server is first told it was read. */
export const READ_RECEIPT_AFTER_MS = 500;

export function startReadReceipts(store: Store, session: Session, panels: Panels, now = Date.now) {
  const lastSent = new Map<number, number>();
  const trailing = new Map<number, ReturnType<typeof setTimeout>>();
  /** When each thread on screen came on screen. */
  const shownAt = new Map<number, number>();

  function tellServer(id: number) {
    const bound = session.current.peek();
    if (!bound) return;
    lastSent.set(id, now());
    void bound.api.updateLastSeen(id).catch((e) => console.warn('update_last_seen failed', e));
  }

  function schedule(id: number) {
    if (trailing.has(id)) return;
    const t = now();
    const wait = Math.max((lastSent.get(id) ?? -Infinity) + READ_RECEIPT_EVERY_MS - t, (shownAt.get(id) ?? t) + READ_RECEIPT_AFTER_MS - t);
    if (wait <= 0) return tellServer(id);
    trailing.set(id, setTimeout(() => {
      trailing.delete(id);
      tellServer(id);
    }, wait));
  }

  const dispose = effect(() => {
    const visible = panels.visible.value;
    const held = store.conversations.value;
    for (const id of shownAt.keys()) if (!visible.has(id)) shownAt.delete(id);
    for (const id of visible) {
      if (!shownAt.has(id)) shownAt.set(id, now());
      const state = held.get(id);
      // Never looked at on the server (0): say so once, so the agent sees the customer opened it.
      if (!state || (unreadOf(state) === 0 && state.contactLastSeenAt !== 0)) continue;
      store.markedRead(id, now());
      schedule(id);
    }
  });

  return {
    stop() {
      dispose();
      for (const timer of trailing.values()) clearTimeout(timer);
    },
  };
}
