import { describe, expect, it, vi } from 'vitest';
import { connect, parseInstallationUrl } from '@/utils/background/connect';

type Route = (url: URL, init?: RequestInit) => Response | Promise<Response>;
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const session = { id: 1, source_id: 'src', pubsub_token: 'pub', name: 'N' };
const settings = { installationUrl: 'https://chat.example.com/', inboxIdentifier: 'inbox', name: '', email: '', identifier: '', identifierHash: '' };

function server(route: Route) {
  return vi.fn(async (input: string | URL | Request, init?: RequestInit) => route(new URL(String(input)), init));
}
const deps = (fetch: ReturnType<typeof server>, hasOrigin = false) => ({ fetch: fetch as never, hasOrigin: async () => hasOrigin });

describe('connect (options "Save")', () => {
  it('accepts only http(s) URLs and normalizes them', () => {
    expect(parseInstallationUrl(' https://chat.example.com/ ')).toBe('https://chat.example.com');
    expect(parseInstallationUrl('chat.example.com')).toBeNull();
    expect(parseInstallationUrl('ftp://x')).toBeNull();
  });

  it('creates a contact and returns the session for this inbox', async () => {
    const fetch = server((url, init) =>
      url.pathname.endsWith('/contacts') && init?.method === 'POST' ? json(200, session) : json(200, { identifier: 'inbox', name: 'Help', identity_validation_enabled: false }),
    );
    const outcome = await connect(settings, null, deps(fetch));
    expect(outcome).toMatchObject({ ok: true, inboxName: 'Help', session: { key: 'https://chat.example.com|inbox', sourceId: 'src', pubsubToken: 'pub', contactId: 1 } });
  });

  it('restores the previous session of the same inbox instead of creating a new contact', async () => {
    const fetch = server((url) => (url.pathname.endsWith('/contacts/old') ? json(200, { ...session, source_id: 'old' }) : json(200, { name: 'Help' })));
    const previous = { key: 'https://chat.example.com|inbox', sourceId: 'old', pubsubToken: 'p', contactId: 1 };
    const outcome = await connect(settings, previous, deps(fetch));
    expect(outcome).toMatchObject({ ok: true, session: { sourceId: 'old' } });
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false);
  });

  it('tells apart a wrong inbox, a non-Hoory server, an unreachable one and one that needs host access', async () => {
    expect(await connect(settings, null, deps(server(() => json(404, { status: 404, error: 'Not Found' }))))).toMatchObject({ error: 'unknown_inbox' });
    expect(await connect(settings, null, deps(server(() => new Response('<html>nope</html>', { status: 404 }))))).toMatchObject({ error: 'not_hoory' });
    expect(await connect(settings, null, deps(server(() => new Response('<html>hello</html>', { status: 200 }))))).toMatchObject({ error: 'not_hoory' });
    const down = vi.fn(async () => { throw new TypeError('Failed to fetch'); });
    expect(await connect(settings, null, { fetch: down as never, hasOrigin: async () => false })).toMatchObject({ error: 'unreachable' });
    // CORS-blocked: the JSON request fails but an opaque no-cors request gets through.
    const noCors = vi.fn(async (_u: unknown, init?: RequestInit) => {
      if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    });
    expect(await connect(settings, null, { fetch: noCors as never, hasOrigin: async () => false })).toMatchObject({ error: 'permission_needed', origin: 'https://chat.example.com' });
    expect(await connect({ ...settings, installationUrl: 'not a url' }, null, deps(server(() => json(200, {}))))).toMatchObject({ error: 'invalid_url' });
  });

  it('requires an identity on an HMAC inbox, and reports the opaque 500 as identity rejected', async () => {
    const hmacInbox = (url: URL) => (url.pathname.endsWith('/inboxes/inbox') ? json(200, { name: 'Secure', identity_validation_enabled: true }) : json(500, { status: 500, error: 'Internal Server Error' }));
    expect(await connect(settings, null, deps(server(hmacInbox)))).toMatchObject({ error: 'identity_required' });
    expect(await connect({ ...settings, identifier: 'u', identifierHash: 'wrong' }, null, deps(server(hmacInbox)))).toMatchObject({ error: 'identity_rejected' });
  });

  it('verifies a new identified contact with GET, which marks the session verified', async () => {
    const fetch = server((url, init) => {
      if (url.pathname.endsWith('/inboxes/inbox')) return json(200, { identity_validation_enabled: true });
      if (init?.method === 'POST') return json(200, session);
      return json(200, session);
    });
    const outcome = await connect({ ...settings, identifier: 'user-42', identifierHash: 'abc' }, null, deps(fetch));
    expect(outcome).toMatchObject({ ok: true, session: { identifier: 'user-42', identifierHash: 'abc' } });
    const get = fetch.mock.calls.map(([u]) => new URL(String(u))).find((u) => u.pathname.endsWith('/contacts/src'));
    expect(get?.searchParams.get('identifier_hash')).toBe('abc');
  });

  it('says which field a 422 refused (the words are the UI\'s)', async () => {
    const fetch = server((_url, init) => (init?.method === 'POST' ? json(422, { message: 'Email Invalid email', attributes: ['email'] }) : json(200, {})));
    expect(await connect({ ...settings, email: 'nope' }, null, deps(fetch))).toEqual({ ok: false, error: 'invalid', field: 'email' });
  });
});
