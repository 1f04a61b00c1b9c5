// axe-core on every screen of the panel and on the options page, light and dark, in Chromium.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, until } from './harness';
import { axeViolations, waitForText } from './sandbox-agent';

let h: Harness;
let panel: Page;

beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h?.close());

async function expectClean(page: Page, what: string) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await new Promise((r) => setTimeout(r, 300)); // let colour transitions finish
    const violations = await axeViolations(page);
    expect(violations, `${what} (${scheme})`).toEqual([]);
  }
  await page.emulateMediaFeatures([]);
}

describe('accessibility (axe-core)', () => {
  it('the unconfigured panel', async () => {
    panel = await h.open('sidepanel');
    // In front of the welcome tab a first install opens: a background tab never finishes its colour transitions.
    await panel.bringToFront();
    await waitForText(panel, 'Open settings');
    await expectClean(panel, 'unconfigured panel');
  });

  it('the options page, with an error and connected', async () => {
    const wrong = await h.configure({ inbox: 'nope', expect: /No inbox/ });
    await expectClean(wrong, 'options with an error');
    await wrong.close();
    const options = await h.configure();
    await expectClean(options, 'options connected');
    await options.close();
  });

  it('the list, a new conversation and a thread', async () => {
    await panel.bringToFront();
    await panel.reload();
    await waitForText(panel, 'New conversation');
    await expectClean(panel, 'empty list');
    await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
    await expectClean(panel, 'new conversation');
    await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill('Hello');
    await panel.locator('::-p-aria([name="Send"][role="button"])').click();
    const [c] = await until(() => h.agent.conversations(), (cs) => cs.length === 1);
    await h.agent.reply(c!.id, 'Hi! Which plan?', { content_type: 'input_select', content_attributes: { items: [{ title: 'Pro', value: 'pro' }] } });
    await h.agent.reply(c!.id, 'Rate us', { content_type: 'input_csat' });
    await h.agent.typing(c!.id, true);
    await waitForText(panel, 'Rate us');
    await expectClean(panel, 'thread');
    await panel.locator('::-p-aria([name="Back to conversations"])').click();
    await waitForText(panel, 'New conversation');
    await expectClean(panel, 'list with a conversation');
  });
});
