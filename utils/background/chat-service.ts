// The background's facade: it builds the parts (session, store, outbox, live link, publisher, read
// receipts, notifications), starts them from storage, and gives the router its request handlers.
import { isOnline } from '../platform';
import type { ConnectDeps } from './connect';
import { createCableEventHandler } from './cable-events';
import { createChatCache } from './chat-cache';
import { startCsatDisplay } from './csat-display';
import { firstUnreadOf } from './chat-state';
import { followSession } from './follow-session';
import { createLiveLink, type LinkOptions } from './live-link';
import { createNotifier, type Notify } from './notifications';
import { createHandoffs } from './handoffs';
import { createSessionOutbox } from './outbox';
import { createOlderPages } from './older-pages';
import { createPanelPublisher } from './panel-publisher';
import { createPanels, type EventSink } from './panels';
import { startPublisher } from './publisher';
import { startReadReceipts } from './read-receipts';
import { createRequestHandlers } from './request-handlers';
import { createSession } from './session';
import { createStore } from './store';

export interface ServiceDeps extends ConnectDeps {
  WebSocket?: typeof WebSocket;
  setBadge(text: string, title: string): Promise<void>;
  notify: Notify;
  /** Tests shorten the cable's timings. */
  cable?: Omit<LinkOptions, 'WebSocket'>;
}

export function createChatService(deps: ServiceDeps) {
  const session = createSession(deps);
  const store = createStore();
  const panels = createPanels();
  const outbox = createSessionOutbox(session, store);
  const events = createCableEventHandler(session, store, outbox, createNotifier(session, panels, deps.notify));
  const link = createLiveLink(session, store, outbox, events, { WebSocket: deps.WebSocket, ...deps.cable });
  const handoffs = createHandoffs(panels);
  const cache = createChatCache();
  const older = createOlderPages(session, store);
  const toPanels = createPanelPublisher(store, session, panels);
  const handlers = createRequestHandlers({ session, store, outbox, events, handoffs, older, toPanels, deps });
  let stopLinking = () => {};
  let stopped = false;

  async function load() {
    await session.load();
    const bound = session.current.peek();
    if (bound) store.restore(await cache.load(bound.stored.key));
    else await cache.clear();
    await outbox.load();
    stopLinking = followSession(session, { store, outbox, cache, link }, () => stopped);
    if (bound) void outbox.recover();
  }

  let stopReactions = () => {};
  // Reactions start once the held state is loaded: publishing earlier would overwrite the cache with nothing.
  const ready = load().then(() => {
    if (stopped) return;
    const publisher = startPublisher({ store, session, panels, cache, toPanels, setBadge: deps.setBadge });
    const receipts = startReadReceipts(store, session, panels);
    const stopCsat = startCsatDisplay(store, session);
    stopReactions = () => {
      publisher.stop();
      receipts.stop();
      stopCsat();
    };
  });

  /** The browser says the network went or came back. Away: the panels say so and messages wait in the
   *  outbox. Back: reconnect and send what waits, in order, at once. */
  async function network(online: boolean) {
    await ready;
    if (!session.current.peek()) return;
    if (!online) {
      store.setConnection('offline', 'no_network');
      return void outbox.goneOffline();
    }
    link.open();
    void outbox.wake();
  }

  return {
    ready,
    handlers,
    /** The context menu or a notification click leaves something for a panel. */
    handOff: handoffs.leave,
    /** A panel attached: it gets events, and says which thread it shows, until it goes. */
    attach(sink: EventSink) {
      const panel = panels.attach(sink, (id, fresh) => {
        const held = store.held(id);
        store.opened(id, held && firstUnreadOf(held), fresh && !panels.isVisible(id));
      });
      return {
        detach: panel.detach,
        setView: (conversationId: number | null, fresh = false) => ready.then(() => panel.setView(conversationId, fresh)),
      };
    },
    /** Periodic wake-up (alarm): reconnect what a stopped worker or a lost network left down. */
    network,
    async tick() {
      await ready;
      // The browser's flag can change without an event reaching the worker (seen with CDP's emulation).
      const saysOffline = store.connection.peek().issue === 'no_network';
      if (isOnline() === saysOffline) return network(isOnline());
      if (session.current.peek() && !link.isOpen()) link.open();
      void outbox.drain();
    },
    /** Close the socket and timers (tests; a real worker just stops). */
    stop() {
      stopped = true;
      stopLinking();
      link.close();
      stopReactions();
      session.drop();
    },
    /** For tests and diagnostics. */
    state: () => ({
      conversations: store.conversations.peek(),
      visible: panels.visible.peek(),
      connection: store.connection.peek().state,
      session: session.current.peek()?.stored ?? null,
    }),
  };
}

export type ChatService = ReturnType<typeof createChatService>;
