#!/usr/bin/env node
// `npm test`: type check, unit and sandbox contract tests, both builds, web-ext lint, end-to-end tests in
// Chromium and Firefox. Ends with one line "N passed, N failed" totalling every suite (CI reads it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = []; // { suite, passed, failed }
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });

function step(suite, cmd, args) {
  console.log(`\n▶ ${suite}: ${cmd} ${args.join(' ')}`);
  const { status } = run(cmd, args);
  results.push({ suite, passed: status === 0 ? 1 : 0, failed: status === 0 ? 0 : 1 });
  return status === 0;
}

function vitest(suite, project) {
  mkdirSync('.output', { recursive: true });
  const report = `.output/vitest-${project}.json`;
  rmSync(report, { force: true });
  console.log(`\n▶ ${suite}: vitest --project ${project}`);
  const { status } = run('npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  if (!existsSync(report)) return results.push({ suite, passed: 0, failed: 1 });
  const json = JSON.parse(readFileSync(report, 'utf8'));
  // A file that fails to load counts as a failure even when no test in it ran.
  const failedFiles = json.testResults.filter((f) => f.status === 'failed' && f.assertionResults.length === 0).length;
  results.push({ suite, passed: json.numPassedTests, failed: json.numFailedTests + failedFiles + (status !== 0 && json.numFailedTests === 0 && failedFiles === 0 ? 1 : 0) });
}

const only = process.argv.slice(2);
const want = (name) => only.length === 0 || only.includes(name);

if (want('typecheck')) step('typecheck', 'npx', ['tsc', '--noEmit']);
if (want('unit')) vitest('unit', 'unit');
if (want('sandbox')) vitest('sandbox', 'sandbox');
if (want('e2e') || want('lint')) {
  step('build chrome', 'npx', ['wxt', 'build']);
  step('build firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
}
if (want('lint')) step('web-ext lint', 'node', ['scripts/lint-firefox.mjs']);
if (want('e2e')) vitest('e2e', 'e2e');

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\nSuites:');
for (const r of results) console.log(`  ${r.failed ? '✗' : '✓'} ${r.suite}: ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
