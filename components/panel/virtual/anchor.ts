// The reader's place in a windowed list: one row and where its bottom edge was in the viewport. The bottom,
// because what changes in a row when rows come before it (its day separator, the sender's name, the gap
// before a group) is above its bubble, and the bubble must not move.
import { indexAt } from './layout';

export interface Anchor {
  key: string;
  /** The row's bottom minus the viewport's top, in px… */
  offset: number;
  /** …when the scroller was scrolled this far (what the reader scrolled since is no change to undo). */
  scrollTop: number;
}

/** Where the anchor should be now: where it was, moved by what the reader scrolled since. */
export const anchorOffset = (el: HTMLElement, a: Anchor) => a.offset - (el.scrollTop - a.scrollTop);

const bottomIn = (el: HTMLElement, row: HTMLElement) => row.getBoundingClientRect().bottom - el.getBoundingClientRect().top;

/** Scrolls so that the anchor's row is where it should be, after the DOM changed; answers the anchor now. */
export function restoreAnchor(el: HTMLElement, anchor: Anchor, row: HTMLElement): Anchor {
  const want = anchorOffset(el, anchor);
  const delta = bottomIn(el, row) - want;
  if (Math.abs(delta) >= 1) el.scrollTop += delta;
  return { key: anchor.key, offset: want, scrollTop: el.scrollTop };
}

/** The row at the viewport's top: where the DOM has it if rendered, else where the row offsets put it. */
export function captureAnchor(
  el: HTMLElement,
  keys: readonly string[],
  offsets: Float64Array,
  listTop: number,
  rendered: ReadonlyMap<string, HTMLElement>,
): Anchor | null {
  const i = indexAt(offsets, el.scrollTop - listTop);
  if (i < 0) return null;
  const key = keys[i]!;
  const row = rendered.get(key);
  const offset = row ? bottomIn(el, row) : listTop + offsets[i + 1]! - el.scrollTop;
  return { key, offset, scrollTop: el.scrollTop };
}
