// Helpers of the chaos, offline and session-leak tests: a seeded random source, the customer typing in the
// panel page as a person would, reading the thread the panel shows (paging back to its first message), what
// the server holds, and taking the worker's network away and giving it back.
import type { CDPSession, Page } from 'puppeteer-core';
import type { Harness } from './harness';
import { until, waitForText } from './harness';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

/** A message's tag (C0001 for the customer's, A0001 for the agent's) in a text, if any. */
export const tagOf = (text: string | null | undefined) => /\b([CA]\d{4})\b/.exec(text ?? '')?.[1] ?? null;

const composer = (panel: Page) => panel.locator('::-p-aria([name="Message"][role="textbox"])');

/** The panel page, showing one conversation's thread with its composer. */
export async function openThread(h: Harness, conversationId: number): Promise<Page> {
  const panel = await h.open('sidepanel');
  // After a browser restart the new tab may open behind the restored ones: a page in the background is not
  // rendered, and a click (which waits for the element to be in view) would never happen.
  await panel.bringToFront();
  await panel.waitForSelector(`[data-conversation-id="${conversationId}"], .composer__input`, { timeout: 20_000 });
  if (!(await panel.$('.composer__input'))) await panel.click(`[data-conversation-id="${conversationId}"]`);
  await panel.waitForSelector('.composer__input', { timeout: 20_000 });
  return panel;
}

/** The composer's file input, if the panel has one (attachments can then be sent as a person would). */
export const fileInput = (panel: Page) => panel.$('.composer input[type="file"], form input[type="file"]');

/**
 * Types a message and presses Enter, as a person would, with `file` attached first if given (and the UI has
 * a file input). Waits until the composer has let go of the text and the message shows in the thread (the
 * background has it then: a row appears only once the outbox has stored it); if the text comes back (the send
 * failed and the composer restored it), presses Enter again, as a person would. Returns how often Enter was
 * pressed. (The composer empties before the background has the message: a browser closed in that moment
 * loses it, so a person, and this, waits to see it.)
 */
export async function typeAndSend(panel: Page, text: string, file?: string): Promise<number> {
  if (file) await (await fileInput(panel))!.uploadFile(file);
  await composer(panel).fill(text);
  for (let presses = 1; presses <= 5; presses++) {
    await panel.focus('.composer__input');
    await panel.keyboard.press('Enter');
    const end = Date.now() + 8_000;
    while (Date.now() < end) {
      // The composer may be swapped for another (a new conversation becomes its thread): poll again then.
      const value = await panel.$eval('.composer__input', (t) => (t as HTMLTextAreaElement).value).catch(() => null);
      if (value === '') {
        const tag = tagOf(text);
        if (tag) await until(() => panelRows(panel), (rows) => rows.some((r) => r.tag === tag), 15_000);
        return presses;
      }
      await sleep(50);
    }
  }
  throw new Error(`"${text}" never left the composer`);
}

export interface Row {
  key: string;
  tag: string | null;
  delivery: string;
}

/** The rows the panel's thread shows now, in order: their key (m<id> sent, e<echo id> not yet), tag, delivery. */
export function panelRows(panel: Page): Promise<Row[]> {
  return panel.$$eval('.messages__list [data-key]', (rows) =>
    rows.map((r) => ({
      key: (r as HTMLElement).dataset.key!,
      text: r.querySelector('.bubble')?.textContent ?? '',
      delivery: r.querySelector('.delivery')?.textContent ?? '',
    })),
  ).then((rows) => rows.map((r) => ({ key: r.key, tag: tagOf(r.text), delivery: r.delivery })));
}

/**
 * Every row of the thread, oldest first, read as a person scrolls it from the newest to the first message:
 * the thread is windowed (only rows near the viewport, and the newest ones, are in the DOM), so it is read a
 * screen at a time while older pages load above. `problems`: a row twice in the DOM, rows out of order, a jump.
 */
export async function readWholeThread(panel: Page, timeout = 120_000): Promise<{ rows: Row[]; problems: string[] }> {
  await panel.evaluate(() => void (document.querySelector('.messages')!.scrollTop = 1e9));
  await sleep(200);
  let order: Row[] = [];
  const problems: string[] = [];
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    const shot = await panel.evaluate(() => {
      const scroller = document.querySelector<HTMLElement>('.messages')!;
      const all = [...scroller.querySelectorAll<HTMLElement>('.messages__list [data-key], .messages__gap')];
      const gap = all.findIndex((r) => r.classList.contains('messages__gap'));
      const rows = all.slice(0, gap < 0 ? all.length : gap).map((r) => ({
        key: r.dataset.key!, text: r.querySelector('.bubble')?.textContent ?? '', delivery: r.querySelector('.delivery')?.textContent ?? '',
      }));
      return { rows, scrollTop: scroller.scrollTop, atTop: scroller.scrollTop === 0 && !scroller.querySelector('.messages__older') };
    });
    const keys = shot.rows.map((r) => r.key);
    if (new Set(keys).size !== keys.length) problems.push(`a row twice in the DOM: ${keys.join(' ')}`);
    // Scrolling up, rows not seen before come above the ones seen: the known part must match the order so far.
    const known = keys.filter((k) => order.some((o) => o.key === k));
    const fresh = shot.rows.slice(0, keys.length - known.length);
    // 300 px up, some rows of the last read must still be there: none means the view jumped over rows.
    if (order.length > 0 && keys.length > 0 && known.length === 0) {
      problems.push(`the view jumped: scrollTop ${shot.scrollTop}, last read from ${order[0]!.key}, now ${keys[0]}…${keys.at(-1)}`);
    }
    if (fresh.some((r) => order.some((o) => o.key === r.key))) problems.push('new rows below known ones');
    if (known.join() !== order.slice(0, known.length).map((o) => o.key).join()) problems.push('rows out of order');
    order = [...fresh.map((r) => ({ key: r.key, tag: tagOf(r.text), delivery: r.delivery })), ...order];
    if (shot.atTop && order.length > 0) return { rows: order, problems };
    // Up a little less than half a screen, then two frames for the list to render where it now is.
    await panel.evaluate(() => document.querySelector('.messages')!.scrollBy(0, -300));
    await panel.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  throw new Error('the thread never reached its first message');
}

export interface ServerMessage {
  id: number;
  content: string | null;
  message_type: number;
  private: boolean;
  attachments?: { file_name: string; sha256?: string }[];
}

/** The conversation's messages as the agent sees them, with their tags, in the server's order (by id). */
export async function serverMessages(h: Harness, conversationId: number) {
  const all = await h.agent.call<ServerMessage[]>('GET', `/conversations/${conversationId}/messages`);
  return all.filter((m) => !m.private && (m.message_type === 0 || m.message_type === 1)).sort((a, b) => a.id - b.id)
    .map((m) => ({ ...m, tag: tagOf(m.content) }));
}

/** `want` each exactly once and in order among `tags` (others may be interleaved); else what is wrong. */
export function orderProblems(tags: (string | null)[], want: string[]): string[] {
  const seen = tags.filter((t): t is string => t !== null && want.includes(t));
  const problems: string[] = [];
  const counts = new Map<string, number>();
  for (const t of seen) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const t of want) if ((counts.get(t) ?? 0) !== 1) problems.push(`${t} ×${counts.get(t) ?? 0}`);
  if (problems.length === 0 && seen.join() !== want.join()) problems.push(`out of order: ${seen.join(' ')}`);
  return problems;
}

/** The worker's CDP target (waking the worker if needed). */
export function workerTarget(h: Harness) {
  return h.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${h.extensionId}/`), { timeout: 20_000 });
}

/**
 * Takes the worker's network away (CDP Network.emulateNetworkConditions on its own session, which stays
 * attached, and so keeps the worker running, until `online`). Chromium changes navigator.onLine but fires no
 * `offline`/`online` event in a worker for emulated conditions: when none came, they are dispatched in the
 * worker as the browser would. `fired` says which happened.
 */
export async function workerOffline(h: Harness) {
  const session: CDPSession = await (await workerTarget(h)).createCDPSession();
  const evaluate = async (expression: string) => (await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true })).result.value;
  const conditions = (offline: boolean) => session.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  await evaluate(`globalThis.__chaosNet = []; addEventListener('offline', () => __chaosNet.push('offline')); addEventListener('online', () => __chaosNet.push('online')); true`);
  await session.send('Network.enable');
  await conditions(true);
  await sleep(300);
  const fired = { offline: (await evaluate('__chaosNet.includes("offline")')) as boolean, online: false, onLine: (await evaluate('navigator.onLine')) as boolean };
  if (!fired.offline) await evaluate(`dispatchEvent(new Event('offline'))`);
  return {
    fired,
    async online() {
      await conditions(false);
      await sleep(300);
      fired.online = (await evaluate('__chaosNet.includes("online")')) as boolean;
      if (!fired.online) await evaluate(`dispatchEvent(new Event('online'))`);
      await session.detach().catch(() => {});
    },
  };
}

/** The panel says the network is gone. */
export async function panelSaysOffline(panel: Page, timeout = 10_000) {
  await panel.waitForSelector('[data-connection="offline"]', { timeout });
  await waitForText(panel, 'Offline', timeout);
}

/** Polls the server until the customer's tags are each there once and in order; returns the time it took. */
export async function serverHasAll(h: Harness, conversationId: number, want: string[], timeout: number) {
  const started = Date.now();
  await until(async () => orderProblems((await serverMessages(h, conversationId)).map((m) => m.tag), want), (p) => p.length === 0, timeout);
  return Date.now() - started;
}
