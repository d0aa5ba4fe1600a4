// The window's rows before and after it measures its place, on a fake page (no DOM here): frames
// run when the test says so.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createRoot, createSignal } from "solid-js";
import { createWindow, type WindowOptions } from "./createWindow";

let frames: (() => void)[] = [];
/** Runs the frames asked for so far (not those they ask for). */
function nextFrame() {
  const run = frames;
  frames = [];
  for (const f of run) f();
}

beforeEach(() => {
  frames = [];
  vi.stubGlobal("window", { innerHeight: 900, addEventListener() {}, removeEventListener() {}, scrollBy() {} });
  vi.stubGlobal("requestAnimationFrame", (f: () => void) => frames.push(f));
  vi.stubGlobal("cancelAnimationFrame", (n: number) => {
    frames[n - 1] = () => {};
  });
  vi.stubGlobal("getComputedStyle", () => ({ overflowY: "visible" }));
});
afterEach(() => vi.unstubAllGlobals());

/** A list whose first row's top is `top` px below the viewport's top, in the page; not in the
 * document yet (as when its component renders) until `insert`. */
function fakeList(top: number) {
  const el = { isConnected: false, parentElement: null, getBoundingClientRect: () => ({ top }) };
  return { el: el as unknown as HTMLElement, insert: () => (el.isConnected = true) };
}

function open(opts: Partial<WindowOptions>, el: HTMLElement) {
  return createRoot((dispose) => {
    const win = createWindow({ count: () => 40, rowHeight: 63, overscan: 3, renderAll: 12, ...opts });
    win.ref(el);
    return { win, dispose };
  });
}

describe("createWindow", () => {
  it("renders the rows a viewport holds, without overscan, until it knows its place", () => {
    // 900 px from the list's top: rows 0–14; then, measured 250 px down: rows 0–10 and 3 more.
    const list = fakeList(250);
    const { win, dispose } = open({}, list.el);
    expect(win.range()).toEqual({ start: 0, end: 15 });
    list.insert();
    nextFrame();
    expect(win.range()).toEqual({ start: 0, end: 14 });
    dispose();
  });

  it("lazy: no row before the first measure, the rows on screen then, the overscan a frame later", () => {
    const list = fakeList(250);
    const { win, dispose } = open({ lazy: true }, list.el);
    expect(win.range()).toEqual({ start: 0, end: 0 });
    list.insert();
    nextFrame();
    expect(win.range()).toEqual({ start: 0, end: 11 });
    nextFrame();
    expect(win.range()).toEqual({ start: 0, end: 14 });
    dispose();
  });

  it("lazy: a short list is rendered whole at once", () => {
    const { win, dispose } = open({ lazy: true, count: () => 12 }, fakeList(250).el);
    expect(win.range()).toEqual({ start: 0, end: 12 });
    dispose();
  });

  it("lazy: a list still out of the document at its first frame renders the guess after all", () => {
    const { win, dispose } = open({ lazy: true }, fakeList(250).el);
    nextFrame();
    expect(win.range()).toEqual({ start: 0, end: 15 });
    dispose();
  });

  it("lazy: a list that grows past `renderAll` waits for its measure too", () => {
    const [count, setCount] = createSignal(12);
    const list = fakeList(-630);
    const { win, dispose } = open({ lazy: true, count }, list.el);
    expect(win.range()).toEqual({ start: 0, end: 12 });
    list.insert();
    setCount(40);
    // The list is in the document: measured at once (630 px scrolled past: rows 10–24, and 3 more
    // each side once the first frame has run).
    expect(win.range()).toEqual({ start: 10, end: 25 });
    nextFrame();
    nextFrame();
    expect(win.range()).toEqual({ start: 7, end: 28 });
    dispose();
  });
});
