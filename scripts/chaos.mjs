#!/usr/bin/env node
// `npm run chaos`: the full end-to-end chaos run (tests/e2e/chaos.test.ts with CHAOS_FULL=1): 1,000 messages,
// customer (typed in the panel page) and agent (agent API) mixed, through cable drops, 500s, 429s with
// Retry-After, unreadable answers, latency, worker stops, an outage of the worker's network and a browser
// restart, in headless Chromium against the sandbox. Builds first (into OUT_DIR, or .output), and prints the
// figures the test measured. `npm run chaos -- --seed 7 --count 300` replays another seed or count.
import { spawnSync } from 'node:child_process';
import { findChrome } from './browsers.mjs';
import { ensureDeps, ROOT } from './ensure-deps.mjs';

process.chdir(ROOT);
ensureDeps();

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const env = { ...process.env, CHAOS_FULL: '1' };
if (option('seed')) env.CHAOS_SEED = option('seed');
if (option('count')) env.CHAOS_N = option('count');
env.CHROME_PATH = findChrome({ purpose: 'for the chaos run' });

const run = (cmd, cmdArgs) => spawnSync(cmd, cmdArgs, { stdio: 'inherit', env }).status ?? 1;

console.log('▶ build: wxt build');
if (run('npx', ['wxt', 'build']) !== 0) process.exit(1);
console.log(`▶ chaos: ${env.CHAOS_N ?? 1000} messages, seed ${env.CHAOS_SEED ?? '20261129 (the default)'}`);
const status = run('npx', ['vitest', 'run', '--project', 'e2e', 'tests/e2e/chaos.test.ts']);
process.exit(status);
