// `npm test` and `npm start` update a Firefox older than the add-on installs in (scripts/browsers.mjs), so its
// idea of "older" must be the manifest's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the oldest Firefox', () => {
  it('is the same for the browser finder as for the manifest', () => {
    const finder = /minMajor: (\d+)/.exec(readFileSync('scripts/browsers.mjs', 'utf8'));
    const manifest = /strict_min_version: '(\d+)\.0'/.exec(readFileSync('wxt.config.ts', 'utf8'));
    expect(finder?.[1]).toBeDefined();
    expect(finder?.[1]).toBe(manifest?.[1]);
  });
});
