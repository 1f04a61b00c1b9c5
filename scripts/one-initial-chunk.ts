// A Vite plugin for the build of the HTML pages (the side panel): everything the page imports statically goes
// into one chunk, its entry. Rolldown otherwise splits what the lazily loaded screens share with it (Preact,
// signals, the preload helper) into chunks of their own, and each module the page must load before its first
// paint costs more than its bytes: three modules painted the list about 17 ms later than one (README, "Cold
// open"). The scripts WXT builds in library mode (the background, unlisted scripts) are left alone. The
// side panel must stay the only HTML entrypoint: the group holds every page's static imports, so a second
// page would load the panel's (the settings page is an unlisted script for that reason, public/options.html).
// tests/e2e/page-files.test.ts holds the result: one module, no static imports.
import type { Plugin } from 'vite';

export function oneInitialChunk(): Plugin {
  return {
    name: 'hoory:one-initial-chunk',
    config(config) {
      if (config.build?.lib) return;
      return { build: { rollupOptions: { output: { codeSplitting: { groups: [{ name: 'initial', tags: ['$initial'] }] } } } } };
    },
  };
}
