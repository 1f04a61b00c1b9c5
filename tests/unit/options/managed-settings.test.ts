// Company-wide settings (storage.managed, set by browser policy): read leniently, merged over the stored
// settings, connected at start with no options visit, winning over what a user types, listed for the
// options page. Against the real sandbox, with the fake browser's storage (its managed area included).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WebSocket } from 'ws';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { createChatService, type ChatService } from '@/utils/background/chat-service';
import { managedFields, readManaged } from '@/utils/background/managed-settings';
import { handleRequest } from '@/utils/background/router';
import { replies } from '@/utils/protocol/replies';
import { createSession } from '@/utils/background/session';
import { sessionItem } from '@/utils/background/storage';
import type { ReplyOf, RequestOf, RequestType } from '@/utils/protocol';
import { settingsMailbox } from '@/utils/protocol/mailboxes';
import { EMPTY_SETTINGS } from '@/utils/settings';

let sandbox: Sandbox;
const services: ChatService[] = [];
beforeAll(async () => void (sandbox = await startSandbox({ port: 0 })));
afterAll(() => sandbox.close());
beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  for (const s of services.splice(0)) s.stop();
  vi.restoreAllMocks();
});

const policy = (values: Record<string, unknown>) => fakeBrowser.storage.managed.set(values);
const countingFetch = () => vi.fn((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

function service(fetch = countingFetch()) {
  const s = createChatService({ fetch, WebSocket: WebSocket as unknown as typeof globalThis.WebSocket, setBadge: async () => {}, notify: async () => {}, hasOrigin: async () => true });
  services.push(s);
  async function call<T extends RequestType>(request: RequestOf<T>): Promise<ReplyOf<T>> {
    const reply = await handleRequest(s.handlers, request, s.ready);
    if (!reply.ok) throw new Error(reply.error.code);
    // The worker does not check its own replies at run time: the tests hold them to the protocol.
    replies[request.type].parse(reply.value);
    return reply.value as ReplyOf<T>;
  }
  return { s, call, fetch };
}

describe('reading the policy', () => {
  it('is none without one, and none when the browser refuses (Firefox with no policy)', async () => {
    expect(await readManaged()).toEqual({});
    vi.spyOn(console, 'debug').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await readManaged()).toEqual({});
  });

  it('keeps non-empty strings of known fields, trimmed, the URL as Save normalizes it', async () => {
    await policy({ installationUrl: ' https://chat.example.com/ ', inboxIdentifier: 'abc ', name: '', email: 42, other: 'x' });
    expect(await readManaged()).toEqual({ installationUrl: 'https://chat.example.com', inboxIdentifier: 'abc' });
    expect(await managedFields()).toEqual(['installationUrl', 'inboxIdentifier']);
  });
});

describe('at start', () => {
  it('connects with the policy’s settings when nothing is set up: no options visit', async () => {
    await policy({ installationUrl: sandbox.url, inboxIdentifier: 'demo-inbox', name: 'Pat Policy', email: 'pat@corp.example' });
    const { s, call } = service();
    await vi.waitFor(() => expect(s.state().session).not.toBeNull(), { timeout: 5_000 });
    expect(await settingsMailbox.getValue()).toMatchObject({ installationUrl: sandbox.url, inboxIdentifier: 'demo-inbox', name: 'Pat Policy' });
    const snapshot = await call({ type: 'snapshot.get' });
    expect(snapshot.status.configured).toBe(true);
    expect((await call({ type: 'settings.get' })).managed).toEqual(['installationUrl', 'inboxIdentifier', 'name', 'email']);
  });

  it('leaves a session made with the same settings alone (no request)', async () => {
    await policy({ installationUrl: sandbox.url, inboxIdentifier: 'demo-inbox' });
    const first = service();
    await vi.waitFor(() => expect(first.s.state().session).not.toBeNull(), { timeout: 5_000 });
    const key = first.s.state().session?.key;
    first.s.stop();
    const fetch = countingFetch();
    const session = createSession({ fetch, hasOrigin: async () => true });
    await session.load();
    expect(session.current.value?.stored.key).toBe(key);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('wins over what the user typed, and reconnects with it', async () => {
    await settingsMailbox.setValue({ ...EMPTY_SETTINGS, installationUrl: sandbox.url, inboxIdentifier: 'demo-inbox', name: 'Typed' });
    await sessionItem.setValue(null);
    await policy({ name: 'From policy' });
    const { s, call } = service();
    await vi.waitFor(() => expect(s.state().session).not.toBeNull(), { timeout: 5_000 });
    const settings = await call({ type: 'settings.get' });
    expect(settings).toMatchObject({ name: 'From policy', installationUrl: sandbox.url, managed: ['name'] });
  });

  it('shows the policy’s values even when the server cannot be reached, and stores nothing', async () => {
    await policy({ installationUrl: 'http://127.0.0.1:9', inboxIdentifier: 'demo-inbox' });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const session = createSession({ fetch: async () => Promise.reject(new TypeError('Failed to fetch')), hasOrigin: async () => true });
    await session.load();
    expect(session.settings.value).toMatchObject({ installationUrl: 'http://127.0.0.1:9', inboxIdentifier: 'demo-inbox' });
    await vi.waitFor(() => expect(console.warn).toHaveBeenCalledWith('Managed settings: could not connect', 'unreachable'));
    expect(session.current.value).toBeNull();
    expect(await settingsMailbox.getValue()).toEqual(EMPTY_SETTINGS);
  });
});

describe('Save on the options page', () => {
  it('cannot replace a managed value: the policy’s inbox is the one connected', async () => {
    await policy({ inboxIdentifier: 'demo-inbox' });
    const { call } = service();
    const result = await call({ type: 'connect', settings: { ...EMPTY_SETTINGS, installationUrl: sandbox.url, inboxIdentifier: 'typed-inbox' } });
    expect(result.ok).toBe(true);
    expect(await settingsMailbox.getValue()).toMatchObject({ inboxIdentifier: 'demo-inbox' });
  });
});
