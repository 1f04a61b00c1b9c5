// @vitest-environment node
// The background service against the real sandbox (REST + /cable on 127.0.0.1), with the fake browser's
// storage: a second service built on the same storage is what a restarted worker is.
import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WebSocket } from 'ws';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { createChatService, type ChatService } from '@/utils/background/chat-service';
import { handleRequest } from '@/utils/background/router';
import { replies } from '@/utils/protocol/replies';
import type { BackgroundEvent, PageContext, ReplyOf, RequestOf, RequestType, SettingsInput } from '@/utils/protocol';
import { settingsMailbox } from '@/utils/protocol/mailboxes';
import { outboxItem } from '@/utils/background/storage';

// A service worker has a global addEventListener (ActionCable listens for visibilitychange); Node lacks it.
(globalThis as Record<string, unknown>).addEventListener ??= () => {};
(globalThis as Record<string, unknown>).removeEventListener ??= () => {};

let sandbox: Sandbox;
const services: ChatService[] = [];

/** The service as the pages reach it: every call goes through the router, its schemas and its handler map. */
function pages(service: ChatService) {
  async function call<T extends RequestType>(request: RequestOf<T>): Promise<ReplyOf<T>> {
    const reply = await handleRequest(service.handlers, request, service.ready);
    if (!reply.ok) throw new Error(reply.error.code);
    // The worker does not check its own replies at run time: the tests hold them to the protocol.
    replies[request.type].parse(reply.value);
    return reply.value as ReplyOf<T>;
  }
  return Object.assign(service, {
    connect: (settings: SettingsInput) => call({ type: 'connect', settings }),
    send: (conversationId: number | null, content: string, page?: PageContext) =>
      call({ type: 'message.send', conversationId, content, ...(page ? { page } : {}) }),
    openThread: (conversationId: number) => call({ type: 'thread.open', conversationId }),
    loadOlder: (conversationId: number) => call({ type: 'thread.older', conversationId }),
    snapshot: () => call({ type: 'snapshot.get' }),
    notifications: (on: boolean) => call({ type: 'settings.notifications', on }),
    call,
  });
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  fakeBrowser.reset();
  await agent('POST', '/reset');
});
afterEach(() => {
  for (const s of services.splice(0)) s.stop();
});

async function agent(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.url}/sandbox/api${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
  return res.json();
}

function service(cable?: { confirmTimeoutMs?: number; staleAfterSeconds?: number }) {
  const badge = { text: '', title: '' };
  const notify = vi.fn(async (_id: string, _title: string, _message: string) => {});
  const events: BackgroundEvent[] = [];
  // A stopped worker runs no more code: after kill(), answers to requests in flight never arrive.
  let dead = false;
  const fetch: typeof globalThis.fetch = (input, init) =>
    new Promise((resolve, reject) => globalThis.fetch(input, init).then((r) => dead || resolve(r), (e) => dead || reject(e)));
  const s = pages(createChatService({
    fetch,
    WebSocket: WebSocket as never,
    setBadge: async (text, title) => void Object.assign(badge, { text, title }),
    notify,
    hasOrigin: async () => true,
    cable,
  }));
  const panel = s.attach({ post: (e) => events.push(e) });
  services.push(s);
  const kill = () => {
    dead = true;
    s.stop();
  };
  return { s, badge, notify, events, panel, kill };
}

const settings = (over = {}) => ({ installationUrl: sandbox.url, inboxIdentifier: 'demo-inbox', name: 'Pat', email: '', identifier: '', identifierHash: '', ...over });

async function connected(cable?: { confirmTimeoutMs?: number; staleAfterSeconds?: number }) {
  const one = service(cable);
  expect(await one.s.connect(settings())).toEqual({ ok: true, inboxName: expect.any(String) });
  await vi.waitFor(() => expect(one.s.state().connection).toBe('online'));
  return one;
}

describe('chat service against the sandbox', () => {
  it('starts a conversation with the page, and holds the message once despite the cable echo', async () => {
    const { s } = await connected();
    const { echoId } = await s.send(null, 'Where is my order?', { url: 'https://shop.example/orders/7', title: 'Order 7' });
    await vi.waitFor(() => expect(s.state().conversations.size).toBe(1));
    const [conversation] = (await agent('GET', '/conversations')) as { id: number; custom_attributes: Record<string, string>; messages: { content: string }[] }[];
    expect(conversation!.custom_attributes).toMatchObject({ page_url: 'https://shop.example/orders/7', page_title: 'Order 7' });
    expect(conversation!.messages.map((m) => m.content)).toEqual(['Where is my order?\n\nPage: Order 7 — https://shop.example/orders/7']);
    const view = await s.openThread(conversation!.id);
    await vi.waitFor(async () => expect((await s.openThread(conversation!.id)).messages.filter((m) => m.from === 'me')).toHaveLength(1));
    expect(view.messages.some((m) => m.echoId === echoId || m.delivery !== 'failed')).toBe(true);
  });

  it('counts agent replies for the badge, and clears them when the thread is opened', async () => {
    const { s, badge, notify, panel } = await connected();
    await s.send(null, 'Hello');
    await vi.waitFor(() => expect(s.state().conversations.size).toBe(1));
    const id = [...s.state().conversations.keys()][0]!;
    await agent('POST', `/conversations/${id}/messages`, { content: 'Hi there' });
    await agent('POST', `/conversations/${id}/messages`, { content: 'How can I help?' });
    await vi.waitFor(() => expect(badge.text).toBe('2'));
    expect(badge.title).toMatch(/2 unread/);
    expect(notify).not.toHaveBeenCalled(); // notifications are opt-in
    await panel.setView(id);
    await vi.waitFor(() => expect(badge.text).toBe(''));
    await vi.waitFor(async () => {
      const [c] = (await agent('GET', '/conversations')) as { contact_last_seen_at: number }[];
      expect(c!.contact_last_seen_at).toBeGreaterThan(0);
    });
  });

  it('tracks what each panel shows: a thread on screen in any window is read and not notified', async () => {
    const { s, badge, notify, panel } = await connected();
    await s.notifications(true);
    expect((await settingsMailbox.getValue()).notifications).toBe(true); // the background owns the settings
    await s.send(null, 'first');
    await vi.waitFor(() => expect(s.state().conversations.size).toBe(1));
    await s.send(null, 'second');
    await vi.waitFor(() => expect(s.state().conversations.size).toBe(2));
    const [a, b] = [...s.state().conversations.keys()].sort((x, y) => x - y) as [number, number];
    const otherWindow = s.attach({ post: () => {} });
    await otherWindow.setView(a);
    await panel.setView(null);
    await agent('POST', `/conversations/${a}/messages`, { content: 'to the thread on screen' });
    await agent('POST', `/conversations/${b}/messages`, { content: 'to the other one' });
    await vi.waitFor(() => expect(notify).toHaveBeenCalledTimes(1));
    expect(notify.mock.calls[0]![0]).toMatch(new RegExp(`^hoory:${b}:`));
    await vi.waitFor(() => expect(badge.text).toBe('1'));
    otherWindow.detach();
    await agent('POST', `/conversations/${a}/messages`, { content: 'nobody looks now' });
    await vi.waitFor(() => expect(badge.text).toBe('2'));
    expect(notify).toHaveBeenCalledTimes(2);
  });

  it('a second message typed before the new conversation exists goes to it, in order, not to one of its own', async () => {
    const { s } = await connected();
    await agent('POST', '/faults', { latency_ms: 300 });
    const { echoId } = await s.send(null, 'first words');
    await s.call({ type: 'message.send', conversationId: null, content: 'and more', follows: echoId });
    await s.call({ type: 'message.send', conversationId: null, content: 'and the last', follows: echoId });
    await vi.waitFor(async () => {
      const conversations = (await agent('GET', '/conversations')) as { messages: { content: string }[] }[];
      expect(conversations.map((c) => c.messages.map((m) => m.content))).toEqual([['first words', 'and more', 'and the last']]);
    }, { timeout: 10_000 });
    await agent('DELETE', '/faults');
  });

  it('rebuilds from storage after a worker stop: cache first, same contact, next reply exactly once', async () => {
    const first = await connected();
    await first.s.send(null, 'Before the stop');
    await vi.waitFor(() => expect(first.s.state().conversations.size).toBe(1));
    const id = [...first.s.state().conversations.keys()][0]!;
    const contactId = first.s.state().session!.contactId;
    // A worker goes idle before Chrome stops it: by then its cache (written twice a second at most) has it.
    await vi.waitFor(async () => expect((await fakeBrowser.storage.local.get(`chat:c${id}`))[`chat:c${id}`]).toBeDefined());
    first.s.stop();

    await agent('POST', '/faults', { latency_ms: 1500 });
    const second = service();
    const started = Date.now();
    const snap = await second.s.snapshot();
    expect(Date.now() - started).toBeLessThan(1000); // painted from the cache, before the slow network
    expect(snap.conversations.map((c) => c.id)).toEqual([id]);
    expect(second.s.state().session!.contactId).toBe(contactId);
    await agent('DELETE', '/faults');
    await vi.waitFor(() => expect(second.s.state().connection).toBe('online'), { timeout: 8000 });
    await agent('POST', `/conversations/${id}/messages`, { content: 'After the stop' });
    await vi.waitFor(async () => {
      const view = await second.s.openThread(id);
      expect(view.messages.filter((m) => m.content === 'After the stop')).toHaveLength(1);
    });
  });

  it('sends through 503s, 429s and an unreadable answer, each message exactly once', async () => {
    const { s } = await connected();
    await s.send(null, 'first');
    await vi.waitFor(() => expect(s.state().conversations.size).toBe(1));
    const id = [...s.state().conversations.keys()][0]!;
    await agent('POST', '/faults', { fail_next: { count: 2, status: 503 } });
    await s.send(id, 'through the storm');
    await vi.waitFor(async () => {
      const [c] = (await agent('GET', '/conversations')) as { messages: { content: string }[] }[];
      expect(c!.messages.filter((m) => m.content === 'through the storm')).toHaveLength(1);
    }, { timeout: 10_000 });
    await agent('POST', '/faults', { fail_next: { count: 1, status: 429 } });
    await s.send(id, 'after a 429');
    await vi.waitFor(async () => {
      const [c] = (await agent('GET', '/conversations')) as { messages: { content: string }[] }[];
      expect(c!.messages.filter((m) => m.content === 'after a 429')).toHaveLength(1);
      expect(c!.messages.filter((m) => m.content === 'through the storm')).toHaveLength(1);
    }, { timeout: 10_000 });
    await agent('POST', '/faults', { malformed_next: 1 });
    await s.send(id, 'answered with garbage');
    await vi.waitFor(async () => {
      const [c] = (await agent('GET', '/conversations')) as { messages: { content: string }[] }[];
      expect(c!.messages.filter((m) => m.content === 'answered with garbage')).toHaveLength(1);
    }, { timeout: 10_000 });
    const view = await s.openThread(id);
    expect(view.messages.filter((m) => m.content === 'answered with garbage')).toMatchObject([{ delivery: 'sent' }]);
  }, 35_000);

  it('renews a session the server forgot, when a Chatwoot 4.x server stays silent on the stale token', async () => {
    const { s } = await connected({ confirmTimeoutMs: 1_000, staleAfterSeconds: 1 });
    const before = s.state().session!;
    await agent('POST', '/reset'); // the contact is gone on the server
    await agent('POST', '/faults', { silent_unknown_token: true, drop_cable: true });
    await vi.waitFor(() => expect(s.state().session?.sourceId).not.toBe(before.sourceId), { timeout: 15_000, interval: 200 });
    await vi.waitFor(() => expect(s.state().connection).toBe('online'), { timeout: 10_000 });
    await s.send(null, 'Still here');
    await vi.waitFor(async () => expect(((await agent('GET', '/conversations')) as unknown[]).length).toBe(1));
  }, 30_000);

  it('a worker stopped while a message is in flight: the next worker neither loses nor doubles it', async () => {
    const first = await connected();
    await first.s.send(null, 'opening');
    await vi.waitFor(() => expect(first.s.state().conversations.size).toBe(1));
    const id = [...first.s.state().conversations.keys()][0]!;
    await agent('POST', '/faults', { latency_ms: 800 });
    await first.s.send(id, 'in flight when the worker stops');
    await new Promise((r) => setTimeout(r, 200)); // the POST is on its way, the item is stored as "sending"
    first.kill(); // the worker dies; the request still reaches the server, its answer reaches no one
    await new Promise((r) => setTimeout(r, 1200));
    await agent('DELETE', '/faults');
    expect(await outboxItem.getValue()).toMatchObject([{ content: 'in flight when the worker stops', state: 'sending' }]);
    const second = service(); // a new worker, from storage
    await vi.waitFor(() => expect(second.s.state().connection).toBe('online'));
    await new Promise((r) => setTimeout(r, 1500)); // time for a wrong resend to happen
    const [c] = (await agent('GET', '/conversations')) as { messages: { content: string }[] }[];
    expect(c!.messages.filter((m) => m.content === 'in flight when the worker stops')).toHaveLength(1);
    const view = await second.s.openThread(id);
    expect(view.messages.filter((m) => m.content === 'in flight when the worker stops')).toMatchObject([{ delivery: 'sent' }]);
  });

  it('sends 40 messages exactly once and in order through 5xx, 429, unreadable answers, latency and worker stops', async () => {
    let worker = await connected();
    await worker.s.send(null, 'start');
    await vi.waitFor(() => expect(worker.s.state().conversations.size).toBe(1));
    const id = [...worker.s.state().conversations.keys()][0]!;
    const faults = [
      { fail_next: { count: 1, status: 503 } },
      { fail_next: { count: 1, status: 429 } },
      { malformed_next: 1 },
      { fail_next: { count: 1, status: 500 } },
      { latency_ms: 300 },
    ];
    for (let i = 1; i <= 40; i++) {
      if (i % 8 === 1) await agent('POST', '/faults', faults[(i - 1) / 8]!);
      await worker.s.send(id, `chaos ${i}`);
      if (i === 15 || i === 30) {
        await new Promise((r) => setTimeout(r, 50)); // maybe mid-request
        worker.kill();
        await agent('DELETE', '/faults');
        worker = service(); // the next worker, from storage only
      }
    }
    await vi.waitFor(
      async () => {
        const [c] = (await agent('GET', '/conversations')) as { messages: { id: number; content: string }[] }[];
        const chaos = c!.messages.filter((m) => m.content.startsWith('chaos ')).map((m) => m.content);
        expect(chaos).toEqual(Array.from({ length: 40 }, (_, i) => `chaos ${i + 1}`)); // each once, in order
      },
      { timeout: 45_000, interval: 500 },
    );
    await vi.waitFor(async () => expect(await outboxItem.getValue()).toEqual([]));
  }, 60_000);

  it('a worker stopped while creating a conversation: the next worker finds it instead of making a second', async () => {
    const first = await connected();
    await agent('POST', '/faults', { latency_ms: 800 });
    await first.s.send(null, 'my first words', { url: 'https://shop.example/', title: 'Shop' });
    await new Promise((r) => setTimeout(r, 200)); // the create request is on its way
    first.kill();
    await new Promise((r) => setTimeout(r, 1200)); // the server has created it by now
    await agent('DELETE', '/faults');
    const second = service();
    await vi.waitFor(async () => {
      const conversations = (await agent('GET', '/conversations')) as { custom_attributes: object; messages: { content: string }[] }[];
      expect(conversations).toHaveLength(1);
      expect(conversations[0]!.custom_attributes).toMatchObject({ page_url: 'https://shop.example/' });
      expect(conversations[0]!.messages.map((m) => m.content)).toEqual(['my first words\n\nPage: Shop — https://shop.example/']);
    }, { timeout: 10_000 });
    await vi.waitFor(async () => expect(await outboxItem.getValue()).toEqual([]));
    expect(second.s.state().conversations.size).toBe(1);
  });

  it('connects to an HMAC inbox only with a valid identity hash, and verifies the session', async () => {
    const { s } = service();
    const hmac = (identifier: string) => createHmac('sha256', 'demo-hmac-token').update(identifier).digest('hex');
    const base = settings({ inboxIdentifier: 'demo-hmac-inbox' });
    expect(await s.connect(base)).toEqual({ ok: false, error: 'identity_required' });
    expect(await s.connect({ ...base, identifier: 'user-7', identifierHash: 'f'.repeat(64) })).toEqual({ ok: false, error: 'identity_rejected' });
    expect(await s.connect({ ...base, identifier: 'user-7', identifierHash: hmac('user-7') })).toMatchObject({ ok: true });
    await vi.waitFor(() => expect(s.state().connection).toBe('online'));
    await s.send(null, 'verified hello');
    await vi.waitFor(async () => expect(((await agent('GET', '/conversations')) as unknown[]).length).toBe(1));
  });

  it('switching to another inbox starts clean: no old conversations, no old unsent messages', async () => {
    const { s } = await connected();
    await s.send(null, 'for the first inbox');
    await vi.waitFor(() => expect(s.state().conversations.size).toBe(1));
    await agent('POST', '/faults', { fail_next: { count: 20, status: 503 } });
    await s.send([...s.state().conversations.keys()][0]!, 'stuck in the outbox');
    await vi.waitFor(async () => expect(await outboxItem.getValue()).toHaveLength(1));
    await agent('DELETE', '/faults');
    const hmac = createHmac('sha256', 'demo-hmac-token').update('u-1').digest('hex');
    expect(await s.connect(settings({ inboxIdentifier: 'demo-hmac-inbox', identifier: 'u-1', identifierHash: hmac }))).toMatchObject({ ok: true });
    expect(s.state().conversations.size).toBe(0);
    expect(await outboxItem.getValue()).toEqual([]);
    expect((await s.snapshot()).conversations).toEqual([]);
  });

  it('reports a wrong inbox without touching the stored session', async () => {
    const { s } = await connected();
    const before = s.state().session;
    expect(await s.connect(settings({ inboxIdentifier: 'nope' }))).toEqual({ ok: false, error: 'unknown_inbox' });
    expect(s.state().session).toEqual(before);
  });
});
