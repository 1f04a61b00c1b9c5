// The state of a windowed list between renders, and what it does to the DOM: which rows to render, the
// anchor that keeps the reader's place, the rows' measured heights. One per mounted list (see
// use-windowed-list.ts); plain code over a scroller and a list element, so its rules read in one place.
import { anchorOffset, captureAnchor, restoreAnchor, type Anchor } from './anchor';
import { whenIdle } from './idle';
import { offsetsOf, tailRange, windowRange, type Range } from './layout';
import {
  ELEMENT_BUDGET, ESTIMATED_COST, ESTIMATED_HEIGHT, FIRST_REACH, INITIAL_ROWS, MAX_REACH, NEAR_BOTTOM_PX, NEAR_TOP_PX,
  NO_LAYOUT_ROWS, REACH_STEP, TAIL_ROWS,
} from './tuning';


export interface Elements {
  scroller: { current: HTMLElement | null };
  list: { current: HTMLElement | null };
}

export function createWindowController({ scroller, list }: Elements, rerender: () => void) {
  let keys: readonly string[] = [];
  let pinned = true;
  let anchor: Anchor | null = null;
  /** The scroll position last seen (in a scroll event) or set (restoring the place). */
  let known = 0;
  /** Undefined until mounted; 0 when there is no layout. */
  let viewport: number | undefined;
  let listTop = 0;
  let reach = FIRST_REACH;
  let range: Range = { start: 0, end: 0 };
  let heights = new Map<string, number>();
  let costs = new Map<string, number>();
  let offsetCache: Float64Array | null = null;
  const elements = new Map<string, HTMLElement>();
  let nearTop: (() => void) | undefined;

  const offsets = () => (offsetCache ??= offsetsOf(keys, heights, ESTIMATED_HEIGHT));
  const cost = (i: number) => costs.get(keys[i]!) ?? ESTIMATED_COST;

  function compute(): Range {
    const n = keys.length;
    if (viewport === undefined) return tailRange(n, INITIAL_ROWS);
    if (viewport === 0) return tailRange(n, NO_LAYOUT_ROWS);
    const o = offsets();
    const el = scroller.current;
    const at = !pinned && anchor && el ? keys.indexOf(anchor.key) : -1;
    const top = pinned || !el ? o[n]! - viewport : at >= 0 ? o[at + 1]! - anchorOffset(el, anchor!) : el.scrollTop - listTop;
    let tail = 0;
    for (let i = Math.max(0, n - TAIL_ROWS); i < n; i++) tail += cost(i);
    return windowRange({ offsets: o, top, height: viewport, cost, budget: ELEMENT_BUDGET - tail, reach });
  }

  /** Puts the anchor back where it was (or the bottom in view) after the DOM changed. */
  function restore() {
    const el = scroller.current;
    if (!el) return;
    // The reader may have scrolled since the last scroll event (it comes with the next frame). One leaving
    // the bottom must be seen now, or they would be pulled back there. One with an anchor keeps it: the
    // anchor knows the scroll it was taken at, and the place taken again from the changed rows (older ones
    // prepended) would be as many rows higher than the reader was.
    if (el.scrollTop !== known && (pinned || !anchor)) noteScroll(el);
    if (pinned) el.scrollTop = el.scrollHeight;
    else if (anchor && elements.has(anchor.key)) anchor = restoreAnchor(el, anchor, elements.get(anchor.key)!);
    known = el.scrollTop;
  }

  /** Where the reader is now: at the bottom (pinned), or at an anchor. Answers whether that changed. */
  function noteScroll(el: HTMLElement): boolean {
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    const flipped = atBottom !== pinned;
    pinned = atBottom;
    anchor = atBottom ? null : captureAnchor(el, keys, offsets(), listTop, elements);
    known = el.scrollTop;
    if (el.scrollTop < Math.max(NEAR_TOP_PX, el.clientHeight)) nearTop?.();
    return flipped;
  }

  const observer =
    typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver((entries) => {
          let changed = false;
          let resized = false;
          for (const entry of entries) {
            const target = entry.target as HTMLElement;
            if (target === scroller.current) {
              resized ||= viewport !== target.clientHeight;
              viewport = target.clientHeight;
              continue;
            }
            const key = target.dataset.row;
            if (!key || elements.get(key) !== target) continue;
            const height = entry.borderBoxSize?.[0]?.blockSize ?? target.getBoundingClientRect().height;
            costs.set(key, target.getElementsByTagName('*').length + 1);
            if (heights.get(key) !== height) {
              heights.set(key, height);
              changed = true;
            }
          }
          if (!changed && !resized) return;
          offsetCache = null;
          restore();
          // Rows measured inside the window move no spacer: render again only if other rows are due.
          const next = compute();
          if (resized || next.start !== range.start || next.end !== range.end) rerender();
        });

  return {
    /** Called while rendering: the rows now, and which to render. */
    render(nextKeys: readonly string[], onNearTop: (() => void) | undefined) {
      if (nextKeys !== keys) {
        offsetCache = null;
        // Older rows came above: those beyond the viewport render when the page is idle, not in this frame.
        if (keys.length && nextKeys[0] !== keys[0] && nextKeys.indexOf(keys[0]!) > 0) reach = FIRST_REACH;
      }
      keys = nextKeys;
      nearTop = onNearTop;
      let next = compute();
      if (viewport && reach > FIRST_REACH && (next.start >= range.end || next.end <= range.start)) {
        // A jump (to the newest, or far along the scrollbar) renders little at once, the rest when idle.
        reach = FIRST_REACH;
        next = compute();
      }
      range = next;
      const n = keys.length;
      const tailStart = Math.max(next.end, n - TAIL_ROWS);
      const o = viewport ? offsets() : null;
      return {
        ...next,
        /** The newest rows, after a gap, when the rows near the viewport do not reach them. */
        tailStart,
        padTop: o ? o[next.start]! : 0,
        gap: o ? o[tailStart]! - o[next.end]! : 0,
        padBottom: o ? o[n]! - o[Math.max(next.end, tailStart)]! : 0,
        away: !pinned && (viewport ?? 0) > 0,
      };
    },
    /** Another list: the bottom again, nothing measured. */
    reset() {
      pinned = true;
      anchor = null;
      reach = FIRST_REACH;
      heights = new Map();
      costs = new Map();
      offsetCache = null;
    },
    /** After each render: measure the viewport, keep the place, grow the window. Answers a cleanup. */
    committed(): (() => void) | undefined {
      const el = scroller.current;
      if (!el) return undefined;
      const height = el.clientHeight;
      listTop = list.current?.offsetTop ?? 0;
      restore();
      if (viewport !== height) {
        viewport = height;
        rerender();
        return undefined;
      }
      // Content shorter than the viewport, or a reader still near the top once a page has been drawn (no
      // scroll event comes to one parked at the very top): older rows are due.
      if (height > 0 && (el.scrollHeight <= height || el.scrollTop < Math.max(NEAR_TOP_PX, height))) nearTop?.();
      if (height === 0 || reach >= MAX_REACH) return undefined;
      return whenIdle(() => {
        reach = Math.min(MAX_REACH, reach + REACH_STEP);
        const next = compute();
        // Where the element budget (or the list's ends) already holds the rows, a wider reach renders the
        // same ones: stop here rather than render and lay the list out again at every idle moment.
        if (next.start === range.start && next.end === range.end) reach = MAX_REACH;
        else rerender();
      });
    },
    onScroll() {
      const el = scroller.current;
      if (!el) return;
      const flipped = noteScroll(el);
      const next = compute();
      if (flipped || next.start !== range.start || next.end !== range.end) rerender();
    },
    /** Show the newest rows and follow them. */
    stickToBottom() {
      pinned = true;
      anchor = null;
    },
    /** A rendered row, measured now and whenever its size changes. Answers its unregistration. */
    register(key: string, el: HTMLElement) {
      elements.set(key, el);
      observer?.observe(el);
      return () => {
        observer?.unobserve(el);
        if (elements.get(key) === el) elements.delete(key);
      };
    },
    observeScroller(el: HTMLElement) {
      observer?.observe(el);
      return () => observer?.disconnect();
    },
  };
}
