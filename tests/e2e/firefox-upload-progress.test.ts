// Upload progress in Firefox: the MV2 background page uploads with XMLHttpRequest itself (no offscreen
// document there). An ~8 MB file read by the sandbox at 500 kB/s shows a progress bar on its row whose
// aria-valuenow moves between 0 and 100; then the row is sent and the file is on the server once, intact.
import { rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chipNames, chooseFiles, customerMessages, randomFile, recordedProgress, recordProgress, scratch, sha256 } from './files-kit';
import { clickButton, field, FirefoxHarness, until, waitForText } from './firefox-harness';

let h: FirefoxHarness;
let panel: Page;
const dir = scratch();

beforeAll(async () => {
  h = await FirefoxHarness.start();
  await (await h.configure()).close();
  panel = await h.open('sidepanel');
  await waitForText(panel, 'New conversation');
});
afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('upload progress in Firefox', () => {
  it('an 8 MB file shows a progress bar that moves, then arrives once with its bytes', async () => {
    await h.agent.faults({ slow_uploads: 500_000 });
    await recordProgress(panel);
    // A retry (see vitest.config.ts) starts from the list again, and finds its own conversation.
    const known = new Set((await h.agent.conversations()).map((c) => c.id));
    await panel.keyboard.press('Escape');
    await clickButton(panel, 'New conversation');
    const big = randomFile(dir, 'big.bin', 8 * 1024 * 1024);
    await chooseFiles(panel, big.path);
    await until(() => chipNames(panel), (names) => names.includes('big.bin'), 15_000);
    await field(panel, 'Message').fill('The big one');
    await clickButton(panel, 'Send');
    const values = await until(
      () => recordedProgress(panel),
      (v) => v.filter((x) => Number(x) > 0 && Number(x) < 100).length >= 2,
      60_000,
    );
    expect(values.map(Number)).toEqual([...values.map(Number)].sort((a, b) => a - b));
    const [c] = await until(async () => (await h.agent.conversations()).filter((c) => !known.has(c.id)), (cs) => cs.length === 1 && cs[0]!.messages.length === 1, 90_000);
    await until(
      () => panel.evaluate(() => ({ bars: document.querySelectorAll('.msg--own progress').length, sent: document.querySelectorAll('.msg--own .delivery--sent, .msg--own .delivery--read').length })),
      (v) => v.bars === 0 && v.sent === 1,
      30_000,
    );
    const messages = await customerMessages(h.agent, c!.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.attachments).toMatchObject([{ file_name: 'big.bin', file_size: big.data.length, sha256: sha256(big.data) }]);
    await h.agent.faults(null);
  }, 180_000);
});
