// A list that renders only the rows near its viewport, whatever their number (issue 17). Rows have any
// height: each is measured (ResizeObserver) once rendered, and padding stands for the rows that are not.
// The reader's place is kept by an anchor, one row and its distance from the viewport's top: after any
// change above it (older rows prepended, a row measured, an image loaded) the list scrolls so that the row
// is back where it was. A reader at the bottom stays there as rows arrive.
// Without a layout (happy-dom, a hidden panel: every size 0) it renders the newest rows, up to 400, so that
// tests without a browser still see them.
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createWindowController } from './window-controller';

export interface WindowedListOptions {
  /** The rows' keys, in order. */
  keys: readonly string[];
  /** Another list: start again at the bottom, with nothing measured. */
  resetKey: string;
  /** The reader is within a viewport of the top (or the rows do not fill the viewport). */
  onNearTop?: () => void;
}

export function useWindowedList({ keys, resetKey, onNearTop }: WindowedListOptions) {
  const scroller = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [, setTick] = useState(0);
  const controller = useMemo(() => createWindowController({ scroller, list }, () => setTick((t) => t + 1)), []);
  const shown = useRef(resetKey);
  if (shown.current !== resetKey) {
    shown.current = resetKey;
    controller.reset();
  }

  useLayoutEffect(() => (scroller.current ? controller.observeScroller(scroller.current) : undefined), [controller]);
  const visible = controller.render(keys, onNearTop);
  useLayoutEffect(() => controller.committed());

  return {
    scroller,
    list,
    ...visible,
    /** Stable: rows keep it as a prop without rendering again. */
    register: controller.register,
    onScroll: controller.onScroll,
    stickToBottom: controller.stickToBottom,
    /** Render again (after stickToBottom from an event). */
    refresh: () => setTick((t) => t + 1),
  };
}
