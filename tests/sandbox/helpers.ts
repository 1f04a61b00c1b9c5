// Shared test plumbing: a sandbox per test file, a Client API caller, a raw /cable client.
import { WebSocket } from 'ws';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';
import { expect } from 'vitest';
import { validateComponent, validateOperation } from './openapi';

export { identifierHash } from '../../sandbox/hmac';

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export function client(sb: Sandbox, inbox = 'demo-inbox') {
  const base = `${sb.url}/public/api/v1/inboxes/${inbox}`;
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const init: RequestInit = { method, headers: { ...headers } };
    if (body instanceof FormData) init.body = body;
    else if (typeof body === 'string') {
      init.body = body;
      (init.headers as Record<string, string>)['Content-Type'] ??= 'application/json';
    } else if (body !== undefined) {
      init.body = JSON.stringify(body);
      (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
    }
    const res = await fetch(base + path, init);
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, text, json };
  }
  return {
    base,
    call,
    async contact(body: Record<string, unknown> = {}) {
      const r = await call('POST', '/contacts', body);
      expect(r.status, r.text).toBe(200);
      return r.json as { id: number; source_id: string; pubsub_token: string; name: string };
    },
    async conversation(sourceId: string, custom_attributes?: Record<string, unknown>) {
      const r = await call('POST', `/contacts/${sourceId}/conversations`, custom_attributes ? { custom_attributes } : {});
      expect(r.status, r.text).toBe(200);
      return r.json as { id: number; status: string; messages: unknown[] };
    },
  };
}

export async function agent(sb: Sandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${sb.url}/sandbox/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Asserts a 200 body matches the operation's schema in client_swagger.json (with the overlay). */
export function expectSchema(method: string, subPath: string, body: unknown) {
  const v = validateOperation(method, subPath, body);
  expect(v.errors, `${method} ${subPath}`).toBe('');
  expect(v.valid).toBe(true);
}

export function expectComponent(name: string, body: unknown) {
  const v = validateComponent(name, body);
  expect(v.errors, name).toBe('');
}

export const NOT_FOUND = { status: 404, error: 'Not Found' };
export const SERVER_ERROR = { status: 500, error: 'Internal Server Error' };

export async function withSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ port: 0, ...options });
}

export const identifierFor = (token: string) => JSON.stringify({ channel: 'RoomChannel', pubsub_token: token });

/** A raw ActionCable client over `ws` that records every frame. */
export class RawCable {
  frames: any[] = []; // eslint-disable-line @typescript-eslint/no-explicit-any
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<void>;

  constructor(sb: Sandbox, protocols: string[] = ['actioncable-v1-json', 'actioncable-unsupported']) {
    this.ws = new WebSocket(sb.url.replace(/^http/, 'ws') + '/cable', protocols);
    this.ws.on('message', (data) => {
      try {
        this.frames.push(JSON.parse(data.toString()));
      } catch {
        this.frames.push({ unparsable: data.toString() });
      }
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', () => resolve()));
  }

  /** Sends once open (frames queue until then, as a browser's would not: tests await `opened`). */
  send(frame: unknown) {
    const text = typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame);
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
    else void this.opened.then(() => this.ws.send(text));
  }

  async subscribe(token: string) {
    const identifier = identifierFor(token);
    await this.opened;
    this.send({ command: 'subscribe', identifier });
    return this.waitFor((f) => f.identifier === identifier && (f.type === 'confirm_subscription' || f.type === 'reject_subscription'));
  }

  events(name?: string) {
    return this.frames.filter((f) => f.message?.event && (!name || f.message.event === name)).map((f) => f.message);
  }

  /** Resolves with the first recorded frame (past or future) that matches. */
  async waitFor(pred: (f: any) => boolean, timeoutMs = 3000): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
    const start = Date.now();
    for (;;) {
      const hit = this.frames.find(pred);
      if (hit) return hit;
      if (Date.now() - start > timeoutMs) throw new Error(`no matching frame in ${timeoutMs} ms; got ${JSON.stringify(this.frames).slice(0, 800)}`);
      await sleep(10);
    }
  }

  async waitForEvent(name: string, pred: (data: any) => boolean = () => true, timeoutMs = 3000) { // eslint-disable-line @typescript-eslint/no-explicit-any
    const f = await this.waitFor((x) => x.message?.event === name && pred(x.message.data), timeoutMs);
    return f.message.data;
  }

  close() {
    this.ws.terminate();
  }
}

/** A contact with one conversation (from a page), and the path of that conversation under the inbox. */
export async function contactWithConversation(sb: Sandbox) {
  const c = client(sb);
  const s = await c.contact({ name: 'Cable Carl' });
  const conv = await c.conversation(s.source_id, { page_url: 'https://example.com/p' });
  return { c, s, conv, base: `/contacts/${s.source_id}/conversations/${conv.id}` };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
