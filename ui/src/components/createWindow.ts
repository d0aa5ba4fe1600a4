// A window over a long list of fixed-height rows: tracks where the list sits in its scrolling
// container (the page, or the nearest ancestor that scrolls) and answers which rows to render.
// Rows outside the window are not in the DOM; spacers keep the scroll height (see window.ts).
import { createEffect, createMemo, createSignal, on, onCleanup } from "solid-js";
import { revealDelta, windowRange, type WindowRange } from "./window";

export interface WindowOptions {
  count: () => number;
  /** Row height in px (fixed rows; a signal when measured from a rendered row). */
  rowHeight: number | (() => number);
  /** Rows rendered beyond each edge of the viewport (default 6). */
  overscan?: number;
  /** Lists of at most this many rows are rendered whole (default 0). */
  renderAll?: number;
  /** Renders no row until the list's place is measured (in the frame that first paints it), then
   * the rows on screen, and the overscan a frame later: for rows that cost much to render (a
   * calendar lane holds 50 blocks), none is rendered from a guess and dropped unseen. */
  lazy?: boolean;
}

export interface ListWindow {
  /** Put on the element whose top is the first row's top (a `<tbody>`, a `<ul>`…). */
  ref: (el: HTMLElement) => void;
  range: () => WindowRange;
  /** Scrolls the container so that row `index` is visible (and renders the new window at once). */
  reveal: (index: number) => void;
  /** Re-measure now (after a layout change that moved the list). */
  measure: () => void;
}

/** The nearest ancestor that scrolls vertically (its content overflows), else `null` (the page). */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const oy = getComputedStyle(p).overflowY;
    if ((oy === "auto" || oy === "scroll") && p.scrollHeight > p.clientHeight + 1) return p;
  }
  return null;
}

export function createWindow(opts: WindowOptions): ListWindow {
  const overscan = opts.overscan ?? 6;
  const rowHeight = () => (typeof opts.rowHeight === "number" ? opts.rowHeight : opts.rowHeight());
  let el: HTMLElement | undefined;
  let parent: HTMLElement | null = null;
  const geometry = () => {
    if (!el?.isConnected) return null;
    const top = el.getBoundingClientRect().top;
    if (parent) {
      const pr = parent.getBoundingClientRect();
      return { offset: pr.top + parent.clientTop - top, viewport: parent.clientHeight };
    }
    return { offset: -top, viewport: window.innerHeight };
  };
  // Before the list is in the document its place is unknown: the first render holds the rows a
  // viewport shows from the list's top, without overscan (rows rendered from that guess and
  // dropped by the first measure, before the first paint, were wasted work).
  const unplaced = () => ({ offset: 0, viewport: typeof window === "undefined" ? 800 : window.innerHeight });
  // A lazy window renders nothing before its first measure (see `lazy`), nor its overscan until the
  // frame after it.
  const [held, setHeld] = createSignal(!!opts.lazy);
  const [spread, setSpread] = createSignal(!opts.lazy);
  let spreading = 0;
  // Bumped on scroll, resize and reveal: the range is re-measured then (and when the count changes).
  const [tick, setTick] = createSignal(0);
  const range = createMemo(
    () => {
      tick();
      const count = opts.count();
      const g = geometry();
      if (!g && held() && count > (opts.renderAll ?? 0)) return { start: 0, end: 0 };
      return windowRange({
        ...(g ?? unplaced()),
        rowHeight: rowHeight(),
        count,
        overscan: g && spread() ? overscan : 0,
        renderAll: opts.renderAll,
      });
    },
    { start: 0, end: 0 },
    { equals: (a, b) => a.start === b.start && a.end === b.end },
  );
  const measure = () => setTick((n) => n + 1);
  let frame = 0;
  const schedule = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      measure();
    });
  };

  // Listens to the scrolling container once the list is in the document; again when the list
  // element is replaced or its length changes (a container may only start scrolling then).
  let detach: (() => void) | null = null;
  const attach = () => {
    detach?.();
    detach = null;
    if (!el?.isConnected) {
      // Not in the document (yet): a lazy window renders the rows from the guess after all.
      setHeld(false);
      return;
    }
    parent = scrollParent(el);
    const target: HTMLElement | Window = parent ?? window;
    target.addEventListener("scroll", schedule, { passive: true });
    window.addEventListener("resize", schedule);
    const ro = typeof ResizeObserver === "undefined" ? null : new ResizeObserver(schedule);
    ro?.observe(parent ?? document.body);
    detach = () => {
      target.removeEventListener("scroll", schedule);
      window.removeEventListener("resize", schedule);
      ro?.disconnect();
    };
    measure();
    if (!spread() && !spreading) spreading = requestAnimationFrame(() => ((spreading = 0), setSpread(true)));
  };
  let pending = 0;
  const attachSoon = () => {
    if (!pending) pending = requestAnimationFrame(() => ((pending = 0), attach()));
  };
  createEffect(on(opts.count, attachSoon, { defer: true }));
  onCleanup(() => {
    detach?.();
    if (frame) cancelAnimationFrame(frame);
    if (pending) cancelAnimationFrame(pending);
    if (spreading) cancelAnimationFrame(spreading);
  });

  return {
    ref: (e) => {
      el = e;
      attachSoon();
    },
    range,
    reveal: (index) => {
      if (!el?.isConnected) return;
      if (!detach) attach();
      const g = geometry() ?? unplaced();
      const d = revealDelta(index, { ...g, rowHeight: rowHeight() });
      if (d !== null) {
        if (parent) parent.scrollTop += d;
        else window.scrollBy(0, d);
      }
      measure();
    },
    measure,
  };
}
