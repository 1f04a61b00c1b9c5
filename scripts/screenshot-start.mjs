#!/usr/bin/env node
// `npm run screenshot:start`: the README's pictures of what `npm start` opens, composed from headless Chromium
// (where the side panel is browser UI, but a page target of its own): the page tab and the real side panel
// beside it, at a desktop window's sizes, placed side by side.
//   docs/screenshots/start-side-panel.png  as `npm start` opens it
//   docs/screenshots/start-first-chat.png  after a first message and the agent's reply from the agent console
// Uses the same setup as `npm start` (scripts/start-session.mjs), on a free port.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { findChrome } from './browsers.mjs';
import { ensureDeps, ROOT } from './ensure-deps.mjs';

process.chdir(ROOT);
ensureDeps();
const chromePath = findChrome({ purpose: 'for the screenshots' });
const { buildExtension, StartSession } = await import('./start-session.mjs');

const OUT = join(ROOT, 'docs', 'screenshots');
const PAGE = { width: 900, height: 720 }; // the page area of a 1280 × 800 window with the side panel open
const PANEL = { width: 380, height: 720 }; // Chrome's default side panel width
const HEADER = 40; // the side panel's header, drawn as Chrome draws it (icon, name, close)

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitForText(page, text, timeout = 10_000) {
  await page.waitForFunction((t) => document.body?.innerText.includes(t), { timeout }, text);
}

async function freePort() {
  const { createServer } = await import('node:net');
  return new Promise((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });
}

console.log('Building the extension…');
await buildExtension();
const session = new StartSession({ chromePath, port: await freePort(), headless: true, windowSize: [PAGE.width + PANEL.width, 800] });
let failed = false;
try {
  const { page, sidePanel, sidePanelError, demoUrl } = await session.start();
  if (!sidePanel) throw new Error(`the side panel did not open: ${sidePanelError}`);
  await page.setViewport(PAGE);
  await sidePanel.setViewport(PANEL);
  await waitForText(sidePanel, 'New conversation');
  const browser = session.browser;
  const icon = `chrome-extension://${session.extensionId}/icon/32.png`;

  async function compose(file) {
    await page.bringToFront();
    await sleep(300);
    const shots = {
      page: await page.screenshot({ encoding: 'base64' }),
      panel: await sidePanel.screenshot({ encoding: 'base64' }),
    };
    const iconData = await sidePanel.evaluate(async (url) => {
      const blob = await (await fetch(url)).blob();
      return new Promise((ok) => {
        const reader = new FileReader();
        reader.onload = () => ok(reader.result);
        reader.readAsDataURL(blob);
      });
    }, icon).catch(() => '');
    const composer = await browser.newPage();
    const width = PAGE.width + 1 + PANEL.width;
    const height = HEADER + PAGE.height;
    await composer.setViewport({ width, height });
    await composer.setContent(`<!doctype html><html><head><style>
      body { margin: 0; display: flex; background: #dfe3e8; font: 13px system-ui, sans-serif; color: #1f1f1f; }
      .page { margin-top: ${HEADER}px; width: ${PAGE.width}px; height: ${PAGE.height}px; display: block; }
      .address { position: absolute; left: 0; top: 0; width: ${PAGE.width}px; height: ${HEADER}px; box-sizing: border-box;
        padding: 7px 12px; background: #f1f3f4; border-bottom: 1px solid #d3d7dc; }
      .address span { display: block; height: 26px; line-height: 26px; border-radius: 13px; background: #fff; padding: 0 14px; color: #444; }
      .side { width: ${PANEL.width}px; border-left: 1px solid #c8ccd2; background: #fff; }
      .side header { height: ${HEADER}px; box-sizing: border-box; display: flex; align-items: center; gap: 8px; padding: 0 12px;
        border-bottom: 1px solid #e1e4e8; background: #f8f9fa; font-weight: 600; }
      .side header img { width: 16px; height: 16px; }
      .side header .x { margin-left: auto; color: #5f6368; font-weight: 400; font-size: 16px; }
      .side > img { display: block; width: ${PANEL.width}px; height: ${PANEL.height}px; }
    </style></head><body>
      <div class="address"><span>${demoUrl.replace(/\/$/, '')}</span></div>
      <img class="page" src="data:image/png;base64,${shots.page}">
      <div class="side"><header>${iconData ? `<img src="${iconData}">` : ''}Hoory Sidebar<span class="x">✕</span></header>
        <img src="data:image/png;base64,${shots.panel}"></div>
    </body></html>`);
    await composer.evaluate(() => Promise.all([...document.images].map((i) => i.decode())));
    mkdirSync(OUT, { recursive: true });
    await composer.screenshot({ path: join(OUT, file) });
    await composer.close();
    console.log(`Wrote docs/screenshots/${file}`);
  }

  await compose('start-side-panel.png');

  // A first chat: the customer writes from the side panel, the agent answers through the sandbox's agent API
  // (what the agent console's Reply does).
  await sidePanel.locator('::-p-aria([name="New conversation"][role="button"])').click();
  await sidePanel.locator('::-p-aria([name="Message"][role="textbox"])').fill('Hi! My order #10482 says "in transit" since Monday. Any news?');
  await sidePanel.locator('::-p-aria([name="Send"][role="button"])').click();
  let conversation;
  for (let i = 0; i < 50 && !conversation; i++) {
    const list = await (await fetch(`${session.sandboxUrl}/sandbox/api/conversations`)).json();
    conversation = list.find((c) => c.messages.some((m) => m.content?.includes('#10482')));
    if (!conversation) await sleep(200);
  }
  if (!conversation) throw new Error('the message did not reach the sandbox');
  const reply = "Hello! I checked with ParcelLine: it's at the local depot and will be delivered on Friday.";
  const answer = await fetch(`${session.sandboxUrl}/sandbox/api/conversations/${conversation.id}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ content: reply }),
  });
  if (!answer.ok) throw new Error(`the agent API answered ${answer.status}`);
  await waitForText(sidePanel, 'local depot');
  await sleep(500);
  await compose('start-first-chat.png');
} catch (e) {
  failed = true;
  console.error(`Screenshots failed: ${e.message}`);
} finally {
  await session.close();
}
process.exit(failed ? 1 : 0);
