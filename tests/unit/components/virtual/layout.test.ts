import { describe, expect, it } from 'vitest';
import { indexAt, offsetsOf, tailRange, windowRange } from '@/components/panel/virtual/layout';

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);

describe('windowed list layout', () => {
  it('places rows by their measured heights, and an estimate for the others', () => {
    const offsets = offsetsOf(keys(4), new Map([['k1', 100], ['k3', 10]]), 50);
    expect([...offsets]).toEqual([0, 50, 150, 200, 210]);
  });

  it('finds the row at a height, clamped to the first and last rows', () => {
    const offsets = offsetsOf(keys(4), new Map(), 50); // 0 50 100 150 200
    expect(indexAt(offsets, -30)).toBe(0);
    expect(indexAt(offsets, 0)).toBe(0);
    expect(indexAt(offsets, 49.9)).toBe(0);
    expect(indexAt(offsets, 50)).toBe(1);
    expect(indexAt(offsets, 199)).toBe(3);
    expect(indexAt(offsets, 10_000)).toBe(3);
    expect(indexAt(offsetsOf([], new Map(), 50), 0)).toBe(-1);
  });

  it('renders the rows in the viewport, then more on both sides within the budget of elements', () => {
    const offsets = offsetsOf(keys(1_000), new Map(), 50);
    const cost = () => 10;
    // The viewport shows rows 100 to 109 (500 px from y = 5,000).
    const small = windowRange({ offsets, top: 5_000, height: 500, cost, budget: 100, reach: 50 });
    expect(small).toEqual({ start: 100, end: 110 });
    const more = windowRange({ offsets, top: 5_000, height: 500, cost, budget: 300, reach: 50 });
    expect(more).toEqual({ start: 90, end: 120 });
    expect((more.end - more.start) * 10).toBeLessThanOrEqual(300);
  });

  it('never leaves out a row in the viewport, whatever the budget', () => {
    const offsets = offsetsOf(keys(100), new Map(), 50);
    expect(windowRange({ offsets, top: 1_025, height: 200, cost: () => 500, budget: 10, reach: 50 })).toEqual({ start: 20, end: 25 });
  });

  it('stops at the reach on each side, and at the ends of the list', () => {
    const offsets = offsetsOf(keys(30), new Map(), 50);
    expect(windowRange({ offsets, top: 500, height: 100, cost: () => 1, budget: 1_000, reach: 3 })).toEqual({ start: 7, end: 15 });
    expect(windowRange({ offsets, top: 0, height: 100, cost: () => 1, budget: 1_000, reach: 100 })).toEqual({ start: 0, end: 30 });
    expect(windowRange({ offsets: offsetsOf([], new Map(), 50), top: 0, height: 100, cost: () => 1, budget: 10, reach: 5 })).toEqual({ start: 0, end: 0 });
  });

  it('spends the budget on measured costs: heavy rows take more of it', () => {
    const offsets = offsetsOf(keys(100), new Map(), 50);
    const cost = (i: number) => (i < 50 ? 100 : 1);
    const range = windowRange({ offsets, top: 2_500, height: 50, cost, budget: 250, reach: 100 });
    expect(range.start).toBe(48); // rows above are heavy: two of them fit
    expect(range.end).toBeGreaterThan(90);
  });

  it('without a layout, the newest rows', () => {
    expect(tailRange(1_000, 400)).toEqual({ start: 600, end: 1_000 });
    expect(tailRange(3, 400)).toEqual({ start: 0, end: 3 });
  });
});
