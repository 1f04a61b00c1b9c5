// The pages' only door to the background (Dark Reader's "connector"): requests over runtime.sendMessage,
// events over a Port that reconnects when the worker stops. Tests give the UI a fake Connector instead.
import { browser } from 'wxt/browser';
import {
  PANEL_PORT,
  backgroundEventSchema,
  type BackgroundEvent,
  type PanelMessage,
  type Reply,
  type RequestOf,
  type RequestType,
  type ResponseMap,
} from './protocol';

export interface Connector {
  request<T extends RequestType>(request: RequestOf<T>): Promise<ResponseMap[T]>;
  /** Listen to background events; `onConnect` runs on every (re)connection, e.g. to refetch a snapshot. */
  subscribe(onEvent: (event: BackgroundEvent) => void, onConnect?: () => void): () => void;
  /** Tell the background which thread this panel shows (null: none); repeated after every reconnect. */
  setView(conversationId: number | null): void;
}

export function createRuntimeConnector(): Connector {
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  let view: PanelMessage = { type: 'view', conversationId: null };
  const postView = () => {
    try {
      port?.postMessage(view);
    } catch {
      /* disconnected: sent again on reconnect */
    }
  };
  return {
    setView(conversationId) {
      view = { type: 'view', conversationId };
      postView();
    },
    async request(request) {
      const reply = (await browser.runtime.sendMessage(request)) as Reply<typeof request.type> | undefined;
      if (!reply) throw new Error('The extension background did not answer');
      if (!reply.ok) throw new Error(reply.error);
      return reply.value as never;
    },
    subscribe(onEvent, onConnect) {
      let closed = false;
      let retryMs = 100;
      const open = () => {
        if (closed) return;
        // Connecting wakes a stopped service worker; its disconnect tells us it stopped, so we reconnect
        // at once and the worker rebuilds its state (cable, resync) from storage.
        port = browser.runtime.connect({ name: PANEL_PORT });
        port.onMessage.addListener((raw: unknown) => {
          retryMs = 100;
          const parsed = backgroundEventSchema.safeParse(raw);
          if (parsed.success) onEvent(parsed.data);
          else console.error('Dropped a malformed background event', raw);
        });
        port.onDisconnect.addListener(() => {
          port = undefined;
          // Back off if the background keeps refusing (e.g. the extension was reloaded under us).
          setTimeout(open, retryMs);
          retryMs = Math.min(retryMs * 2, 5_000);
        });
        postView();
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
