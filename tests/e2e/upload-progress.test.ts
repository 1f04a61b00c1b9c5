// Issue 16, upload progress in Chromium: an ~8 MB file, read by the sandbox at 500 kB/s (slow_uploads), shows a
// real progress bar on its row (the offscreen document's XMLHttpRequest reports it through the worker), whose
// aria-valuenow takes several values between 0 and 100; then the row is sent, the bar gone, the offscreen
// document closed, and the file is on the server once with its bytes.
import { rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseFiles, chipNames, customerMessages, randomFile, recordedProgress, recordProgress, scratch, sha256 } from './files-kit';
import { Harness, SCREENSHOTS, until, waitForText } from './harness';
import { axeViolations } from './sandbox-agent';

let h: Harness;
let panel: Page;
const dir = scratch();

beforeAll(async () => {
  h = await Harness.start();
  await (await h.configure()).close();
  panel = await h.open('sidepanel');
  await waitForText(panel, 'New conversation');
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

const recorded = () => recordedProgress(panel);
const offscreenOpen = () => h.browser.targets().some((t) => t.url().endsWith('/upload.html'));

describe('upload progress in Chromium', () => {
  it('an 8 MB file shows a progress bar that moves, then arrives once with its bytes', async () => {
    await h.agent.faults({ slow_uploads: 500_000 });
    await recordProgress(panel);
    // A retry (see vitest.config.ts) starts from the list again, and finds its own conversation.
    const known = new Set((await h.agent.conversations()).map((c) => c.id));
    await panel.keyboard.press('Escape');
    await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
    const big = randomFile(dir, 'big.bin', 8 * 1024 * 1024);
    await chooseFiles(panel, big.path);
    await until(() => chipNames(panel), (names) => names.includes('big.bin'));
    await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill('The big one');
    await panel.locator('::-p-aria([name="Send"][role="button"])').click();

    // The bar and its percent in words, while the sandbox reads the body.
    const during = await until(
      () => panel.evaluate(() => {
        const bar = document.querySelector('.msg--own progress[aria-valuenow]');
        return bar ? { name: bar.getAttribute('aria-label'), text: bar.parentElement?.textContent ?? '' } : null;
      }),
      (v) => v !== null,
      60_000,
    );
    expect(during!.name).toBe('Uploading…');
    expect(during!.text).toMatch(/^Uploading… \d+%$/);
    await until(async () => offscreenOpen(), (open) => open, 10_000);
    // The bar and its words pass axe, as the rest of the panel does.
    expect(await axeViolations(panel)).toEqual([]);
    await panel.screenshot({ path: `${SCREENSHOTS}/files-upload-progress.png` });
    const values = await until(recorded, (v) => v.filter((x) => Number(x) > 0 && Number(x) < 100).length >= 2, 60_000);
    expect(values.every((x) => Number(x) >= 0 && Number(x) <= 100)).toBe(true);
    // Percents only grow within one attempt.
    expect(values.map(Number)).toEqual([...values.map(Number)].sort((a, b) => a - b));

    // Sent: the bar is gone from the row, and the document that uploaded is closed.
    const [conversation] = await until(async () => (await h.agent.conversations()).filter((c) => !known.has(c.id)), (cs) => cs.length === 1 && cs[0]!.messages.length === 1, 90_000);
    await until(
      () => panel.evaluate(() => ({ bars: document.querySelectorAll('.msg--own progress').length, sent: document.querySelectorAll('.msg--own .delivery--sent, .msg--own .delivery--read').length })),
      (v) => v.bars === 0 && v.sent === 1,
      30_000,
    );
    await until(async () => offscreenOpen(), (open) => !open, 10_000);
    // Chromium reports upload progress in steps of about 1.6 MB (e.g. 47, 66, 85, 100): kept in the log.
    console.log('progress values', (await recorded()).join(' '));
    const messages = await customerMessages(h.agent, conversation!.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toBe('The big one');
    expect(messages[0]!.attachments).toMatchObject([{ file_name: 'big.bin', file_size: big.data.length, sha256: sha256(big.data) }]);
    await h.agent.faults(null);
  }, 180_000);
});
