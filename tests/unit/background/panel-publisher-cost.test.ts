// What a publication costs for a panel that shows a thread: its rows (as many as its window is long) are
// built only when something they are built from changed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPanelPublisher } from '@/utils/background/panel-publisher';
import { createPanels } from '@/utils/background/panels';
import { createStore } from '@/utils/background/store';
import * as views from '@/utils/background/views';
import { conv, msg, panel, session } from './fixtures';

vi.mock('@/utils/background/views', async (original) => {
  const actual = await original<typeof import('@/utils/background/views')>();
  return { ...actual, threadRows: vi.fn(actual.threadRows) };
});

beforeEach(() => fakeBrowser.reset());

describe('a thread on screen, published', () => {
  it('is not built again for a change elsewhere (another conversation, typing, presence); it is for its own', async () => {
    const { session: s } = await session();
    const store = createStore();
    store.applyConversation(conv({ id: 1, messages: Array.from({ length: 40 }, (_, i) => msg(i + 1)) }), true);
    store.applyConversation(conv({ id: 2, messages: [msg(500, { conversation_id: 2 })] }), true);
    const panels = createPanels();
    const one = panel(panels);
    one.show(1);
    const publisher = createPanelPublisher(store, s, panels);
    publisher.publish();
    one.take();
    const built = vi.mocked(views.threadRows);
    built.mockClear();

    store.applyMessage(msg(501, { conversation_id: 2 }));
    store.setTyping(2, { name: 'Ann' });
    store.setPresence(true);
    publisher.publish();
    expect(built).not.toHaveBeenCalled();
    expect(one.take('thread.patch')).toEqual([]);
    expect(one.take('conversations')).toHaveLength(1); // the list still hears of conversation 2

    store.applyMessage(msg(41));
    publisher.publish();
    expect(built).toHaveBeenCalledTimes(1);
    expect(one.take('thread.patch')[0]!.patch.upsert.map((m) => m.key)).toEqual(['m41']);
    store.setPending([{ echoId: 'x', conversationId: 1, content: 'hi', state: 'queued', attempts: 0, nextAttemptAt: 0, createdAt: 2_000_000 }]);
    publisher.publish();
    expect(one.take('thread.patch')[0]!.patch.upsert.map((m) => m.key)).toEqual(['ex']); // the outbox is part of it
  });
});
