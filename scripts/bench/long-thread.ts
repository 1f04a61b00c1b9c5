// The benchmark's long thread: made through the agent API, opened from the list (the read storm of its
// unread replies follows), scrolled, and paged back to its first message.
import type { Page } from 'puppeteer-core';
import type { Harness } from '../../tests/e2e/harness';
import { until } from '../../tests/e2e/harness';
import { domCount, heapMB, metrics, pageSession, panelPage, percentile, profiled, sleep, workerBusy, workerSession } from './kit';

export const longLabel = (i: number) => `Long ${String(i).padStart(5, '0')}`;

/**
 * `count` agent messages in conversation `id`, `parallel` requests at a time (the agent API has no bulk
 * endpoint), while no panel shows the thread: they are unread when it opens. Bots and agents take turns.
 */
export async function makeLongThread(h: Harness, id: number, count: number, parallel = 16) {
  const start = Date.now();
  let next = 1;
  const sender = async () => {
    for (let i = next++; i <= count; i = next++) await h.agent.send(id, { content: longLabel(i), sender: i % 7 < 2 ? 'bot' : 'agent' });
  };
  await Promise.all(Array.from({ length: parallel }, sender));
  return Date.now() - start;
}

/** Clicks the conversation in the list (in the page) and times it until the newest message is painted. */
function clickToNewest(page: Page, id: number, newest: string): Promise<number> {
  return page.evaluate(
    (id, newest) =>
      new Promise<number>((resolve) => {
        const start = performance.now();
        const shown = () => [...document.querySelectorAll('.msg__text')].some((e) => e.textContent === newest);
        const mo = new MutationObserver(() => {
          if (!shown()) return;
          mo.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - start));
        });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true });
        document.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)!.click();
      }),
    id,
    newest,
  );
}

/** requestAnimationFrame deltas while the reader scrolls up 100 px a frame for `frames` frames. */
function scrollFrames(page: Page, frames: number): Promise<number[]> {
  return page.evaluate(
    (frames) =>
      new Promise<number[]>((resolve) => {
        const sc = document.querySelector('.messages')!;
        const deltas: number[] = [];
        let last = performance.now();
        const step = (now: number) => {
          deltas.push(now - last);
          last = now;
          sc.scrollBy(0, -100);
          if (deltas.length < frames) requestAnimationFrame(step);
          else resolve(deltas.slice(1));
        };
        requestAnimationFrame(step);
      }),
    frames,
  );
}

/**
 * Scrolls to the top again and again until the first message shows. A step is one page of older messages:
 * from the scroll until the panel holds more messages (the list's data-count). Also the DOM's peak.
 */
function toOldest(page: Page, limitMs: number) {
  return page.evaluate(async (limitMs) => {
    const sc = document.querySelector<HTMLElement>('.messages')!;
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const count = () => Number(sc.querySelector<HTMLElement>('.messages__list')?.dataset.count ?? 0);
    const steps: number[] = [];
    let most = 0;
    const start = performance.now();
    while (performance.now() - start < limitMs) {
      if (!sc.querySelector('.messages__older') && sc.scrollTop === 0) break;
      const before = count();
      const t0 = performance.now();
      sc.scrollTop = 0;
      do await frame();
      while (count() === before && sc.querySelector('.messages__older') && performance.now() - t0 < 10_000);
      if (count() > before) steps.push(performance.now() - t0);
      most = Math.max(most, sc.getElementsByTagName('*').length);
    }
    return { steps, most, ms: performance.now() - start, reached: !sc.querySelector('.messages__older') };
  }, limitMs);
}

export async function longThread(h: Harness, id: number, count: number, options: { profile?: string } = {}) {
  const newest = longLabel(count);
  const page = await panelPage(h);
  await page.waitForSelector(`[data-conversation-id="${id}"]`, { timeout: 30_000 });
  await sleep(1_000);
  const panel = await pageSession(page);
  const worker = await workerSession(h);
  try {
    // The click, then the read storm: the server answers update_last_seen (sent half a second after the thread
    // shows) with one message.updated per reply. The worker's profiler starts after the click, so that the
    // click is timed without it, and before the storm.
    const clickMs = await clickToNewest(page, id, newest);
    const storm = await workerBusy(worker, async () => {});
    const seenAt = (await h.agent.conversations()).find((c) => c.id === id)?.contact_last_seen_at ?? 0;
    await sleep(500);
    const domNewest = await domCount(page);
    const frames = await scrollFrames(page, 180);
    // Paging back under both profilers: the worker's CPU time comes from its samples.
    const panelCpu0 = (await metrics(panel)).TaskDuration!;
    const file = (who: string) => `${options.profile ?? '/tmp/bench'}-${who}.cpuprofile`;
    const run = () => toOldest(page, 600_000);
    const profile = await profiled(worker, file('worker'), () => (options.profile ? profiled(panel, file('panel'), run) : run().then((result) => ({ result, top: [] as string[], seconds: 0 }))));
    const oldest = profile.result.result;
    const panelCpu = (await metrics(panel)).TaskDuration! - panelCpu0;
    const workerCpu = profile.seconds;
    const firstShown = await page.evaluate(() => [...document.querySelectorAll('.msg__text')].map((e) => e.textContent)).then((t) => t.includes(longLabel(1)));
    const domOldest = await domCount(page);
    const heap = await heapMB(panel);
    const k = Math.min(20, Math.floor(oldest.steps.length / 2));
    return {
      clickToNewestMs: clickMs,
      stormWorkerSeconds: storm.seconds,
      stormSent: seenAt > 0,
      domNewest,
      framesP95: percentile(frames, 95),
      framesMedian: percentile(frames, 50),
      /** Frames that took more than one and a half vsync intervals: at least one frame dropped. */
      framesLong: frames.filter((d) => d > 25).length,
      frames: frames.length,
      oldest: { ...oldest, firstShown, steps: oldest.steps.length, firstSteps: percentile(oldest.steps.slice(0, k), 50), lastSteps: percentile(oldest.steps.slice(-k), 50) },
      panelCpuSeconds: panelCpu,
      workerCpuSeconds: workerCpu,
      domOldest,
      heapMB: heap,
      profiles: options.profile ? { worker: profile.top, panel: profile.result.top } : null,
    };
  } finally {
    await worker.detach().catch(() => {});
    await panel.detach().catch(() => {});
    await page.close();
  }
}

/** Reopens the (now read) long thread: click → newest, median of `runs`. */
export async function reopenLong(h: Harness, id: number, count: number, runs: number) {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await panelPage(h);
    await page.waitForSelector(`[data-conversation-id="${id}"]`, { timeout: 30_000 });
    await sleep(500);
    ms.push(await clickToNewest(page, id, longLabel(count)));
    await until(() => domCount(page), () => true);
    await page.close();
  }
  return ms;
}
