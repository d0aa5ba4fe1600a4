// Windowing arithmetic for long lists: which rows of fixed height are on screen for a scroll
// offset, and where to scroll to bring one row into view. Pure (no DOM) so it can be tested.

export interface WindowInput {
  /** How far the viewport's top is below the list's first row, in px (negative when the list
   * starts lower than the viewport's top). */
  offset: number;
  /** The viewport's height in px. */
  viewport: number;
  /** Every row's height in px. */
  rowHeight: number;
  /** How many rows the list has. */
  count: number;
  /** Rows kept rendered beyond each edge of the viewport. */
  overscan: number;
  /** A list this short is rendered whole (a small event keeps every row in the DOM). */
  renderAll?: number;
}

/** Rows `start` (included) to `end` (excluded). */
export interface WindowRange {
  start: number;
  end: number;
}

/** The rows at least partly inside the viewport, plus `overscan` rows on each side. */
export function windowRange(w: WindowInput): WindowRange {
  const count = Math.max(0, Math.floor(w.count));
  if (count <= (w.renderAll ?? 0)) return { start: 0, end: count };
  if (!(w.rowHeight > 0)) return { start: 0, end: 0 };
  const viewport = Math.max(0, w.viewport);
  const first = Math.floor(w.offset / w.rowHeight);
  const last = Math.ceil((w.offset + viewport) / w.rowHeight); // excluded
  const start = clamp(first - w.overscan, 0, count);
  const end = clamp(Math.max(last, first + 1) + w.overscan, start, count);
  return { start, end };
}

/** Heights of the blank space standing in for the rows before and after the window. */
export function spacers(r: WindowRange, rowHeight: number, count: number): { before: number; after: number } {
  return { before: r.start * rowHeight, after: Math.max(0, count - r.end) * rowHeight };
}

/**
 * The offset (same measure as `WindowInput.offset`) to scroll by so that row `index` is fully
 * visible, moving as little as possible; `null` when it already is.
 */
export function revealDelta(index: number, w: Omit<WindowInput, "count" | "overscan">): number | null {
  const top = index * w.rowHeight;
  const bottom = top + w.rowHeight;
  if (top < w.offset) return top - w.offset;
  if (bottom > w.offset + w.viewport) return Math.min(top - w.offset, bottom - (w.offset + w.viewport));
  return null;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, n));
}
