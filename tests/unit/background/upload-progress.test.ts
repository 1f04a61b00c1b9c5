// Upload progress from the outbox to the panel: held on the item while it sends (never persisted), a row
// patch when the shown percent changes, nothing when it does not.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ApiError } from '@/utils/api/errors';
import type { Message } from '@/utils/api/schemas';
import { createOutbox, type OutboxItem } from '@/utils/background/outbox-queue';
import { createPanelPublisher } from '@/utils/background/panel-publisher';
import { createPanels } from '@/utils/background/panels';
import { createStore } from '@/utils/background/store';
import { outboxMessage } from '@/utils/background/views';
import { conv, msg, panel, session } from './fixtures';

beforeEach(() => fakeBrowser.reset());

const file = { id: 'f1', name: 'big.zip', size: 8_000_000, type: 'application/zip' };
const item = (echoId: string, over: Partial<OutboxItem> = {}): OutboxItem => ({
  echoId, conversationId: 1, content: '', state: 'sending', attempts: 0, nextAttemptAt: 0, createdAt: 2_000_000, attachments: [file], ...over,
});

describe('the outbox holds the progress of the upload in flight', () => {
  it('while sending: set and announced, never saved, gone after a failed attempt', async () => {
    const saved: OutboxItem[][] = [];
    const changed = vi.fn();
    let fail: (e: Error) => void = () => {};
    const outbox = createOutbox([], () => ({
      createConversation: vi.fn(),
      createMessage: () => new Promise<Message>((_resolve, reject) => (fail = reject)),
      latestMessages: async () => [],
      newestConversationId: () => 1,
      orphanConversation: async () => undefined,
    }), { save: async (items) => void saved.push(items), conversationCreated: () => {}, sent: () => {}, changed });
    outbox.progress('nobody', 10); // no such item: nothing
    await outbox.enqueue({ echoId: 'a', conversationId: 1, content: '', attachments: [file] });
    await vi.waitFor(() => expect(outbox.items()[0]!.state).toBe('sending'));
    changed.mockClear();
    outbox.progress('a', 42);
    expect(outbox.items()[0]!.progress).toBe(42);
    expect(changed).toHaveBeenCalledTimes(1);
    fail(new ApiError('server', 'HTTP 503', 503));
    await vi.waitFor(() => expect(outbox.items()[0]!.state).toBe('queued'));
    expect(outbox.items()[0]!.progress).toBeUndefined();
    expect(saved.flat().some((i) => 'progress' in i)).toBe(false);
    outbox.progress('a', 50); // queued, not sending: a late report is dropped
    expect(outbox.items()[0]!.progress).toBeUndefined();
  });
});

describe('the first message of a new conversation', () => {
  it('is shown in the conversation as soon as it exists, not only once its POST is answered', async () => {
    const seen: (number | null)[] = [];
    let outbox: ReturnType<typeof createOutbox>;
    outbox = createOutbox([], () => ({
      createConversation: async () => ({ id: 9, status: 'open', messages: [] }),
      createMessage: () => new Promise<Message>(() => {}), // a long upload
      latestMessages: async () => [],
      newestConversationId: () => 1,
      orphanConversation: async () => undefined,
    }), { save: async () => {}, conversationCreated: () => {}, sent: () => {}, changed: () => void seen.push(outbox.items()[0]?.conversationId ?? null) });
    await outbox.enqueue({ echoId: 'n', conversationId: null, content: 'Big one', attachments: [file] });
    await vi.waitFor(() => expect(seen).toContain(9));
  });
});

describe('the view of a message with files', () => {
  it('has the percent while sending, null when it cannot be measured, and nothing otherwise', () => {
    expect(outboxMessage(item('a', { progress: 42 })).progress).toBe(42);
    expect(outboxMessage(item('a')).progress).toBeNull();
    expect(outboxMessage(item('a', { state: 'queued' })).progress).toBeUndefined();
    expect(outboxMessage(item('a', { attachments: undefined, content: 'hi' })).progress).toBeUndefined();
    expect(outboxMessage(item('a', { state: 'failed', progress: 42 })).progress).toBeUndefined();
  });

  it('a new percent is one thread.patch of that row; the same percent again is none', async () => {
    const { session: s } = await session();
    const store = createStore();
    store.applyConversation(conv({ id: 1, messages: [msg(1)] }), true);
    const panels = createPanels();
    const one = panel(panels);
    const publisher = createPanelPublisher(store, s, panels);
    one.show(1);
    store.setPending([item('a')]);
    publisher.publish();
    const [thread] = one.take('thread');
    expect(thread!.thread.messages.at(-1)).toMatchObject({ key: 'ea', delivery: 'sending', progress: null });
    one.take();
    store.setPending([item('a', { progress: 37 })]);
    publisher.publish();
    const patches = one.take('thread.patch');
    expect(patches).toHaveLength(1);
    expect(patches[0]!.patch.upsert).toEqual([expect.objectContaining({ key: 'ea', progress: 37 })]);
    store.setPending([item('a', { progress: 37 })]);
    publisher.publish();
    expect(one.take('thread.patch')).toEqual([]);
  });
});
