#!/usr/bin/env node
// `npm start`: build the extension, start the sandbox, open Chrome/Chromium with the extension loaded and
// already connected to the sandbox, with the panel page and the agent console side by side.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const PORT = Number(process.env.SANDBOX_PORT ?? 3000);
const SANDBOX = `http://127.0.0.1:${PORT}`;

function findBrowser() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium',
    `${process.env.LOCALAPPDATA}\\Google\\Chrome\\Application\\chrome.exe`,
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  ];
  const found = candidates.find((p) => p && existsSync(p));
  if (!found) {
    console.error('No Chrome or Chromium found. Set CHROME_PATH to its executable.');
    process.exit(1);
  }
  return found;
}

const build = spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const sandbox = spawn('npx', ['tsx', 'sandbox/main.ts', '--port', String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] });
sandbox.stdout.pipe(process.stdout);
await new Promise((ok, fail) => {
  sandbox.stdout.on('data', (chunk) => String(chunk).includes('demo-inbox') && ok());
  sandbox.on('exit', (code) => fail(new Error(`sandbox exited (${code}); is port ${PORT} free? Set SANDBOX_PORT.`)));
});

const browser = await puppeteer.launch({
  executablePath: findBrowser(),
  headless: process.env.HEADLESS === '1',
  pipe: true,
  enableExtensions: true,
  defaultViewport: null,
  userDataDir: mkdtempSync(join(tmpdir(), 'hoory-start-')),
  args: ['--no-first-run', '--disable-sync', '--window-size=1280,860', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
});
const id = await browser.installExtension(resolve('.output/chrome-mv3'));

// Configure it exactly as the options page's "Save" does.
const options = await browser.newPage();
await options.goto(`chrome-extension://${id}/options.html`);
const result = await options.evaluate(
  (settings) => chrome.runtime.sendMessage({ type: 'connect', settings }),
  { installationUrl: SANDBOX, inboxIdentifier: 'demo-inbox', name: 'Demo customer', email: '', identifier: '', identifierHash: '' },
);
console.log(result?.ok && result.value?.ok ? 'Extension connected to the sandbox.' : `Could not connect: ${JSON.stringify(result)}`);

const consolePage = await browser.newPage();
await consolePage.goto(`${SANDBOX}/sandbox/`);
const panel = await browser.newPage();
await panel.goto(`chrome-extension://${id}/sidepanel.html`);
await options.close();
console.log(`Panel: chrome-extension://${id}/sidepanel.html (or click the toolbar icon for the side panel)`);
console.log(`Agent console: ${SANDBOX}/sandbox/`);
console.log('Close the browser or press Ctrl+C to stop.');

const stop = () => {
  sandbox.kill();
  browser.close().catch(() => {});
  process.exit(0);
};
browser.on('disconnected', stop);
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
