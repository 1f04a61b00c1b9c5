import { describe, expect, it, vi } from 'vitest';
import { createClientApi } from '@/utils/api/client';
import { ApiError, parseRetryAfter } from '@/utils/api/errors';

function fakeFetch(status: number, body: string, headers: Record<string, string> = {}) {
  return vi.fn(async (_url: string | URL | Request, _init?: RequestInit) =>
    new Response(body, { status, headers: { 'Content-Type': 'application/json', ...headers } }),
  );
}
const api = (fetch: typeof globalThis.fetch) =>
  createClientApi({ installationUrl: 'https://chat.example.com/', inboxIdentifier: 'inbox 1', fetch });

const message = { id: 5, content: 'Hi', message_type: 1, content_type: 'text', content_attributes: {}, created_at: 1700000000, conversation_id: 3 };

describe('Client API client', () => {
  it('builds the contract path and parses a contact session, keeping unknown fields', async () => {
    const fetch = fakeFetch(200, JSON.stringify({ id: 1, source_id: 's-1', pubsub_token: 'p-1', name: 'A', email: null, extra: 1 }));
    const session = await api(fetch).createContact({ name: 'A', identifier: 'u1', identifierHash: 'h' });
    expect(session).toMatchObject({ id: 1, source_id: 's-1', pubsub_token: 'p-1', extra: 1 });
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://chat.example.com/public/api/v1/inboxes/inbox%201/contacts');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ name: 'A', identifier: 'u1', identifier_hash: 'h' });
  });

  it('sends the identity as query parameters on GET contact', async () => {
    const fetch = fakeFetch(200, JSON.stringify({ id: 1, source_id: 's', pubsub_token: 'p' }));
    await api(fetch).getContact('s', { identifier: 'u 1', identifierHash: 'abc' });
    expect(fetch.mock.calls[0]![0]).toBe('https://chat.example.com/public/api/v1/inboxes/inbox%201/contacts/s?identifier=u+1&identifier_hash=abc');
  });

  it('does not parse the empty body of toggle_typing and update_last_seen', async () => {
    const fetch = fakeFetch(200, '');
    await expect(api(fetch).toggleTyping('s', 3, true)).resolves.toBeUndefined();
    await expect(api(fetch).updateLastSeen('s', 3)).resolves.toBeUndefined();
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body))).toEqual({ typing_status: 'on' });
  });

  it('pages messages with before and posts echo_id', async () => {
    const fetch = fakeFetch(200, JSON.stringify([message]));
    const list = await api(fetch).listMessages('s', 3, 99);
    expect(list[0]).toMatchObject({ id: 5, content_type: 'text' });
    expect(fetch.mock.calls[0]![0]).toMatch(/\/contacts\/s\/conversations\/3\/messages\?before=99$/);
    const post = fakeFetch(200, JSON.stringify({ ...message, message_type: 0 }));
    await api(post).createMessage('s', 3, 'Hello', 'echo-1');
    expect(JSON.parse(String(post.mock.calls[0]![1]?.body))).toEqual({ content: 'Hello', echo_id: 'echo-1' });
  });

  it('maps statuses to error kinds', async () => {
    const cases: [number, string, string][] = [
      [404, '{"status":404,"error":"Not Found"}', 'not_found'],
      [422, '{"message":"Email Invalid email","attributes":["email"]}', 'invalid'],
      [400, '{"status":400,"error":"Bad Request"}', 'bad_request'],
      [413, '{"status":413,"error":"Payload Too Large"}', 'too_large'],
      [500, '{"status":500,"error":"Internal Server Error"}', 'server'],
      [429, 'Retry later', 'rate_limited'],
    ];
    for (const [status, body, kind] of cases) {
      const error = await api(fakeFetch(status, body)).getInbox().catch((e) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.kind).toBe(kind);
    }
    const invalid = await api(fakeFetch(422, '{"message":"Email Invalid email"}')).getInbox().catch((e) => e);
    expect(invalid.message).toBe('Email Invalid email');
  });

  it('honours Retry-After when a proxy sends it, and has none by default', async () => {
    const withHeader = await api(fakeFetch(429, 'Retry later', { 'Retry-After': '7' })).getInbox().catch((e) => e);
    expect(withHeader.retryAfterMs).toBe(7000);
    const without = await api(fakeFetch(429, 'Retry later')).getInbox().catch((e) => e);
    expect(without.retryAfterMs).toBeNull();
    expect(without.retryable).toBe(true);
    expect(parseRetryAfter('Wed, 25 Nov 2026 00:00:10 GMT', Date.parse('Wed, 25 Nov 2026 00:00:00 GMT'))).toBe(10_000);
  });

  it('turns malformed JSON and wrong shapes into a clear bad_response error', async () => {
    const broken = await api(fakeFetch(200, '{"id": 1, "sour')).getInbox().catch((e) => e);
    expect(broken.kind).toBe('bad_response');
    expect(broken.message).toMatch(/not JSON/);
    const wrong = await api(fakeFetch(200, JSON.stringify({ id: 'x', source_id: 's' }))).createContact({}).catch((e) => e);
    expect(wrong.kind).toBe('bad_response');
    expect(wrong.message).toMatch(/POST \/contacts/);
  });

  it('reports a network failure as unreachable', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await api(fetch as never).getInbox().catch((e) => e);
    expect(error.kind).toBe('unreachable');
    expect(error.retryable).toBe(true);
  });
});
