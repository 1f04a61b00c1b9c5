#!/usr/bin/env node
// `npm test`: type check, unit and sandbox contract tests, both builds, web-ext lint, end-to-end tests in
// Chromium and Firefox. Ends with one line "N passed, N failed" totalling every suite (CI reads it).
// First installs the dependencies when node_modules does not match package-lock.json, and finds (or, on
// Debian/Ubuntu as root, installs) Chromium and Firefox ESR for the end-to-end suites.
// `npm test -- unit e2e` runs only the named parts (typecheck, knip, unit, sandbox, size, lint, e2e).
// Only Node built-ins are imported: the dependency check runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome, findFirefox } from './browsers.mjs';
import { ensureDeps, ROOT } from './ensure-deps.mjs';

process.chdir(ROOT);
ensureDeps();

const results = []; // { suite, passed, failed }
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });

function step(suite, cmd, args) {
  console.log(`\n▶ ${suite}: ${cmd} ${args.join(' ')}`);
  const { status } = run(cmd, args);
  results.push({ suite, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
  return status === 0;
}

function vitest(suite, project, extra = []) {
  mkdirSync('.output', { recursive: true });
  const report = `.output/vitest-${project}.json`;
  rmSync(report, { force: true });
  console.log(`\n▶ ${suite}: vitest --project ${project}`);
  const { status } = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra]);
  if (!existsSync(report)) return results.push({ suite, passed: 0, failed: 1 });
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load counts as a failure even when no test in it ran.
  const failedFiles = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  results.push({ suite, passed: json.numPassedTests, failed: json.numFailedTests + failedFiles + (status !== 0 && json.numFailedTests === 0 && failedFiles === 0 ? 1 : 0) });
}

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

// The e2e harnesses read CHROME_PATH and FIREFOX_PATH. A browser that is missing (and cannot be installed
// here) is said in one line, first, and counted as one failure of the suites that need it, which are not run.
let chrome = null;
let firefox = null;
if (want('e2e')) {
  chrome = findChrome({ required: false, purpose: 'for the end-to-end tests' });
  firefox = findFirefox({ required: false, purpose: 'for the Firefox end-to-end suite' });
  if (chrome) process.env.CHROME_PATH = chrome;
  if (firefox) process.env.FIREFOX_PATH = firefox;
}

if (want('typecheck')) step('typecheck', 'npx', ['tsc', '--noEmit']);
// No unused files, exports, types or dependencies (knip.jsonc says what the entries are).
if (want('knip')) step('knip', 'npx', ['knip', '--no-progress']);
if (want('unit')) vitest('unit', 'unit');
if (want('sandbox')) {
  // The contract tests validate the sandbox's answers against Chatwoot's OpenAPI file, kept outside the repo.
  const swagger = join(ROOT, '..', 'shared', 'reference', 'client_swagger.json');
  if (existsSync(swagger)) vitest('sandbox', 'sandbox');
  else {
    console.log(`\n▶ sandbox: not run: its contract tests need ${swagger} (the shared/ folder beside this repository)`);
    results.push({ suite: 'sandbox (no ../shared/reference)', passed: 0, failed: 1 });
  }
}
if (want('e2e') || want('lint') || want('size')) {
  step('build chrome', 'npx', ['wxt', 'build']);
  step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
}
if (want('size')) step('size', 'npx', ['size-limit']); // the budgets of .size-limit.mjs, on the Chrome build above
if (want('lint')) step('web-ext lint', 'node', ['scripts/lint-firefox.mjs']);
if (want('e2e')) {
  if (!chrome) {
    console.log('\n▶ e2e: not run, no Chrome or Chromium (see above)');
    results.push({ suite: 'e2e (no Chrome or Chromium)', passed: 0, failed: 1 });
  } else {
    vitest('e2e', 'e2e', firefox ? [] : ['--exclude', 'tests/e2e/firefox*.test.ts']);
  }
  if (!firefox) results.push({ suite: 'e2e firefox (no Firefox ESR; not run)', passed: 0, failed: 1 });
}

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\nSuites:');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.suite}: ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
