// The live link follows the session: opened for it, reopened with a new token; and on another contact or
// inbox, nothing of the old session stays: its chat, its unsent messages and their files, its cache, its
// drafts and a hand-off still waiting for a panel.
import { effect } from '@preact/signals-core';
import { draftsMailbox, handoffMailbox } from '../protocol/mailboxes';
import type { ChatCache } from './chat-cache';
import type { LiveLink } from './live-link';
import type { SessionOutbox } from './outbox';
import type { Session } from './session';
import type { StoredSession } from './storage';
import type { Store } from './store';

export interface Followers {
  store: Store;
  outbox: SessionOutbox;
  cache: ChatCache;
  link: LiveLink;
}

export function followSession(session: Session, { store, outbox, cache, link }: Followers, stopped: () => boolean) {
  let linked: StoredSession | null = null;
  return effect(() => {
    const bound = session.current.value;
    if (stopped()) return;
    if (!bound) {
      link.close();
      linked = null;
      return;
    }
    const other = linked !== null && (linked.key !== bound.stored.key || linked.sourceId !== bound.stored.sourceId);
    if (other) {
      store.reset();
      void outbox.clear();
      void cache.clear();
      void draftsMailbox.setValue({});
      void handoffMailbox.setValue(null); // a page or a screenshot left for the old session's panel
    }
    if (other || linked?.pubsubToken !== bound.stored.pubsubToken) link.open();
    linked = bound.stored;
  });
}
