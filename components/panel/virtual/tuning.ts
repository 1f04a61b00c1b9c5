// The numbers the windowed thread is tuned by (see window-controller.ts).

/** A row not measured yet: its height in px, and the elements it puts in the DOM. */
export const ESTIMATED_HEIGHT = 52;
export const ESTIMATED_COST = 8;
/** Elements the rendered rows may hold together; the thread's bound is 1,500 with the rest of the list. */
export const ELEMENT_BUDGET = 1_000;
/** Rows per side just after a jump, or after older rows came above; then REACH_STEP more whenever the page
 *  is idle, up to MAX_REACH (and within the budget): little is rendered at once, the rest when nothing runs. */
export const FIRST_REACH = 12;
export const REACH_STEP = 12;
export const MAX_REACH = 240;
/** Before the list knows its viewport: the newest rows. Without a layout at all (every size 0): more. */
export const INITIAL_ROWS = 24;
export const NO_LAYOUT_ROWS = 400;
/** The newest rows stay rendered wherever the reader is: a question the team just asked can be answered
 *  (Tab, a screen reader's browse mode, find in page reach it) without scrolling down to it first. */
export const TAIL_ROWS = 4;
export const NEAR_BOTTOM_PX = 32;
export const NEAR_TOP_PX = 48;
