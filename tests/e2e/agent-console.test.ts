// A person on each side: the customer in the extension's panel, the agent in the sandbox's console
// (/sandbox/), both in one Chromium. What one does, the other sees.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyText, Harness, SCREENSHOTS, until, waitForText } from './harness';

let h: Harness;
let panel: Page;
let agentConsole: Page;

beforeAll(async () => {
  h = await Harness.start();
  await (await h.configure()).close();
  panel = await h.open('sidepanel');
  agentConsole = await h.browser.newPage();
  await agentConsole.setViewport({ width: 1100, height: 700 });
  await agentConsole.goto(`${h.sandbox.url}/sandbox/`);
});
afterAll(() => h?.close());

// Each person works in their own tab: bring it to the front (a background tab does not paint).
async function as(page: Page) {
  await page.bringToFront();
  return page;
}

describe('customer in the panel, agent in the console', () => {
  it('the agent sees the customer typing and the message, and answers from the console', async () => {
    await as(panel);
    await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
    await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill('Hi, is anyone there?');
    await panel.locator('::-p-aria([name="Send"][role="button"])').click();
    await as(agentConsole);
    await waitForText(agentConsole, 'Hi, is anyone there?');
    await agentConsole.click('#conversations li');
    await agentConsole.type('#reply', 'Yes! How can I help?');
    await agentConsole.click('#send');
    await as(panel);
    await waitForText(panel, 'Yes! How can I help?');
  });

  it('the agent sees the customer typing in the thread', async () => {
    await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill('My order');
    await as(agentConsole);
    await waitForText(agentConsole, '✎ typing…'); // the console's mark on the conversation
    await agentConsole.screenshot({ path: `${SCREENSHOTS}/agent-console.png` });
    await as(panel);
    await panel.locator('::-p-aria([name="Send"][role="button"])').click();
    await as(agentConsole);
    await waitForText(agentConsole, 'My order');
    // Sending ends the customer's typing.
    await until(() => bodyText(agentConsole), (t) => !t.includes('✎ typing…'));
  });

  it('the agent sends a satisfaction survey and resolves; the customer rates and sees it resolved', async () => {
    await agentConsole.click('#csat');
    await as(panel);
    await panel.locator('::-p-aria([name="Rate 4 out of 5"][role="button"])').click();
    await waitForText(panel, 'Thanks for your feedback!');
    await as(agentConsole);
    await agentConsole.click('#resolve');
    await as(panel);
    await waitForText(panel, 'This conversation was resolved');
    const [conversation] = await h.agent.conversations();
    expect(conversation!.status).toBe('resolved');
    const csat = conversation!.messages.find((m: any) => m.content_type === 'input_csat') as any;
    expect(csat.content_attributes.submitted_values).toMatchObject({ csat_survey_response: { rating: 4 } });
    await as(agentConsole);
    await waitForText(agentConsole, /resolved/i);
  });
});
