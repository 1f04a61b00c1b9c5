#!/usr/bin/env node
// web-ext lint on the Firefox build: fails on any error, and on any warning not explained in the README.
import { spawnSync } from 'node:child_process';

// Warnings this stack cannot remove; README.md ("Firefox") explains each.
const EXPLAINED = new Set(['UNSAFE_VAR_ASSIGNMENT', 'DANGEROUS_EVAL']);

const out = spawnSync('npx', ['web-ext', 'lint', '-s', '.output/firefox-mv2', '--output', 'json', '--no-config-discovery'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(out.stdout);
} catch {
  console.error(out.stdout, out.stderr);
  process.exit(1);
}
const show = (m) => `  ${m._type} ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`;
for (const m of [...report.errors, ...report.warnings, ...report.notices]) console.log(show(m));
const unexplained = report.warnings.filter((w) => !EXPLAINED.has(w.code));
console.log(`web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings (${unexplained.length} unexplained), ${report.notices.length} notices`);
process.exit(report.errors.length || unexplained.length ? 1 : 0);
