import { describe, expect, it } from 'vitest';
import { threadRows } from '@/components/panel/virtual/thread-rows';
import { at, message } from '../fake-connector';

describe('thread rows', () => {
  it('a day separator before the first message of each day', () => {
    const rows = threadRows([
      message({ id: 1, createdAt: at(2026, 3, 1, 9, 0) }),
      message({ id: 2, createdAt: at(2026, 3, 1, 18, 0) }),
      message({ id: 3, createdAt: at(2026, 3, 2, 8, 0) }),
    ]);
    expect(rows.map((r) => r.newDay)).toEqual([true, false, true]);
  });

  it('groups messages of one sender close in time: name on the first, time on the last', () => {
    const t = at(2026, 3, 1, 9, 0);
    const alex = { name: 'Alex' };
    const rows = threadRows([
      message({ id: 1, createdAt: t, sender: alex }),
      message({ id: 2, createdAt: t + 60, sender: alex }),
      message({ id: 3, createdAt: t + 120, sender: { name: 'Sam' } }),
      message({ id: 4, createdAt: t + 120 + 6 * 60, sender: { name: 'Sam' } }), // more than 5 minutes later
      message({ id: 5, createdAt: t + 800, from: 'me', sender: null }),
    ]);
    expect(rows.map((r) => r.startsGroup)).toEqual([true, false, true, true, true]);
    expect(rows.map((r) => r.endsGroup)).toEqual([false, true, true, true, true]);
  });

  it('the "New messages" line starts a group of its own', () => {
    const t = at(2026, 3, 1, 9, 0);
    const rows = threadRows([message({ id: 1, createdAt: t }), message({ id: 2, createdAt: t + 10 }), message({ id: 3, createdAt: t + 20 })], 'm2');
    expect(rows.map((r) => r.unread)).toEqual([false, true, false]);
    expect(rows.map((r) => r.startsGroup)).toEqual([true, true, false]);
    expect(rows.map((r) => r.endsGroup)).toEqual([true, false, true]);
  });

  it('keys rows by their message, and keeps the message objects', () => {
    const messages = [message({ id: 7 }), message({ id: undefined, echoId: 'abc', from: 'me' })];
    const rows = threadRows(messages);
    expect(rows.map((r) => r.key)).toEqual(['m7', 'eabc']);
    expect(rows[0]!.message).toBe(messages[0]);
    expect(threadRows([])).toEqual([]);
  });
});
