// End-to-end harness: the built extension in Debian's headless Chromium, against a fresh sandbox on
// 127.0.0.1. Tests drive it as a person would (options form, panel page) and play the agent through the
// sandbox's agent API.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { closeBrowser } from './close-browser';
import { buildWithGranted, fill, SandboxAgent, waitForText } from './sandbox-agent';

export { bodyText, SCREENSHOTS, until, waitForText, type AgentConversation } from './sandbox-agent';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_BUILD = resolve(process.env.OUT_DIR ?? '.output', 'chrome-mv3');

export interface StartOptions {
  granted?: string[];
  args?: string[];
  env?: Record<string, string>;
  /** Makes a copy of `build` in `dir` and returns its path; `sandboxUrl` is this run's sandbox. */
  build?: (build: string, dir: string, sandboxUrl: string) => string;
}

/** Headless Chromium on `profile`, quiet (no sync, updates or background traffic), extensions allowed. */
function launchChromium(profile: string, args: string[] = [], env?: Record<string, string>) {
  return puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: true,
    pipe: true,
    enableExtensions: true,
    userDataDir: profile,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--window-size=420,800', ...args],
    ...(env ? { env: { ...process.env, ...env } } : {}),
  });
}

export class Harness {
  readonly agent: SandboxAgent;

  private constructor(
    readonly sandbox: Sandbox,
    readonly browser: Browser,
    readonly extensionId: string,
    private readonly profile: string,
  ) {
    this.agent = new SandboxAgent(sandbox.url);
  }

  /**
   * `granted`: optional permissions the profile starts with, as after the user accepted the prompt —
   * headless Chromium cannot show or answer a permission prompt. The build is copied and only its
   * manifest's permission lists change.
   * `args` and `env`: more Chromium switches, and variables for its process (a UI language: `--lang=es`
   * with LANGUAGE=es). `build`: install a copy of the build that this function makes in `dir` instead.
   */
  static async start(options: StartOptions = {}): Promise<Harness> {
    if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error('Build the extension first: npx wxt build');
    const sandbox = await startSandbox({ port: 0, host: '127.0.0.1' });
    const profile = mkdtempSync(join(tmpdir(), 'hoory-e2e-'));
    const browser = await launchChromium(profile, options.args, options.env);
    const copy = join(profile, 'extension');
    const build = options.build ? options.build(CHROME_BUILD, copy, sandbox.url) : options.granted ? buildWithGranted(CHROME_BUILD, copy, options.granted) : CHROME_BUILD;
    const extensionId = await browser.installExtension(build);
    const harness = new Harness(sandbox, browser, extensionId, profile);
    await harness.closeWelcome();
    return harness;
  }

  /** A first install opens the options page to welcome the user: the tests open their own pages, and a
   *  welcome tab in front would leave them in the background (no animation frames, no transitions). */
  async closeWelcome(): Promise<void> {
    const welcome = await this.browser
      .waitForTarget((t) => t.url() === this.url('options') && t.type() === 'page', { timeout: 3_000 })
      .catch(() => null);
    await (await welcome?.page())?.close();
  }

  /**
   * Like start(), but the extension is loaded with --load-extension into a profile kept on disk (`profile`, or
   * a new one), on `sandbox` if given: restartBrowser() then relaunches that profile with the extension, its
   * id and its storage, as a person's browser restart does.
   */
  static async startOnProfile(options: { profile?: string; sandbox?: Sandbox } = {}): Promise<Harness> {
    if (!existsSync(join(CHROME_BUILD, 'manifest.json'))) throw new Error('Build the extension first: npx wxt build');
    const sandbox = options.sandbox ?? (await startSandbox({ port: 0, host: '127.0.0.1' }));
    const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'hoory-e2e-'));
    const browser = await launchChromium(profile, [`--load-extension=${CHROME_BUILD}`, `--disable-extensions-except=${CHROME_BUILD}`]);
    // An unpacked extension's id is the sha256 of its path, its first 32 hex digits written with a to p.
    const hash = createHash('sha256').update(CHROME_BUILD).digest('hex').slice(0, 32);
    const extensionId = [...hash].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
    const harness = new Harness(sandbox, browser, extensionId, profile);
    if (!options.profile) await harness.closeWelcome(); // a new profile: the extension is installed now
    return harness;
  }

  /** A full browser restart on the same profile (startOnProfile only); the sandbox keeps running. Use the
   *  harness it returns: this one is done. */
  async restartBrowser(): Promise<Harness> {
    await this.browser.close();
    const next = await Harness.startOnProfile({ profile: this.profile, sandbox: this.sandbox });
    // Chromium loads a --load-extension extension anew at each start, and it opens its options page as after
    // an install (a browser the user restarts does not): that tab would hide the pages the test opens, and a
    // hidden page renders no frames. Close it.
    const options = await next.browser.waitForTarget((t) => t.url() === next.url('options'), { timeout: 5_000 }).catch(() => null);
    await (await options?.page())?.close();
    return next;
  }

  url(page: 'sidepanel' | 'options') {
    return `chrome-extension://${this.extensionId}/${page}.html`;
  }

  /** `init`: a script run in the page before its own (a recorder). */
  async open(which: 'sidepanel' | 'options', init?: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.setViewport({ width: 400, height: 720 });
    if (init) await page.evaluateOnNewDocument(init);
    page.on('pageerror', (e) => console.error(`[${which}] page error:`, e));
    await page.goto(this.url(which));
    await page.bringToFront();
    return page;
  }

  /** Fill the options form and press Save, as a person would. */
  async configure(options: { inbox?: string; url?: string; expect?: RegExp | string } = {}): Promise<Page> {
    const page = await this.open('options');
    await fill(page, 'Installation URL', options.url ?? this.sandbox.url);
    await fill(page, 'Inbox identifier', options.inbox ?? 'demo-inbox');
    await page.locator('::-p-aria([name="Save"][role="button"])').click();
    await waitForText(page, options.expect ?? 'Connected');
    return page;
  }

  private async workerTarget() {
    return this.browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${this.extensionId}/`),
    );
  }

  /** A CDP session on the service worker (waking it if needed), detached right after `use`: an attached
   *  session would keep the worker alive for ever. */
  private async withWorkerSession<T>(use: (session: CDPSession) => Promise<T>): Promise<T> {
    const session = await (await this.workerTarget()).createCDPSession();
    try {
      return await use(session);
    } finally {
      await session.detach().catch(() => {});
    }
  }

  /** Evaluate an expression in the service worker. */
  inWorker<T>(expression: string): Promise<T> {
    return this.withWorkerSession(async (session) => {
      const { result, exceptionDetails } = await session.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
      if (exceptionDetails) throw new Error(`worker: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
      return result.value as T;
    });
  }

  /**
   * What the worker logged (warnings, errors, uncaught exceptions) since it started, for a failure's message:
   * the inspector replays its stored console messages to a session that enables Runtime.
   */
  workerConsole(): Promise<string> {
    return this.withWorkerSession(async (session) => {
      const lines: string[] = [];
      session.on('Runtime.consoleAPICalled', (e) =>
        lines.push(`${e.type}: ${e.args.map((a) => a.value ?? a.description ?? '').join(' ')}`.slice(0, 400)));
      session.on('Runtime.exceptionThrown', (e) => lines.push(`exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`.slice(0, 400)));
      await session.send('Runtime.enable');
      await new Promise((r) => setTimeout(r, 300));
      return lines.join('\n') || '(nothing logged)';
    });
  }

  /** What Chrome does to an idle worker: stop it, with every global lost. */
  async stopWorker(): Promise<void> {
    const page = await this.browser.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.close();
  }

  badge(): Promise<string> {
    return this.inWorker('chrome.action.getBadgeText({})');
  }

  async close() {
    await closeBrowser(this.browser);
    await this.sandbox.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}
