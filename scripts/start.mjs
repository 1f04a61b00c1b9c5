#!/usr/bin/env node
// `npm start`: installs the dependencies if needed, builds the extension, starts the local sandbox and opens
// Chrome/Chromium as a user will see it: the extension connected to the sandbox, its real side panel open beside
// a page, and the sandbox's agent console in its own tab.
//   SANDBOX_PORT=3001  another port for the sandbox (default 3000)
//   HEADLESS=1         headless; prints a line containing "connected" once the extension is connected
//   CHROME_PATH=...    the browser to use
// Ctrl+C (SIGINT) or SIGTERM stops the sandbox and the browser and exits 0.
//
// Only Node built-ins are imported statically: the dependency check runs before anything is installed.
import { ensureDeps, ROOT } from './ensure-deps.mjs';
import { findChrome } from './browsers.mjs';

process.chdir(ROOT);
ensureDeps();

const HEADLESS = process.env.HEADLESS === '1';
const portText = process.env.SANDBOX_PORT ?? '3000';
const PORT = Number(portText);
if (!/^\d+$/.test(portText) || PORT < 1 || PORT > 65535) {
  console.error(`SANDBOX_PORT must be a port number (1-65535), not "${portText}".`);
  process.exit(1);
}
if (!HEADLESS && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display (DISPLAY is not set): `npm start` opens a browser window. Run it in a desktop session, or HEADLESS=1 npm start.');
  process.exit(1);
}

let session = null;
let stopping = false;
async function stop(code, message) {
  if (stopping) return;
  stopping = true;
  if (message) (code ? console.error : console.log)(message);
  await session?.close().catch(() => {});
  if (session) console.log('Stopped the browser and the sandbox.');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGHUP', () => void stop(0));
// A SIGTERM sent to npm alone ends npm (and its shell) but does not reach this process: when the parent goes
// away, stop as if told to, rather than leave the browser and the sandbox running.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && void stop(0, 'npm was stopped: stopping.'), 1000).unref();

const { checkPort, buildExtension, StartSession } = await import('./start-session.mjs');

const portProblem = await checkPort(PORT);
if (portProblem) await stop(1, portProblem);
const chromePath = findChrome({ purpose: '`npm start` opens it' });

const step = (text) => process.stdout.write(`${text}… `);
const done = (text = 'done') => process.stdout.write(`${text}\n`);
const fail = (e) => {
  process.stdout.write('failed.\n');
  return stop(1, e.message);
};

step('Building the extension (wxt build)');
await buildExtension().then((s) => done(`done in ${s.toFixed(1)} s`), fail);

session = new StartSession({ chromePath, port: PORT, headless: HEADLESS });
session.onEnd = (reason) => void stop(0, `${reason} Stopping.`);
const sandboxUrl = session.sandboxUrl;
step(`Starting the sandbox on ${sandboxUrl} and ${HEADLESS ? 'headless ' : ''}Chromium (${chromePath})`);
let opened;
try {
  opened = await session.start({
    connected: () => {
      done();
      console.log(`Extension connected to the sandbox (inbox "demo-inbox" at ${sandboxUrl}).`);
    },
  });
} catch (e) {
  if (stopping) await new Promise(() => {});
  await fail(e);
}

if (opened.sidePanelError) {
  console.log(`Could not open the side panel (${opened.sidePanelError}): click the extension's toolbar icon to open it.`);
} else {
  console.log(`Side panel open beside ${opened.demoUrl}`);
}
console.log(`
Next:
  • Write to support in the side panel: "New conversation", type, Enter. (The toolbar icon opens and closes it.)
  • Reply as the agent in the other tab, the sandbox's agent console: ${session.consoleUrl}
    Pick the conversation, type the reply, Enter. It appears in the side panel at once.
    Or from a terminal: curl -H 'Content-Type: application/json' -d '{"content":"Hello from support"}' \\
      ${sandboxUrl}/sandbox/api/conversations/1/messages
  • Settings (another installation or inbox): chrome-extension://${opened.extensionId}/options.html
    Other demo inbox: demo-hmac-inbox (HMAC token demo-hmac-token); sandbox/README.md has the agent API.
${HEADLESS ? 'Headless: nothing to see. ' : ''}Press Ctrl+C${HEADLESS ? '' : ' or close the browser'} to stop.`);
