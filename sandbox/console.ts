// Serves the agent console (/sandbox/), its scripts and the avatars (agent, bot, Captain) from sandbox/console/.
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isSampleKind, sampleFile } from './samples';

const FILES: Record<string, [file: string, type: string]> = {
  '/sandbox/': ['index.html', 'text/html; charset=utf-8'],
  '/sandbox/console.js': ['console.js', 'text/javascript; charset=utf-8'],
  '/sandbox/console.css': ['console.css', 'text/css; charset=utf-8'],
  '/sandbox/render.js': ['render.js', 'text/javascript; charset=utf-8'],
  '/sandbox/rich.js': ['rich.js', 'text/javascript; charset=utf-8'],
  '/sandbox/compose.js': ['compose.js', 'text/javascript; charset=utf-8'],
  '/sandbox/faults.js': ['faults.js', 'text/javascript; charset=utf-8'],
  '/sandbox/avatar.svg': ['avatar.svg', 'image/svg+xml'],
  '/sandbox/bot.svg': ['bot.svg', 'image/svg+xml'],
  '/sandbox/captain.svg': ['captain.svg', 'image/svg+xml'],
};

export function serveConsole(req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (path === '/sandbox') {
    res.writeHead(301, { Location: '/sandbox/', 'Content-Length': 0 });
    res.end();
    return true;
  }
  const sample = /^\/sandbox\/samples\/([a-z]+)$/.exec(path)?.[1];
  if (isSampleKind(sample) && (req.method === 'GET' || req.method === 'HEAD')) {
    // The built-in sample files, e.g. as a card's media_url.
    const f = sampleFile(sample);
    res.writeHead(200, { 'Content-Type': f.mimeType, 'Content-Length': f.data.length, 'Access-Control-Allow-Origin': '*' });
    res.end(req.method === 'HEAD' ? undefined : f.data);
    return true;
  }
  const entry = FILES[path];
  if (!entry || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const body = readFileSync(new URL(`./console/${entry[0]}`, import.meta.url));
  // The avatar is shown by extension pages on other origins.
  res.writeHead(200, { 'Content-Type': entry[1], 'Content-Length': body.length, 'Cache-Control': 'no-cache', 'Access-Control-Allow-Origin': '*' });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
