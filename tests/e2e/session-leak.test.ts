// Issue 19: sessions do not leak. After a chat (a conversation, an agent reply, a message held in the outbox by
// a server answering 503s, a file queued behind it and one waiting in the composer, both in IndexedDB, a
// draft), Save with another inbox, then with another installation: storage.local keeps nothing of the old
// session (chat cache, outbox, drafts, tokens), IndexedDB "hoory-files" is empty, the panel shows none of it,
// nothing of it reaches the new session, and the old outbox sends nothing more once its server answers again.
import { createHmac } from 'node:crypto';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/server';
import { bodyText, Harness, until, waitForText, type AgentConversation } from './harness';
import { fill, SandboxAgent } from './sandbox-agent';
import { fileInput, sleep, typeAndSend } from './chaos-kit';

let h: Harness;
let other: Sandbox;
let panel: Page;

beforeAll(async () => {
  h = await Harness.start();
  other = await startSandbox({ port: 0, host: '127.0.0.1' });
  await (await h.configure()).close();
  panel = await h.open('sidepanel');
});
afterAll(async () => {
  await h?.close();
  await other?.close();
});

const storageLocal = () => h.inWorker<Record<string, unknown>>('chrome.storage.local.get(null)');

/** Files in IndexedDB "hoory-files" (store "files", as idb-keyval makes it), counted from the worker. */
const IDB_FILES = `new Promise((ok, no) => {
  const open = indexedDB.open('hoory-files');
  open.onupgradeneeded = () => open.result.createObjectStore('files');
  open.onerror = () => no(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const count = db.transaction('files').objectStore('files').count();
    count.onsuccess = () => { ok(count.result); db.close(); };
    count.onerror = () => no(count.error);
  };
})`;
const filesInIdb = () => h.inWorker<number>(IDB_FILES);

/** A file put in the store from the panel page, as the composer does (runtime messages carry no Blobs). */
interface FileRef { id: string; name: string; size: number; type: string }
function putFile(name: string): Promise<FileRef> {
  return panel.evaluate((name) => new Promise<FileRef>((ok, no) => {
    const open = indexedDB.open('hoory-files');
    open.onupgradeneeded = () => open.result.createObjectStore('files');
    open.onerror = () => no(open.error);
    open.onsuccess = () => {
      const blob = new Blob([`the bytes of ${name}`], { type: 'text/plain' });
      const id = crypto.randomUUID();
      const tx = open.result.transaction('files', 'readwrite');
      tx.objectStore('files').put({ blob, name }, id);
      tx.oncomplete = () => ok({ id, name, size: blob.size, type: blob.type });
      tx.onerror = () => no(tx.error);
    };
  }), name);
}

/** Chats in the session in use and leaves every kind of trace; returns the words and tokens to look for. */
async function leaveTraces(label: string, agent: SandboxAgent) {
  await panel.bringToFront();
  await panel.locator('::-p-aria([name="New conversation"][role="button"])').click();
  await typeAndSend(panel, `${label} first message`);
  const id = (await until(() => agent.conversations(), (cs) => cs.some((c) => c.messages.some((m) => m.content === `${label} first message`)))).find((c) => c.messages.some((m) => m.content === `${label} first message`))!.id;
  await panel.waitForSelector('.messages__list [data-key^="m"]', { timeout: 15_000 });
  await agent.reply(id, `${label} agent reply`);
  await waitForText(panel, `${label} agent reply`);
  // Held in the outbox: the server answers 503 to everything from now on (the outbox retries, with backoff).
  await agent.faults({ fail_next: { count: 10_000, status: 503 } });
  await typeAndSend(panel, `${label} held by 503s`);
  const outbox = async () => ((await storageLocal()).outbox ?? []) as { content: string; state: string; attempts: number }[];
  await until(outbox, (items) => items.some((i) => i.content === `${label} held by 503s` && i.attempts > 0));
  // A file sent behind it (held too), and one waiting in the composer: both in IndexedDB.
  const sent = await putFile(`${label}-sent.txt`);
  const reply = await panel.evaluate((id, ref) => (globalThis as any).chrome.runtime.sendMessage({ type: 'message.send', conversationId: id, content: '', attachments: [ref] }), id, sent);
  expect(reply).toMatchObject({ ok: true });
  const input = await fileInput(panel);
  if (input) await input.uploadFile(`${process.cwd()}/package.json`);
  else await putFile(`${label}-waiting.txt`);
  await until(outbox, (items) => items.length === 2);
  await panel.locator('::-p-aria([name="Message"][role="textbox"])').fill(`${label} a draft`);
  await until(storageLocal, (s) => JSON.stringify(s.drafts ?? {}).includes(`${label} a draft`));
  const session = (await storageLocal()).session as { sourceId: string; pubsubToken: string };
  const stored = await storageLocal();
  expect(Object.keys(stored)).toContain(`chat:c${id}`);
  expect(await filesInIdb()).toBe(2);
  return { id, sourceId: session.sourceId, markers: [label, session.sourceId, session.pubsubToken, sent.id] };
}

async function save(url: string, inbox: string, identity?: { identifier: string; hash: string }) {
  const options = await h.open('options');
  await fill(options, 'Installation URL', url);
  await fill(options, 'Inbox identifier', inbox);
  // Optional fields (their accessible name ends in "(optional)"), emptied as a person does: select all, delete.
  for (const [name, value] of [['identifier', identity?.identifier], ['identifierHash', identity?.hash]] as const) {
    await options.click(`input[name="${name}"]`, { count: 3 });
    await options.keyboard.press('Backspace');
    if (value) await options.type(`input[name="${name}"]`, value);
  }
  await options.locator('::-p-aria([name="Save"][role="button"])').click();
  await waitForText(options, 'Connected', 15_000).catch(async (e) => {
    throw new Error(`Save did not connect; the options page says: ${(await bodyText(options)).replace(/\s+/g, ' ')}`, { cause: e });
  });
  await options.close();
}

type Old = Awaited<ReturnType<typeof leaveTraces>>;
/** The ids of every message a server holds now. */
const messageIds = async (agent: SandboxAgent) => new Set((await agent.conversations()).flatMap((c) => c.messages.map((m) => m.id)));
/** Messages of the old session's words that reached `agent` since `before`, outside the old contact's conversations (`all`: in them too). */
async function arrived(agent: SandboxAgent, before: Set<number>, old: Old, all = false) {
  const conversations = (await agent.conversations()) as (AgentConversation & { source_id: string })[];
  return conversations.filter((c) => all || c.source_id !== old.sourceId).flatMap((c) => c.messages)
    .filter((m) => !before.has(m.id) && (m.content ?? '').includes(old.markers[0]!)).map((m) => m.content);
}

async function expectNoTraces(old: Old, newServer: SandboxAgent, before: Set<number>) {
  const leftOver = async () => {
    const stored = await storageLocal();
    const found = old.markers.filter((m) => JSON.stringify(stored).includes(m));
    if (`chat:c${old.id}` in stored) found.push(`chat:c${old.id}`);
    if (((stored.outbox ?? []) as unknown[]).length > 0) found.push('outbox items');
    const files = await filesInIdb();
    if (files > 0) found.push(`${files} files in hoory-files`);
    return found;
  };
  const found = await until(leftOver, (f) => f.length === 0, 10_000).catch(async () => leftOver());
  expect(found).toEqual([]);
  await panel.reload();
  await waitForText(panel, 'New conversation', 15_000);
  expect(await bodyText(panel)).not.toContain(old.markers[0]);
  await sleep(2_000); // an old message that went on to the new session would be there by now
  expect(await arrived(newServer, before, old)).toEqual([]);
}

describe('sessions do not leak', () => {
  it('Save with another inbox keeps nothing of the old session: chat, outbox, drafts, files', async () => {
    const old = await leaveTraces('OLDINBOX', h.agent);
    const before = await messageIds(h.agent);
    const identifier = 'leak-test@example.com';
    await h.agent.faults(null); // the same server: it must answer the new inbox's Save
    await save(h.sandbox.url, 'demo-hmac-inbox', { identifier, hash: createHmac('sha256', 'demo-hmac-token').update(identifier).digest('hex') });
    await expectNoTraces(old, h.agent, before);
  });

  it('Save with another installation keeps nothing of the old session either', async () => {
    const old = await leaveTraces('OLDINSTALL', h.agent);
    const before = await messageIds(h.agent);
    const agent = new SandboxAgent(other.url);
    await save(other.url, 'demo-inbox');
    await expectNoTraces(old, agent, new Set());
    // The old server answers again: the old session's outbox is gone, so nothing of it comes.
    await h.agent.faults(null);
    await sleep(3_000);
    expect(await arrived(h.agent, before, old, true)).toEqual([]);
  });
});
