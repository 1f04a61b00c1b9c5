// Files end to end (files.test.ts in Chromium, firefox-files.test.ts in Firefox): files made here with known
// bytes, handed to the panel as a person would (the real file input, a paste, a drop), and what the agent API
// says arrived (each attachment's sha256, name and type).
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { ElementHandle, Page } from 'puppeteer-core';
import type { SandboxAgent } from './sandbox-agent';

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export interface AgentAttachment {
  file_name: string;
  content_type: string;
  sha256: string;
  data_url: string;
  file_size: number;
}
export interface FileMessage {
  id: number;
  content: string | null;
  message_type: number;
  attachments?: AgentAttachment[];
}

/** The customer's messages of a conversation (message_type 0), with their attachments. */
export async function customerMessages(agent: SandboxAgent, conversationId: number): Promise<FileMessage[]> {
  return (await agent.call<FileMessage[]>('GET', `/conversations/${conversationId}/messages`)).filter((m) => m.message_type === 0);
}

/**
 * A copy of the build with host access to every page. A screenshot needs activeTab, which Chrome grants on a
 * real menu click or shortcut; a test can only dispatch the menu event, which grants nothing. So this copy,
 * and only it, lists '<all_urls>' in host_permissions (as if activeTab covered the page): the capture, the
 * hand-off and everything after are the real ones.
 */
export function buildWithAllUrls(build: string, copy: string): string {
  cpSync(build, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  manifest.host_permissions = [...(manifest.host_permissions ?? []), '<all_urls>'];
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify(manifest));
  return copy;
}

/** A folder for the files a test makes. */
export const scratch = () => mkdtempSync(join(tmpdir(), 'hoory-files-'));

/** A file of `size` random bytes in `dir`: its path and bytes. */
export function randomFile(dir: string, name: string, size: number) {
  const data = randomBytes(size);
  const path = join(dir, name);
  writeFileSync(path, data);
  return { path, data, name };
}

/** A real PNG, `width`×`height`, each pixel `color(x, y)` as [r, g, b]. */
export function makePng(width: number, height: number, color: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(color(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** Chooses files through the panel's real <input type="file"> (what the browser's dialog does). */
export async function chooseFiles(page: Page, ...paths: string[]) {
  const input = (await page.waitForSelector('input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(...paths);
}

/**
 * Pastes a file into the message box as the browser does: a `paste` ClipboardEvent whose DataTransfer holds
 * it. Returns whether the page prevented the default (took the file instead of text).
 */
export function pasteFile(page: Page, name: string, type: string, data: Buffer): Promise<boolean> {
  return page.evaluate(
    (name, type, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      const box = document.querySelector('textarea')!;
      box.focus();
      const event = new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true });
      // Firefox copies only the strings of the DataTransfer it is given, not its files (a real paste has them).
      if (event.clipboardData?.files.length !== 1) Object.defineProperty(event, 'clipboardData', { value: transfer });
      return !box.dispatchEvent(event);
    },
    name,
    type,
    data.toString('base64'),
  );
}

/** Drags a file over the thread (dragenter, dragover); `dropDragged` drops it. */
export function dragFileOver(page: Page, name: string, type: string, data: Buffer): Promise<void> {
  return page.evaluate(
    (name, type, b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type }));
      (window as unknown as { dragged: DataTransfer }).dragged = transfer;
      const target = document.querySelector('.messages, .intro') ?? document.querySelector('.drop-zone')!;
      for (const kind of ['dragenter', 'dragover']) {
        target.dispatchEvent(new DragEvent(kind, { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    name,
    type,
    data.toString('base64'),
  );
}

export function dropDragged(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const transfer = (window as unknown as { dragged: DataTransfer }).dragged;
    const target = document.querySelector('.messages, .intro') ?? document.querySelector('.drop-zone')!;
    return !target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
}

/** The names on the pending file chips, once every one of them is stored (none busy). */
export function chipNames(page: Page): Promise<string[]> {
  return page.$$eval('.file-chip', (chips) =>
    chips.some((c) => c.getAttribute('aria-busy') === 'true') ? [] : chips.map((c) => c.querySelector('.file-chip__name')?.textContent ?? ''),
  );
}

/** Empties the message box as typing would (an input event), so the panel's draft is empty too. */
export function clearMessageBox(page: Page): Promise<void> {
  return page.$eval('textarea', (t) => {
    (t as HTMLTextAreaElement).value = '';
    t.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/**
 * Decodes the image at `url` in `page` (fetched, shown by an <img> and drawn on a canvas; the page is of the
 * image's origin)
 * and counts, every other pixel, the opaque black ones well inside `box` and well away from it.
 */
export function blackInBox(page: Page, url: string, box: { x0: number; y0: number; x1: number; y1: number }, margin: number) {
  return page.evaluate(
    async (url, box, margin) => {
      const img = new Image();
      img.src = URL.createObjectURL(await (await fetch(url)).blob());
      await img.decode();
      const c = document.createElement('canvas');
      [c.width, c.height] = [img.naturalWidth, img.naturalHeight];
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      const black = (x: number, y: number) => {
        const i = (y * c.width + x) * 4;
        return data[i] === 0 && data[i + 1] === 0 && data[i + 2] === 0 && data[i + 3] === 255;
      };
      const counts = { width: c.width, height: c.height, inside: 0, insideBlack: 0, outside: 0, outsideBlack: 0 };
      for (let y = 0; y < c.height; y += 2) {
        for (let x = 0; x < c.width; x += 2) {
          const within = x > box.x0 + margin && x < box.x1 - margin && y > box.y0 + margin && y < box.y1 - margin;
          const away = x < box.x0 - margin || x > box.x1 + margin || y < box.y0 - margin || y > box.y1 + margin;
          if (within) [counts.inside, counts.insideBlack] = [counts.inside + 1, counts.insideBlack + (black(x, y) ? 1 : 0)];
          else if (away) [counts.outside, counts.outsideBlack] = [counts.outside + 1, counts.outsideBlack + (black(x, y) ? 1 : 0)];
        }
      }
      return counts;
    },
    url,
    box,
    margin,
  );
}

/** From now on, every aria-valuenow an own row's progress bar takes, recorded in the page as it changes (a
 *  poll from the test could miss a value on a busy machine). Read them with `recordedProgress`. */
export function recordProgress(page: Page): Promise<void> {
  return page.evaluate(() => {
    const seen: string[] = ((window as unknown as { __progress: string[] }).__progress = []);
    new MutationObserver(() => {
      for (const bar of document.querySelectorAll('.msg--own progress[aria-valuenow]')) {
        const value = bar.getAttribute('aria-valuenow')!;
        if (seen[seen.length - 1] !== value) seen.push(value);
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
  });
}

export const recordedProgress = (page: Page) => page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
