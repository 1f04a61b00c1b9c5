// Every date formatter returns a string for any number: a cached message with an absurd time must not
// throw "RangeError: Invalid time value" on every paint of the panel (issue 19).
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayKey, dayLabel, formatTime, fullDateTime, relativeTime } from '@/utils/format';

const formatters = { formatTime, dayKey, dayLabel, relativeTime, fullDateTime };
const HOSTILE = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e20, -1e20, Number.MAX_VALUE, -1, 0, 8.64e12, 8.64e12 + 1];

describe('date formatters never throw', () => {
  it.each(Object.entries(formatters))('%s gives a safe string for NaN, Infinity, 1e20, negatives and the Date limits', (_, format) => {
    for (const seconds of HOSTILE) {
      const text = format(seconds);
      expect(typeof text).toBe('string');
      expect(text).not.toMatch(/NaN|Invalid/);
    }
  });

  it('gives "" (or one shared day key) when no Date can hold the time', () => {
    for (const seconds of [Number.NaN, Number.POSITIVE_INFINITY, 1e20, 8.64e12 + 1]) {
      expect([formatTime(seconds), dayLabel(seconds), relativeTime(seconds), fullDateTime(seconds)]).toEqual(['', '', '', '']);
      expect(dayKey(seconds)).toBe('no-date');
    }
    expect(formatTime(-1)).toMatch(/^\d\d?:\d\d [AP]M$/); // 1969 is a real date
  });

  it('survives an invalid "now" as well', () => {
    const invalid = new Date(Number.NaN);
    expect(typeof dayLabel(1_764_590_400, invalid)).toBe('string');
    expect(typeof relativeTime(1_764_590_400, invalid)).toBe('string');
  });

  it('never throws on any double (fuzzed)', () => {
    fc.assert(
      fc.property(fc.double(), fc.double({ min: -1e13, max: 1e13 }), (seconds, nowSeconds) => {
        const now = new Date(nowSeconds * 1000);
        for (const format of [formatTime, dayKey, fullDateTime]) expect(typeof format(seconds)).toBe('string');
        expect(typeof dayLabel(seconds, now)).toBe('string');
        expect(typeof relativeTime(seconds, now)).toBe('string');
      }),
      { seed: 19, numRuns: 500 },
    );
  });
});
