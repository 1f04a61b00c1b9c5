// Finding the browsers `npm start` and `npm test` need (Node built-ins only).
// Chrome/Chromium: CHROME_PATH, else the usual install paths and PATH. Firefox (the Firefox e2e suite):
// FIREFOX_PATH, else Firefox ESR or Firefox. When one is missing on Debian/Ubuntu as root it is installed with
// apt-get (`chromium`, `firefox-esr`), as .ci/run does; elsewhere a clear message says what to install and
// which variable points at an existing one. Never a stack trace.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const isWindows = process.platform === 'win32';
const isMac = process.platform === 'darwin';

const BROWSERS = {
  chrome: {
    label: 'Chrome or Chromium',
    env: 'CHROME_PATH',
    apt: 'chromium',
    commands: ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'],
    paths: () => [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      process.env.LOCALAPPDATA && join(process.env.LOCALAPPDATA, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      process.env.PROGRAMFILES && join(process.env.PROGRAMFILES, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      process.env['PROGRAMFILES(X86)'] && join(process.env['PROGRAMFILES(X86)'], 'Google', 'Chrome', 'Application', 'chrome.exe'),
    ],
    advice: () =>
      isMac
        ? 'Install Google Chrome (https://www.google.com/chrome/) or Chromium (`brew install --cask chromium`)'
        : isWindows
          ? 'Install Google Chrome (https://www.google.com/chrome/)'
          : 'Install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; Fedora: `sudo dnf install chromium`) or Google Chrome',
  },
  firefox: {
    label: 'Firefox ESR',
    env: 'FIREFOX_PATH',
    apt: 'firefox-esr',
    // The add-on's strict_min_version (wxt.config.ts): an older Firefox refuses to install it.
    minMajor: 142,
    commands: ['firefox-esr', 'firefox'],
    paths: () => [
      '/usr/bin/firefox-esr',
      '/usr/bin/firefox',
      '/Applications/Firefox.app/Contents/MacOS/firefox',
      process.env.PROGRAMFILES && join(process.env.PROGRAMFILES, 'Mozilla Firefox', 'firefox.exe'),
    ],
    advice: () =>
      isMac
        ? 'Install Firefox ESR (https://www.mozilla.org/firefox/enterprise/) or Firefox (`brew install --cask firefox@esr`)'
        : isWindows
          ? 'Install Firefox ESR (https://www.mozilla.org/firefox/enterprise/)'
          : 'Install Firefox ESR (Debian: `sudo apt-get install firefox-esr`) or Firefox',
  },
};

function isExecutable(path) {
  try {
    if (!statSync(path).isFile()) return false;
    if (!isWindows) accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of isWindows ? [`${command}.exe`, `${command}.cmd`] : [command]) {
      const path = join(dir, name);
      if (isExecutable(path)) return path;
    }
  }
  return null;
}

function locate(spec) {
  for (const path of spec.paths()) if (path && isExecutable(path)) return path;
  for (const command of spec.commands) {
    const path = onPath(command);
    if (path) return path;
  }
  return null;
}

/** The browser's major version from `--version` ("Mozilla Firefox 153.8.0esr"); null when it does not say. */
function majorVersion(path) {
  const out = spawnSync(path, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  const match = /(\d+)\.\d+/.exec(out.stdout ?? '');
  return match ? Number(match[1]) : null;
}

/** Older than the add-on installs in: the major version, else null. */
function tooOld(spec, path) {
  if (!spec.minMajor) return null;
  const major = majorVersion(path);
  return major !== null && major < spec.minMajor ? major : null;
}

/** Debian or Ubuntu (or a derivative), as root, with apt-get: the case where we install what is missing. */
function canApt() {
  if (process.platform !== 'linux' || process.getuid?.() !== 0 || !onPath('apt-get')) return false;
  try {
    const os = readFileSync('/etc/os-release', 'utf8');
    return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(os);
  } catch {
    return false;
  }
}

let aptUpdated = false;
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const opts = { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 };
  const lock = ['-o', 'DPkg::Lock::Timeout=300'];
  if (!aptUpdated) {
    const update = spawnSync('apt-get', [...lock, 'update', '-qq'], opts);
    if (update.status !== 0) return `${update.stdout}${update.stderr}`.trim() || 'apt-get update failed';
    aptUpdated = true;
  }
  const install = spawnSync('apt-get', [...lock, 'install', '-y', '-qq', ...packages], opts);
  return install.status === 0 ? null : `${install.stdout}${install.stderr}`.trim() || 'apt-get install failed';
}

/**
 * The path of the browser, or null after printing what to do (with `required`, exits 1 instead).
 * `which`: 'chrome' | 'firefox'. `purpose`: what it is for, shown in the messages.
 */
export function findBrowser(which, { install = true, required = true, purpose } = {}) {
  const spec = BROWSERS[which];
  const fail = (message) => {
    console.error(message);
    if (required) process.exit(1);
    return null;
  };
  const fromEnv = process.env[spec.env];
  if (fromEnv) {
    const old = isExecutable(fromEnv) && tooOld(spec, fromEnv);
    if (old) return fail(`${spec.env} points at ${spec.label} ${old}, older than ${spec.minMajor}, the oldest the add-on installs in. Point it at a newer one.`);
    if (isExecutable(fromEnv)) return fromEnv;
    return fail(`${spec.env} is set to ${fromEnv}, which is not an executable file. Point it at the ${spec.label} executable, or unset it.`);
  }
  const found = locate(spec);
  const old = found && tooOld(spec, found);
  if (found && !old) return found;

  const forWhat = purpose ? ` (${purpose})` : '';
  if (install && canApt()) {
    const started = Date.now();
    const what = old ? `${spec.label} ${old} is older than the add-on needs (${spec.minMajor}): updating it` : `No ${spec.label} found${forWhat}: installing it`;
    process.stdout.write(`${what} (apt-get install ${spec.apt})… `);
    const error = aptInstall([spec.apt]);
    const path = error ? null : locate(spec);
    if (path && !tooOld(spec, path)) {
      process.stdout.write(`done in ${Math.round((Date.now() - started) / 1000)} s: ${path}\n`);
      return path;
    }
    process.stdout.write('failed.\n');
    if (error) console.error(error.split('\n').slice(-15).join('\n'));
    return fail(`Could not install ${spec.apt} with apt-get. Install ${spec.label} yourself, or set ${spec.env} to an existing one.`);
  }
  if (old) return fail(`${spec.label} ${old} at ${found} is older than ${spec.minMajor}, the oldest the add-on installs in${forWhat}. ${spec.advice()} (a newer one), or point ${spec.env} at one.`);
  return fail(
    `No ${spec.label} found${forWhat}. ${spec.advice()}, or point ${spec.env} at an existing one, ` +
      `e.g. ${spec.env}=/path/to/${which === 'chrome' ? 'chrome' : 'firefox'} npm ${process.env.npm_lifecycle_event ?? 'start'}.`,
  );
}

export const findChrome = (options) => findBrowser('chrome', options);
export const findFirefox = (options) => findBrowser('firefox', options);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `node scripts/browsers.mjs` lists what it finds without installing anything.
  for (const which of Object.keys(BROWSERS)) {
    const spec = BROWSERS[which];
    console.log(`${spec.label}: ${process.env[spec.env] ? `${spec.env}=${process.env[spec.env]}` : locate(spec) ?? 'not found'}`);
  }
}
