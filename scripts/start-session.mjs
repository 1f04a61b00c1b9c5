// What `npm start` sets up, also used by scripts/screenshot-start.mjs: the extension built, the sandbox
// started, Chromium with the extension connected to it, the real side panel open beside a page, and the
// sandbox's agent console in its own tab. Imports puppeteer-core, so load it only after ensureDeps().
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startDemoPage } from './demo-page.mjs';
import { ROOT } from './ensure-deps.mjs';

export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
const node = (script, args, options) => spawn(process.execPath, [script, ...args], { cwd: ROOT, ...options });
const firstLine = (e) => String(e?.message ?? e).split('\n')[0];

/** null when 127.0.0.1:port can be listened on, else a sentence saying why not. */
export function checkPort(port) {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (e) =>
      resolve(
        e.code === 'EADDRINUSE'
          ? `Port ${port} is already in use (another \`npm start\` or \`npm run sandbox\`?). Stop it, or choose another port: SANDBOX_PORT=${port + 1} npm start`
          : `Cannot listen on 127.0.0.1:${port} (${e.code ?? e.message}). Choose another port: SANDBOX_PORT=${port + 1} npm start`,
      ),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(null)));
  });
}

/** `wxt build` with its output kept unless it fails. Resolves to the seconds it took; rejects with the output. */
export function buildExtension() {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = node(join(ROOT, 'node_modules', 'wxt', 'bin', 'wxt.mjs'), ['build'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', (e) => reject(new Error(`wxt build could not start: ${e.message}`)));
    child.on('exit', (code, signal) =>
      code === 0 ? resolve((Date.now() - started) / 1000) : reject(new Error(`${output.trim()}\nwxt build failed (${signal ?? `exit code ${code}`}).`)),
    );
  });
}

/** Tells in one line what the extension answered, whatever shape it had ({ ok:false, error: { code, detail } } too). */
export function describeReply(reply) {
  if (reply === undefined) return 'no answer';
  const err = reply?.error ?? reply?.value?.error;
  if (err && typeof err === 'object') return [err.code, err.detail ?? err.message].filter(Boolean).join(': ') || JSON.stringify(err);
  if (typeof err === 'string') return err;
  return JSON.stringify(reply);
}

export class StartSession {
  /** @param {{ chromePath: string, port: number, headless: boolean, windowSize?: [number, number], log?: (line: string) => void }} options */
  constructor(options) {
    this.options = options;
    this.log = options.log ?? ((line) => console.log(line));
    this.sandboxUrl = `http://127.0.0.1:${options.port}`;
    this.consoleUrl = `${this.sandboxUrl}/sandbox/`;
    this.closing = false;
    /** Called once if the sandbox or the browser goes away by itself: (reason) => void. */
    this.onEnd = null;
  }

  /** The sandbox as `npm run sandbox` runs it, in a child process, on 127.0.0.1:port. */
  async startSandbox() {
    const child = spawn(process.execPath, ['--import', 'tsx', 'sandbox/main.ts', '--port', String(this.options.port), '--host', '127.0.0.1'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.sandbox = child;
    let output = '';
    await new Promise((resolve, reject) => {
      const onData = (d) => {
        output += d;
        if (output.includes('Agent console:')) resolve();
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (d) => (output += d));
      child.once('error', (e) => reject(new Error(`The sandbox could not start: ${e.message}`)));
      child.once('exit', (code, signal) => reject(new Error(`${output.trim()}\nThe sandbox stopped before it was ready (${signal ?? `exit code ${code}`}).`)));
    });
    child.stdout.removeAllListeners('data');
    child.stderr.removeAllListeners('data');
    child.stdout.on('data', () => {});
    child.stderr.on('data', (d) => process.stderr.write(String(d).replace(/^(?=.)/gm, '[sandbox] ')));
    child.once('exit', (code, signal) => {
      if (!this.closing) this.onEnd?.(`The sandbox stopped (${signal ?? `exit code ${code}`}).`);
    });
  }

  async launchBrowser() {
    const { chromePath, headless } = this.options;
    const [width, height] = this.options.windowSize ?? [1400, 900];
    this.profile = mkdtempSync(join(tmpdir(), 'hoory-start-'));
    try {
      this.browser = await puppeteer.launch({
        executablePath: chromePath,
        headless,
        pipe: true,
        enableExtensions: true,
        defaultViewport: null,
        userDataDir: this.profile,
        // npm start stops the browser itself on a signal (puppeteer's own SIGINT handler would exit 130 at once).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        // No "controlled by automated test software" bar: the window looks as a user's would.
        ignoreDefaultArgs: ['--enable-automation'],
        args: [
          '--no-first-run',
          '--no-default-browser-check',
          '--disable-sync',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-quic',
          `--window-size=${width},${height}`,
          ...(headless ? ['--disable-gpu'] : []),
          // As root Chromium only runs with --no-sandbox; --test-type hides the bar warning about that flag.
          ...(process.getuid?.() === 0 ? ['--no-sandbox', '--test-type'] : []),
        ],
      });
    } catch (e) {
      throw new Error(`Could not start ${chromePath}: ${firstLine(e)}`);
    }
    this.browser.on('disconnected', () => {
      if (!this.closing) this.onEnd?.('The browser was closed.');
    });
    try {
      this.extensionId = await this.browser.installExtension(EXTENSION_DIR);
    } catch (e) {
      throw new Error(`Chromium refused the extension in ${EXTENSION_DIR}: ${firstLine(e)}`);
    }
  }

  extensionUrl(page) {
    return `chrome-extension://${this.extensionId}/${page}.html`;
  }

  /** Configure the extension exactly as the options page's Save does. Resolves to the reply; throws when not connected. */
  async connect(tab) {
    await tab.goto(this.extensionUrl('options'), { waitUntil: 'load' });
    const settings = { installationUrl: this.sandboxUrl, inboxIdentifier: 'demo-inbox', name: 'Demo customer', email: '', identifier: '', identifierHash: '' };
    let reply;
    for (let attempt = 0; ; attempt++) {
      try {
        reply = await tab.evaluate((s) => chrome.runtime.sendMessage({ type: 'connect', settings: s }), settings);
        break;
      } catch (e) {
        // The worker may not be listening yet right after the install.
        if (attempt >= 20 || !/Receiving end does not exist|Could not establish connection/.test(String(e))) {
          throw new Error(`The extension did not answer: ${firstLine(e)}`);
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    if (!(reply?.ok === true && reply.value?.ok === true)) throw new Error(`The extension could not connect to the sandbox: ${describeReply(reply)}`);
    return reply;
  }

  /**
   * The real side panel, opened as a user does: "Open the chat" on the options page (a click is the user
   * gesture Chrome asks for). Resolves to the side panel's page.
   */
  async openSidePanel(tab) {
    await tab.reload({ waitUntil: 'load' }); // the options page shows "Connected" and "Open the chat" when it opens
    await tab.locator('::-p-aria([name="Open the chat"][role="button"])').setTimeout(10_000).click();
    const target = await this.browser.waitForTarget((t) => t.type() === 'page' && t.url() === this.extensionUrl('sidepanel'), { timeout: 10_000 });
    return target.asPage();
  }

  /**
   * Everything. `step(text)` is called before each slow part. Resolves to
   * { extensionId, demoUrl, page, sidePanel, consolePage, sidePanelError }.
   */
  async start({ connected } = {}) {
    await this.startSandbox();
    this.demo = await startDemoPage();
    await this.launchBrowser();
    // Reuse the tab the browser opened with: no stray about:blank.
    const tab = (await this.browser.pages())[0] ?? (await this.browser.newPage());
    const reply = await this.connect(tab);
    connected?.(reply);
    let sidePanel = null;
    let sidePanelError = null;
    try {
      sidePanel = await this.openSidePanel(tab);
    } catch (e) {
      sidePanelError = firstLine(e);
    }
    // The side panel belongs to the window: it stays open when this tab goes on to the page.
    await tab.goto(this.demo.url, { waitUntil: 'load' });
    const consolePage = await this.browser.newPage();
    await consolePage.goto(this.consoleUrl, { waitUntil: 'load' });
    await tab.bringToFront();
    for (const page of await this.browser.pages()) {
      if (page !== tab && page !== consolePage && page.url() === 'about:blank') await page.close();
    }
    return { extensionId: this.extensionId, demoUrl: this.demo.url, page: tab, sidePanel, consolePage, sidePanelError };
  }

  /** Stops the browser and the sandbox (each at most a few seconds) and removes the temporary profile. */
  async close() {
    this.closing = true;
    const waits = [];
    if (this.browser) {
      const browser = this.browser;
      waits.push(
        Promise.race([browser.close(), new Promise((r) => setTimeout(r, 5000))]).catch(() => {}).then(() => {
          try {
            browser.process()?.kill('SIGKILL');
          } catch {}
        }),
      );
    }
    if (this.sandbox && this.sandbox.exitCode === null && this.sandbox.signalCode === null) {
      const child = this.sandbox;
      waits.push(
        new Promise((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
          child.once('exit', () => (clearTimeout(timer), resolve()));
          child.kill('SIGTERM');
        }),
      );
    }
    if (this.demo) waits.push(this.demo.close());
    await Promise.all(waits);
    if (this.profile) {
      try {
        rmSync(this.profile, { recursive: true, force: true, maxRetries: 3 });
      } catch {}
    }
  }
}
