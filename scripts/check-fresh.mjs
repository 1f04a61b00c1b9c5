#!/usr/bin/env node
// `npm run check:fresh`: what a newcomer gets. Clones this repository's committed HEAD into a temporary folder
// (with ../shared beside it when there is one here: the sandbox contract tests read it), and with no
// node_modules runs `HEADLESS=1 npm start` until it says the extension is connected and the side panel is open,
// stops it as Ctrl+C does, checks that it stopped cleanly, then runs `npm test` there.
// Exit code 0 when both worked. Takes several minutes. KEEP=1 keeps the temporary folder.
// Node built-ins only (POSIX: the stop is a signal to npm start's process group).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const START_TIMEOUT_MS = 20 * 60_000; // npm ci, perhaps apt-get install chromium, the build, the browser
const STOP_TIMEOUT_MS = 30_000;
const started = Date.now();
const secs = (ms) => `${Math.round(ms / 1000)} s`;
const log = (line) => console.log(`[check:fresh] ${line}`);

const git = (...args) => spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8' });
const head = git('rev-parse', '--short', 'HEAD').stdout.trim();
if (!head) {
  console.error(`[check:fresh] ${ROOT} is not a git repository with a commit.`);
  process.exit(1);
}
if (git('status', '--porcelain', '--untracked-files=no').stdout.trim()) {
  log('note: uncommitted changes here are not part of the check (it clones the committed HEAD).');
}

const tmp = mkdtempSync(join(tmpdir(), 'hoory-fresh-'));
const repo = join(tmp, 'repo');
log(`cloning ${ROOT} at ${head} into ${repo}`);
const clone = spawnSync('git', ['clone', '--quiet', ROOT, repo], { stdio: 'inherit' });
if (clone.status !== 0) process.exit(1);
const shared = join(ROOT, '..', 'shared');
if (existsSync(shared)) {
  symlinkSync(realpathSync(shared), join(tmp, 'shared'), 'dir');
  log(`linked ${join(tmp, 'shared')} -> ${realpathSync(shared)} (the sandbox contract tests read ../shared)`);
}
if (existsSync(join(repo, 'node_modules'))) throw new Error('the clone has node_modules');

const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
const portIsFree = (port) =>
  new Promise((ok) => {
    const server = createServer();
    server.once('error', () => ok(false));
    server.listen(port, '127.0.0.1', () => server.close(() => ok(true)));
  });

/** Run an npm script in the clone, echoing and logging its output; `onLine(line, elapsedMs)` sees each line. */
function npm(script, { env = {}, onLine = () => {} } = {}) {
  const logFile = createWriteStream(join(tmp, `${script}.log`));
  const t0 = Date.now();
  const child = spawn('npm', [script], {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, so a signal reaches npm start's node process as Ctrl+C does
  });
  let rest = '';
  const feed = (chunk) => {
    logFile.write(chunk);
    rest += chunk;
    const lines = rest.split('\n');
    rest = lines.pop();
    for (const line of lines) {
      console.log(`  ${script} │ ${line}`);
      onLine(line, Date.now() - t0);
    }
  };
  child.stdout.on('data', feed);
  child.stderr.on('data', feed);
  const closed = new Promise((ok) =>
    child.on('close', (code, signal) => {
      if (rest) feed('\n');
      logFile.end();
      ok({ code, signal, ms: Date.now() - t0 });
    }),
  );
  return { child, closed };
}

const report = [];
let ok = true;

// 1. npm start, headless, until connected and ready; then Ctrl+C.
const port = await freePort();
let npmCi = null;
let connectedAt = null;
let sidePanel = null;
let readyResolve;
const ready = new Promise((r) => (readyResolve = r));
let stoppedLine = false;
log(`HEADLESS=1 SANDBOX_PORT=${port} npm start (no node_modules yet)`);
const start = npm('start', {
  env: { HEADLESS: '1', SANDBOX_PORT: String(port) },
  onLine(line, ms) {
    const ci = line.match(/Installing dependencies \(npm ci\).*done in (\d+) s/);
    if (ci) npmCi = Number(ci[1]);
    if (connectedAt === null && /\bconnected\b/i.test(line) && !/not connected|could not/i.test(line)) connectedAt = ms;
    if (/^Side panel open beside/.test(line)) sidePanel = true;
    if (/^Could not open the side panel/.test(line)) sidePanel = false;
    if (/Press Ctrl\+C/.test(line)) readyResolve('ready');
    if (/^Stopped the browser and the sandbox\./.test(line)) stoppedLine = true;
  },
});
const outcome = await Promise.race([
  ready,
  start.closed.then(() => 'exited'),
  new Promise((r) => setTimeout(() => r('timeout'), START_TIMEOUT_MS)),
]);
report.push(`npm ci: ${npmCi === null ? 'not seen' : `${npmCi} s`}`);
report.push(`"connected": ${connectedAt === null ? 'never' : `${secs(connectedAt)} after npm start`}`);
if (outcome !== 'ready' || connectedAt === null) {
  ok = false;
  report.push(`npm start: FAILED (${outcome === 'exited' ? 'it exited before it was ready' : outcome === 'timeout' ? `not ready in ${secs(START_TIMEOUT_MS)}` : 'no "connected" line'})`);
}
if (sidePanel !== true) {
  ok = false;
  report.push(`side panel: ${sidePanel === false ? 'could not be opened' : 'not reported'}`);
}
if (outcome !== 'exited') {
  const t0 = Date.now();
  try {
    process.kill(-start.child.pid, 'SIGINT');
  } catch {}
  const stopped = await Promise.race([start.closed, new Promise((r) => setTimeout(() => r(null), STOP_TIMEOUT_MS))]);
  if (!stopped) {
    try {
      process.kill(-start.child.pid, 'SIGKILL');
    } catch {}
    await start.closed;
  }
  const free = await portIsFree(port);
  const clean = stopped && stoppedLine && free;
  if (!clean) ok = false;
  report.push(
    `stop (Ctrl+C): ${clean ? `clean in ${secs(Date.now() - t0)}, port ${port} free` : `NOT clean (${!stopped ? `still running after ${secs(STOP_TIMEOUT_MS)}, killed` : !stoppedLine ? 'no "Stopped" line' : `port ${port} still in use`})`}`,
  );
}

// 2. npm test in the same clone (dependencies now installed).
log('npm test');
let summary = null;
const test = npm('test', { onLine: (line) => /^\d+ passed, \d+ failed$/.test(line) && (summary = line) });
const tested = await test.closed;
if (tested.code !== 0) ok = false;
report.push(`npm test: ${summary ?? 'no summary line'} (exit ${tested.code ?? tested.signal}) in ${secs(tested.ms)}`);

console.log(`\n[check:fresh] ${head} from a fresh clone, ${secs(Date.now() - started)} in all:`);
for (const line of report) console.log(`  ${line}`);
if (ok && process.env.KEEP !== '1') rmSync(tmp, { recursive: true, force: true });
else console.log(`  kept: ${tmp} (the clone, start.log, test.log)`);
console.log(ok ? 'check:fresh PASSED' : 'check:fresh FAILED');
process.exit(ok ? 0 : 1);
