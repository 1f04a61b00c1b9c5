import { describe, expect, it } from 'vitest';
import { badgeText, badgeTitle } from '@/utils/badge';
import { unreadCount } from '@/utils/unread';

describe('badge and unread counter', () => {
  it('shows nothing at zero, the number up to 99, then 99+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(99)).toBe('99');
    expect(badgeText(100)).toBe('99+');
  });

  it('has an accessible title with the count', () => {
    expect(badgeTitle(3)).toMatch(/3 unread replies/);
    expect(badgeTitle(1)).toMatch(/1 unread reply\b/);
    expect(badgeTitle(0)).not.toMatch(/unread/);
  });

  it('counts agent (1) and template (3) messages newer than the last view', () => {
    const m = (message_type: number, created_at: number) => ({ id: created_at, message_type, created_at, content: '', content_type: 'text', content_attributes: {}, conversation_id: 1 });
    expect(unreadCount([m(1, 10), m(1, 20), m(3, 30), m(0, 40), m(2, 50)], 15)).toBe(2);
    expect(unreadCount([m(1, 10)], 11)).toBe(0);
  });
});

describe('unread ties within one second', () => {
  const m = (id: number, created_at: number) => ({ id, message_type: 1, created_at, content: '', content_type: 'text', content_attributes: {}, conversation_id: 1 });
  it('counts a reply made in the same second as the view when it is newer than what was on screen', () => {
    expect(unreadCount([m(1, 100), m(2, 100)], 100, 1)).toBe(1);
    expect(unreadCount([m(1, 100), m(2, 100)], 100, 2)).toBe(0);
    expect(unreadCount([m(1, 100), m(2, 101)], 100, 1)).toBe(1);
    expect(unreadCount([m(1, 99), m(2, 100)], 100)).toBe(1); // no local knowledge: the tie counts
  });

  it('a message older than the last view is read', () => {
    expect(unreadCount([m(5, 99)], 100)).toBe(0);
  });
});
