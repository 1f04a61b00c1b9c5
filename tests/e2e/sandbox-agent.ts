// The agent's side of the end-to-end tests, through the sandbox's agent API (/sandbox/api), and the page
// helpers both browsers' harnesses share.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';

/** Where the runs' screenshots go: `.output/screenshots`, or the README's `docs/screenshots` when
 *  UPDATE_SCREENSHOTS=1 (so a plain test run leaves the working tree clean). */
export const SCREENSHOTS = resolve(process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : '.output/screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export interface AgentConversation {
  id: number;
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
