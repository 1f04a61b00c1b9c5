import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createChatCache } from '@/utils/background/chat-cache';
import { placeholderConversation, type ConversationState } from '@/utils/background/chat-state';
import type { Message } from '@/utils/api/schemas';

beforeEach(() => fakeBrowser.reset());

const KEY = 'https://s.example|inbox';

function conversation(id: number, messages = 3, size = 100): ConversationState {
  const list = Array.from({ length: messages }, (_, i) => ({
    id: id * 1000 + i,
    conversation_id: id,
    content: 'x'.repeat(size),
    message_type: 1,
    created_at: 1_700_000_000 + i,
  })) as Message[];
  return { ...placeholderConversation(id), hasOlder: false, messages: list };
}

/** storage.local with a quota, as Chrome has one: a write that would pass it is refused. */
function quotaArea(quota: number) {
  const area = fakeBrowser.storage.local;
  return {
    get: area.get.bind(area),
    remove: area.remove.bind(area),
    async set(items: Record<string, unknown>) {
      const now = await area.get(null);
      const total = JSON.stringify({ ...now, ...items }).length;
      if (total > quota) throw new Error('QUOTA_BYTES quota exceeded');
      await area.set(items);
    },
  };
}

describe('chat cache', () => {
  it('writes one item per conversation, and only the ones that changed', async () => {
    const cache = createChatCache();
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await cache.save(KEY, [conversation(1), conversation(2)], [], new Set());
    await cache.save(KEY, [conversation(2, 4)], [], new Set());
    const written = set.mock.calls.map(([items]) => Object.keys(items).filter((k) => k !== 'chat:index').sort());
    expect(written).toEqual([['chat:c1', 'chat:c2'], ['chat:c2']]);
    const restored = await createChatCache().load(KEY);
    expect(restored.map((c) => [c.id, c.messages.length])).toEqual([[1, 3], [2, 4]]);
  });

  it('keeps the newest messages of each conversation only', async () => {
    const cache = createChatCache();
    await cache.save(KEY, [conversation(1, 200)], [], new Set());
    const [restored] = await createChatCache().load(KEY);
    expect(restored!.messages).toHaveLength(60);
    expect(restored!.messages.at(-1)!.id).toBe(1199);
    expect(restored!.hasOlder).toBe(true);
  });

  it("drops another session's cache, and the cache of earlier versions", async () => {
    await fakeBrowser.storage.local.set({ chat: { key: KEY, conversations: [] } });
    await createChatCache().save('https://other.example|inbox', [conversation(1)], [], new Set());
    expect(await createChatCache().load(KEY)).toEqual([]);
    const left = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(left)).toEqual([]);
  });

  it('over budget, evicts the conversations viewed least recently, never one on screen, and never the session or the outbox', async () => {
    await fakeBrowser.storage.local.set({ session: { key: KEY }, outbox: [{ echoId: 'e1' }] });
    let clock = 0;
    const cache = createChatCache(fakeBrowser.storage.local, 200_000, () => ++clock);
    // 1,000 conversations of about 2 KB each: ten times the budget.
    const all = Array.from({ length: 1_000 }, (_, i) => conversation(i + 1, 10, 150));
    await cache.save(KEY, all.slice(0, 10), [], new Set([3])); // conversation 3 was viewed early
    for (let i = 10; i < all.length; i += 100) await cache.save(KEY, all.slice(i, i + 100), [], new Set([999]));
    const stored = await fakeBrowser.storage.local.get(null);
    const bytes = JSON.stringify(stored).length;
    expect(bytes).toBeLessThan(200_000 * 1.2);
    const kept = (await createChatCache().load(KEY)).map((c) => c.id);
    expect(kept).toContain(999); // on screen
    expect(kept).toContain(3); // viewed, so newer than the never-viewed ones
    expect(kept).not.toContain(1); // never viewed, written first
    expect(kept.length).toBeGreaterThan(50);
    expect(stored.session).toEqual({ key: KEY });
    expect(stored.outbox).toEqual([{ echoId: 'e1' }]);
  });

  it('reports a write the browser refuses, instead of dropping it silently', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cache = createChatCache(quotaArea(5_000), 1_000_000);
    expect(await cache.save(KEY, [conversation(1)], [], new Set())).toBe('saved');
    expect(await cache.save(KEY, [conversation(2, 60, 200)], [], new Set())).toBe('full');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
