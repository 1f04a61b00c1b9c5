// `npm run bench` (issue 17, "Fast at any size"): builds the Chrome extension (into OUT_DIR, default
// .output), starts the sandbox, drives headless Chromium and prints each figure beside its target; the same
// as JSON in <OUT_DIR>/bench.json. Figures, not tests: it asserts nothing.
// BENCH_LONG (10,000), BENCH_BURST (500), BENCH_COLD (10) change the counts; BENCH_PROFILE=1 writes CPU
// profiles of the panel and the worker while the long thread is paged back, and prints their top functions.
// BENCH_NO_BUILD=1 measures the build already there.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { Harness, until, waitForText } from '../tests/e2e/harness';
import { afterWorkerStop, burst } from './bench/chat-phases';
import { blankOpen, coldOpen, coldWorkerOpen, plainOpen, withBlankPage } from './bench/cold-open';
import { median, panelPage, round, spread } from './bench/kit';
import { longThread, makeLongThread, reopenLong } from './bench/long-thread';

const OUT = process.env.OUT_DIR ?? '.output';
const LONG = Number(process.env.BENCH_LONG ?? 10_000);
const BURST = Number(process.env.BENCH_BURST ?? 500);
const COLD = Number(process.env.BENCH_COLD ?? 10);

interface Row {
  what: string;
  figure: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const row = (what: string, figure: string, target: string, ok: boolean | null) => {
  rows.push({ what, figure, target, ok });
  console.log(`  ${what}: ${figure}`);
};
const report: Record<string, unknown> = { date: new Date().toISOString(), cpus: cpus().length, counts: { long: LONG, burst: BURST, cold: COLD } };

if (process.env.BENCH_NO_BUILD !== '1') {
  console.log(`Building into ${OUT}/chrome-mv3…`);
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: process.env });
}

// Sizes: the files .size-limit.mjs checks, each gzipped on its own.
const budgetsFile = pathToFileURL(resolve('.size-limit.mjs')).href; // read as size-limit reads it (OUT_DIR)
const { default: budgets } = (await import(budgetsFile)) as { default: { name: string; path: string[] }[] };
const kb = (files: string[]) => files.reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0) / 1000;
for (const b of budgets) {
  const size = kb(b.path);
  report[`size ${b.name}`] = size;
  row(`size: ${b.name} (gzip, per file)`, `${round(size, 2)} kB`, '≤ 25 kB', size <= 25);
}

// The build as shipped, plus an empty page: how long Chromium takes to show any extension page at all.
const h = await Harness.start({ build: withBlankPage });
try {
  await (await h.configure()).close();
  const panel = await panelPage(h);
  const start = async (text: string) => {
    const before = new Set((await h.agent.conversations()).map((c) => c.id));
    await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
    await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill(text);
    await panel.locator('::-p-aria([name="Send"][role="button"])').click();
    const all = await until(() => h.agent.conversations(), (cs) => cs.some((c) => !before.has(c.id)));
    await waitForText(panel, text);
    return all.find((c) => !before.has(c.id))!.id;
  };
  const short = await start('bench: a short conversation');
  await h.agent.reply(short, 'the newest reply');
  await waitForText(panel, 'the newest reply');

  console.log('Cold open…');
  // One of each per round, not ten of one then ten of the next: the shared machine's load drifts within a
  // minute, and the panel is compared with the floor and the yardstick taken at the same moments.
  const cold = { list: [] as number[], thread: [] as number[] };
  const blank: number[] = [];
  const plain: number[] = [];
  for (let i = 0; i < COLD; i++) {
    const open = await coldOpen(h, short, 'the newest reply', 1);
    cold.list.push(...open.list);
    cold.thread.push(...open.thread);
    blank.push(...(await blankOpen(h, 1)));
    plain.push(...(await plainOpen(h, panel, short, 1)));
  }
  Object.assign(report, { coldOpen: cold, blankOpen: blank, plainOpen: plain });
  row(`cold open → list painted (median of ${COLD}, min–max)`, spread(cold.list), '≤ 60 ms', median(cold.list) <= 60);
  row(`cold open → thread painted (clicked once the list is painted, median of ${COLD})`, spread(cold.thread), '—', null);
  row(`an empty extension page → painted, the floor (median of ${COLD})`, spread(blank), '—', null);
  row(`the yardstick: a plain web page fetching and showing the newest 20 (median of ${COLD}; 56 ms when the target was set)`, spread(plain), '—', null);
  row('cold open → list painted, as a share of the yardstick on this machine', `${round(median(cold.list) / median(plain), 2)}×`, '≤ 1.07× (60 / 56)', median(cold.list) / median(plain) <= 60 / 56);
  const coldWorker = await coldWorkerOpen(h, short, 'the newest reply');
  report.coldWorkerOpenMs = coldWorker;
  row('reopened panel, worker stopped, server answering in 3 s → list painted from its cache (from navigation)', `${round(coldWorker)} ms`, '—', null);

  console.log('Burst…');
  await panel.bringToFront();
  const profile = process.env.BENCH_PROFILE === '1' ? join(OUT, 'bench') : undefined;
  const b = await burst(h, panel, short, BURST, profile);
  report.burst = b;
  const pick = b.runs.find((r) => r.p95 === b.p95) ?? b.runs[0]!;
  row(
    `burst: ${BURST} replies in ~1.5 s, 3 times; sent → shown p95 (median of 3, each), and p50 / max of the median run`,
    `p95 ${b.p95} ms (${b.p95s.join(', ')}); p50 ${pick.p50}, max ${pick.max} ms`,
    'p95 ≤ 50 ms',
    b.p95 <= 50,
  );
  row('burst: each reply shown, exactly once, in order; badge', `${b.seen}/${BURST} seen in each, ${b.once ? 'each once' : `NOT each once ${JSON.stringify(b.differs)}`}, badge "${b.badge}"`, `all once, badge ""`, b.once && b.seen === BURST && b.badge === '');

  const stops = await afterWorkerStop(h, panel, short, 5);
  report.afterWorkerStopMs = stops;
  row('worker stopped → next reply shown (median of 5)', spread(stops), '—', null);

  console.log(`A thread of ${LONG} messages…`);
  await panel.locator('::-p-aria([name="Back to conversations"][role="button"])').click();
  const long = await start('bench: a long conversation');
  await panel.close();
  const makeMs = await makeLongThread(h, long, LONG);
  report.makeLongMs = makeMs;
  console.log(`  made through the agent API in ${round(makeMs / 1000)} s (16 requests at a time)`);
  const l = await longThread(h, long, LONG, { profile });
  report.long = l;
  row(`${LONG}: click → newest painted`, `${round(l.clickToNewestMs)} ms`, '≤ 100 ms', l.clickToNewestMs <= 100);
  row(`${LONG}: read storm (update_last_seen → message.updated per reply), worker busy`, `${round(l.stormWorkerSeconds, 2)} s CPU${l.stormSent ? '' : ' (no receipt seen!)'}`, '≤ 1 s', l.stormWorkerSeconds <= 1);
  row(`${LONG}: DOM at the newest (thread / page)`, `${l.domNewest.thread} / ${l.domNewest.page}`, '≤ 1,500', l.domNewest.thread <= 1500);
  // rAF deltas come in whole vsync intervals (16.7 ms at 60 Hz) with a few tenths of jitter: a p95 under
  // 17.5 ms is no frame dropped at the 95th percentile.
  row(`${LONG}: scroll frames (rAF deltas) p95 / median; frames over 25 ms`, `${round(l.framesP95)} / ${round(l.framesMedian)} ms; ${l.framesLong} of ${l.frames}`, 'p95 ≤ 16.7 ms', l.framesP95 < 17.5);
  const o = l.oldest;
  row(`${LONG}: scroll to the oldest`, `${round(o.ms / 1000)} s, ${o.steps} steps${o.reached && o.firstShown ? '' : ' (NOT reached)'}`, '≤ 15 s', o.reached && o.ms <= 15_000);
  row(`${LONG}: a step, first 20 / last 20 (median)`, `${round(o.firstSteps)} / ${round(o.lastSteps)} ms`, 'constant', o.lastSteps <= o.firstSteps * 2);
  row(`${LONG}: CPU while paging back, panel / worker`, `${round(l.panelCpuSeconds, 2)} / ${round(l.workerCpuSeconds, 2)} s`, '—', null);
  row(`${LONG}: DOM at the oldest (thread / page), peak on the way`, `${l.domOldest.thread} / ${l.domOldest.page}, peak ${o.most}`, '≤ 1,500', Math.max(o.most, l.domOldest.thread) <= 1500);
  row(`${LONG}: panel heap at the oldest (after GC)`, `${round(l.heapMB)} MB`, '≤ 10 MB', l.heapMB <= 10);
  const again = await reopenLong(h, long, LONG, 3);
  report.reopenLongMs = again;
  row(`${LONG}: reopened, click → newest (median of 3)`, spread(again), '≤ 100 ms', median(again) <= 100);
  if (l.profiles) {
    console.log('\nWorker, top self time while paging back:\n' + l.profiles.worker.join('\n'));
    console.log('\nPanel, top self time while paging back:\n' + l.profiles.panel.join('\n'));
  }
} finally {
  await h.close();
}

report.rows = rows;
writeFileSync(join(OUT, 'bench.json'), JSON.stringify(report, null, 2));
const mark = (ok: boolean | null) => (ok === null ? '' : ok ? '✓' : '✗');
console.log(`\n| what | figure | target | |\n|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.what} | ${r.figure} | ${r.target} | ${mark(r.ok)} |`);
console.log(`\n${cpus().length} CPUs, ${new Date().toISOString().slice(0, 10)}; JSON in ${join(OUT, 'bench.json')}`);
