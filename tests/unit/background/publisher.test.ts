import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ChatCache, SaveOutcome } from '@/utils/background/chat-cache';
import { createPanels } from '@/utils/background/panels';
import { CACHE_EVERY_MS, FRAME_MS, startPublisher } from '@/utils/background/publisher';
import { createPanelPublisher } from '@/utils/background/panel-publisher';
import { createStore } from '@/utils/background/store';
import { conv, msg, panel, session } from './fixtures';

beforeEach(() => {
  fakeBrowser.reset();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

/** Conversations 1 and 2 held (nothing unread), one panel on the list, the publisher started and settled. */
async function setup({ bound = true } = {}) {
  const { session: s } = await session({ bound });
  const store = createStore();
  store.setConnection('online');
  store.applyConversation(conv({ id: 1, contact_last_seen_at: 5_000, messages: [msg(1)] }), true);
  store.applyConversation(conv({ id: 2, contact_last_seen_at: 5_000, messages: [msg(2, { conversation_id: 2 })] }), true);
  const panels = createPanels();
  const one = panel(panels);
  let outcome: SaveOutcome = 'saved';
  const save = vi.fn(async (..._args: Parameters<ChatCache['save']>) => outcome);
  const cache = { save } as unknown as ChatCache;
  const setBadge = vi.fn(async (_text: string, _title: string) => {});
  const publisher = startPublisher({ store, session: s, panels, cache, toPanels: createPanelPublisher(store, s, panels), setBadge });
  await vi.advanceTimersByTimeAsync(FRAME_MS + 1);
  await publisher.settled();
  return { session: s, store, panels, one, save, setBadge, publisher, full: () => void (outcome = 'full') };
}

/** The publications scheduled so far are made: one per frame; the cache, at most once a second. */
const turn = () => vi.advanceTimersByTimeAsync(FRAME_MS + 1);
const cacheTurn = () => vi.advanceTimersByTimeAsync(CACHE_EVERY_MS + FRAME_MS + 1);

describe('publisher', () => {
  it('publishes what a start finds: status, list, cache and badge', async () => {
    const { one, save, setBadge, publisher } = await setup();
    expect(one.take('status')).toHaveLength(1);
    expect(one.take('conversations')[0]!.upsert).toHaveLength(2);
    expect(save).not.toHaveBeenCalled(); // what is held at start came from the cache
    expect(setBadge).toHaveBeenCalledWith('', 'Hoory Sidebar');
    publisher.stop();
  });

  it('many changes in one turn are one publication', async () => {
    const { store, one, save, setBadge, publisher } = await setup();
    one.take();
    save.mockClear();
    setBadge.mockClear();
    for (let i = 0; i < 20; i++) store.applyMessage(msg(100 + i, { created_at: 6_000 + i }));
    store.applyMessage(msg(200, { conversation_id: 2, created_at: 6_100 }));
    store.setPresence(true);
    store.setTyping(1, { name: 'Alex' });
    expect(one.events).toEqual([]); // nothing yet: the turn is not over
    await turn();
    expect(one.take('conversations')).toHaveLength(1);
    expect(one.take('status')).toHaveLength(1);
    expect(one.take('typing')).toHaveLength(1);
    expect(one.events).toEqual([]);
    expect(setBadge).toHaveBeenCalledOnce();
    await cacheTurn(); // the cache is written at most once a second, once for all of it
    expect(save).toHaveBeenCalledOnce();
    expect(setBadge).toHaveBeenCalledWith('21', 'Hoory Sidebar: 21 unread replies');
    publisher.stop();
  });

  it('the badge counts unread replies, says 99+ past 99, and is set only when its text changes', async () => {
    const { store, setBadge, publisher } = await setup();
    setBadge.mockClear();
    store.applyMessage(msg(10, { created_at: 6_000 }));
    await turn();
    expect(setBadge).toHaveBeenLastCalledWith('1', 'Hoory Sidebar: 1 unread reply');
    store.applyConversation(conv({ id: 1, status: 'pending' }), false); // unread unchanged
    await turn();
    expect(setBadge).toHaveBeenCalledOnce();
    for (let i = 0; i < 120; i++) store.applyMessage(msg(300 + i, { conversation_id: 2, created_at: 6_000 + i }));
    await turn();
    expect(setBadge).toHaveBeenLastCalledWith('99+', 'Hoory Sidebar: 121 unread replies');
    store.markedRead(1);
    store.markedRead(2);
    await turn();
    expect(setBadge).toHaveBeenLastCalledWith('', 'Hoory Sidebar');
    publisher.stop();
  });

  it('a badge the browser refuses is logged, not thrown', async () => {
    const { store, setBadge, publisher } = await setup();
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    setBadge.mockRejectedValueOnce(new Error('no action'));
    store.applyMessage(msg(10, { created_at: 6_000 }));
    await turn();
    expect(error).toHaveBeenCalledWith('Could not set the badge', expect.any(Error));
    error.mockRestore();
    publisher.stop();
  });

  it('caches only the conversations that changed and those that went, with the threads on screen', async () => {
    const { store, one, save, publisher } = await setup();
    store.applyMessage(msg(10, { created_at: 6_000 }));
    one.show(1);
    await cacheTurn();
    await vi.waitFor(() => expect(save).toHaveBeenCalledOnce());
    const [key, changed, removed, viewed] = save.mock.calls[0]!;
    expect(key).toBe('https://chat.example.com|inbox');
    expect(changed.map((c) => c.id)).toEqual([1]);
    expect(removed).toEqual([]);
    expect([...viewed]).toEqual([1]);

    store.resynced([conv({ id: 1, contact_last_seen_at: 5_000, messages: [msg(1)] })]);
    await cacheTurn();
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(2));
    expect(save.mock.calls[1]![2]).toEqual([2]);

    store.setTyping(1, { name: 'Alex' }); // nothing held changed: nothing written
    await cacheTurn();
    expect(save).toHaveBeenCalledTimes(2);
    publisher.stop();
  });

  it('caches nothing without a session', async () => {
    const { save, publisher } = await setup({ bound: false });
    expect(save).not.toHaveBeenCalled();
    publisher.stop();
  });

  it('a cache the browser refuses to store is said to the panels', async () => {
    const { store, one, full, publisher } = await setup();
    one.take();
    full();
    store.applyMessage(msg(10, { created_at: 6_000 }));
    await cacheTurn();
    await publisher.settled();
    await turn();
    expect(one.take('status').map((e) => e.status.storageFull)).toEqual([true]);
    publisher.stop();
  });

  it('a panel that starts showing a thread is published to', async () => {
    const { one, publisher } = await setup();
    one.take();
    one.show(2);
    await turn();
    expect(one.take('thread').map((e) => e.thread.conversationId)).toEqual([2]);
    publisher.stop();
  });

  it('stopped, it publishes nothing more', async () => {
    const { store, one, setBadge, publisher } = await setup();
    one.take();
    setBadge.mockClear();
    store.applyMessage(msg(10, { created_at: 6_000 }));
    publisher.stop(); // a change already scheduled is dropped too
    await turn();
    store.applyMessage(msg(11, { created_at: 6_001 }));
    await turn();
    expect(one.events).toEqual([]);
    expect(setBadge).not.toHaveBeenCalled();
  });
});
