// `npm run bench:chat`: how fast the extension shows what the agent sends, in headless Chromium against the
// sandbox. Prints figures; asserts nothing (speed goals live here, not in tests).
//   - live: agent API call → reply painted in the panel, for N replies (p50 / p95 / max)
//   - restart: worker stopped → next reply painted
//   - cold paint: panel reopened on a fresh worker while the server takes 3 s → list painted
import { Harness, until, waitForText } from '../tests/e2e/harness';

const N = Number(process.env.BENCH_REPLIES ?? 100);
const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

const h = await Harness.start();
try {
  await (await h.configure()).close();
  const panel = await h.open('sidepanel');
  await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
  await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill('benchmark');
  await panel.locator('::-p-aria([name="Send"][role="button"])').click();
  const [conversation] = await until(() => h.agent.conversations(), (cs) => cs.length === 1);
  const id = conversation!.id;
  await panel.waitForSelector('[data-connection="online"]');
  await waitForText(panel, 'benchmark');

  // Timestamps taken in the page when each reply's text appears (same machine clock as the sender).
  await panel.evaluate(() => {
    const seen: Record<string, number> = ((globalThis as any).__seen = {});
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('.msg__text')) {
        const text = el.textContent ?? '';
        if (/^bench \d+$/.test(text) && !(text in seen)) seen[text] = Date.now();
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const sent: Record<string, number> = {};
  for (let i = 1; i <= N; i++) {
    sent[`bench ${i}`] = Date.now();
    await h.agent.reply(id, `bench ${i}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const seen = await until(
    () => panel.evaluate(() => (globalThis as any).__seen as Record<string, number>),
    (s) => Object.keys(s).length >= N,
    30_000,
  );
  const live = Object.keys(sent).map((k) => seen[k]! - sent[k]!);
  console.log(`live replies (${N}): p50 ${percentile(live, 50)} ms, p95 ${percentile(live, 95)} ms, max ${Math.max(...live)} ms`);

  await h.stopWorker();
  const t0 = Date.now();
  await h.agent.reply(id, 'after the stop');
  await waitForText(panel, 'after the stop', 20_000);
  console.log(`reply after a worker stop: ${Date.now() - t0} ms`);

  await panel.close();
  await h.stopWorker();
  await h.agent.faults({ latency_ms: 3_000 });
  const t1 = Date.now();
  const reopened = await h.open('sidepanel');
  await waitForText(reopened, 'after the stop', 10_000); // the list's preview, from the cache
  console.log(`cold panel paint with a 3 s server: ${Date.now() - t1} ms`);
  await h.agent.faults(null);
} finally {
  await h.close();
}
