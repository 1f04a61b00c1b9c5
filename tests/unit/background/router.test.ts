import { describe, expect, it, vi } from 'vitest';
import { handleRequest, isOwnPage } from '@/utils/background/router';
import { CodedError } from '@/utils/protocol/errors';
import type { RequestHandlers } from '@/utils/protocol/requests';

const status = { configured: true, connection: 'online' as const };

function handlers(over: Partial<RequestHandlers> = {}): RequestHandlers {
  const unused = async () => {
    throw new Error('not in this test');
  };
  return {
    connect: unused, 'settings.get': unused, 'settings.notifications': unused, 'thread.older': unused,
    'message.retry': unused, 'message.submit': unused, typing: unused, 'conversation.resolve': unused,
    'handoff.take': unused, 'drafts.get': unused, 'drafts.save': unused, 'screenshot.capture': unused,
    'snapshot.get': vi.fn(async () => ({ status, conversations: [], unsent: [] })),
    'message.send': vi.fn(async ({ conversationId }) => ({ conversationId, echoId: 'e' })),
    'thread.open': async () => {
      throw new CodedError('not_configured');
    },
    ...over,
  };
}

describe('background router', () => {
  it("answers only the extension's own pages", () => {
    expect(isOwnPage({ id: 'abc', url: 'chrome-extension://abc/sidepanel.html' }, 'abc', 'chrome-extension://abc/')).toBe(true);
    expect(isOwnPage({ id: 'abc', url: 'https://evil.example/' }, 'abc', 'chrome-extension://abc/')).toBe(false);
    expect(isOwnPage({ id: 'other', url: 'chrome-extension://other/x.html' }, 'abc', 'chrome-extension://abc/')).toBe(false);
    expect(isOwnPage({}, 'abc', 'chrome-extension://abc/')).toBe(false);
  });

  it('validates requests and dispatches them through the handler map', async () => {
    const map = handlers();
    expect(await handleRequest(map, { type: 'snapshot.get' })).toMatchObject({ ok: true, value: { status } });
    expect(await handleRequest(map, { type: 'message.send', conversationId: null, content: 'hi' })).toEqual({
      ok: true,
      value: { conversationId: null, echoId: 'e' },
    });
    expect(map['message.send']).toHaveBeenCalledWith({ type: 'message.send', conversationId: null, content: 'hi' });
  });

  it('answers malformed and unknown requests with a code, and turns throws into codes', async () => {
    const map = handlers();
    expect(await handleRequest(map, { type: 'message.send', conversationId: 'x', content: '' })).toEqual({ ok: false, error: { code: 'invalid_request' } });
    expect(await handleRequest(map, { type: 'nope' })).toEqual({ ok: false, error: { code: 'invalid_request' } });
    expect(await handleRequest(map, { type: 'toString' })).toEqual({ ok: false, error: { code: 'invalid_request' } });
    expect(await handleRequest(map, null)).toEqual({ ok: false, error: { code: 'invalid_request' } });
    expect(await handleRequest(map, { type: 'thread.open', conversationId: 1 })).toEqual({ ok: false, error: { code: 'not_configured' } });
  });

  it('never lets exception text through', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const leaky = handlers({ 'snapshot.get': async () => Promise.reject(new Error('TypeError: secret internals')) });
    expect(await handleRequest(leaky, { type: 'snapshot.get' })).toEqual({ ok: false, error: { code: 'internal' } });
    expect(error).toHaveBeenCalled(); // the text goes to the worker's console, not to the page
    error.mockRestore();
  });

  it('waits until the service is ready', async () => {
    let ready!: () => void;
    const gate = new Promise<void>((resolve) => (ready = resolve));
    const map = handlers();
    const answer = handleRequest(map, { type: 'snapshot.get' }, gate);
    await Promise.resolve();
    expect(map['snapshot.get']).not.toHaveBeenCalled();
    ready();
    expect(await answer).toMatchObject({ ok: true });
  });
});
