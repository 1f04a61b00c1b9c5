// Issue 16: files and screenshots in Chromium against the sandbox. Files picked through the real file input,
// pasted and dropped arrive at the agent API with their bytes (sha256) and the caption; a screenshot of a page
// arrives with the box the customer drew black in its pixels; a file over 40 MB, a type the server refuses and
// a worker stopped mid-upload each end as they should. One browser and one sandbox, in order.
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blackInBox, buildWithAllUrls, chipNames, chooseFiles, clearMessageBox, customerMessages, dragFileOver, dropDragged, type FileMessage, makePng, pasteFile, randomFile, scratch, sha256 } from './files-kit';
import { Harness, until, waitForText } from './harness';
import { explained } from './explain';
import { axeViolations, shootLightAndDark } from './sandbox-agent';

let h: Harness;
let panel: Page;
let site: Server;
let siteUrl: string;
let conversation: number;
const dir = scratch();

beforeAll(async () => {
  // A plain page to capture: orange, so the blacked-out box stands out.
  site = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>Billing</title><body style="margin:0;background:#ff8800;height:100vh"><h1>Card 4242 4242 4242 4242</h1>');
  });
  await new Promise<void>((ok) => site.listen(0, '127.0.0.1', ok));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/billing`;
  // A screenshot needs activeTab, which only a real menu click grants: see buildWithAllUrls.
  h = await Harness.start({ build: buildWithAllUrls });
  await (await h.configure()).close();
  panel = await h.open('sidepanel');
  await waitForText(panel, 'New conversation');
});
afterAll(async () => {
  await h?.close();
  site?.close();
  rmSync(dir, { recursive: true, force: true });
});

const messageBox = () => panel.locator('::-p-aria([name="Message"][role="textbox"])');
const send = () => panel.locator('::-p-aria([name="Send"][role="button"])').click();
const messages = () => customerMessages(h.agent, conversation);
/** The delivery state (and its title) of the panel's own message row that shows `text`. */
const rowDelivery = (text: string) =>
  panel.evaluate((text) => {
    const row = [...document.querySelectorAll('.msg--own')].find((m) => m.textContent?.includes(text));
    const delivery = row?.querySelector('.delivery');
    return row ? { state: delivery?.className.replace(/.*delivery--/, '') ?? 'none', title: delivery?.getAttribute('title') ?? '' } : null;
  }, text);
/** The page once its colours have finished their 0.15 s transition (after a theme change). */
const settled = (page: Page) => new Promise<Page>((r) => setTimeout(() => r(page), 300));
const waitChips = (names: string[]) => until(() => chipNames(panel), (n) => JSON.stringify(n) === JSON.stringify(names));

describe('files and screenshots in Chromium', () => {
  it('a file picked through the file input arrives with its bytes, the caption as content', async () => {
    await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
    const picked = randomFile(dir, 'notes.bin', 150_000);
    await chooseFiles(panel, picked.path);
    await waitChips(['notes.bin']);
    await messageBox().fill('My notes');
    await send();
    const [c] = await until(() => h.agent.conversations(), (cs) => cs.length === 1 && cs[0]!.messages.length === 1);
    conversation = c!.id;
    const [m] = await messages();
    expect(m!.content).toBe('My notes');
    expect(m!.attachments).toMatchObject([{ file_name: 'notes.bin', sha256: sha256(picked.data), file_size: 150_000 }]);
    await waitForText(panel, 'My notes'); // the panel followed into the new conversation
  });

  it('a pasted image and a dropped file go as two messages (caption with the first), each with its bytes', async () => {
    const image = makePng(120, 80, (x, y) => [40 + x, 120 + y, 220]);
    expect(await pasteFile(panel, 'pasted.png', 'image/png', image)).toBe(true);
    const dropped = randomFile(dir, 'dropped.pdf', 20_000);
    await dragFileOver(panel, 'dropped.pdf', 'application/pdf', dropped.data);
    await waitForText(panel, 'Drop files here to attach them');
    expect(await dropDragged(panel)).toBe(true);
    await waitChips(['pasted.png', 'dropped.pdf']);
    expect(await panel.$eval('.file-chip img', (img) => (img as HTMLImageElement).naturalWidth)).toBe(120); // the thumbnail
    await messageBox().fill('The error and the invoice');
    await shootLightAndDark(panel, 'files-composer');
    expect(await axeViolations(await settled(panel))).toEqual([]);
    await send();
    const [pasted, drop] = (await until(messages, (ms) => ms.length === 3)).slice(1);
    expect(pasted!.content).toBe('The error and the invoice');
    expect(pasted!.attachments!.map((a) => [a.file_name, a.content_type, a.sha256])).toEqual([['pasted.png', 'image/png', sha256(image)]]);
    expect(drop!.content || '').toBe('');
    expect(drop!.attachments!.map((a) => [a.file_name, a.content_type, a.sha256])).toEqual([['dropped.pdf', 'application/pdf', sha256(dropped.data)]]);
  });

  it('a screenshot of the page arrives with the box the customer drew black in its pixels', async () => {
    const page = await h.browser.newPage();
    await page.goto(siteUrl);
    await page.bringToFront();
    // The menu item, fired as Chrome fires it, on the tab that shows the page.
    await h.inWorker(`chrome.tabs.query({ url: ${JSON.stringify(siteUrl)} }).then(([tab]) =>
      chrome.contextMenus.onClicked.dispatch({ menuItemId: 'hoory-screenshot', pageUrl: ${JSON.stringify(siteUrl)} }, tab))`);
    // The page stays in front until the capture is in the panel (a tab over it leaves the capture no frame);
    // a hidden panel updates its DOM, not its accessibility tree: found by class, then by role once in front.
    await panel.waitForSelector('.redaction').catch(explained(h, panel));
    await panel.bringToFront();
    await panel.waitForSelector('::-p-aria([name="Black out private details"][role="dialog"])');
    const canvas = (await panel.waitForSelector('canvas.redaction__canvas'))!;
    await panel.waitForFunction(() => (document.querySelector('canvas') as HTMLCanvasElement).width > 0);
    const shown = (await canvas.boundingBox())!;
    const natural = await canvas.evaluate((c) => ({ width: (c as HTMLCanvasElement).width, height: (c as HTMLCanvasElement).height }));
    // Drag from 20 % to 60 % across and 10 % to 40 % down the shown image.
    const from = { x: shown.x + shown.width * 0.2, y: shown.y + shown.height * 0.1 };
    const to = { x: shown.x + shown.width * 0.6, y: shown.y + shown.height * 0.4 };
    await panel.mouse.move(from.x, from.y);
    await panel.mouse.down();
    await panel.mouse.move(to.x, to.y, { steps: 5 });
    await panel.mouse.up();
    await shootLightAndDark(panel, 'files-redaction');
    expect(await axeViolations(await settled(panel))).toEqual([]);
    await panel.locator('::-p-aria([name="Done"][role="button"])').click();
    await until(() => chipNames(panel), (n) => n.length === 1 && n[0]!.startsWith('screenshot-'));
    await messageBox().fill('This page');
    await send();
    const shot = (await until(messages, (ms) => ms.length === 4))[3]!;
    // The page the screenshot is of goes with it (multipart carries newlines as CRLF).
    expect(shot.content).toMatch(new RegExp(`^This page\\r?\\n\\r?\\nPage: Billing — ${siteUrl}$`));
    const [file] = shot.attachments!;
    expect(file!.content_type).toBe('image/png');
    // Decoded in a page of the sandbox's origin (same origin: the canvas can read its pixels).
    await page.close();
    const decoder = await h.browser.newPage();
    await decoder.goto(`${h.sandbox.url}/sandbox/api/config`);
    const scale = natural.width / shown.width;
    const box = { x0: 0.2 * natural.width, y0: 0.1 * natural.height, x1: 0.6 * natural.width, y1: 0.4 * natural.height };
    const pixels = await blackInBox(decoder, file!.data_url, box, Math.ceil(2 * scale) + 2);
    await decoder.close();
    expect([pixels.width, pixels.height]).toEqual([natural.width, natural.height]);
    expect(pixels.inside).toBeGreaterThan(1000);
    expect(pixels.insideBlack).toBe(pixels.inside); // every pixel in the box is black in the uploaded file
    expect(pixels.outsideBlack / pixels.outside).toBeLessThan(0.2); // the page around it is still there
  });

  it('a file over 40 MB is refused in the panel, saying why; nothing is uploaded and the caption stays', async () => {
    const before = (await messages()).length;
    const huge = randomFile(dir, 'recording.mov', 41 * 1024 * 1024);
    await chooseFiles(panel, huge.path);
    await waitForText(panel, 'This file is too large to send. Files can be up to 40 MB.');
    await messageBox().fill('My screen recording');
    await panel.keyboard.press('Enter');
    expect(await panel.$eval('::-p-aria([name="Send"][role="button"])', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await messages()).toHaveLength(before);
    expect(await panel.$eval('textarea', (t) => (t as HTMLTextAreaElement).value)).toBe('My screen recording');
    await panel.locator('::-p-aria([name="Remove recording.mov"][role="button"])').click();
    await clearMessageBox(panel);
  });

  it('a type the server refuses (422) is shown on that file\'s message, and nothing arrives', async () => {
    await h.agent.call('POST', '/config', { rejected_attachment_types: ['application/x-refused'] });
    const before = (await messages()).length;
    const refused = randomFile(dir, 'data.refused', 3_000);
    // The file input gives no type for an unknown extension: drop it with one instead.
    await dragFileOver(panel, 'data.refused', 'application/x-refused', refused.data);
    await dropDragged(panel);
    await waitChips(['data.refused']);
    await send();
    const failed = await until(() => rowDelivery('data.refused'), (d) => d?.state === 'failed');
    expect(failed!.title).toBe('The server doesn’t accept this type of file.');
    expect(await messages()).toHaveLength(before);
    await h.agent.call('DELETE', '/config');
  });

  it('a file being sent when the worker stops arrives exactly once after it restarts', async () => {
    await sendThroughStop('slow.bin', 'Through a restart', { clearFaultsAfterStop: false });
  });

  // A restarted worker must not look for the stopped upload before it could have landed: a server still
  // processing it (its latency here) while answering the check at once would otherwise store it twice.
  it('…even when the server is quicker to answer the check than to process the stopped upload', async () => {
    await sendThroughStop('slower.bin', 'Through a slow restart', { clearFaultsAfterStop: true });
  });
});

/** Sends a file with a caption, stops the worker while the upload waits for its answer, and checks it arrived once. */
async function sendThroughStop(name: string, caption: string, { clearFaultsAfterStop }: { clearFaultsAfterStop: boolean }) {
  const slow = randomFile(dir, name, 300_000);
  await chooseFiles(panel, slow.path);
  await waitChips([name]);
  await h.agent.faults({ latency_ms: 3_000 });
  await messageBox().fill(caption);
  await send();
  await new Promise((r) => setTimeout(r, 800)); // the upload is on its way, its answer delayed
  await h.stopWorker();
  if (clearFaultsAfterStop) await h.agent.faults(null);
  const arrived = (ms: FileMessage[]) => ms.filter((m) => m.attachments?.some((a) => a.sha256 === sha256(slow.data)));
  try {
    await until(messages, (ms) => arrived(ms).length >= 1, 20_000);
    await until(() => rowDelivery(caption), (d) => d !== null && d.state !== 'failed' && d.state !== 'sending', 20_000).catch(explained(h, panel));
  } finally {
    await h.agent.faults(null);
  }
  await new Promise((r) => setTimeout(r, 4_000)); // long enough for a wrong second attempt to land
  const once = arrived(await messages());
  expect(once).toHaveLength(1);
  expect(once[0]!.content).toBe(caption);
}
