// The benchmark's phases on a short conversation: a burst of agent replies, a reply after the worker was
// stopped (the cold open is in ./cold-open.ts).
import type { Page } from 'puppeteer-core';
import type { Harness } from '../../tests/e2e/harness';
import { until, waitForText } from '../../tests/e2e/harness';
import { domCount, percentile, profiled, seenTexts, sleep, watchTexts, workerSession } from './kit';

/** The thread's rows from the newest to the oldest loaded, scrolling up (and loading) until `enough`. */
export async function walkUp(page: Page, enough: (texts: string[]) => boolean, maxSteps = 2_000) {
  await page.evaluate(() => void (document.querySelector('.messages')!.scrollTop = 1e9));
  await sleep(300);
  let order: { key: string; text: string }[] = [];
  let problems = 0;
  let most = 0;
  const steps: unknown[] = [];
  let firstProblem: unknown[] | undefined;
  for (let step = 0; step < maxSteps; step++) {
    const shot = await page.evaluate(() => {
      const sc = document.querySelector<HTMLElement>('.messages')!;
      const rows = [...sc.querySelectorAll<HTMLElement>('.messages__list [data-key], .messages__gap')];
      const gap = rows.findIndex((r) => r.classList.contains('messages__gap'));
      const shown = rows.slice(0, gap < 0 ? rows.length : gap).map((r) => ({ key: r.dataset.key!, text: r.querySelector('.msg__text')?.textContent ?? '' }));
      // Where the walk was, for a problem's report: the scroll, the rows held, the rows seen.
      const at = { scrollTop: Math.round(sc.scrollTop), held: Number(sc.querySelector<HTMLElement>('.messages__list')?.dataset.count), first: shown[0]?.text, last: shown.at(-1)?.text };
      return { shown, at, top: sc.scrollTop === 0 && !sc.querySelector('.messages__older'), elements: sc.getElementsByTagName('*').length };
    });
    most = Math.max(most, shot.elements);
    const known = new Set(order.map((r) => r.key));
    const fresh = shot.shown.filter((r) => !known.has(r.key));
    steps.push(shot.at);
    // New rows must come above: one below a row seen already means the walk skipped it (the view jumped).
    if (shot.shown.slice(0, fresh.length).some((r) => known.has(r.key))) {
      problems++;
      firstProblem ??= steps.slice(-4);
    }
    order = [...fresh, ...order];
    if (shot.top || enough(order.map((r) => r.text))) break;
    // Half a screen at a time, as a reader scrolls.
    await page.evaluate(() => document.querySelector('.messages')!.scrollBy(0, -300));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  return { texts: order.map((r) => r.text), problems, most, firstProblem };
}

/** Bursts of `count` agent replies within 1.5 s into a thread the panel shows at its bottom: sent → shown, once each. */
export async function burst(h: Harness, panel: Page, id: number, count: number, profile?: string) {
  if (!profile) return burstRun(h, panel, id, count);
  const worker = await workerSession(h);
  const page = await panel.createCDPSession();
  try {
    const run = await profiled(worker, `${profile}-burst-worker.cpuprofile`, () => profiled(page, `${profile}-burst-panel.cpuprofile`, () => burstRun(h, panel, id, count)));
    return { ...run.result.result, profiles: { worker: run.top, panel: run.result.top } };
  } finally {
    await worker.detach().catch(() => {});
    await page.detach().catch(() => {});
  }
}

/** One burst: `count` replies in 50 batches over 1.5 s; sent → shown for each (the page's first sight). */
async function oneBurst(h: Harness, panel: Page, id: number, count: number, run: number) {
  await watchTexts(panel, `^burst ${run}\\.\\d+$`);
  const sent: Record<string, number> = {};
  const requests: Promise<unknown>[] = [];
  const batches = 50;
  for (let b = 0; b < batches; b++) {
    for (let i = Math.floor((b * count) / batches); i < Math.floor(((b + 1) * count) / batches); i++) {
      const text = `burst ${run}.${i + 1}`;
      sent[text] = Date.now();
      requests.push(h.agent.reply(id, text));
    }
    await sleep(1_500 / batches);
  }
  const sendMs = Math.max(...Object.values(sent)) - Math.min(...Object.values(sent));
  await Promise.all(requests);
  const seen = await until(() => seenTexts(panel), (s) => Object.keys(s).length >= count, 60_000).catch(() => seenTexts(panel));
  const latencies = Object.keys(sent).filter((t) => t in seen).map((t) => seen[t]! - sent[t]!);
  return { sendMs, seen: latencies.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(...latencies) };
}

/** `runs` bursts; then the badge, and every reply of every burst found once, in order, paging the thread back. */
async function burstRun(h: Harness, panel: Page, id: number, count: number, runs = 3) {
  await panel.bringToFront();
  // A worker that was just stopped or slowed first settles: one reply, shown, before the burst.
  await h.agent.reply(id, 'before the burst');
  await waitForText(panel, 'before the burst', 30_000);
  const each = [];
  for (let run = 1; run <= runs; run++) {
    await sleep(1_000);
    each.push(await oneBurst(h, panel, id, count, run));
  }
  const dom = await domCount(panel);
  const badge = await until(() => h.badge(), (b) => b === '', 10_000).catch(() => h.badge());
  const isBurst = (t: string) => /^burst \d+\.\d+$/.test(t);
  const walk = await walkUp(panel, (texts) => texts.filter(isBurst).length >= count * runs);
  const shown = walk.texts.filter(isBurst);
  const server = (await h.agent.messages(id)).filter((m) => isBurst(m.content ?? '')).sort((x, y) => x.id - y.id).map((m) => m.content ?? '');
  const once = new Set(shown).size === count * runs && shown.join() === server.join() && walk.problems === 0;
  // What differs, when something does: a figure without its reason helps no one.
  const missing = server.filter((t) => !shown.includes(t));
  const twice = shown.filter((t, i) => shown.indexOf(t) !== i);
  const at = shown.findIndex((t, i) => t !== server[i]);
  const differs = once ? null : { missing: missing.length, firstMissing: missing.slice(0, 5), twice: twice.length, problems: walk.problems, firstProblem: walk.firstProblem, firstMismatch: at < 0 ? null : { at, shown: shown.slice(Math.max(0, at - 2), at + 3), server: server.slice(Math.max(0, at - 2), at + 3) } };
  const p95s = each.map((r) => r.p95);
  return { runs: each, p95: percentile(p95s, 50), p95s, seen: Math.min(...each.map((r) => r.seen)), once, differs, badge, dom };
}

/** The worker stopped, then an agent reply: how long until the panel shows it. */
export async function afterWorkerStop(h: Harness, panel: Page, id: number, runs: number) {
  const ms: number[] = [];
  for (let i = 1; i <= runs; i++) {
    await h.stopWorker();
    await sleep(200);
    await watchTexts(panel, `^after stop ${i}$`);
    const sent = Date.now();
    await h.agent.reply(id, `after stop ${i}`);
    const seen = await until(() => seenTexts(panel), (s) => `after stop ${i}` in s, 20_000);
    ms.push(seen[`after stop ${i}`]! - sent);
  }
  return ms;
}
