// Records every request the browser's pages and workers make (not Chrome's own UI), over CDP: one browser-level auto-attach that
// holds each new target (waitForDebuggerOnStart) until Network is enabled on it, so a page's first request and
// a restarted worker's first fetch and socket are seen too. HTTP requests (with their bodies), redirects,
// WebSockets and the frames sent on them.
import type { Browser, CDPSession } from 'puppeteer-core';

export interface Seen {
  /** The target's type and URL when it was attached (service_worker, page, …). */
  target: string;
  kind: 'http' | 'websocket' | 'frame';
  url: string;
  method?: string;
  body?: string;
}

export async function recordNetwork(browser: Browser) {
  const seen: Seen[] = [];
  const attached = new Map<string, { type: string; url: string }>();
  const root: CDPSession = await browser.target().createCDPSession();
  const workersSeen = new Set<string>();

  root.on('Target.attachedToTarget', async ({ sessionId, targetInfo, waitingForDebugger }) => {
    const session = root.connection()?.session(sessionId);
    if (!session) return;
    const target = `${targetInfo.type} ${targetInfo.url}`;
    attached.set(sessionId, { type: targetInfo.type, url: targetInfo.url });
    if (targetInfo.type === 'service_worker') workersSeen.add(targetInfo.targetId);
    const sockets = new Map<string, string>();
    session.on('Network.requestWillBeSent', (e) => {
      const body = e.request.postData ?? e.request.postDataEntries?.map((p) => p.bytes ?? '').join('');
      seen.push({ target, kind: 'http', url: e.request.url, method: e.request.method, ...(body ? { body } : {}) });
    });
    session.on('Network.webSocketCreated', (e) => {
      sockets.set(e.requestId, e.url);
      seen.push({ target, kind: 'websocket', url: e.url });
    });
    session.on('Network.webSocketFrameSent', (e) => {
      seen.push({ target, kind: 'frame', url: sockets.get(e.requestId) ?? '(unknown socket)', body: e.response.payloadData });
    });
    try {
      await session.send('Network.enable', { maxPostDataSize: 1_000_000 });
    } catch {
      /* gone already */
    }
    if (waitingForDebugger) await session.send('Runtime.runIfWaitingForDebugger').catch(() => {});
  });
  root.on('Target.detachedFromTarget', ({ sessionId }) => void attached.delete(sessionId));
  // Every target but the browser's own UI (the omnibox popup and such are Chrome, not the extension).
  const filter = [{ type: 'browser', exclude: true }, { type: 'tab', exclude: true }, { type: 'browser_ui', exclude: true }, {}];
  await root.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter });

  return {
    seen,
    /** How many distinct worker targets (worker lives) were recorded. */
    workerLives: () => workersSeen.size,
    /** Lets go of the worker (an attached session keeps it alive for ever): call before stopping it. */
    async releaseWorkers() {
      for (const [sessionId, t] of attached) {
        if (t.type !== 'service_worker') continue;
        await root.send('Target.detachFromTarget', { sessionId }).catch(() => {});
        attached.delete(sessionId);
      }
    },
    async stop() {
      await root.send('Target.setAutoAttach', { autoAttach: false, waitForDebuggerOnStart: false, flatten: true }).catch(() => {});
      await root.detach().catch(() => {});
    },
  };
}

/** Where a recorded URL goes: its origin (ws(s) written as http(s)); blob:<origin>; chrome-extension://<id>; data:. */
export function destination(url: string): string {
  const u = new URL(url);
  if (['http:', 'https:', 'ws:', 'wss:'].includes(u.protocol)) return `${u.protocol.replace(/^ws/, 'http')}//${u.host}`;
  if (u.protocol === 'blob:') return `blob:${u.pathname.split('/').slice(0, 3).join('/')}`;
  return u.protocol === 'chrome-extension:' ? `chrome-extension://${u.host}` : u.protocol;
}
