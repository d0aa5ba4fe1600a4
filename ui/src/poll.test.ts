import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createSequencer, startPolling } from "./poll";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("startPolling", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("never overlaps calls and waits the interval after each one settles", async () => {
    const pending: ReturnType<typeof deferred<void>>[] = [];
    let active = 0;
    let maxActive = 0;
    const run = vi.fn(() => {
      active++;
      maxActive = Math.max(maxActive, active);
      const d = deferred<void>();
      pending.push(d);
      return d.promise.finally(() => active--);
    });
    const p = startPolling(run, 1000);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000); // a slow call: nothing else starts
    expect(run).toHaveBeenCalledTimes(1);
    pending[0].resolve();
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(2);
    pending[1].resolve();
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(3);
    expect(maxActive).toBe(1);
    p.stop();
    pending[2].resolve();
    await vi.advanceTimersByTimeAsync(10000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it("keeps polling after a failure and runs at once on poke", async () => {
    let n = 0;
    const run = vi.fn(() => (++n === 1 ? Promise.reject(new Error("boom")) : Promise.resolve()));
    const p = startPolling(run, 1000);
    await vi.advanceTimersByTimeAsync(1000);
    expect(run).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(300);
    p.poke();
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(999);
    expect(run).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(run).toHaveBeenCalledTimes(4);
    p.stop();
  });

  it("defers a poke that arrives during a call until it settles", async () => {
    const d = deferred<void>();
    const run = vi.fn(() => (run.mock.calls.length === 1 ? d.promise : Promise.resolve()));
    const p = startPolling(run, 1000);
    p.poke();
    expect(run).toHaveBeenCalledTimes(1);
    d.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(run).toHaveBeenCalledTimes(2);
    p.stop();
  });
});

describe("createSequencer", () => {
  it("drops a response older than one already applied", async () => {
    const shown: string[] = [];
    const seq = createSequencer<string>((v) => shown.push(v));
    const slow = deferred<string>();
    const fast = deferred<string>();
    const a = seq(slow.promise);
    const b = seq(fast.promise);
    fast.resolve("action");
    await b;
    slow.resolve("stale poll");
    await a;
    expect(shown).toEqual(["action"]);
  });
});
