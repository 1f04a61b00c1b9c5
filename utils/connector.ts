// The pages' only door to the background (Dark Reader's "connector"): requests over runtime.sendMessage,
// events over a Port that reconnects when the worker stops. Tests give the UI a fake Connector instead.
import { browser } from 'wxt/browser';
import {
  PANEL_PORT,
  backgroundEventSchema,
  type BackgroundEvent,
  type Reply,
  type RequestOf,
  type RequestType,
  type ResponseMap,
} from './protocol';

export interface Connector {
  request<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]>;
  /** Listen to background events; `onConnect` runs on every (re)connection, e.g. to refetch a snapshot. */
  subscribe(onEvent: (event: BackgroundEvent) => void, onConnect?: () => void): () => void;
}

export function createRuntimeConnector(): Connector {
  return {
    async request(request) {
      const reply = (await browser.runtime.sendMessage(request)) as Reply<typeof request.type> | undefined;
      if (!reply) throw new Error('The extension background did not answer');
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as never;
    },
    subscribe(onEvent, onConnect) {
      let closed = false;
      let port: ReturnType<typeof browser.runtime.connect> | undefined;
      const open = () => {
        if (closed) return;
        // Connecting wakes a stopped service worker; its disconnect tells us it stopped, so we reconnect
        // at once and the worker rebuilds its state (cable, resync) from storage.
        port = browser.runtime.connect({ name: PANEL_PORT });
        port.onMessage.addListener((raw: unknown) => {
          const parsed = backgroundEventSchema.safeParse(raw);
          if (parsed.success) onEvent(parsed.data);
          else console.error('Dropped a malformed background event', raw);
        });
        port.onDisconnect.addListener(() => {
          port = undefined;
          setTimeout(open, 100);
        });
        onConnect?.();
      };
      open();
      return () => {
        closed = true;
        port?.disconnect();
      };
    },
  };
}
