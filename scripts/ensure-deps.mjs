// Runs before anything is installed, so Node built-ins only. `npm start` and `npm test` call it first:
// when node_modules is missing or no longer matches package-lock.json, it runs `npm ci`, saying so in one line.
//
// "Matches" means: npm's own record of what it installed (node_modules/.package-lock.json, written by every
// npm install/ci) has the same entries as package-lock.json (entries absent from it may only be optional
// packages that do not fit this platform, such as another OS's esbuild binary), and each of them is on disk.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const MIN_NODE = [20, 19];

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return;
  console.error(`Node ${process.versions.node} is too old: this project needs Node ${MIN_NODE.join('.')} or newer (https://nodejs.org).`);
  process.exit(1);
}

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const sameEntry = (a, b) =>
  a.version === b.version && a.resolved === b.resolved && a.integrity === b.integrity && !!a.link === !!b.link;

/** Why node_modules does not match package-lock.json, or null when it does. */
export function depsMismatch(root = ROOT) {
  const lockPath = join(root, 'package-lock.json');
  const installedPath = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(lockPath)) return 'package-lock.json is missing';
  if (!existsSync(installedPath)) return 'node_modules is missing';
  let lock, installed;
  try {
    lock = readJson(lockPath).packages ?? {};
    installed = readJson(installedPath).packages ?? {};
  } catch (e) {
    return `cannot read the lockfiles (${e.message})`;
  }
  // package.json edited without `npm install`: npm ci will refuse, and say why.
  try {
    const pkg = readJson(join(root, 'package.json'));
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies']) {
      const a = pkg[field] ?? {};
      const b = lock['']?.[field] ?? {};
      const names = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const name of names) if (a[name] !== b[name]) return `package.json and package-lock.json differ on ${name}`;
    }
  } catch {}
  for (const [key, entry] of Object.entries(lock)) {
    if (key === '') continue; // the project itself
    const have = installed[key];
    if (!have) {
      if (entry.optional || entry.devOptional) continue; // skipped because it does not fit this platform
      return `${key} is not installed`;
    }
    if (!sameEntry(entry, have)) return `${key} is ${have.version}, package-lock.json wants ${entry.version}`;
    if (!entry.link && !existsSync(join(root, key, 'package.json'))) return `${key} is missing on disk`;
  }
  for (const key of Object.keys(installed)) if (!(key in lock)) return `${key} is not in package-lock.json`;
  return null;
}

function npm(args, options) {
  // Under `npm start`/`npm test`, npm_execpath is the npm that launched us: use that very one.
  const cli = process.env.npm_execpath;
  if (cli && /npm-cli\.c?js$/.test(cli)) return spawnSync(process.execPath, [cli, ...args], options);
  return spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', args, { shell: process.platform === 'win32', ...options });
}

/** Install the locked dependencies when needed. Exits the process with a clear message if that fails. */
export function ensureDeps(root = ROOT) {
  checkNode();
  const why = depsMismatch(root);
  if (!why) return false;
  const started = Date.now();
  process.stdout.write(`Installing dependencies (npm ci), as ${why}… `);
  const result = npm(['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    process.stdout.write('failed.\n');
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    if (output) console.error(output.split('\n').slice(-40).join('\n'));
    if (result.error) console.error(result.error.message);
    console.error('`npm ci` failed (above). It needs the npm registry; run it yourself to see everything.');
    process.exit(1);
  }
  process.stdout.write(`done in ${Math.round((Date.now() - started) / 1000)} s.\n`);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const why = depsMismatch();
  if (process.argv.includes('--check')) {
    console.log(why ? `node_modules does not match package-lock.json: ${why}` : 'node_modules matches package-lock.json');
    process.exit(why ? 1 : 0);
  }
  ensureDeps();
}
