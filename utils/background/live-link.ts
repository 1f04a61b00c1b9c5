// The live link to the server: the /cable subscription, the REST resync after every (re)connect (the cable
// replays nothing), and what to do when the server will not confirm the subscription.
import { ApiError } from '../api/errors';
import type { ClientApi } from '../api/client';
import type { Conversation } from '../api/schemas';
import type { CableEvent } from '../cable/events';
import { connectRoom, type RoomCableOptions } from '../cable/room-cable';
import type { ConnectionState } from '../protocol';
import { strings } from '../strings';
import { backoffMs } from './outbox-queue';
import type { StoredSession } from './storage';

const RETRY_LINK_MS = 30_000;

export interface LinkHost {
  cableOptions: Pick<RoomCableOptions, 'WebSocket' | 'confirmTimeoutMs' | 'staleAfterSeconds'>;
  session(): StoredSession | null;
  installationUrl(): string;
  api(): ClientApi | null;
  connection(): ConnectionState;
  setConnection(state: ConnectionState, detail?: string): void;
  /** The server's whole list of conversations, after a (re)connect. */
  resynced(list: Conversation[]): void;
  event(event: CableEvent): void;
  /** Subscribed: live again (the outbox may send). */
  online(): void;
  /** The same contact has a new pubsub_token: store it (the link reopens itself). */
  tokenChanged(pubsubToken: string): Promise<void>;
  /** The contact is gone on the server: start a new session; false if that failed. */
  sessionLost(): Promise<boolean>;
}

export function createLiveLink(host: LinkHost) {
  let cable: ReturnType<typeof connectRoom> | null = null;
  let resyncTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let resyncAttempt = 0;

  function open() {
    close();
    const session = host.session();
    if (!session) return;
    host.setConnection('connecting');
    cable = connectRoom(
      { installationUrl: host.installationUrl(), pubsubToken: session.pubsubToken, ...host.cableOptions },
      {
        onConnected: () => {
          host.setConnection('online');
          void resync();
          host.online();
        },
        onDisconnected: () => host.setConnection('connecting', strings.reconnecting),
        onEvent: (event) => host.event(event),
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
    const api = host.api();
    const sourceId = host.session()?.sourceId;
    if (!api || !sourceId) return;
    try {
      const list = await api.listConversations(sourceId);
      if (host.session()?.sourceId !== sourceId) return; // the session changed meanwhile
      resyncAttempt = 0;
      host.resynced(list);
    } catch (error) {
      resyncAttempt += 1;
      host.setConnection(host.connection() === 'online' ? 'online' : 'offline', describe(error));
      scheduleResync(backoffMs(resyncAttempt, error));
    }
  }

  function scheduleResync(ms: number) {
    clearTimeout(resyncTimer);
    resyncTimer = setTimeout(() => void resync(), ms);
  }

  /** reject_subscription, or silence (Chatwoot 4.x): find out whether the session still exists. */
  async function checkSession(reason: 'rejected' | 'timeout') {
    const api = host.api();
    const session = host.session();
    if (!api || !session) return;
    close();
    try {
      const contact = await api.getContact(session.sourceId, identityOf(session));
      if (contact.pubsub_token !== session.pubsubToken) {
        await host.tokenChanged(contact.pubsub_token);
        return open();
      }
      host.setConnection('offline', reason === 'timeout' ? strings.liveNoAnswer : strings.liveRefused);
      void resync();
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'not_found' && (await host.sessionLost())) return;
      host.setConnection('offline', describe(error));
    }
    retryLater();
  }

  return { open, close, resync, isOpen: () => cable !== null };
}

export type LiveLink = ReturnType<typeof createLiveLink>;

function identityOf(session: StoredSession) {
  return session.identifier ? { identifier: session.identifier, identifierHash: session.identifierHash } : undefined;
}

function describe(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.kind === 'unreachable') return strings.serverUnreachable;
    if (error.kind === 'rate_limited') return strings.rateLimited;
    return error.message;
  }
  return String(error);
}
