// The agent's side of the end-to-end tests, through the sandbox's agent API (/sandbox/api), and the page
// helpers both browsers' harnesses share.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { WebSocket, WebSocketServer } from 'ws';

/** Where the runs' screenshots go: `.output/screenshots`, or the README's `docs/screenshots` when
 *  UPDATE_SCREENSHOTS=1 (so a plain test run leaves the working tree clean). */
export const SCREENSHOTS = resolve(process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.output/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export interface AgentConversation {
  id: number;
  inbox_identifier: string;
  status: string;
  custom_attributes?: Record<string, unknown>;
  contact_last_seen_at?: number;
  messages: { id: number; content: string | null; message_type: number }[];
  contact: { id: number };
}

export class SandboxAgent {
  constructor(private readonly sandboxUrl: string) {}

  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.sandboxUrl}/sandbox/api${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  }
  conversations() {
    return this.call<AgentConversation[]>('GET', '/conversations');
  }
  reply(conversationId: number, content: string, extra: Record<string, unknown> = {}) {
    return this.call('POST', `/conversations/${conversationId}/messages`, { content, ...extra });
  }
  typing(conversationId: number, on: boolean) {
    return this.call('POST', `/conversations/${conversationId}/typing`, { status: on ? 'on' : 'off' });
  }
  setStatus(conversationId: number, status: string) {
    return this.call('POST', `/conversations/${conversationId}/status`, { status });
  }
  faults(faults: Record<string, unknown> | null) {
    return faults ? this.call('POST', '/faults', faults) : this.call('DELETE', '/faults');
  }
  /** Sends one agent message: any agent-API body (content_type, content_attributes, sender, sample…). */
  send(conversationId: number, body: Record<string, unknown>) {
    return this.call<AgentMessage>('POST', `/conversations/${conversationId}/messages`, body);
  }
  /** A conversation's messages with what the customer answered (`patch_count`, `submissions`). */
  messages(conversationId: number) {
    return this.call<AgentMessage[]>('GET', `/conversations/${conversationId}/messages`);
  }
  async message(conversationId: number, id: number) {
    return (await this.messages(conversationId)).find((m) => m.id === id)!;
  }
  /** An agent message sent as multipart/form-data with files, their names as given (hostile or not). */
  async upload(conversationId: number, files: { name: string; type: string; data: Buffer | string }[], fields: Record<string, string> = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    for (const f of files) form.append('attachments[]', new Blob([typeof f.data === 'string' ? f.data : new Uint8Array(f.data)], { type: f.type }), f.name);
    const res = await fetch(`${this.sandboxUrl}/sandbox/api/conversations/${conversationId}/messages`, { method: 'POST', body: form });
    if (!res.ok) throw new Error(`upload: ${res.status} ${await res.text()}`);
    return res.json() as Promise<AgentMessage>;
  }
}

export async function waitForText(page: Page, text: string | RegExp, timeout = 10_000) {
  const source = typeof text === 'string' ? text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : text.source;
  const flags = typeof text === 'string' ? '' : text.flags;
  await page.waitForFunction((s, f) => new RegExp(s, f).test(document.body.innerText), { timeout }, source, flags);
}

export async function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.innerText);
}

/** Polls until `ok`; a poll that throws (a page still loading, say) is retried, and reported at the end. */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: { value: T } | { error: unknown } = { error: new Error('never polled') };
  for (;;) {
    try {
      const value = await fn();
      if (ok(value)) return value;
      last = { value };
    } catch (error) {
      last = { error };
    }
    if (Date.now() > end) {
      throw new Error('value' in last ? `timed out; last value: ${JSON.stringify(last.value)}` : `timed out; last error: ${String(last.error)}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Fill a text field found by its accessible name, as a person would. */
export async function fill(page: Page, label: string, value: string) {
  await page.locator(`::-p-aria([name="${label}"][role="textbox"])`).fill(value);
}

/** Runs axe-core in the page (evaluated over the protocol: extension pages' CSP forbids injected scripts). */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  const { readFileSync } = await import('node:fs');
  const { createRequire } = await import('node:module');
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const axe = (globalThis as any).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v: any) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
  });
}

/**
 * A copy of a build (in `dir`) whose manifest also lists `granted` as required permissions: the profile
 * starts as after the user accepted the prompt, which a headless browser cannot show. They stay in
 * optional_permissions too: Firefox refuses permissions.request() for anything not listed there.
 */
export function buildWithGranted(build: string, dir: string, granted: string[]): string {
  cpSync(build, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  manifest.permissions = [...manifest.permissions, ...granted];
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

// ---- Rich messages (issue 15): what the agent sends and what the customer answered. ----------------------

/** An agent-API message with what the customer answered: PATCH requests that reached it, the stored ones. */
export interface AgentMessage {
  id: number;
  content: string | null;
  content_type: string;
  content_attributes: Record<string, any>;
  message_type: number;
  patch_count: number;
  submissions: { at: number; via: string; submitted_values: unknown }[];
  attachments?: { data_url: string; file_type: string; file_name: string }[];
}

/** The panel's row of a message (`data-key="m<id>"`), as a CSS selector to scope locators with. */
export const row = (id: number) => `[data-key="m${id}"]`;

/** Screenshots `rich-<name>.png` and `rich-<name>-dark.png` of a page as it is (no selection, no hover). */
export async function shootLightAndDark(page: Page, name: string) {
  await page.evaluate(() => getSelection()?.removeAllRanges());
  await page.mouse.move(1, 1);
  for (const value of ['light', 'dark']) {
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value }]);
    await new Promise((r) => setTimeout(r, 300)); // colours have a 0.15 s transition
    await page.screenshot({ path: `${SCREENSHOTS}/${name}${value === 'dark' ? '-dark' : ''}.png` });
  }
  await page.emulateMediaFeatures([]);
}

/** Waits until every image that matches has loaded (and is not broken). */
export async function imagesLoaded(page: Page, selector: string) {
  await page.waitForFunction((s) => [...document.querySelectorAll<HTMLImageElement>(s)].every((i) => i.complete && i.naturalWidth > 0), {}, selector);
}

/** A message's answer once it reached the sandbox; then, long enough later, that exactly one request came. */
export async function answerOf(agent: SandboxAgent, conversationId: number, id: number): Promise<unknown> {
  const m = await until(() => agent.message(conversationId, id), (m) => m.submissions.length > 0);
  await new Promise((r) => setTimeout(r, 700));
  const after = await agent.message(conversationId, id);
  if (after.patch_count !== 1 || after.submissions.length !== 1) throw new Error(`message ${id}: patch_count ${after.patch_count}, ${after.submissions.length} stored`);
  return m.content_attributes.submitted_values;
}

/** Types text and presses the named keys (Tab, Enter, Escape, Backspace), in order, as a person would. */
export async function typeOrPress(page: Page, steps: string[]) {
  for (const step of steps) {
    await (['Tab', 'Enter', 'Escape', 'Backspace'].includes(step) ? page.keyboard.press(step as 'Tab') : page.keyboard.type(step));
  }
}

// ---- Hostile content (tests/e2e/xss.test.ts) ---------------------------------------------------------------

async function listen(server: Server): Promise<number> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return (server.address() as AddressInfo).port;
}

/**
 * A server that records every connection made to it, HTTP or TLS (TLS is not answered: the ClientHello, which
 * names the host, is proof enough). Chromium is pointed at it for the tripwire host with --host-resolver-rules.
 */
export async function startTripwire() {
  const hits: string[] = [];
  const server = createTcpServer((socket) => {
    const at = hits.push('(connected)') - 1;
    socket.on('error', () => {});
    socket.once('data', (data) => {
      const tls = data[0] === 0x16;
      hits[at] = tls ? `TLS ClientHello ${data.toString('latin1').match(/[\w.-]+\.invalid/)?.[0] ?? ''}` : data.toString('latin1').split('\r\n')[0]!;
      if (tls) socket.destroy();
      else socket.end('HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n');
    });
  });
  const port = await listen(server);
  return { port, hits, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/**
 * A Hoory server that answers what the sandbox answers, after `rewrite` has seen (and changed in place) every
 * JSON object of every REST answer and every /cable frame: it serves what the sandbox's agent API can't send
 * (hostile sender names, avatars, attachment URLs). Requests and the customer's frames pass unchanged.
 */
export async function startRewritingProxy(target: string, rewrite: (object: Record<string, any>) => void) {
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      rewrite(value as Record<string, any>);
      Object.values(value).forEach(walk);
    }
  };
  const rewritten = (text: string) => {
    try {
      const data = JSON.parse(text);
      walk(data);
      return JSON.stringify(data);
    } catch {
      return text;
    }
  };
  const server = createServer((req, res) => {
    const headers = { ...req.headers, host: new URL(target).host, 'accept-encoding': 'identity' };
    const upstream = request(`${target}${req.url}`, { method: req.method, headers }, (answer) => {
      const chunks: Buffer[] = [];
      answer.on('data', (c: Buffer) => chunks.push(c));
      answer.on('end', () => {
        const body = Buffer.concat(chunks);
        const { 'content-length': _, 'transfer-encoding': __, ...rest } = answer.headers;
        res.writeHead(answer.statusCode ?? 502, rest);
        res.end(/json/.test(answer.headers['content-type'] ?? '') ? rewritten(body.toString()) : body);
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const sockets = new WebSocketServer({ server, handleProtocols: (offered) => [...offered][0] ?? false });
  sockets.on('connection', (client, req) => {
    const upstream = new WebSocket(`${target.replace(/^http/, 'ws')}${req.url}`, client.protocol ? [client.protocol] : []);
    const waiting: string[] = [];
    upstream.on('open', () => waiting.splice(0).forEach((m) => upstream.send(m)));
    upstream.on('message', (data) => client.readyState === WebSocket.OPEN && client.send(rewritten(data.toString())));
    client.on('message', (data) => (upstream.readyState === WebSocket.OPEN ? upstream.send(data.toString()) : waiting.push(data.toString())));
    upstream.on('close', () => client.close());
    client.on('close', () => upstream.terminate());
    upstream.on('error', () => client.terminate());
    client.on('error', () => upstream.terminate());
  });
  const port = await listen(server as unknown as Server);
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const c of sockets.clients) c.terminate();
      return new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/**
 * What a page's DOM holds that hostile content could have put there: a tag off the allow-list (in the thread
 * and the list, where server text goes; the panel's own chrome may also use its icons and headings), an on*
 * handler, a dangerous attribute, a URL whose scheme is not http(s)/mailto/tel (href) or http(s)/own blob:
 * (src), anything that loads the tripwire host, and elements that never belong in the panel at all. The
 * panel's own drawn icons (aria-hidden, paths only) are allowed in the thread too.
 */
export function unsafeDom(page: Page, tripwireHost: string): Promise<string[]> {
  return page.evaluate((tripwire) => {
    const content = ('div span p a img video audio button form label input textarea select option ul ol li strong em del code pre ' +
      'blockquote h3 h4 h5 h6 hr br table thead tbody tr th td dl dt dd time bdi').split(' ');
    const chrome = ['header', 'main', 'nav', 'section', 'footer', 'h1', 'h2', 'svg', 'path', 'circle', 'g'];
    const forbidden = ['style', 'srcdoc', 'srcset', 'formaction', 'action', 'xlink:href', 'background', 'data', 'poster', 'ping'];
    const found: string[] = [];
    for (const el of document.querySelectorAll('iframe, frame, object, embed, base, meta[http-equiv], body script, noscript, style:not(head style)')) found.push(`<${el.tagName.toLowerCase()}>`);
    for (const el of document.body.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      const inContent = el.parentElement?.closest('.msg, .list__items, .typing') != null; // server text goes in these
      // The panel's own drawn icons (a file card's): an aria-hidden svg of paths with drawing attributes only.
      const icon = el.closest('svg[aria-hidden="true"]');
      const ownIcon = (tag === 'svg' || tag === 'path') && icon !== null && [...icon.children].every((c) => c.tagName.toLowerCase() === 'path') &&
        [...el.attributes].every((a) => ['viewBox', 'width', 'height', 'aria-hidden', 'd', 'fill', 'stroke', 'stroke-width', 'stroke-linejoin', 'stroke-linecap'].includes(a.name));
      if (!content.includes(tag) && (inContent ? !ownIcon : !chrome.includes(tag))) found.push(`<${tag}>`);
      for (const { name, value } of el.attributes) {
        if (name.startsWith('on') || (forbidden.includes(name) && (inContent || name !== 'style'))) found.push(`<${tag} ${name}="${value}">`);
        if (name !== 'href' && name !== 'src') continue;
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          found.push(`<${tag} ${name}="${value}"> (not absolute)`);
          continue;
        }
        const ok = name === 'href' ? ['http:', 'https:', 'mailto:', 'tel:'] : ['http:', 'https:'];
        if (!ok.includes(url.protocol) && !(name === 'src' && url.protocol === 'blob:' && url.origin === location.origin)) found.push(`<${tag} ${name}="${value}">`);
        if (name === 'src' && url.hostname === tripwire) found.push(`<${tag} src="${value}"> (tripwire)`);
      }
    }
    if ((window as any).__pwned !== undefined) found.push('window.__pwned is set');
    return found;
  }, tripwireHost);
}
