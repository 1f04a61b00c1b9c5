// Issue: Firefox. The MV2 build installed in firefox-esr (puppeteer-core over WebDriver BiDi): a person
// configures it on the options page, chats in the sidebar page, the sandbox's agent API plays the agent, and
// the toolbar badge counts the reply the person has not seen. One browser and one sandbox, in order.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodyText, button, clickButton, field, FirefoxHarness, SCREENSHOTS, until, waitForText } from './firefox-harness';

let h: FirefoxHarness;
let panel: Page;
let conversationId: number;
const started = Date.now();

beforeAll(async () => {
  h = await FirefoxHarness.start({ granted: ['notifications'] });
  console.log(`firefox up with the add-on after ${Date.now() - started} ms`);
});
afterAll(async () => {
  await h?.close();
  console.log(`firefox e2e total ${Date.now() - started} ms`);
});

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('the add-on in Firefox against the sandbox', () => {
  it('installs as MV2 with a sidebar, a browser action and a background page', async () => {
    const page = await h.open('sidepanel');
    await waitForText(page, 'Open settings'); // not configured yet
    const info = await page.evaluate(async () => {
      const b = (globalThis as any).browser;
      const m = b.runtime.getManifest();
      const bg = await b.runtime.getBackgroundPage();
      return {
        mv: m.manifest_version,
        sidebar: m.sidebar_action?.default_panel,
        action: m.browser_action?.default_title,
        background: bg?.location.pathname,
        hasAction: typeof b.action,
        id: b.runtime.id,
      };
    });
    expect(info).toMatchObject({ mv: 2, sidebar: h.url('sidepanel'), action: 'Hoory Sidebar', id: 'hoory-sidebar@hoory.com' }); // __MSG_appName__, resolved from _locales
    expect(info.background).toMatch(/background/);
    // Both context-menu items exist: creating one again is refused as a duplicate.
    const menuErrors = await page.evaluate(async () => {
      const bg = await (globalThis as any).browser.runtime.getBackgroundPage();
      return Promise.all(
        ['hoory-ask-page', 'hoory-ask-selection'].map(
          (id) =>
            new Promise<string>((done) => {
              try {
                (bg.browser.menus ?? bg.browser.contextMenus).create({ id, title: 'x', contexts: ['page'] }, () => done(bg.browser.runtime.lastError?.message ?? ''));
              } catch (e) {
                done(String(e));
              }
            }),
        ),
      );
    });
    expect(menuErrors.every((e) => /already|duplicate|exists/i.test(e)), menuErrors.join(' | ')).toBe(true);
    await page.close();
  });

  it('is configured on the options page: "Connected"', async () => {
    const options = await h.configure();
    expect(await bodyText(options)).toMatch(/\bConnected\b/);
    await options.close();
  });

  it('starts a conversation in the sidebar page; the agent sees the message', async () => {
    panel = await h.open('sidepanel');
    await clickButton(panel, 'New conversation');
    await field(panel, 'Message').fill('Hello from Firefox');
    await clickButton(panel, 'Send');
    const [conversation] = await until(() => h.agent.conversations(), (cs) => cs.length === 1 && cs[0]!.messages.length === 1);
    conversationId = conversation!.id;
    expect(conversation!.messages[0]!.content).toContain('Hello from Firefox');
    await until(() => bodyText(panel), (t) => count(t, 'Hello from Firefox') === 1 && !/Sending/.test(t));
  });

  it('shows the agent reply in the sidebar page without a reload', async () => {
    const sent = Date.now();
    await h.agent.reply(conversationId, 'Hi! This is Alex from support.');
    await waitForText(panel, 'Hi! This is Alex from support.', 5_000);
    console.log(`firefox: agent reply painted after ${Date.now() - sent} ms`);
    await new Promise((r) => setTimeout(r, 300)); // let the avatar and layout settle for the screenshot
    await panel.screenshot({ path: `${SCREENSHOTS}/firefox-panel.png` });
  });

  it('counts a reply on the badge while the thread is not visible', async () => {
    // The thread is visible, so its reply was read: no badge.
    expect(await until(() => h.badge(panel), (t) => t === '')).toBe('');
    await clickButton(panel, 'Back to conversations');
    await button(panel, 'New conversation').wait(); // the list is showing
    // "Back" tells the background over the panel's port that no thread is on screen; let that message
    // land before the reply, which it would otherwise race.
    await new Promise((r) => setTimeout(r, 200));
    await h.agent.reply(conversationId, 'One more thing');
    await until(
      () => panel.$$eval('.conversation', (items) => items.map((i) => i.textContent ?? '')),
      (items) => items.some((t) => /One more thing/.test(t) && /1 unread/.test(t)),
    );
    // Read from another extension page, as the toolbar shows it.
    const options = await h.open('options');
    expect(await until(() => h.badge(options), (t) => t === '1')).toBe('1');
    await options.close();
    // Opening the thread reads it and clears the badge.
    await panel.bringToFront();
    await panel.locator('.conversation').click();
    await waitForText(panel, 'One more thing');
    expect(await until(() => h.badge(panel), (t) => t === '')).toBe('');
  });

  it('opens the real sidebar (sidebar_action) from a click; it shows the conversation', async () => {
    // sidebarAction.open() inside a user gesture, as the toolbar button and the context menu do: here the
    // options page's "Open the chat" after a save (headless Firefox has no toolbar to click).
    const options = await h.configure();
    await clickButton(options, 'Open the chat');
    const sidebarText = () =>
      options.evaluate(() => {
        const [view] = (globalThis as any).browser.extension.getViews({ type: 'sidebar' }) as Window[];
        return view ? `${view.location.pathname}: ${view.document.body.innerText}` : '';
      });
    const text = await until(sidebarText, (t) => /One more thing/.test(t));
    expect(text).toMatch(/^\/sidepanel\.html: /);
    expect(await options.evaluate(() => (globalThis as any).browser.sidebarAction.isOpen({}))).toBe(true);
    await options.close();
  });

  it('with notifications on, notifies a reply to a thread not on screen', async () => {
    const options = await h.open('options');
    await options.locator('::-p-aria(Desktop notifications for new replies)').click();
    await until(() => options.evaluate(() => (globalThis as any).browser.storage.local.get('settings').then((r: any) => r.settings?.notifications)), Boolean);
    await panel.close(); // the page that showed the thread; the sidebar shows the list
    // Headless Firefox closes a notification as soon as it is shown (no alert service), so getAll() may
    // already be empty: record the background's calls to the real API instead.
    await options.evaluate(async () => {
      const bg = await (globalThis as any).browser.runtime.getBackgroundPage();
      const real = bg.browser.notifications.create.bind(bg.browser.notifications);
      bg.__notified = [];
      bg.browser.notifications.create = (id: string, options: object) => (bg.__notified.push(id), real(id, options));
    });
    await h.agent.reply(conversationId, 'Are you there?');
    const notified = await until(
      () => options.evaluate(async () => (await (globalThis as any).browser.runtime.getBackgroundPage()).__notified as string[]),
      (ids) => ids.length > 0,
    );
    await new Promise((r) => setTimeout(r, 500)); // a second one would have come by now
    expect(await options.evaluate(async () => (await (globalThis as any).browser.runtime.getBackgroundPage()).__notified)).toEqual([
      expect.stringMatching(new RegExp(`^hoory:${conversationId}:`)),
    ]);
    expect(notified).toHaveLength(1);
    await options.close();
  });
});
