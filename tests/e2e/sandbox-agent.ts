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
