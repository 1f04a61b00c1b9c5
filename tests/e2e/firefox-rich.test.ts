// Issue 15 in Firefox: the MV2 add-on's sidebar page (firefox-esr over WebDriver BiDi) renders what the agent
// sends as the Chromium panel does: Markdown as elements, an image inline that opens in the viewer, native
// audio and video players, a PDF as a file card with its name.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, clickButton, field, FirefoxHarness, SCREENSHOTS, until } from './firefox-harness';
import { row } from './sandbox-agent';

let h: FirefoxHarness;
let panel: Page;
let cid: number;

beforeAll(async () => {
  h = await FirefoxHarness.start();
  await (await h.configure()).close();
  panel = await h.open('sidepanel');
  await clickButton(panel, 'New conversation');
  await field(panel, 'Message').fill('Hello from Firefox');
  await clickButton(panel, 'Send');
  cid = (await until(() => h.agent.conversations(), (cs) => cs.length === 1))[0]!.id;
});
afterAll(() => h?.close());

async function says(body: Record<string, unknown>) {
  const { id } = await h.agent.send(cid, body);
  await until(() => panel.$(row(id)), Boolean);
  return row(id);
}

describe('rich messages in the Firefox sidebar page', () => {
  it('renders Markdown as elements; links open in a new tab, without the opener', async () => {
    const md = await says({ content: '**Business** is _our_ best plan:\n\n1. Unlimited seats\n2. Priority support\n\n- SSO\n- Audit log\n\nRun `hoory login`, then read [the guide](https://example.com/guide).' });
    const seen = await until(
      () => panel.$eval(md, (el) => {
        const texts = (s: string) => [...el.querySelectorAll(s)].map((e) => e.textContent);
        const links = [...el.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel]);
        return { tags: texts('strong, em, code'), ol: texts('ol > li'), ul: texts('ul > li'), links };
      }),
      (v) => v.tags.length > 0, // Markdown is a lazy chunk: plain text first, elements once it has loaded
    );
    expect(seen).toEqual({
      tags: ['Business', 'our', 'hoory login'], ol: ['Unlimited seats', 'Priority support'], ul: ['SSO', 'Audit log'],
      links: [['the guide', 'https://example.com/guide', '_blank', 'noopener noreferrer']],
    });
  });

  it('shows an image inline that opens in the viewer, players for audio and video, and a PDF card with its name', async () => {
    const files = await says({ content: 'The photo, the recording, the demo and the invoice:', sample: ['image', 'audio', 'video', 'pdf'] });
    const state = () =>
      panel.$eval(files, (el) => ({
        image: [...el.querySelectorAll<HTMLImageElement>('.attachment--image > img')].map((i) => (i.complete ? i.naturalWidth : 0)),
        players: [...el.querySelectorAll<HTMLMediaElement>('audio[controls], video[controls]')].map((m) => `${m.tagName.toLowerCase()} ${m.readyState >= 1 && m.duration > 0}`),
        file: el.querySelector('.file-card__name')?.textContent,
        fileHref: el.querySelector<HTMLAnchorElement>('a.file-card')?.href,
      }));
    const seen = await until(state, (s) => s.image[0] === 96 && s.players.every((p) => p.endsWith('true')));
    expect(seen).toMatchObject({ image: [96], players: ['audio true', 'video true'], file: 'sample.pdf' });
    expect(seen.fileHref).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\/sample\.pdf$/);
    await new Promise((r) => setTimeout(r, 300));
    await panel.screenshot({ path: `${SCREENSHOTS}/rich-firefox.png` });

    await panel.locator(`${files} .attachment--image`).click();
    await button(panel, 'Close').wait();
    expect(await until(() => panel.$eval('img.viewer__image', (i) => (i.complete ? i.naturalWidth : 0)), (w) => w === 96)).toBe(96);
    await panel.keyboard.press('Escape');
    await until(() => panel.$('.viewer'), (v) => v === null);
  });
});
