import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/utils/api/errors';
import type { Message } from '@/utils/api/schemas';
import { backoffMs, createOutbox, MAX_ATTEMPTS, type OutboxItem, type OutboxTransport } from '@/utils/background/outbox-queue';

const message = (id: number, content: string, created_at = 2000): Message => ({
  id, content, message_type: 0, content_type: 'text', content_attributes: {}, created_at, conversation_id: 4,
});

function setup(transport: Partial<OutboxTransport>, initial: OutboxItem[] = [], clock = { t: 1_000_000 }) {
  const saved: OutboxItem[][] = [];
  const sent: [string, number][] = [];
  const created: number[] = [];
  const api: OutboxTransport = {
    createConversation: vi.fn(async () => ({ id: 4, status: 'open', messages: [] })),
    createMessage: vi.fn(async (_id, content) => message(100, content)),
    latestMessages: vi.fn(async () => []),
    newestConversationId: () => 3,
    orphanConversation: vi.fn(async () => undefined),
    ...transport,
  };
  const outbox = createOutbox(initial, () => api, {
    save: async (items) => void saved.push(items),
    conversationCreated: (_item, c) => void created.push(c.id),
    sent: (item, m) => void sent.push([item.echoId, m.id]),
    changed: () => {},
  }, () => clock.t);
  return { outbox, api, saved, sent, created, clock };
}

describe('outbox', () => {
  it('creates the conversation with the page attributes, then posts the message once', async () => {
    const { outbox, api, sent, created, saved } = setup({});
    await outbox.enqueue({ echoId: 'a', conversationId: null, content: 'Hi', customAttributes: { page_url: 'u', page_title: 't' } });
    await outbox.drain();
    expect(api.createConversation).toHaveBeenCalledWith({ page_url: 'u', page_title: 't' });
    expect(api.createMessage).toHaveBeenCalledWith(4, 'Hi', 'a', undefined);
    expect(created).toEqual([4]);
    expect(sent).toEqual([['a', 100]]);
    expect(outbox.items()).toEqual([]);
    // The conversation id was persisted before the message was posted.
    expect(saved.some((items) => items[0]?.conversationId === 4 && items[0].state === 'sending')).toBe(true);
  });

  it('keeps order: the second message waits for the first', async () => {
    const order: string[] = [];
    const { outbox } = setup({ createMessage: vi.fn(async (_id, content) => (order.push(content), message(order.length, content))) });
    await outbox.enqueue({ echoId: '1', conversationId: 4, content: 'first' });
    await outbox.enqueue({ echoId: '2', conversationId: 4, content: 'second' });
    await outbox.drain();
    expect(order).toEqual(['first', 'second']);
  });

  it('retries 5xx and 429 with backoff, and gives up on a 422 with the reason', async () => {
    let calls = 0;
    const { outbox, clock } = setup({
      createMessage: vi.fn(async (_id, content) => {
        calls += 1;
        if (calls === 1) throw new ApiError('server', 'HTTP 503', 503);
        if (calls === 2) throw new ApiError('rate_limited', 'HTTP 429', 429, 2_000);
        return message(1, content);
      }),
    });
    await outbox.enqueue({ echoId: 'x', conversationId: 4, content: 'hello' });
    await outbox.drain();
    expect(outbox.items()[0]).toMatchObject({ state: 'queued', attempts: 1, error: 'server' });
    clock.t = outbox.items()[0]!.nextAttemptAt;
    await outbox.drain();
    expect(outbox.items()[0]).toMatchObject({ attempts: 2, nextAttemptAt: clock.t + 2_000 });
    clock.t += 2_000;
    await outbox.drain();
    expect(outbox.items()).toEqual([]);

    const bad = setup({ createMessage: vi.fn(async () => { throw new ApiError('invalid', 'Content is too long', 422); }) });
    await bad.outbox.enqueue({ echoId: 'y', conversationId: 4, content: 'x' });
    await bad.outbox.drain();
    expect(bad.outbox.items()[0]).toMatchObject({ state: 'failed', error: 'invalid' });
  });

  it('marks a message failed after MAX_ATTEMPTS, and Retry sends it again', async () => {
    let fail = true;
    const { outbox, clock, sent } = setup({
      createMessage: vi.fn(async (_id, content) => {
        if (fail) throw new ApiError('unreachable', 'offline');
        return message(9, content);
      }),
    });
    await outbox.enqueue({ echoId: 'z', conversationId: 4, content: 'c' });
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      clock.t = Math.max(clock.t, outbox.items()[0]!.nextAttemptAt);
      await outbox.drain();
    }
    expect(outbox.items()[0]!.state).toBe('failed');
    fail = false;
    await outbox.retry('z');
    await outbox.drain();
    expect(sent).toEqual([['z', 9]]);
  });

  it('a cable echo completes the item', async () => {
    const { outbox } = setup({});
    const item: OutboxItem = { echoId: 'e', conversationId: 4, content: 'c', state: 'failed', attempts: 8, nextAttemptAt: 0, createdAt: 0 };
    outbox.load([item]);
    expect((await outbox.echoed('e'))?.echoId).toBe('e');
    expect(outbox.items()).toEqual([]);
  });

  it('after a worker stop, an interrupted send that reached the server is not sent again', async () => {
    // Stopped 10 s ago: the request would have landed by now.
    const interrupted: OutboxItem = { echoId: 'r', conversationId: 4, content: 'landed', state: 'sending', attempts: 0, nextAttemptAt: 0, createdAt: 990_000, sendingSince: 990_000 };
    const { outbox, api, sent } = setup({ latestMessages: vi.fn(async () => [message(55, 'landed', 1000)]) }, [interrupted]);
    await outbox.recover();
    await outbox.drain();
    expect(api.createMessage).not.toHaveBeenCalled();
    expect(sent).toEqual([['r', 55]]);
  });

  it('after a worker stop, an interrupted send that did not land is sent, and only after recovery', async () => {
    const interrupted: OutboxItem = { echoId: 'q', conversationId: 4, content: 'lost', state: 'sending', attempts: 0, nextAttemptAt: 0, createdAt: 990_000, sendingSince: 990_000 };
    const { outbox, api } = setup({}, [interrupted]);
    await outbox.drain();
    expect(api.createMessage).not.toHaveBeenCalled();
    await outbox.recover();
    await outbox.drain();
    expect(api.createMessage).toHaveBeenCalledTimes(1);
  });

  it('after a worker stop, a request that may still be on its way through the server is looked for only once it would have landed', async () => {
    const clock = { t: 1_000_000 };
    const upload: OutboxItem = {
      echoId: 'f', conversationId: 4, content: 'a big file', state: 'sending', attempts: 0, nextAttemptAt: 0,
      createdAt: 999_000, sendingSince: 999_000, attachments: [{ id: 'x', name: 'big.bin', size: 30_000_000, type: 'application/octet-stream' }],
    };
    const { outbox, api, sent } = setup({}, [upload], clock);
    await outbox.recover();
    await outbox.drain();
    expect(api.latestMessages).not.toHaveBeenCalled(); // the server may still be storing it
    expect(api.createMessage).not.toHaveBeenCalled();
    // The resync finds it: it landed, nothing is sent again.
    await outbox.reconcile([{ id: 4, messages: [{ ...message(77, 'a big file', 1000), attachments: [{ id: 1, file_type: 'file', data_url: 'https://x/big.bin' }] }] }]);
    expect(sent).toEqual([['f', 77]]);
    expect(outbox.items()).toEqual([]);
  });

  it('offline, every waiting message says it waits for the network, and the ones typed then too; back online they go at once', async () => {
    const clock = { t: 1_000_000 };
    let online = false;
    const { outbox, api } = setup({
      createMessage: vi.fn(async (_id, content) => {
        if (!online) throw new ApiError('unreachable', 'Failed to fetch');
        return message(100, content);
      }),
    }, [], clock);
    await outbox.enqueue({ echoId: 'a', conversationId: 4, content: 'one' });
    await outbox.enqueue({ echoId: 'b', conversationId: 4, content: 'two' });
    await outbox.goneOffline();
    await outbox.enqueue({ echoId: 'c', conversationId: 4, content: 'three' });
    expect(outbox.items().map((i) => i.error)).toEqual(['no_network', 'no_network', 'no_network']);
    online = true;
    await outbox.wake();
    expect(api.createMessage).toHaveBeenCalledWith(4, 'three', 'c', undefined);
    expect(outbox.items()).toEqual([]);
  });

  it('an answer lost on the way (or unreadable) is checked on the server before sending again', async () => {
    let posts = 0;
    let serverHas: Message[] = [];
    const { outbox, clock, sent, api } = setup({
      createMessage: vi.fn(async (_id, content) => {
        posts += 1;
        serverHas = [message(70 + posts, content, 1000)];
        throw posts === 1 ? new ApiError('bad_response', 'not JSON', 200) : new ApiError('unreachable', 'timeout');
      }),
      latestMessages: vi.fn(async () => serverHas),
    });
    await outbox.enqueue({ echoId: 'u', conversationId: 4, content: 'maybe sent' });
    await outbox.drain();
    expect(outbox.items()[0]).toMatchObject({ state: 'queued', uncertainSince: 1_000_000 });
    clock.t = outbox.items()[0]!.nextAttemptAt;
    await outbox.drain();
    expect(posts).toBe(1); // it was there: not posted again
    expect(api.latestMessages).toHaveBeenCalledWith(4);
    expect(sent).toEqual([['u', 71]]);
  });

  it('an uncertain attempt that did not land is posted again', async () => {
    let posts = 0;
    const { outbox, clock, sent } = setup({
      createMessage: vi.fn(async (_id, content) => {
        posts += 1;
        if (posts === 1) throw new ApiError('unreachable', 'offline');
        return message(90, content);
      }),
      latestMessages: vi.fn(async () => [message(12, 'something else', 1000)]),
    });
    await outbox.enqueue({ echoId: 'v', conversationId: 4, content: 'lost' });
    await outbox.drain();
    clock.t = outbox.items()[0]!.nextAttemptAt;
    await outbox.drain();
    expect(posts).toBe(2);
    expect(sent).toEqual([['v', 90]]);
  });

  it('a new conversation whose creation answer was lost is found, not created twice', async () => {
    let creates = 0;
    const { outbox, clock, api, created, sent } = setup({
      createConversation: vi.fn(async () => {
        creates += 1;
        throw new ApiError('unreachable', 'connection reset'); // ... after the server created #4
      }),
      orphanConversation: vi.fn(async (after: number) => (after === 3 ? { id: 4, status: 'open', messages: [] } : undefined)),
    });
    await outbox.enqueue({ echoId: 'n', conversationId: null, content: 'first words', customAttributes: { page_url: 'u' } });
    await outbox.drain();
    expect(outbox.items()[0]).toMatchObject({ state: 'queued', createUncertain: true, createdAfter: 3 });
    clock.t = outbox.items()[0]!.nextAttemptAt;
    await outbox.drain();
    expect(creates).toBe(1);
    expect(api.orphanConversation).toHaveBeenCalledWith(3);
    expect(created).toEqual([4]);
    expect(api.createMessage).toHaveBeenCalledWith(4, 'first words', 'n', undefined);
    expect(sent).toEqual([['n', 100]]);
  });

  it('backs off with jitter, capped, or as told by Retry-After', () => {
    expect(backoffMs(1, new Error(), () => 0)).toBe(1000);
    expect(backoffMs(1, new Error(), () => 1)).toBe(2000);
    expect(backoffMs(20, new Error(), () => 1)).toBe(60_000);
    expect(backoffMs(3, new ApiError('rate_limited', '', 429, 1234))).toBe(1234);
  });
});
