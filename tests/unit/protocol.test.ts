import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createRuntimeConnector } from '@/utils/connector';
import { backgroundEventSchema, pageRequestSchema, panelMessageSchema, snapshotSchema } from '@/utils/protocol';

beforeEach(() => fakeBrowser.reset());

describe('the message protocol', () => {
  it('accepts every page → background request it defines', () => {
    const requests = [
      { type: 'connect', settings: { installationUrl: 'https://x', inboxIdentifier: 'i' } },
      { type: 'snapshot.get' },
      { type: 'thread.open', conversationId: 1 },
      { type: 'thread.older', conversationId: 1 },
      { type: 'message.send', conversationId: null, content: 'hi', page: { url: 'https://p', title: 'P' } },
      { type: 'message.retry', echoId: 'e' },
      { type: 'message.submit', conversationId: 1, messageId: 2, values: [{ title: 'A', value: 'a' }] },
      { type: 'typing', conversationId: 1, on: true },
      { type: 'conversation.resolve', conversationId: 1 },
    ];
    for (const request of requests) expect(pageRequestSchema.safeParse(request).success, request.type).toBe(true);
    // Settings fields left out are empty strings.
    expect(pageRequestSchema.parse(requests[0])).toMatchObject({ settings: { name: '', identifierHash: '' } });
  });

  it('rejects what it does not define, or with the wrong shapes', () => {
    for (const bad of [
      { type: 'message.send', conversationId: 1, content: '' },
      { type: 'thread.open', conversationId: '1' },
      { type: 'thread.close' },
      { type: 'eval', code: 'x' },
      'snapshot.get',
      null,
    ]) {
      expect(pageRequestSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(panelMessageSchema.safeParse({ type: 'view', conversationId: 'x' }).success).toBe(false);
    expect(backgroundEventSchema.safeParse({ type: 'typing', conversationId: 1 }).success).toBe(false);
  });

  it('fills defaults a newer background may omit', () => {
    const snapshot = snapshotSchema.parse({ configured: true, connection: 'online', conversations: [] });
    expect(snapshot.unsent).toEqual([]);
  });

  it('the runtime connector returns the value of an ok reply and throws the error of a failed one', async () => {
    fakeBrowser.runtime.onMessage.addListener(async (message: any) =>
      message.type === 'snapshot.get'
        ? { ok: true, value: { configured: false, connection: 'unconfigured', conversations: [], unsent: [] } }
        : { ok: false, error: 'Not set up yet' },
    );
    const connector = createRuntimeConnector();
    await expect(connector.request({ type: 'snapshot.get' })).resolves.toMatchObject({ configured: false });
    await expect(connector.request({ type: 'thread.open', conversationId: 3 })).rejects.toThrow('Not set up yet');
  });
});
