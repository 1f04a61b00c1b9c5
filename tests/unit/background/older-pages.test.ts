import { describe, expect, it, vi } from 'vitest';
import type { Message } from '@/utils/api/schemas';
import { createOlderPages } from '@/utils/background/older-pages';
import { olderRows } from '@/utils/background/panel-publisher';
import type { Session } from '@/utils/background/session';
import { OLDER_PAGE, THREAD_PAGE, createStore } from '@/utils/background/store';
import { conv, msg } from './fixtures';

/** A server holding messages 1..total of conversation 1, answering pages of 20 before an id. */
function server(total: number) {
  const listMessages = vi.fn(async (_id: number, before?: number) => {
    const end = (before ?? total + 1) - 1;
    const from = Math.max(1, end - 19);
    return Array.from({ length: Math.max(0, end - from + 1) }, (_, i) => msg(from + i));
  });
  const session = { require: () => ({ api: { listMessages } }) } as unknown as Session;
  return { session, listMessages };
}

/** A store holding the newest `held` of `total` messages, with older ones on the server. */
function storeWith(total: number, held: number) {
  const store = createStore();
  const newest: Message[] = Array.from({ length: held }, (_, i) => msg(total - held + 1 + i));
  store.applyConversation(conv({ messages: newest }), false);
  store.applyOlder(1, [], true);
  return store;
}

const ids = (rows: { key: string }[]) => rows.map((r) => r.key);
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('older pages', () => {
  it('grows the window a page, fetches what it lacks, and answers only the rows before the panel’s oldest', async () => {
    const { session, listMessages } = server(1_000);
    const store = storeWith(1_000, 30);
    const older = createOlderPages(session, store);
    await older.grow(1);
    expect(store.windowOf(1)).toBe(THREAD_PAGE + OLDER_PAGE);
    const rows = olderRows(store, 1, 'm971');
    expect(ids(rows.upsert)).toEqual(Array.from({ length: OLDER_PAGE }, (_, i) => `m${971 - OLDER_PAGE + i}`));
    expect(rows).toMatchObject({ hasOlder: true, remove: [] });
    expect(listMessages.mock.calls[0]).toEqual([1, 971]);
  });

  it('fetches the next page ahead (several server pages), so the next step is served from memory', async () => {
    const { session, listMessages } = server(1_000);
    const store = storeWith(1_000, 30);
    const older = createOlderPages(session, store);
    await older.grow(1);
    await flush();
    expect(store.held(1)!.messages.length).toBeGreaterThanOrEqual(store.windowOf(1) + OLDER_PAGE);
    // The server stops answering: the next step still comes at once, whole, from what was fetched ahead.
    listMessages.mockImplementation(() => new Promise(() => {}));
    await older.grow(1);
    const oldestShown = 1_000 - THREAD_PAGE - OLDER_PAGE + 1;
    expect(ids(olderRows(store, 1, `m${oldestShown}`).upsert)).toEqual(Array.from({ length: OLDER_PAGE }, (_, i) => `m${oldestShown - OLDER_PAGE + i}`));
  });

  it('ends at the first message: a short page says there is nothing older', async () => {
    const { session } = server(45);
    const store = storeWith(45, 30);
    const older = createOlderPages(session, store);
    await older.grow(1);
    const rows = olderRows(store, 1, 'm16');
    expect(ids(rows.upsert)).toEqual(Array.from({ length: 15 }, (_, i) => `m${i + 1}`));
    expect(rows.hasOlder).toBe(false);
  });

  it('a server that ignores `before` (the same page again) does not loop', async () => {
    const listMessages = vi.fn(async () => [msg(980), msg(981)]);
    const session = { require: () => ({ api: { listMessages } }) } as unknown as Session;
    const store = storeWith(1_000, 30);
    await createOlderPages(session, store).grow(1);
    expect(listMessages.mock.calls.length).toBeLessThanOrEqual(2);
  });

  it('a failed page fails the request; the page fetched ahead fails quietly', async () => {
    const listMessages = vi.fn(async () => {
      throw new Error('down');
    });
    const session = { require: () => ({ api: { listMessages } }) } as unknown as Session;
    await expect(createOlderPages(session, storeWith(1_000, 30)).grow(1)).rejects.toThrow('down');
  });

  it('without `before`, the whole window', async () => {
    const store = storeWith(100, 40);
    expect(olderRows(store, 1).upsert).toHaveLength(THREAD_PAGE);
    expect(olderRows(store, 1, 'nothing-like-it').upsert).toHaveLength(THREAD_PAGE);
  });
});
