// What the benchmark's phases share: statistics, panel pages, CDP metrics (CPU seconds, heap) of the panel
// and the worker, CPU profiles, and in-page timing of what the panel shows.
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page, Protocol } from 'puppeteer-core';
import type { Harness } from '../../tests/e2e/harness';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((sorted.length * p) / 100) - 1))]!;
}
export const median = (values: number[]) => percentile(values, 50);
export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
/** "median (min–max)" of a series, for the table. */
export const spread = (values: number[], unit = 'ms') =>
  `${round(median(values))} ${unit} (${round(Math.min(...values))}–${round(Math.max(...values))})`;

/**
 * A side panel page, 400 × 720 like the real panel. `init` runs in the page before its own scripts (timing
 * probes). tsx names the functions it compiles with a `__name` helper that pages lack: given here.
 */
export async function panelPage(h: Harness, init?: string): Promise<Page> {
  const page = await h.browser.newPage();
  await page.setViewport({ width: 400, height: 720 });
  await page.evaluateOnNewDocument('globalThis.__name = (f) => f;');
  if (init) await page.evaluateOnNewDocument(init);
  page.on('pageerror', (e) => console.error('[panel] page error:', e));
  await page.goto(h.url('sidepanel'));
  return page;
}

/** CDP Performance metrics (TaskDuration, ScriptDuration in seconds; JSHeapUsedSize in bytes). */
export async function metrics(session: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

export async function pageSession(page: Page): Promise<CDPSession> {
  const session = await page.createCDPSession();
  await session.send('Performance.enable');
  return session;
}

/** A session on the worker. It keeps the worker alive: detach it when done. The worker target has no
 *  Performance domain (no TaskDuration): its CPU time is sampled with the profiler (workerBusy). */
export async function workerSession(h: Harness): Promise<CDPSession> {
  const target = await h.browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${h.extensionId}/`));
  const session = await target.createCDPSession();
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 500 });
  return session;
}

type Profile = Protocol.Profiler.Profile;

/** Seconds of a profile not spent idle. */
function busySeconds(profile: Profile): number {
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
  const samples = profile.samples ?? [];
  const busy = samples.filter((id) => !idle.has(id)).length;
  return ((profile.endTime - profile.startTime) / 1e6) * (busy / Math.max(1, samples.length));
}

/** CPU seconds of the worker while `run` runs, then until it is quiet (a 2 s slice under 20 ms busy). */
export async function workerBusy<T>(session: CDPSession, run: () => Promise<T>, maxMs = 30_000): Promise<{ seconds: number; result: T }> {
  const slice = async () => {
    await session.send('Profiler.start');
    return async () => busySeconds((await session.send('Profiler.stop')).profile);
  };
  let stop = await slice();
  const result = await run();
  let seconds = await stop();
  const end = Date.now() + maxMs;
  for (;;) {
    stop = await slice();
    await sleep(2_000);
    const s = await stop();
    seconds += s;
    if (s < 0.02 || Date.now() > end) break;
  }
  return { seconds, result };
}

/** The page's JS heap after a garbage collection, in MB. */
export async function heapMB(session: CDPSession): Promise<number> {
  await session.send('HeapProfiler.collectGarbage');
  return (await metrics(session)).JSHeapUsedSize! / 1e6;
}

/** Element counts: the whole page, and the thread (the scrolling list and what it holds). */
export function domCount(page: Page): Promise<{ page: number; thread: number }> {
  return page.evaluate(() => ({
    page: document.getElementsByTagName('*').length,
    thread: document.querySelector('.messages')?.getElementsByTagName('*').length ?? 0,
  }));
}

/** From now on, the page notes (Date.now()) when each message text matching `pattern` first shows. */
export function watchTexts(page: Page, pattern: string): Promise<void> {
  return page.evaluate((source) => {
    const re = new RegExp(source);
    const seen: Record<string, number> = {};
    Object.assign(globalThis, { __seen: seen });
    new MutationObserver((records) => {
      const now = Date.now();
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (!(node instanceof Element)) continue;
          for (const text of node.matches('.msg__text') ? [node] : node.querySelectorAll('.msg__text')) {
            const t = text.textContent ?? '';
            if (re.test(t) && !(t in seen)) seen[t] = now;
          }
        }
      }
    }).observe(document.body, { subtree: true, childList: true });
  }, pattern);
}

export function seenTexts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => (globalThis as unknown as { __seen: Record<string, number> }).__seen);
}

/** Runs `run` under the CPU profiler of a target; writes the profile and answers its top functions by self time. */
export async function profiled<T>(session: CDPSession, file: string, run: () => Promise<T>): Promise<{ result: T; top: string[]; seconds: number }> {
  await session.send('Profiler.enable');
  await session.send('Profiler.start');
  const result = await run();
  const { profile } = await session.send('Profiler.stop');
  writeFileSync(file, JSON.stringify(profile));
  const self = new Map<string, number>();
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples?.length ?? 1);
  const hits = new Map<number, number>();
  for (const id of profile.samples ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (hits.get(node.id) ?? 0) * interval);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([name, us]) => `${(us / 1000).toFixed(0).padStart(6)} ms  ${name}`);
  return { result, top, seconds: busySeconds(profile) };
}
