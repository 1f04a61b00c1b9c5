import { describe, expect, it } from 'vitest';
import { dayLabel, formatTime, initials, relativeTime } from '@/utils/format';
import { at } from './fake-connector';

const NOW = new Date(2026, 2, 10, 15, 0);

describe('format helpers', () => {
  it('formats the local time of day as the panel\'s locale writes it (English here: 9:05 AM)', () => {
    expect(formatTime(at(2026, 3, 10, 9, 5))).toBe('9:05 AM');
    expect(formatTime(at(2026, 3, 10, 23, 59))).toBe('11:59 PM');
  });

  it('labels days as Today, Yesterday, a weekday this week, else a date', () => {
    expect(dayLabel(at(2026, 3, 10, 0, 1), NOW)).toBe('Today');
    expect(dayLabel(at(2026, 3, 9, 23, 59), NOW)).toBe('Yesterday');
    expect(dayLabel(at(2026, 3, 7, 12, 0), NOW)).toBe(new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(new Date(2026, 2, 7)));
    expect(dayLabel(at(2026, 1, 2, 12, 0), NOW)).toMatch(/2/);
    expect(dayLabel(at(2025, 1, 2, 12, 0), NOW)).toMatch(/2025/);
  });

  it('gives short relative times for the list', () => {
    expect(relativeTime(at(2026, 3, 10, 14, 59) + 30, NOW)).toBe('now');
    expect(relativeTime(at(2026, 3, 10, 14, 48), NOW)).toBe('12 min');
    expect(relativeTime(at(2026, 3, 10, 12, 0), NOW)).toBe('3 hr');
    expect(relativeTime(at(2026, 3, 9, 18, 0), NOW)).toBe('Yesterday');
  });

  it('makes initials', () => {
    expect(initials('Alex Kim')).toBe('AK');
    expect(initials('  mary  ann   lee ')).toBe('ML');
    expect(initials('Bot')).toBe('B');
    expect(initials('')).toBe('?');
  });
});
