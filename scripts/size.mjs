#!/usr/bin/env node
// `npm run size`: builds the Chrome extension with sourcemaps and prints, per page (background, side panel,
// options), the gzip size of all the JavaScript it loads, and which packages the bytes come from.
// A figure to watch, not a test: the budget for the panel and the background is 25 KB gzip each.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// OUT_DIR builds (and measures) in a folder of its own, as the end-to-end runs do.
const OUT = `${process.env.OUT_DIR ?? '.output'}/chrome-mv3`;
execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore', env: { ...process.env, SOURCEMAP: '1' } });

let trace;
try {
  trace = await import('@jridgewell/trace-mapping'); // comes with Vite; optional
} catch {}

function scriptsOf(html) {
  const page = readFileSync(`${OUT}/${html}`, 'utf8');
  return [...page.matchAll(/<script[^>]+src="\/?([^"]+)"/g), ...page.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/?([^"]+)"/g)].map((m) => m[1]);
}

function packageOf(source) {
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  if (npm) return npm[1];
  const own = /(entrypoints|components|utils)\/[^/]+/.exec(source);
  return own ? own[0] : 'other';
}

function breakdown(file) {
  if (!trace || !existsSync(`${OUT}/${file}.map`)) return {};
  const map = new trace.TraceMap(readFileSync(`${OUT}/${file}.map`, 'utf8'));
  const bytes = {};
  readFileSync(`${OUT}/${file}`, 'utf8').split('\n').forEach((line, i) => {
    for (let column = 0; column < line.length; column++) {
      const key = packageOf(trace.originalPositionFor(map, { line: i + 1, column }).source ?? '');
      bytes[key] = (bytes[key] ?? 0) + 1;
    }
  });
  return bytes;
}

const pages = { background: ['background.js'], 'side panel': scriptsOf('sidepanel.html'), options: scriptsOf('options.html') };
for (const [name, files] of Object.entries(pages)) {
  const code = files.map((f) => readFileSync(`${OUT}/${f}`, 'utf8')).join('\n');
  console.log(`${name}: ${(gzipSync(code, { level: 9 }).length / 1024).toFixed(1)} KB gzip (${(code.length / 1024).toFixed(1)} KB raw)`);
  const bytes = {};
  for (const f of files) for (const [k, v] of Object.entries(breakdown(f))) bytes[k] = (bytes[k] ?? 0) + v;
  for (const [k, v] of Object.entries(bytes).sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${(v / 1024).toFixed(1).padStart(6)} KB raw  ${k}`);
}
