// Issue 15, rich messages, in Chromium against the sandbox: what the agent API sends (Markdown, attachments,
// options, ratings, cards, a form, articles, an email question, bot and Captain replies) as the customer sees
// it in the panel and answers it, with mouse and keyboard; each answer is read back through the agent API
// (submitted_values, and patch_count staying 1 after a second press), and is still shown as answered after
// the panel is reopened and after a worker stop. One browser, one sandbox, one conversation, in order.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Harness, until, waitForText } from './harness';
import { answerOf, imagesLoaded, row, shootLightAndDark, typeOrPress } from './sandbox-agent';

let h: Harness;
let panel: Page;
let cid: number; // the conversation's display id
const ids: Record<string, number> = {};

beforeAll(async () => {
  h = await Harness.start();
  await (await h.configure()).close();
  panel = await h.open('sidepanel');
  await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
  await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill('Hello, which plan should I take?');
  await panel.keyboard.press('Enter');
  cid = (await until(() => h.agent.conversations(), (cs) => cs.length === 1))[0]!.id;
});
afterAll(() => h?.close());

/** The agent sends a message; it is back once its row is in the panel. */
const says = async (key: string, body: object) => { await panel.waitForSelector(row((ids[key] = (await h.agent.send(cid, { ...body })).id))); };
const inRow = (key: string, selector: string) => panel.locator(`${row(ids[key]!)} ${selector}`);
const aria = (name: string, role = 'button') => `::-p-aria([name="${name}"][role="${role}"])`;
const rowText = (key: string) => panel.$eval(row(ids[key]!), (el) => el.textContent ?? '');
const answers = () => panel.$$eval(`${row(ids.form!)} dd`, (dd) => dd.map((d) => d.textContent));
const answer = (key: string) => answerOf(h.agent, cid, ids[key]!);
const shoot = (name: string) => shootLightAndDark(panel, `rich-${name}`);
const loaded = (selector: string) => imagesLoaded(panel, selector);
const keys = (...steps: string[]) => typeOrPress(panel, steps);

describe('rich messages in the Chromium panel', () => {
  it('renders Markdown as elements; links open in a new tab, without the opener', async () => {
    const content = '**Business** is _our_ best plan:\n\n1. Unlimited seats\n2. Priority support\n\n- SSO\n- Audit log\n\n';
    await says('md', { content: `${content}Run \`hoory login\`, then read [the guide](https://example.com/guide).` });
    const md = await panel.$eval(row(ids.md!), (el) => {
      const texts = (s: string) => [...el.querySelectorAll(s)].map((e) => e.textContent);
      const links = [...el.querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href'), a.target, a.rel]);
      return { tags: texts('strong, em, code'), ol: texts('ol > li'), ul: texts('ul > li'), links, raw: /\*\*|`/.test(el.textContent!) };
    });
    expect(md).toEqual({ tags: ['Business', 'our', 'hoory login'], ol: ['Unlimited seats', 'Priority support'], ul: ['SSO', 'Audit log'],
      links: [['the guide', 'https://example.com/guide', '_blank', 'noopener noreferrer']], raw: false });
    await shoot('markdown');
  });

  it('shows an image inline; a click opens it full size in the panel, Escape closes it', async () => {
    await says('image', { content: 'Here is where to find it:', sample: 'image' });
    await loaded(`${row(ids.image!)} .attachment--image > img`);
    expect(await panel.$eval(`${row(ids.image!)} .attachment--image > img`, (i) => [(i as HTMLImageElement).naturalWidth, i.getBoundingClientRect().width])).toEqual([96, 96]);
    await inRow('image', '.attachment--image').click();
    await panel.waitForSelector('::-p-aria([role="dialog"])');
    await loaded('img.viewer__image');
    expect(await panel.$eval('img.viewer__image', (i) => [i.naturalWidth, i.naturalHeight])).toEqual([96, 64]);
    // The viewer moves the focus to Close as it opens (after its first paint): wait for it, on a busy machine.
    await until(() => panel.evaluate(() => document.activeElement?.textContent ?? ''), (t) => t === 'Close', 5_000);
    await shoot('viewer');
    await panel.keyboard.press('Escape');
    await panel.waitForSelector('.viewer', { hidden: true });
    // Focus back on the image that opened it.
    await until(() => panel.evaluate(() => Boolean(document.activeElement?.classList.contains('attachment--image'))), (back) => back, 5_000);
  });

  it('plays audio and video in native players; a PDF is a file card with its name', async () => {
    await says('files', { content: 'The recording, the demo and the invoice:', sample: ['audio', 'video', 'pdf'] });
    const media = `${row(ids.files!)} audio[controls], ${row(ids.files!)} video[controls]`; // both have loaded, and play
    await panel.waitForFunction((s) => [...document.querySelectorAll<HTMLMediaElement>(s)].filter((m) => m.readyState === 4 && m.duration > 0).length === 2, {}, media);
    expect(await inRow('files', '.file-card__name').map((el) => el.textContent).wait()).toBe('sample.pdf');
    expect(await panel.$eval(`${row(ids.files!)} .file-card`, (a) => (a as HTMLAnchorElement).href)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/.+\/sample\.pdf$/);
    await panel.$eval(row(ids.image!), (el) => (el.scrollIntoView({ block: 'start' }), (document.activeElement as HTMLElement).blur()));
    await new Promise((r) => setTimeout(r, 1500)); // the video's loading spinner has faded out
    await shoot('attachments');
  });

  it('labels a bot\'s reply "Bot" and Captain\'s "AI"; a person\'s has no label', async () => {
    await says('bot', { content: 'I am the order bot.', sender: 'bot' });
    await says('captain', { content: 'Based on your question, Business fits a team of 12.', sender: 'captain' });
    await says('human', { content: 'Alex here: I agree with that.', sender: 'agent' });
    const label = (key: string) => panel.$eval(row(ids[key]!), (el) => [el.querySelector('.msg__sender')?.firstChild?.textContent, el.querySelector('.sender-kind')?.textContent ?? null]);
    expect([await label('bot'), await label('captain'), await label('human')]).toEqual([['Sandbox Bot', 'Bot'], ['Captain', 'AI'], ['Alex', null]]);
    await shoot('senders');
  });

  it('answers options with a click; a double click sends one answer', async () => {
    await says('select', { content: 'Which plan are you on?', content_type: 'input_select', content_attributes: { items: [{ title: 'Starter', value: 'starter' }, { title: 'Business', value: 'business' }] } });
    await inRow('select', aria('Business')).click({ count: 2 });
    expect(await answer('select')).toEqual([{ title: 'Business', value: 'business' }]);
    await until(() => rowText('select'), (t) => t.includes('You chose: Business'));
  });

  it('answers an emoji and a star rating', async () => {
    await says('emoji', { content: 'How did we do?', content_type: 'input_csat', content_attributes: { display_type: 'emoji' } });
    await says('star', { content: 'And the product?', content_type: 'input_csat', content_attributes: { display_type: 'star' } });
    await panel.$eval(row(ids.emoji!), (el) => el.scrollIntoView());
    expect(await panel.$$eval(`${row(ids.star!)} .csat__star`, (s) => s.map((b) => b.textContent).join(''))).toBe('★★★★★');
    await shoot('csat');
    await inRow('emoji', aria('Rate 4 out of 5')).click({ count: 2 });
    await inRow('star', aria('Rate 5 out of 5')).click({ count: 2 });
    expect(await answer('emoji')).toEqual({ csat_survey_response: { rating: 4 } });
    expect(await answer('star')).toEqual({ csat_survey_response: { rating: 5 } });
    await until(() => rowText('star'), (t) => t.includes('You rated 5 out of 5') && t.includes('★★★★★'));
  });

  it('fills a form with the keyboard: a required field is checked first, Enter sends it once', async () => {
    const size = { name: 'size', label: 'Team size', type: 'select', options: [{ label: 'Up to 10', value: 'small' }, { label: 'Over 10', value: 'large' }] };
    await says('form', { content: 'A few details, please:', content_type: 'form', content_attributes: { items: [
      { name: 'name', label: 'Your name', type: 'text', required: true }, { name: 'email', label: 'Work email', type: 'email', placeholder: 'name@company.com' },
      { name: 'notes', label: 'What do you need?', type: 'text_area' }, size] } });
    await inRow('form', aria('Your name', 'textbox')).click();
    await keys('Enter');
    await until(() => rowText('form'), (t) => t.includes('Your name is required'));
    // Enter in the text area is a new line; a closed select picks an option by typing.
    await keys('Ana Silva', 'Tab', 'ana@example.com', 'Tab', 'SSO\nand an audit log', 'Tab', 'Over');
    await shoot('form');
    await keys('Tab', 'Enter', 'Enter'); // on Submit, twice
    expect(await answer('form')).toEqual([{ name: 'name', value: 'Ana Silva' }, { name: 'email', value: 'ana@example.com' },
      { name: 'notes', value: 'SSO\nand an audit log' }, { name: 'size', value: 'large' }]);
    await until(() => rowText('form'), (t) => t.includes('Ana Silva'));
    expect((await answers()).slice(0, 3)).toEqual(['Ana Silva', 'ana@example.com', 'SSO\nand an audit log']);
  });

  // Was a bug: an answered form showed a select's value ("large"), not the option chosen ("Over 10").
  it('shows an answered select field by the label of the option chosen', async () => {
    expect((await answers())[3]).toBe('Over 10');
  });

  it('answers the email question: a wrong address is refused, Enter sends the right one once', async () => {
    await says('email', { content: 'Where can we reach you?', content_type: 'input_email' });
    await inRow('email', aria('Your email', 'textbox')).click();
    await keys('ana@', 'Enter');
    await until(() => rowText('email'), (t) => t.includes('Enter a valid email address'));
    await keys('example.com', 'Enter', 'Enter');
    expect(await answer('email')).toEqual([{ name: 'email', value: 'ana@example.com' }]);
    await until(() => rowText('email'), (t) => t.includes('Your email: ana@example.com'));
    await shoot('answered');
  });

  it('shows cards and articles: a link opens a tab; a postback is sent once as the customer\'s message', async () => {
    const [pricing, sso] = ['pricing', 'sso'].map((page) => `${h.sandbox.url}/sandbox/?${page}`);
    await says('articles', { content: 'These may help:', content_type: 'article', content_attributes: { items: [
      { title: 'Choosing a plan', description: 'Seats, limits and prices side by side.', link: `${h.sandbox.url}/sandbox/?plans` },
      { title: 'Setting up SSO', description: 'SAML and OIDC, step by step.', link: sso } ] } });
    await says('cards', { content: 'Our plans:', content_type: 'cards', content_attributes: { items: [
      { title: 'Business', description: 'Unlimited seats, SSO, priority support.', media_url: `${h.sandbox.url}/sandbox/samples/image`,
        actions: [{ type: 'link', text: 'See pricing', uri: pricing }, { type: 'postback', text: 'Choose Business', payload: 'PLAN_BUSINESS' }] } ] } });
    await loaded(`${row(ids.cards!)} img`);
    await shoot('cards');
    for (const [key, name, url] of [['cards', 'See pricing', pricing!], ['articles', 'Setting up SSO', sso!]]) {
      const a = await panel.$eval(`${row(ids[key!]!)} a[href="${url}"]`, (a) => [a.textContent, a.getAttribute('target'), a.getAttribute('rel')]);
      expect(a).toEqual([name, '_blank', 'noopener noreferrer']);
      await inRow(key!, aria(name!, 'link')).click();
      await (await (await h.browser.waitForTarget((t) => t.url() === url)).asPage()).close(); // it opened in a tab
      await panel.bringToFront();
    }
    await inRow('cards', aria('Choose Business')).click({ count: 2 });
    await until(() => rowText('cards'), (t) => t.includes('You chose:'));
    expect(await panel.$eval(`${row(ids.cards!)} button`, (b) => b.disabled)).toBe(true);
    const postbacks = () => h.agent.messages(cid).then((ms) => ms.filter((m) => m.message_type === 0 && m.content === 'PLAN_BUSINESS').length);
    await until(postbacks, (n) => n === 1);
    await new Promise((r) => setTimeout(r, 700));
    expect(await postbacks()).toBe(1);
    expect(await answer('cards')).toEqual([{ title: 'Choose Business', value: 'PLAN_BUSINESS' }]); // recorded on the card, once
    await waitForText(panel, 'PLAN_BUSINESS'); // the customer's own message, in the thread
  });

  /** Every answer as the panel shows it, and nothing left to press. */
  async function expectAnswered() {
    await until(() => rowText('email'), (t) => t.includes('Your email: ana@example.com')); // the thread is painted
    expect(await rowText('select')).toContain('You chose: Business');
    expect(await rowText('emoji')).toContain('You rated 4 out of 5');
    expect(await rowText('star')).toContain('You rated 5 out of 5');
    expect((await answers()).slice(0, 3)).toEqual(['Ana Silva', 'ana@example.com', 'SSO\nand an audit log']);
    for (const key of ['select', 'emoji', 'star', 'form', 'email']) expect(await panel.$$(`${row(ids[key]!)} :is(button, input)`), key).toHaveLength(0);
    for (const m of await h.agent.messages(cid)) if (m.submissions.length) expect(m.patch_count, `message ${m.id}`).toBe(1);
  }
  async function reopen() {
    await panel.close();
    await (panel = await h.open('sidepanel')).locator(`[data-conversation-id="${cid}"]`).click();
  }

  it('still shows every answer after the panel is reopened, and after a worker stop', async () => {
    await reopen();
    await expectAnswered();
    await h.stopWorker();
    await reopen();
    await expectAnswered();
  });

  // Was a bug: reopened, a card offered its postback again. The postback is now recorded on the card too.
  it('still shows a card answered after the panel is reopened: its postback can\'t be sent again', async () => {
    await reopen();
    await panel.waitForSelector(row(ids.cards!));
    expect(await panel.$eval(`${row(ids.cards!)} button`, (b) => b.disabled)).toBe(true);
  });
});
