// Issue 16 in Firefox: the MV2 add-on's sidebar page takes a file picked through its real file input and an
// image pasted into the message box; both reach the agent API with their bytes (sha256) and the caption.
import { rmSync } from 'node:fs';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chipNames, chooseFiles, customerMessages, makePng, pasteFile, randomFile, scratch, sha256 } from './files-kit';
import { clickButton, field, FirefoxHarness, until, waitForText } from './firefox-harness';

let h: FirefoxHarness;
let panel: Page;
let conversation: number;
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

const waitChips = (names: string[]) => until(() => chipNames(panel), (n) => JSON.stringify(n) === JSON.stringify(names), 15_000);

describe('files in Firefox', () => {
  it('a file picked through the file input arrives with its bytes and the caption', async () => {
    await clickButton(panel, 'New conversation');
    const picked = randomFile(dir, 'report.bin', 80_000);
    await chooseFiles(panel, picked.path);
    await waitChips(['report.bin']);
    await field(panel, 'Message').fill('The report');
    await clickButton(panel, 'Send');
    const [c] = await until(() => h.agent.conversations(), (cs) => cs.length === 1 && cs[0]!.messages.length === 1, 15_000);
    conversation = c!.id;
    const [m] = await customerMessages(h.agent, conversation);
    expect(m!.content).toBe('The report');
    expect(m!.attachments?.map((a) => [a.file_name, a.sha256])).toEqual([['report.bin', sha256(picked.data)]]);
  });

  it('an image pasted into the message box arrives with its bytes and the caption', async () => {
    await waitForText(panel, 'The report'); // in the conversation it started
    const image = makePng(64, 40, (x, y) => [200, 60 + x * 2, 40 + y * 3]);
    expect(await pasteFile(panel, 'pasted.png', 'image/png', image)).toBe(true);
    await waitChips(['pasted.png']);
    await field(panel, 'Message').fill('What I see');
    await clickButton(panel, 'Send');
    const messages = await until(() => customerMessages(h.agent, conversation), (ms) => ms.length === 2, 15_000);
    expect(messages[1]!.content).toBe('What I see');
    expect(messages[1]!.attachments?.map((a) => [a.file_name, a.content_type, a.sha256])).toEqual([['pasted.png', 'image/png', sha256(image)]]);
  });
});
