// What the extension's pages load, asserted on both builds (issue 17, cold open): the side panel waits for
// one script and one style sheet before its first paint (each more file painted the list later, README
// "Cold open"), and the settings page, an unlisted script's bundle of its own, shares no chunk with it.
// Lives in the e2e project because `npm test` builds both browsers right before it.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const built = (build: string, file: string) => {
  const path = resolve(process.env.OUT_DIR ?? '.output', build, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: build first (npx wxt build && npx wxt build -b firefox)`);
  return readFileSync(path, 'utf8');
};

/** The scripts, module preloads and style sheets a page's HTML names, as paths in the build. */
function filesOf(html: string) {
  const refs = (pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!.replace(/^\//, ''));
  return {
    scripts: refs(/<script\b[^>]*\bsrc="([^"]+)"/g),
    preloads: refs(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
    styles: refs(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g),
  };
}

/** The chunks a module imports statically (`import … from "./x.js"` or `import "./x.js"`; minified). */
const staticImports = (code: string) => [...code.matchAll(/(?:\bfrom|\bimport)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)].map((m) => m[1]);

describe.each(['chrome-mv3', 'firefox-mv2'])('%s: the pages load what they need and no more', (build) => {
  it('the side panel waits for one module, with no static imports, and one style sheet', () => {
    const panel = filesOf(built(build, 'sidepanel.html'));
    expect(panel.scripts).toHaveLength(1);
    expect(panel.scripts[0]).toMatch(/^chunks\/sidepanel-[\w-]+\.js$/);
    expect(panel.preloads).toEqual([]);
    expect(panel.styles).toHaveLength(1);
    const entry = built(build, panel.scripts[0]!);
    expect(staticImports(entry)).toEqual([]);
    // Its later screens are still chunks of their own, fetched after the first paint; the thread's list is
    // asked for with the screens, not only by them once they have loaded (one wait, not two in a row).
    expect(/import\(["'`]\.\/conversation-screens-[\w-]+\.js["'`]\)/.test(entry), 'import() of the conversation screens').toBe(true);
    expect(/import\(["'`]\.\/thread-list-[\w-]+\.js["'`]\)/.test(entry), 'import() of the thread list').toBe(true);
  });

  it('the settings page is its own bundle, named in the manifest', () => {
    const options = filesOf(built(build, 'options.html'));
    expect(options).toEqual({ scripts: ['options-page.js'], preloads: [], styles: ['assets/options-page.css'] });
    for (const file of [...options.scripts, ...options.styles]) expect(built(build, file).length).toBeGreaterThan(1_000);
    // A classic script (WXT's unlisted scripts are IIFEs): nothing of the side panel's chunks.
    expect(built(build, 'options-page.js').includes('chunks/'), 'a reference to a chunk').toBe(false);
    expect(JSON.parse(built(build, 'manifest.json')).options_ui).toEqual({ page: 'options.html', open_in_tab: true });
  });
});
