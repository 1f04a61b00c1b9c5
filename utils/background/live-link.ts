// The live link to the server: the /cable subscription, the REST resync after every (re)connect (the cable
// replays nothing), and what to do when the server will not confirm the subscription.
import { ApiError } from '../api/errors';
import { connectRoom, type RoomCableOptions } from '../cable/room-cable';
import { isOnline } from '../platform';
import { errorCodeOf } from '../protocol/errors';
import type { CableEventHandler } from './cable-events';
import type { SessionOutbox } from './outbox';
import { backoffMs } from './outbox-queue';
import type { Session } from './session';
import type { Store } from './store';

const RETRY_LINK_MS = 30_000;

export type LinkOptions = Pick<RoomCableOptions, 'WebSocket' | 'confirmTimeoutMs' | 'staleAfterSeconds'>;

export function createLiveLink(session: Session, store: Store, outbox: SessionOutbox, events: CableEventHandler, options: LinkOptions = {}) {
  let cable: ReturnType<typeof connectRoom> | null = null;
  let resyncTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let resyncAttempt = 0;

  function open() {
    close();
    const bound = session.current.peek();
    if (!bound) return;
    store.setConnection('connecting');
    cable = connectRoom(
      { installationUrl: bound.settings.installationUrl, pubsubToken: bound.stored.pubsubToken, ...options },
      {
        onConnected: () => {
          store.setConnection('online');
          void resync();
          void outbox.drain();
        },
        // Without a network there is nothing to reconnect to: say that, not "reconnecting".
        onDisconnected: () => store.setConnection(isOnline() ? 'connecting' : 'offline', isOnline() ? 'reconnecting' : 'no_network'),
        onEvent: (event) => events.handle(event),
        onMalformed: (error) => {
          console.warn('Dropped a malformed cable event; resyncing', error);
          scheduleResync(1_000);
        },
        onRejected: (reason) => void checkSession(reason),
      },
    );
  }

  function close() {
    cable?.close();
    cable = null;
    clearTimeout(resyncTimer);
    clearTimeout(retryTimer);
  }

  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => !cable && open(), RETRY_LINK_MS);
  }

  async function resync() {
    clearTimeout(resyncTimer);
    const bound = session.current.peek();
    if (!bound) return;
    try {
      const list = await bound.api.listConversations();
      // Another contact or inbox meanwhile: not ours. (The same one adopted again — a policy re-applied at
      // start, a renewed token — is the same chat, and its answer counts.)
      const now = session.current.peek()?.stored;
      if (now?.key !== bound.stored.key || now.sourceId !== bound.stored.sourceId) return;
      resyncAttempt = 0;
      store.resynced(list);
      void outbox.reconcile(list); // a message whose answer a worker stop lost may be there already
    } catch (error) {
      resyncAttempt += 1;
      store.setConnection(store.connection.peek().state === 'online' ? 'online' : 'offline', errorCodeOf(error));
      scheduleResync(backoffMs(resyncAttempt, error));
    }
  }

  function scheduleResync(ms: number) {
    clearTimeout(resyncTimer);
    resyncTimer = setTimeout(() => void resync(), ms);
  }

  /** reject_subscription, or silence (Chatwoot 4.x): find out whether the session still exists. */
  async function checkSession(reason: 'rejected' | 'timeout') {
    const bound = session.current.peek();
    if (!bound) return;
    close();
    try {
      const contact = await bound.api.getContact(bound.identity);
      if (contact.pubsub_token !== bound.stored.pubsubToken) {
        await session.renewToken(contact.pubsub_token); // the chat service reopens the link with it
        return;
      }
      store.setConnection('offline', reason === 'timeout' ? 'live_silent' : 'live_refused');
      void resync();
    } catch (error) {
      // The contact is gone on the server: a new one, with the same settings (the chat service reopens).
      if (error instanceof ApiError && error.kind === 'not_found' && (await session.renew())) return;
      store.setConnection('offline', errorCodeOf(error));
    }
    retryLater();
  }

  return { open, close, resync, isOpen: () => cable !== null };
}

export type LiveLink = ReturnType<typeof createLiveLink>;
