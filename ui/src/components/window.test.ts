import { describe, expect, it } from "vitest";
import { revealDelta, spacers, windowRange } from "./window";

const base = { rowHeight: 30, count: 2000, overscan: 0 };

describe("windowRange", () => {
  it("renders only the rows inside the viewport at the top", () => {
    expect(windowRange({ ...base, offset: 0, viewport: 300 })).toEqual({ start: 0, end: 10 });
  });

  it("follows the scroll offset, partly visible rows included", () => {
    // 6,015 px down: row 200 is half hidden above, rows up to 210 (half) are visible.
    expect(windowRange({ ...base, offset: 6015, viewport: 300 })).toEqual({ start: 200, end: 211 });
  });

  it("adds the overscan on both sides, clamped to the list", () => {
    expect(windowRange({ ...base, overscan: 5, offset: 6000, viewport: 300 })).toEqual({ start: 195, end: 215 });
    expect(windowRange({ ...base, overscan: 5, offset: 0, viewport: 300 })).toEqual({ start: 0, end: 15 });
    expect(windowRange({ ...base, overscan: 5, offset: 2000 * 30 - 300, viewport: 300 })).toEqual({
      start: 1985,
      end: 2000,
    });
  });

  it("renders the first rows when the list starts below the viewport's top", () => {
    // The list begins 200 px down a 500 px viewport: 300 px of it (10 rows) show.
    expect(windowRange({ ...base, offset: -200, viewport: 500 })).toEqual({ start: 0, end: 10 });
  });

  it("renders nothing when the list is scrolled past or below the viewport", () => {
    const below = windowRange({ ...base, offset: -900, viewport: 500 });
    expect(below.end - below.start).toBeLessThanOrEqual(1);
    const past = windowRange({ ...base, count: 10, offset: 5000, viewport: 500 });
    expect(past).toEqual({ start: 10, end: 10 });
  });

  it("keeps the rendered count flat whatever the list's length", () => {
    const small = windowRange({ ...base, count: 50, overscan: 6, offset: 0, viewport: 900 });
    const big = windowRange({ ...base, count: 200_000, overscan: 6, offset: 3_000_000, viewport: 900 });
    expect(big.end - big.start).toBeLessThanOrEqual(small.end - small.start + 6);
    expect(big.end - big.start).toBeLessThan(50);
  });

  it("is empty for an empty list or a zero row height", () => {
    expect(windowRange({ ...base, count: 0, offset: 0, viewport: 500 })).toEqual({ start: 0, end: 0 });
    expect(windowRange({ ...base, rowHeight: 0, offset: 0, viewport: 500 })).toEqual({ start: 0, end: 0 });
  });

  it("renders a list up to `renderAll` rows whole, and windows a longer one", () => {
    expect(windowRange({ ...base, count: 150, renderAll: 150, offset: 3000, viewport: 300 })).toEqual({
      start: 0,
      end: 150,
    });
    expect(windowRange({ ...base, count: 151, renderAll: 150, offset: 3000, viewport: 300 })).toEqual({
      start: 100,
      end: 110,
    });
  });
});

describe("spacers", () => {
  it("stand in for the rows outside the window, so the scroll height is the full list's", () => {
    const r = { start: 195, end: 215 };
    const s = spacers(r, 30, 2000);
    expect(s).toEqual({ before: 195 * 30, after: (2000 - 215) * 30 });
    expect(s.before + (r.end - r.start) * 30 + s.after).toBe(2000 * 30);
  });
});

describe("revealDelta", () => {
  const w = { rowHeight: 30, viewport: 300 };
  it("does not move when the row is fully visible", () => {
    expect(revealDelta(12, { ...w, offset: 300 })).toBeNull();
  });
  it("scrolls up to a row above the viewport", () => {
    expect(revealDelta(5, { ...w, offset: 300 })).toBe(150 - 300);
  });
  it("scrolls down just enough for a row below the viewport", () => {
    // Row 30 spans 900–930; the viewport ends at 600.
    expect(revealDelta(30, { ...w, offset: 300 })).toBe(330);
  });
});
