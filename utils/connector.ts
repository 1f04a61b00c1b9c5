// The pages' only door to the browser and the background (Dark Reader's "connector"): requests over
// runtime.sendMessage, events over a Port that reconnects when the worker stops, the storage mailboxes,
// the active page and the permission prompts. Component tests give the UI a fake Connector instead.
import { browser } from 'wxt/browser';
import { CodedError } from './protocol/errors';
import { deleteFile, getFile, putFile, type FileRef } from './files/file-store';
import type { Handoff } from './protocol/mailboxes';
import type { BackgroundEvent, PageContext, PanelMessage, Reply, ReplyOf, RequestOf, RequestType } from './protocol';
import { panelPortName } from './protocol/events';
import { getActivePage, readActivePage } from './page-context';
import * as platform from './platform';

export interface Connector {
  request<T extends RequestType>(request: RequestOf<T>): Promise<ReplyOf<T>>;
  /** Listen to background events; `onConnect` runs on every (re)connection, e.g. to refetch a snapshot. */
  subscribe(onEvent: (event: BackgroundEvent) => void, onConnect?: () => void): () => void;
  /** This page's id, in its port's name and in its 'thread.older' requests. */
  readonly panelId: string;
  /** Tell the background which thread this panel shows (null: none); repeated after every reconnect. */
  setView(conversationId: number | null, fresh?: boolean): void;
  /** What the context menu or a notification click left for this panel; each is taken once. */
  onHandoff(take: (handoff: Handoff) => void): () => void;
  loadDrafts(): Promise<Record<string, string>>;
  saveDrafts(drafts: Record<string, string>): Promise<void>;
  /** The page in the active tab, if its address is visible without asking. */
  readPage(): Promise<PageContext | null>;
  /** Asks for the permission to read it (call first thing in a click). */
  requestPage(): Promise<PageContext | null>;
  /** Runs when the active tab changes or loads. */
  watchPage(onChange: () => void): () => void;
  /** Asks for host access to one origin (call first thing in a click). */
  requestOrigin(origin: string): Promise<boolean>;
  requestNotifications(): Promise<boolean>;
  /** Keeps a file in the store shared with the background (IndexedDB), for a message to carry. */
  putFile(blob: Blob, name: string): Promise<FileRef>;
  deleteFile(id: string): Promise<void>;
  /** The bytes of a stored file (a screenshot the background captured), for a preview. */
  readFile(id: string): Promise<Blob | undefined>;
  openSettings(): void;
  /** Opens the side panel (call first thing in a click). */
  openPanel(): void;
}

export function createRuntimeConnector(): Connector {
  // Known before any click: opening the panel must not wait for anything once the user clicks.
  let windowId: number | undefined;
  void Promise.resolve(browser.windows?.getCurrent()).then((w) => (windowId = w?.id), () => {});
  let port: ReturnType<typeof browser.runtime.connect> | undefined;
  const panelId = crypto.randomUUID();
  const handoffTakers = new Set<(handoff: Handoff) => void>();
  let view: PanelMessage = { type: 'view', conversationId: null };
  const postView = () => {
    try {
      port?.postMessage(view);
    } catch {
      /* disconnected: sent again on reconnect */
    }
  };
  async function request<T extends RequestType>(message: RequestOf<T>): Promise<ReplyOf<T>> {
    const reply: Reply<T> | undefined = await browser.runtime.sendMessage(message);
    if (!reply) throw new CodedError('no_background');
    if (!reply.ok) throw new CodedError(reply.error.code, reply.error.origin);
    return reply.value;
  }
  function takeHandoff() {
    if (handoffTakers.size === 0) return;
    void request({ type: 'handoff.take' }).then((handoff) => {
      if (handoff) for (const take of handoffTakers) take(handoff);
    }, () => {});
  }

  return {
    panelId,
    setView(conversationId, fresh) {
      view = { type: 'view', conversationId, ...(fresh ? { fresh } : {}) };
      postView();
    },
    request,
    subscribe(onEvent, onConnect) {
      let closed = false;
      let retryMs = 100;
      const open = () => {
        if (closed) return;
        // Connecting wakes a stopped service worker; its disconnect tells us it stopped, so we reconnect
        // at once and the worker rebuilds its state (cable, resync) from storage.
        port = browser.runtime.connect({ name: panelPortName(panelId) });
        port.onMessage.addListener((event: BackgroundEvent) => {
          retryMs = 100;
          // Our own background: trusted, so the panel ships no schemas.
          if (event.type === 'handoff') takeHandoff();
          else onEvent(event);
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
    onHandoff(take) {
      handoffTakers.add(take);
      takeHandoff(); // one may be waiting: the click that left it is what opened this panel
      return () => void handoffTakers.delete(take);
    },
    loadDrafts: () => request({ type: 'drafts.get' }),
    saveDrafts: (drafts) => request({ type: 'drafts.save', drafts }).then(() => {}),
    readPage: readActivePage,
    requestPage: getActivePage,
    watchPage: platform.watchActiveTab,
    requestOrigin: platform.requestOrigin,
    requestNotifications: () => platform.requestPermission('notifications'),
    putFile,
    deleteFile,
    readFile: async (id) => (await getFile(id))?.blob,
    openSettings: () => void browser.runtime.openOptionsPage(),
    openPanel: () => void platform.openPanel(windowId).catch((e) => console.warn('Could not open the panel', e)),
  };
}
