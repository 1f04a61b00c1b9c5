// Where the rows of a windowed list are, from their measured heights (an estimate for rows not yet
// measured), and which of them to render: those in the viewport, then more on both sides while the DOM
// stays within a budget of elements. Pure functions over arrays, so they are tested without a layout.

/** Top of each row and, last, the total height: offsets[i] is row i's top, offsets[n] the list's height. */
export function offsetsOf(keys: readonly string[], heights: ReadonlyMap<string, number>, estimate: number): Float64Array {
  const offsets = new Float64Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) offsets[i + 1] = offsets[i]! + (heights.get(keys[i]!) ?? estimate);
  return offsets;
}

/** The row at height y (the first row for y above the list, the last for y below it); -1 for no rows. */
export function indexAt(offsets: Float64Array, y: number): number {
  const n = offsets.length - 1;
  if (n <= 0) return -1;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface Range {
  /** First row rendered. */
  start: number;
  /** One past the last row rendered. */
  end: number;
}

export interface WindowInput {
  offsets: Float64Array;
  /** The viewport, in the list's own coordinates (0 = the first row's top). */
  top: number;
  height: number;
  /** Elements a row puts in the DOM (measured, or an estimate). */
  cost: (index: number) => number;
  /** Elements the rendered rows may hold together; the rows in the viewport are rendered whatever it says. */
  budget: number;
  /** Rows at most on each side of the viewport. */
  reach: number;
}

/** The rows in the viewport, then one more on each side in turn while the budget and reach allow. */
export function windowRange({ offsets, top, height, cost, budget, reach }: WindowInput): Range {
  const n = offsets.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const first = indexAt(offsets, top);
  let last = indexAt(offsets, top + Math.max(height, 1) - 0.5);
  if (last < first) last = first;
  let start = first;
  let end = last + 1;
  let spent = 0;
  for (let i = start; i < end; i++) spent += cost(i);
  let above = 0;
  let below = 0;
  for (let grew = true; grew; ) {
    grew = false;
    if (below < reach && end < n && spent + cost(end) <= budget) {
      spent += cost(end++);
      below++;
      grew = true;
    }
    if (above < reach && start > 0 && spent + cost(start - 1) <= budget) {
      spent += cost(--start);
      above++;
      grew = true;
    }
  }
  return { start, end };
}

/** The newest `count` rows: what a list shows before it knows its size, or when it has no layout at all. */
export function tailRange(n: number, count: number): Range {
  return { start: Math.max(0, n - count), end: n };
}
