// Issue 17, "Fast at any size": a thread of 2,000 messages in the panel page, windowed. Scrolled from the
// newest to the oldest, every message is seen exactly once and in the server's order, the thread never
// holds more than 1,500 elements, each older page reaches the panel once (in the answer to its request, not
// again in a patch), the top message stays still while older ones load above it, and "Jump to newest"
// (mouse and keyboard) brings the newest message back.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, until, waitForText } from './harness';

const N = Number(process.env.LONG_THREAD_N ?? 2_000);

/**
 * Records, in the panel, the row keys each 'thread.older' answer brought and the keys that thread.patch events
 * carried after that answer while the panel still held them (a row sent twice). Chrome's runtime is wrapped before
 * the panel's scripts run; the polyfill calls it with a callback.
 */
const DELIVERY_RECORDER = `(() => {
  const rec = (window.__delivery = { answered: new Set(), again: [], answers: 0 });
  const connect = chrome.runtime.connect.bind(chrome.runtime);
  chrome.runtime.connect = (...args) => {
    const port = connect(...args);
    port.onMessage.addListener((e) => {
      if (!e || e.type !== 'thread.patch') return;
      for (const row of e.patch.upsert) if (rec.answered.has(row.key)) rec.again.push(row.key);
      for (const key of e.patch.remove) rec.answered.delete(key); // gone from the panel: sending it again is right
    });
    return port;
  };
  const send = chrome.runtime.sendMessage.bind(chrome.runtime);
  const note = (reply) => {
    if (!reply || !reply.ok) return;
    rec.answers++;
    for (const row of reply.value.upsert) rec.answered.add(row.key);
  };
  chrome.runtime.sendMessage = (...args) => {
    const last = args[args.length - 1];
    if (!(args[0] && args[0].type === 'thread.older')) return send(...args);
    if (typeof last === 'function') args[args.length - 1] = (reply) => { note(reply); last(reply); };
    const result = send(...args);
    if (result && typeof result.then === 'function') result.then(note, () => {});
    return result;
  };
})();`;
const PARALLEL = 8;
const label = (i: number) => `Long ${String(i).padStart(4, '0')}`;

let h: Harness;
let panel: Page;
let id: number;
/** The agent messages' keys in the server's order (by id), oldest first. */
let expected: string[];

beforeAll(async () => {
  h = await Harness.start();
  await (await h.configure()).close();
  const first = await h.open('sidepanel');
  await first.locator('::-p-aria([name="New conversation"][role="button"])').click();
  await first.locator('::-p-aria([name="Message"][role="textbox"])').fill('A long story');
  await first.locator('::-p-aria([name="Send"][role="button"])').click();
  const [conversation] = await until(() => h.agent.conversations(), (cs) => cs.length === 1);
  id = conversation!.id;
  await first.close();
  // No bulk endpoint in the agent API: parallel requests. Bots and agents take turns, so groups change.
  let next = 1;
  const sender = async () => {
    for (let i = next++; i <= N; i = next++) await h.agent.send(id, { content: label(i), sender: i % 7 < 2 ? 'bot' : 'agent' });
  };
  await Promise.all(Array.from({ length: PARALLEL }, sender));
  const all = await h.agent.messages(id);
  expected = all.filter((m) => m.content?.startsWith('Long ')).sort((a, b) => a.id - b.id).map((m) => `m${m.id}`);
  await h.stopWorker(); // it comes back with the newest messages only: older ones come from the server
  panel = await h.open('sidepanel', DELIVERY_RECORDER);
  await panel.waitForSelector(`[data-conversation-id="${id}"]`, { timeout: 20_000 });
  await panel.click(`[data-conversation-id="${id}"]`);
  await waitForText(panel, label(N), 20_000);
}, 300_000);
afterAll(() => h?.close());

interface Snapshot {
  keys: string[];
  elements: number;
  atTop: boolean;
}

/** The rows in the DOM now, in order, and the thread's element count. */
function snapshot(page: Page): Promise<Snapshot> {
  return page.evaluate(() => {
    const scroller = document.querySelector<HTMLElement>('.messages')!;
    // The rows near the viewport: the newest rows, after a gap, are always there too.
    const rows = [...scroller.querySelectorAll<HTMLElement>('.messages__list [data-key], .messages__gap')];
    const gap = rows.findIndex((r) => r.classList.contains('messages__gap'));
    const keys = rows.slice(0, gap < 0 ? rows.length : gap).map((r) => r.dataset.key!);
    const busy = scroller.querySelector('.messages__older');
    return { keys, elements: scroller.getElementsByTagName('*').length, atTop: scroller.scrollTop === 0 && !busy };
  });
}

const frames = (page: Page, n = 2) =>
  page.evaluate((n) => new Promise<void>((done) => {
    const step = (left: number) => (left ? requestAnimationFrame(() => step(left - 1)) : done());
    step(n);
  }), n);

describe('a thread of 2,000 messages', () => {
  it('keeps the top message still while older messages load above it', async () => {
    // The server answers slowly: the older page comes while the reader looks at the top. The first pages come
    // from what the worker holds, at once; those are checked too.
    await h.agent.faults({ latency_ms: 800 });
    const top = () =>
      panel.evaluate(() => {
        const box = document.querySelector('.messages')!.getBoundingClientRect();
        // A bubble: the sender's name above it goes when the older rows make it part of a group.
        const row = [...document.querySelectorAll<HTMLElement>('.messages__list [data-key]')].find((r) => r.getBoundingClientRect().bottom > box.top + 40)!;
        return { key: row.dataset.key!, y: row.querySelector('.bubble')!.getBoundingClientRect().top - box.top };
      });
    let loads = 0;
    for (let round = 0; round < 40 && loads < 3; round++) {
      await panel.evaluate(() => void (document.querySelector('.messages')!.scrollTop = 0));
      await frames(panel, 3);
      const before = await top();
      if (await panel.$('.messages__older[role="status"]')) loads++;
      await until(() => panel.$('.messages__older[role="status"]'), (busy) => busy === null, 20_000);
      await frames(panel, 3);
      const after = await panel.$eval(`[data-key="${before.key}"] .bubble`, (r) => r.getBoundingClientRect().top - document.querySelector('.messages')!.getBoundingClientRect().top);
      expect(Math.abs(after - before.y)).toBeLessThan(2);
    }
    await h.agent.faults(null);
    expect(loads).toBeGreaterThan(0);
  }, 120_000);

  it('scrolled to the oldest: each message once, in order, the DOM bounded, each older page sent once', async () => {
    // From the thread opened anew, so that a second try starts where the first did.
    await panel.locator('::-p-aria([name="Back to conversations"])').click();
    await panel.waitForSelector(`[data-conversation-id="${id}"]`);
    await panel.click(`[data-conversation-id="${id}"]`);
    await waitForText(panel, label(N), 20_000);
    // Recorded from here: the walk pages back through what the worker holds and what it fetches.
    await panel.evaluate(() => {
      const rec = (window as unknown as { __delivery: { answered: Set<string>; again: string[]; answers: number } }).__delivery;
      rec.answered.clear();
      rec.again.length = 0;
      rec.answers = 0;
    });
    await panel.evaluate(() => void (document.querySelector('.messages')!.scrollTop = 1e9));
    await frames(panel, 5);
    let order: string[] = [];
    let most = 0;
    const problems: string[] = [];
    for (let step = 0; step < 5_000; step++) {
      const shot = await snapshot(panel);
      most = Math.max(most, shot.elements);
      if (new Set(shot.keys).size !== shot.keys.length) problems.push(`step ${step}: a row twice in the DOM`);
      // Scrolling up, rows not seen before come above the ones seen: the known part must match the order so far.
      const known = shot.keys.filter((k) => order.includes(k));
      const fresh = shot.keys.slice(0, shot.keys.length - known.length);
      if (order.length && shot.keys.length && !known.length) problems.push(`step ${step}: the view jumped over rows (none of the last read's)`);
      if (fresh.some((k) => order.includes(k))) problems.push(`step ${step}: new rows below known ones`);
      if (known.join() !== order.slice(0, known.length).join()) problems.push(`step ${step}: rows out of order`);
      order = [...fresh, ...order];
      if (shot.atTop && order[0] !== undefined && !(await panel.$('.messages__older'))) break;
      await panel.evaluate(() => document.querySelector('.messages')!.scrollBy(0, -500));
      await frames(panel);
    }
    expect(problems.slice(0, 5), problems.slice(0, 5).join('; ')).toEqual([]);
    const long = order.filter((k) => expected.includes(k));
    expect(long).toEqual(expected); // every message once, in the server's order
    expect(most).toBeLessThanOrEqual(1_500);
    // Each older page travels once: in the answer to the panel that asked, not again in the next patch.
    const delivery = await panel.evaluate(() => {
      const rec = (window as unknown as { __delivery: { answered: Set<string>; again: string[]; answers: number } }).__delivery;
      return { answered: rec.answered.size, answers: rec.answers, again: rec.again };
    });
    expect(delivery.answers).toBeGreaterThan(10);
    expect(delivery.answered).toBeGreaterThan(N / 2);
    expect(delivery.again.slice(0, 5), `sent again: ${delivery.again.slice(0, 5).join('; ')}`).toEqual([]);
    console.log(`long thread: ${N} messages seen once and in order; at most ${most} elements in the thread; ${delivery.answered} rows in ${delivery.answers} older pages, none sent again`);
  }, 600_000);

  it('"Jump to newest" brings the newest message back, by mouse and by keyboard', async () => {
    const newestVisible = () =>
      panel.evaluate((text) => {
        const box = document.querySelector('.messages')!.getBoundingClientRect();
        const row = [...document.querySelectorAll('.msg__text')].find((p) => p.textContent === text);
        const r = row?.getBoundingClientRect();
        return Boolean(r && r.bottom <= box.bottom + 1 && r.top >= box.top - 1);
      }, label(N));
    await panel.evaluate(() => document.querySelector('.messages')!.scrollBy(0, -3_000));
    const jump = '::-p-aria([name="Jump to newest"][role="button"])';
    await panel.locator(jump).click();
    await until(newestVisible, Boolean);
    expect(await panel.$(jump)).toBeNull();

    await panel.evaluate(() => document.querySelector('.messages')!.scrollBy(0, -3_000));
    await panel.waitForSelector(jump);
    await panel.$eval('.messages__jump-button', (b) => (b as HTMLElement).focus());
    await panel.keyboard.press('Enter');
    await until(newestVisible, Boolean);
    expect(await panel.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('log');
  });
});
