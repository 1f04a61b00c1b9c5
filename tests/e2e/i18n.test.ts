// The panel and the options page in Spanish and Arabic (right to left), and a Japanese panel, in Chromium
// started in that language (--lang and LANGUAGE): no English string of the extension left on screen, axe
// clean in Arabic (light and dark), and the README's pictures (docs/screenshots/panel-ar.png, panel-ja.png
// with UPDATE_SCREENSHOTS=1).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness, SCREENSHOTS, until, waitForText } from './harness';
import { axeViolations, fill } from './sandbox-agent';

type Messages = Record<string, { message: string }>;
const messagesOf = (lang: string): Messages => JSON.parse(readFileSync(join('public/_locales', lang, 'messages.json'), 'utf8'));
const english = messagesOf('en');
/** The README shows the Arabic and Japanese panels (UPDATE_SCREENSHOTS=1 writes them there); the rest stays in .output. */
const shot = (name: string) => (['panel-ar', 'panel-ja'].includes(name) ? join(SCREENSHOTS, `${name}.png`) : resolve('.output/screenshots', `${name}.png`));
/** What the sandbox says, not the extension: its inbox's and agent's names. */
const SERVER_WORDS = ['Demo Inbox', 'Alex from Support', 'Alex'];

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Chromium in `lang`: the extension's messages follow --lang (and LANGUAGE). Not LANG=xx_YY.UTF-8: a locale
 *  the system lacks (Debian ships only C.UTF-8) makes headless Chromium's accessibility tree crawl. */
function start(lang: string) {
  return Harness.start({ args: [`--lang=${lang}`], env: { LANGUAGE: lang } });
}

/** Every English phrase of the extension (words between placeholders) still visible or read out on the page. */
async function englishLeft(page: Page, translated: Messages, ownWords: string[]): Promise<string[]> {
  let text = await page.evaluate(() => {
    const attributes = [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].flatMap((el) =>
      ['aria-label', 'title', 'placeholder', 'alt'].map((name) => el.getAttribute(name) ?? ''),
    );
    return [document.title, document.body.innerText, ...attributes].join('\n');
  });
  for (const words of [...SERVER_WORDS, ...ownWords]) text = text.split(words).join(' ');
  const left = new Set<string>();
  for (const [key, { message }] of Object.entries(english)) {
    if (['lang', 'dir', 'appName'].includes(key) || translated[key]?.message === message) continue;
    for (const phrase of message.split(/\$[A-Z_]+\$/).map((p) => p.trim())) {
      if (phrase.length < 4 || !/[A-Za-z]{3}/.test(phrase)) continue;
      const escaped = phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      if (new RegExp(`(^|[^\\p{L}])${escaped}($|[^\\p{L}])`, 'u').test(text)) left.add(`${key}: ${phrase}`);
    }
  }
  return [...left];
}

async function expectAxeClean(page: Page, what: string) {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await new Promise((r) => setTimeout(r, 300));
    expect(await axeViolations(page), `${what} (${scheme})`).toEqual([]);
  }
  await page.emulateMediaFeatures([]);
}

const documentLocale = (page: Page) => page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);

/** The story in one language: unconfigured panel, options (an error, then connected), a thread, the list. */
async function story(lang: string, words: { question: string; reply: string; plans: [string, string] }) {
  const m = messagesOf(lang);
  const t = (key: string) => m[key]!.message;
  const rtl = t('dir') === 'rtl';
  const own = [words.question, words.reply, ...words.plans];
  h = await start(lang);

  const panel = await h.open('sidepanel');
  await panel.bringToFront(); // in front of the welcome tab a first install opens
  await waitForText(panel, t('openSettings'));
  expect(await documentLocale(panel)).toEqual([t('lang'), t('dir')]);
  expect(await englishLeft(panel, m, own), 'unconfigured panel').toEqual([]);

  const options = await h.open('options');
  await options.bringToFront();
  expect(await documentLocale(options)).toEqual([t('lang'), t('dir')]);
  await fill(options, t('installationUrl'), h.sandbox.url);
  await fill(options, t('inboxIdentifier'), 'no-such-inbox');
  await options.locator(`::-p-aria([name="${t('save')}"][role="button"])`).click();
  await waitForText(options, t('error_unknown_inbox').slice(0, 20));
  expect(await englishLeft(options, m, own), 'options with an error').toEqual([]);
  if (rtl) await expectAxeClean(options, `options with an error (${lang})`);
  await fill(options, t('inboxIdentifier'), 'demo-inbox');
  await options.locator(`::-p-aria([name="${t('save')}"][role="button"])`).click();
  await waitForText(options, t('connected'));
  expect(await englishLeft(options, m, own), 'options connected').toEqual([]);
  await options.screenshot({ path: shot(`options-${lang}`), fullPage: true });
  await options.close();
  await panel.bringToFront(); // a page in the background answers no accessibility queries (::-p-aria)
  await panel.reload();
  await panel.locator(`::-p-aria([name="${t('newConversation')}"][role="button"])`).click();
  await panel.locator(`::-p-aria([name="${t('message')}"][role="textbox"])`).fill(words.question);
  await panel.locator(`::-p-aria([name="${t('send')}"][role="button"])`).click();
  const [c] = await until(() => h!.agent.conversations(), (cs) => cs.length === 1);
  // The agent answers once the customer sees the conversation their message started.
  await panel.waitForSelector('[role="log"] .msg--own');
  await h.agent.reply(c!.id, words.reply, { content_type: 'input_select', content_attributes: { items: words.plans.map((title) => ({ title, value: title })) } });
  await h.agent.typing(c!.id, true);
  await waitForText(panel, words.reply);
  await waitForText(panel, t('typing').replace('$NAME$', 'Alex'));
  expect(await englishLeft(panel, m, own), 'thread').toEqual([]);
  if (rtl) {
    const sides = await panel.evaluate(() => {
      const box = (s: string) => document.querySelector(s)!.getBoundingClientRect();
      return { back: box('.header .icon-button').left, title: box('.header__title').left, own: box('.msg--own .bubble').left, agent: box('.msg--agent .bubble').left };
    });
    expect(sides.back, 'back button on the right').toBeGreaterThan(sides.title);
    expect(sides.own, 'own messages on the left').toBeLessThan(sides.agent);
    await expectAxeClean(panel, `thread (${lang})`);
  }
  // The picture once the own message is stored and first in line (the agent may answer before it is).
  await until(() => panel.$$eval('.msg', (rows) => rows.map((r) => r.classList.contains('msg--own'))), (own) => own[0] === true, 5_000).catch(() => {});
  await panel.screenshot({ path: shot(`panel-${lang}`) });

  await panel.locator(`::-p-aria([name="${t('back')}"])`).click();
  await waitForText(panel, t('newConversation'));
  expect(await englishLeft(panel, m, own), 'list').toEqual([]);
  if (rtl) await expectAxeClean(panel, `list (${lang})`);
  await panel.screenshot({ path: shot(`list-${lang}`) });
}

describe('in the browser’s language', () => {
  it('Spanish: panel and options, no English left', async () => {
    await story('es', { question: '¿Tienen planes para equipos?', reply: '¡Claro! ¿Qué plan te interesa?', plans: ['Básico', 'Empresa'] });
  });

  it('Arabic: right to left, no English left, axe clean in light and dark', async () => {
    await story('ar', { question: 'هل لديكم خطط للفرق؟', reply: 'بالتأكيد! أي خطة تناسبك؟', plans: ['الأساسية', 'الشركات'] });
  });

  it('Japanese: the panel for the README', async () => {
    await story('ja', { question: 'チーム向けのプランはありますか?', reply: 'もちろんです。どのプランをご希望ですか?', plans: ['ベーシック', 'ビジネス'] });
  });
});
