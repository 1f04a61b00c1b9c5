import { describe, expect, it, vi } from 'vitest';
import type { ChatService } from '@/utils/background/chat-service';
import { handleRequest, isOwnPage } from '@/utils/background/router';

describe('background router', () => {
  const service = {
    snapshot: vi.fn(async () => ({ configured: true, connection: 'online', conversations: [] })),
    send: vi.fn(async (conversationId: number | null) => ({ conversationId, echoId: 'e' })),
    openThread: vi.fn(async () => {
      throw new Error('boom');
    }),
  } as unknown as ChatService;

  it('answers only the extension\'s own pages', () => {
    expect(isOwnPage({ id: 'abc', url: 'chrome-extension://abc/sidepanel.html' }, 'abc', 'chrome-extension://abc/')).toBe(true);
    expect(isOwnPage({ id: 'abc', url: 'https://evil.example/' }, 'abc', 'chrome-extension://abc/')).toBe(false);
    expect(isOwnPage({ id: 'other', url: 'chrome-extension://other/x.html' }, 'abc', 'chrome-extension://abc/')).toBe(false);
    expect(isOwnPage({}, 'abc', 'chrome-extension://abc/')).toBe(false);
  });

  it('validates requests and dispatches them', async () => {
    expect(await handleRequest(service, { type: 'snapshot.get' })).toMatchObject({ ok: true, value: { configured: true } });
    expect(await handleRequest(service, { type: 'message.send', conversationId: null, content: 'hi' })).toEqual({ ok: true, value: { conversationId: null, echoId: 'e' } });
    expect(service.send).toHaveBeenCalledWith(null, 'hi', undefined);
  });

  it('rejects malformed requests with a clear error, and turns throws into error replies', async () => {
    const bad = await handleRequest(service, { type: 'message.send', conversationId: 'x', content: '' });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatch(/Invalid request/);
    expect(await handleRequest(service, { type: 'nope' })).toMatchObject({ ok: false });
    expect(await handleRequest(service, { type: 'thread.open', conversationId: 1 })).toEqual({ ok: false, error: 'boom' });
  });
});
