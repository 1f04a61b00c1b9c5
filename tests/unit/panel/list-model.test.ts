import { describe, expect, it } from 'vitest';
import { createListModel } from '@/utils/panel/list-model';
import { pendingMessage, summary } from '../components/fake-connector';

describe('list model', () => {
  it('shows the conversations newest first, ties by the newer id', () => {
    const list = createListModel();
    list.replace([summary(1, { lastActivityAt: 10 }), summary(2, { lastActivityAt: 30 }), summary(3, { lastActivityAt: 10 })], []);
    expect(list.conversations.value.map((c) => c.id)).toEqual([2, 3, 1]);
  });

  it('a snapshot replaces everything, the unsent messages too', () => {
    const list = createListModel();
    list.replace([summary(1), summary(2)], [pendingMessage('a')]);
    list.replace([summary(3)], []);
    expect(list.conversations.value.map((c) => c.id)).toEqual([3]);
    expect(list.unsent.value).toEqual([]);
  });

  it('a patch upserts and removes by id, leaving the other summaries as they were', () => {
    const list = createListModel();
    const kept = summary(1, { lastActivityAt: 10 });
    list.replace([kept, summary(2, { lastActivityAt: 20 })], []);
    list.patch([summary(2, { lastActivityAt: 5, unread: 1 }), summary(4, { lastActivityAt: 40 })], [9]);
    expect(list.conversations.value.map((c) => [c.id, c.unread])).toEqual([[4, 0], [1, 0], [2, 1]]);
    expect(list.conversations.value[1]).toBe(kept);
    list.patch([], [1, 4]);
    expect(list.conversations.value.map((c) => c.id)).toEqual([2]);
  });

  it('a removal and an upsert of the same id in one patch keeps the upsert', () => {
    const list = createListModel();
    list.replace([summary(1)], []);
    list.patch([summary(1, { status: 'resolved' })], [1]);
    expect(list.conversations.value.map((c) => c.status)).toEqual(['resolved']);
  });

  it('holds the messages of conversations still being created', () => {
    const list = createListModel();
    const messages = [pendingMessage('a'), pendingMessage('b', { delivery: 'failed', error: 'server' })];
    list.setUnsent(messages);
    expect(list.unsent.value).toBe(messages);
  });
});
