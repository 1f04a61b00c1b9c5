// End-to-end harness for Firefox: the built MV2 add-on (.output/firefox-mv2) installed as a temporary add-on
// in Debian's headless firefox-esr, driven by puppeteer-core over WebDriver BiDi, against a fresh sandbox on
// 127.0.0.1. Mirrors harness.ts (Chromium); the differences are Firefox's:
// - the add-on's UUID is fixed up front with the `extensions.webextensions.uuids` pref, so page URLs are known;
// - `--remote-allow-system-access` lets BiDi navigate to moz-extension:// pages, and that navigation's
//   promise never settles, so it is not awaited: we wait for the document instead;
// - the background page is not a target: extension pages reach it (and the badge) through `browser.*`.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { closeBrowser } from './close-browser';
import { buildWithGranted, fill, SandboxAgent, until, waitForText } from './sandbox-agent';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve(process.env.OUT_DIR ?? '.output', 'firefox-mv2');

export class FirefoxHarness {
  private constructor(
    readonly sandbox: Sandbox,
    readonly browser: Browser,
    readonly uuid: string,
    private readonly profile: string,
  ) {
    this.agent = new SandboxAgent(sandbox.url);
  }

  readonly agent: SandboxAgent;

  /** `granted`: optional permissions the profile starts with (headless Firefox cannot answer a prompt). */
  static async start(options: { granted?: string[] } = {}): Promise<FirefoxHarness> {
    const manifestPath = join(FIREFOX_BUILD, 'manifest.json');
    if (!existsSync(manifestPath)) throw new Error('Build the add-on first: npx wxt build -b firefox');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const geckoId: string = manifest.browser_specific_settings.gecko.id;
    const uuid = randomUUID();
    const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    const profile = mkdtempSync(join(tmpdir(), 'hoory-e2e-ff-'));
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
        userDataDir: profile,
        args: ['--remote-allow-system-access', '--width=420', '--height=800'],
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
          // Quiet, offline-friendly profile.
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
          'extensions.getAddons.cache.enabled': false,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
          'network.captive-portal-service.enabled': false,
        },
      });
      await browser.installExtension(options.granted ? buildWithGranted(FIREFOX_BUILD, join(profile, '..', `${profile.split('/').pop()}-addon`), options.granted) : FIREFOX_BUILD);
    } catch (e) {
      await browser?.close().catch(() => {});
      await sandbox.close();
      rmSync(profile, { recursive: true, force: true });
      throw e;
    }
    return new FirefoxHarness(sandbox, browser, uuid, profile);
  }

  url(page: 'sidepanel' | 'options') {
    return `moz-extension://${this.uuid}/${page}.html`;
  }

  /** Navigate a page to one of the add-on's pages; the BiDi navigation never settles, so wait for the DOM. */
  async goto(page: Page, which: 'sidepanel' | 'options'): Promise<void> {
    const url = this.url(which);
    page.goto(url).catch(() => {});
    // Polled from here: while the document is swapped, Firefox's BiDi can fail an evaluation outright
    // ("right-hand side of 'in' should be an object"); that is a moment to wait, not an error.
    await until(
      () => page.evaluate((u) => location.href === u && document.readyState === 'complete' && !!document.body?.innerText.trim(), url),
      Boolean,
      15_000,
    );
  }

  async open(which: 'sidepanel' | 'options'): Promise<Page> {
    const page = await this.browser.newPage();
    // Right after newPage, Firefox's BiDi can answer setViewport with "browser is null" (seen once in CI):
    // the tab is still being made. Ask again once it is.
    await until(() => page.setViewport({ width: 400, height: 720 }).then(() => true), Boolean, 10_000);
    page.on('pageerror', (e) => console.error(`[firefox ${which}] page error:`, e));
    await this.goto(page, which);
    return page;
  }

  /** Fill the options form and press Save, as a person would. */
  async configure(options: { inbox?: string; url?: string; expect?: RegExp | string } = {}): Promise<Page> {
    const page = await this.open('options');
    await fill(page, 'Installation URL', options.url ?? this.sandbox.url);
    await fill(page, 'Inbox identifier', options.inbox ?? 'demo-inbox');
    await clickButton(page, 'Save');
    await waitForText(page, options.expect ?? 'Connected');
    return page;
  }

  /** The toolbar badge, read from an extension page (MV2: browserAction). */
  badge(page: Page): Promise<string> {
    return page.evaluate(() => (globalThis as any).browser.browserAction.getBadgeText({}) as Promise<string>);
  }

  async close() {
    await closeBrowser(this.browser);
    await this.sandbox.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}

// ---- Locating as a person would: by accessible name and role (`::-p-aria`), which puppeteer-core 24 also
// resolves over WebDriver BiDi in Firefox. ----------------------------------------------------------------

export const field = (page: Page, label: string) => page.locator(`::-p-aria([name="${label}"][role="textbox"])`);
export const button = (page: Page, name: string) => page.locator(`::-p-aria([name="${name}"][role="button"])`);

export { bodyText, SCREENSHOTS, until, waitForText } from './sandbox-agent';

export async function clickButton(page: Page, name: string) {
  await button(page, name).click();
}
