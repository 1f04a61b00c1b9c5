// Keyboard only, and what a screen reader is told: set up, start a conversation, send, answer the agent's
// options, go back to the list, move between conversations with the arrows and reopen one, without the
// mouse; the agent's reply is said once through the panel's polite live region, the typing once.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, SCREENSHOTS, until, waitForText } from './harness';

let h: Harness;
let panel: Page;
let first: number;

beforeAll(async () => {
  h = await Harness.start();
});
afterAll(() => h?.close());

/** What has the focus, as a screen reader would name it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: '', conversation: undefined, tag: 'body' };
    // The text a screen reader reads: what is hidden from it (icons) left out.
    const text = (node: Node) => {
      const copy = node.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
      return copy.textContent ?? '';
    };
    const labels = (el as HTMLInputElement).labels;
    const label = el.getAttribute('aria-label') ?? (labels?.[0] ? text(labels[0]) : text(el));
    return { name: label.replace(/\s+/g, ' ').trim(), conversation: el.dataset.conversationId, tag: el.tagName.toLowerCase() };
  });
}

/** Tab (or Shift+Tab) until the focus is on what `matches` wants; fails after `max` presses. */
async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, back = false, max = 40) {
  for (let i = 0; i < max; i++) {
    if (back) await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    if (back) await page.keyboard.up('Shift');
    const now = await focused(page);
    if (matches(now)) return now;
  }
  throw new Error(`never focused; last: ${JSON.stringify(await focused(page))}`);
}
const named = (name: string | RegExp) => (f: { name: string }) => (typeof name === 'string' ? f.name === name : name.test(f.name));

/** Records every text the live region (or the typing indicator) takes, from now on. */
async function listen(page: Page, selector: string, into: string) {
  await page.evaluate((sel, key) => {
    const region = document.querySelector(sel)!;
    const said: string[] = ((globalThis as unknown as Record<string, string[]>)[key] = []);
    new MutationObserver(() => region.textContent && said.push(region.textContent)).observe(region, { childList: true, subtree: true, characterData: true });
  }, selector, into);
}
const heard = (page: Page, key: string) => page.evaluate((k) => (globalThis as unknown as Record<string, string[]>)[k] ?? [], key);

describe('keyboard only', () => {
  it('sets the extension up from the options page', async () => {
    const options = await h.open('options');
    await options.bringToFront();
    await tabTo(options, named('Installation URL'));
    await options.keyboard.type(h.sandbox.url);
    await tabTo(options, named('Inbox identifier'));
    await options.keyboard.type('demo-inbox');
    await options.keyboard.press('Enter'); // submits the form
    await waitForText(options, 'Connected');
    await options.close();
  });

  it('starts a conversation and sends a message: the composer has the focus', async () => {
    panel = await h.open('sidepanel');
    await panel.bringToFront(); // in front of the welcome tab a first install opens: it has the keyboard
    await waitForText(panel, 'New conversation');
    await tabTo(panel, named('New conversation'));
    await panel.keyboard.press('Enter');
    await until(() => focused(panel), (f) => f.tag === 'textarea' && f.name === 'Message');
    await panel.keyboard.type('Hello, I have a question about my plan');
    await panel.keyboard.press('Enter');
    const [c] = await until(() => h.agent.conversations(), (cs) => cs.length === 1 && cs[0]!.messages.length === 1);
    first = c!.id;
    // The panel follows into the conversation it started; the focus stays in the composer.
    await until(() => panel.evaluate(() => document.querySelector('[role="log"]') !== null), Boolean);
    await until(() => focused(panel), (f) => f.tag === 'textarea' && f.name === 'Message');
  });

  it('a screen reader hears the agent’s reply once, through the live region, and the typing once', async () => {
    await listen(panel, '[data-testid="announcer"]', '__said');
    await listen(panel, '.typing', '__typing');
    await h.agent.typing(first, true);
    await h.agent.typing(first, true);
    await waitForText(panel, 'is typing…');
    await h.agent.reply(first, 'Which plan are you on?', { content_type: 'input_select', content_attributes: { items: [{ title: 'Basic', value: 'basic' }, { title: 'Pro', value: 'pro' }] } });
    await waitForText(panel, 'Which plan are you on?');
    await until(() => heard(panel, '__said'), (said) => said.length > 0);
    await new Promise((r) => setTimeout(r, 500)); // anything said twice would be by now
    const said = await heard(panel, '__said');
    expect(said).toEqual([expect.stringMatching(/^New message from Alex.*: Which plan are you on\?$/)]);
    expect((await heard(panel, '__typing')).filter((t) => /is typing/.test(t))).toHaveLength(1);
    // Read as assistive technology does, from the accessibility tree: a polite status holding the words.
    const region = await panel.$('[data-testid="announcer"]');
    const tree = await panel.accessibility.snapshot({ root: region!, interestingOnly: false });
    expect(tree?.role).toBe('status');
    expect(JSON.stringify(tree)).toContain('Which plan are you on?');
    expect(await panel.$eval('[data-testid="announcer"]', (el) => el.getAttribute('aria-live'))).toBe('polite');
  });

  it('answers the options with the keyboard', async () => {
    expect(await tabTo(panel, named('Pro'), true)).toMatchObject({ tag: 'button' });
    await panel.keyboard.press('Enter');
    await waitForText(panel, 'You chose: Pro');
    type Row = { content_attributes?: { submitted_values?: { value: string }[] } };
    // The panel says the choice at once; the server has it a moment later.
    await until(() => h.agent.call<Row[]>('GET', `/conversations/${first}/messages`), (rows) => rows.some((m) => m.content_attributes?.submitted_values?.[0]?.value === 'pro'));
    await panel.screenshot({ path: `${SCREENSHOTS}/keyboard-thread.png` });
  });

  it('Escape goes back to the list, with the focus on the conversation just left', async () => {
    await panel.keyboard.press('Escape');
    await waitForText(panel, 'New conversation');
    // The list paints, then the focus returns to the row just left.
    await until(() => focused(panel), (f) => f.conversation === String(first));
  });

  it('a second conversation, then the arrows between them, Enter to reopen, Escape back', async () => {
    await tabTo(panel, named('New conversation'), true);
    await panel.keyboard.press('Enter');
    await panel.keyboard.type('A second question');
    await panel.keyboard.press('Enter');
    const all = await until(() => h.agent.conversations(), (cs) => cs.length === 2);
    const second = all.find((c) => c.id !== first)!.id;
    await until(() => panel.evaluate(() => document.querySelector('[role="log"]') !== null), Boolean);
    await panel.keyboard.press('Escape');
    await until(() => focused(panel), (f) => f.conversation === String(second));
    // One Tab stop for the whole list: the conversation that has the focus.
    const stops = () => panel.$$eval('.conversation', (items) => items.map((b) => (b as HTMLElement).tabIndex));
    expect(await stops()).toEqual([0, -1]);
    await panel.keyboard.press('ArrowDown');
    await until(() => focused(panel), (f) => f.conversation === String(first));
    expect(await stops()).toEqual([-1, 0]);
    await panel.keyboard.press('ArrowUp');
    await until(() => focused(panel), (f) => f.conversation === String(second));
    await panel.keyboard.press('End');
    await panel.keyboard.press('Enter');
    await waitForText(panel, 'You chose: Pro');
    await until(() => focused(panel), (f) => f.tag === 'textarea');
    await panel.keyboard.press('Escape');
    await until(() => focused(panel), (f) => f.conversation === String(first));
    await panel.screenshot({ path: `${SCREENSHOTS}/keyboard-list.png` });
  });
});
