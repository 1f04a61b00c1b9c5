// The /cable connection for one contact, on the real @rails/actioncable client. The library brings the
// ActionCable protocol, resubscription and jittered reconnect backoff; we add what it lacks for Chatwoot:
// a watchdog that drops the link 6 s after the last frame (the library's own monitor polls every 6–12 s,
// so it notices a dead link up to 18 s late), a confirm timeout (an unknown pubsub_token gets no answer
// at all on Chatwoot 4.x), tolerance of garbage frames, and zod parsing of every event.
import { adapters, ConnectionMonitor, createConsumer, type Consumer, type Subscription } from '@rails/actioncable';
import { parseCableEvent, type CableEvent } from './events';

export interface RoomCableHandlers {
  /** Subscription confirmed, first time or after a reconnect: time to resync over REST. */
  onConnected(): void;
  onDisconnected(): void;
  onEvent(event: CableEvent): void;
  /** An event that does not parse: it is dropped, so the caller should resync to not lose data. */
  onMalformed(error: string): void;
  /** reject_subscription, or no answer within the confirm timeout: the token may be stale. */
  onRejected(reason: 'rejected' | 'timeout'): void;
}

export interface RoomCableOptions {
  installationUrl: string;
  pubsubToken: string;
  confirmTimeoutMs?: number;
  presenceIntervalMs?: number;
  WebSocket?: typeof WebSocket;
  /** Seconds without a frame before the link counts as dead: two missed 3 s pings. */
  staleAfterSeconds?: number;
}

/** How long the socket may stay closed with the library not trying, before we open it ourselves. */
const REOPEN_AFTER_MS = 15_000;

export function cableUrl(installationUrl: string): string {
  // The library resolves relative URLs through `document`, which a service worker lacks: pass it absolute.
  const url = new URL('/cable', installationUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

export function connectRoom(options: RoomCableOptions, handlers: RoomCableHandlers) {
  const confirmTimeoutMs = options.confirmTimeoutMs ?? 8_000;
  let confirmTimer: ReturnType<typeof setTimeout> | undefined;
  let presenceTimer: ReturnType<typeof setInterval> | undefined;
  let closed = false;
  const staleMs = (options.staleAfterSeconds ?? 6) * 1000;
  let lastFrameAt = Date.now();
  let socketOpen = false;
  let closedAt = Date.now();

  const armConfirmTimeout = () => {
    clearTimeout(confirmTimer);
    confirmTimer = setTimeout(() => !closed && handlers.onRejected('timeout'), confirmTimeoutMs);
  };
  ConnectionMonitor.staleThreshold = options.staleAfterSeconds ?? 6;
  adapters.WebSocket = tolerantWebSocket(options.WebSocket ?? WebSocket, {
    open() {
      socketOpen = true;
      lastFrameAt = Date.now();
      armConfirmTimeout();
    },
    frame: () => void (lastFrameAt = Date.now()),
    close() {
      socketOpen = false;
      closedAt = Date.now();
    },
  });
  const watchdog = setInterval(() => {
    if (closed) return;
    if (socketOpen && Date.now() - lastFrameAt > staleMs) {
      socketOpen = false;
      consumer.connection.reopen(); // the library closes, reconnects and resubscribes
    } else if (!socketOpen && Date.now() - closedAt > REOPEN_AFTER_MS && !consumer.connection.isActive()) {
      // The library gave up (a `disconnect` frame with reconnect: false stops its monitor): one frame
      // must not end the live link for good, so we open it again ourselves.
      closedAt = Date.now();
      consumer.connection.open();
    }
  }, 1_000);

  const consumer: Consumer = createConsumer(cableUrl(options.installationUrl));
  const subscription: Subscription = consumer.subscriptions.create(
    { channel: 'RoomChannel', pubsub_token: options.pubsubToken },
    {
      connected() {
        clearTimeout(confirmTimer);
        handlers.onConnected();
        // The widget sends this every 20 s: it keeps the customer shown online and earns presence.update.
        clearInterval(presenceTimer);
        subscription.perform('update_presence');
        presenceTimer = setInterval(() => subscription.perform('update_presence'), options.presenceIntervalMs ?? 20_000);
      },
      disconnected() {
        clearInterval(presenceTimer);
        if (!closed) handlers.onDisconnected();
      },
      rejected() {
        clearTimeout(confirmTimer);
        handlers.onRejected('rejected');
      },
      received(payload: unknown) {
        const parsed = parseCableEvent(payload);
        if (!parsed.ok) handlers.onMalformed(parsed.error);
        else if (parsed.event) handlers.onEvent(parsed.event);
      },
    },
  );

  return {
    close() {
      closed = true;
      clearInterval(watchdog);
      clearTimeout(confirmTimer);
      clearInterval(presenceTimer);
      subscription.unsubscribe();
      consumer.disconnect();
    },
  };
}

interface SocketWatch {
  open(): void;
  frame(): void;
  close(): void;
}

/** A WebSocket whose message handler survives non-JSON frames (the library would throw on them), and that
 *  reports opens, frames and closes to the watchdog and the confirm timeout. */
function tolerantWebSocket(Base: typeof WebSocket, watch: SocketWatch): typeof WebSocket {
  return class TolerantWebSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('open', watch.open);
      this.addEventListener('message', watch.frame);
      this.addEventListener('close', watch.close);
    }
    set onmessage(handler: ((event: MessageEvent) => void) | null) {
      super.onmessage = handler
        ? (event: MessageEvent) => {
            try {
              handler.call(this, event);
            } catch (error) {
              console.warn('Ignored an unreadable cable frame', error);
            }
          }
        : null;
    }
    get onmessage() {
      return super.onmessage;
    }
  } as typeof WebSocket;
}
