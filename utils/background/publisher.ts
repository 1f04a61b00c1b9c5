// The one reaction that publishes the store: to the panels (what changed), to the storage cache and to the
// badge. Whatever changes in one turn (a resync touches every conversation) is published once, after it.
import { effect } from '@preact/signals-core';
import { badgeText, badgeTitle } from '../badge';
import { trimForStorage, unreadOf } from './chat-state';
import { createPanelPublisher } from './panel-publisher';
import type { Panels } from './panels';
import type { Session } from './session';
import { CACHED_MESSAGES, chatItem } from './storage';
import type { Store } from './store';

export function startPublisher(store: Store, session: Session, panels: Panels, setBadge: (text: string, title: string) => Promise<void>) {
  const toPanels = createPanelPublisher(store, session, panels);
  let scheduled = false;
  let stopped = false;
  let saving = Promise.resolve();
  let savedConversations: unknown = null;
  let savedSession: unknown = null;
  let badge: string | null = null;

  function saveCache() {
    const conversations = store.conversations.peek();
    const bound = session.current.peek();
    if (conversations === savedConversations && bound === savedSession) return;
    savedConversations = conversations;
    savedSession = bound;
    const data = bound
      ? { key: bound.stored.key, conversations: [...conversations.values()].map((c) => trimForStorage(c, CACHED_MESSAGES)) }
      : null;
    saving = saving.then(() => chatItem.setValue(data)).catch((e) => console.error('Could not save the chat cache', e));
  }

  function updateBadge() {
    let total = 0;
    for (const c of store.conversations.peek().values()) total += unreadOf(c);
    if (badgeText(total) === badge) return;
    badge = badgeText(total);
    void setBadge(badge, badgeTitle(total)).catch((e) => console.error('Could not set the badge', e));
  }

  function flush() {
    scheduled = false;
    if (stopped) return;
    toPanels.publish();
    saveCache();
    updateBadge();
  }

  const dispose = effect(() => {
    // Everything a publication reads: any change schedules one.
    void [store.conversations.value, store.windows.value, store.unreadMarks.value, store.connection.value];
    void [store.agentsOnline.value, store.typing.value, store.pending.value, store.started.value];
    void [session.current.value, panels.changes.value];
    if (scheduled) return;
    scheduled = true;
    setTimeout(flush, 0);
  });

  return {
    /** Publishing is done and stored (tests). */
    settled: () => saving,
    stop() {
      stopped = true;
      dispose();
    },
  };
}
