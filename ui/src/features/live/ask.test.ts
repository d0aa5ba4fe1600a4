import { describe, expect, it } from "vitest";
import { startAsking } from "./ask";

function fakeTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 1;
  return {
    pending,
    setTimeout: (fn: () => void, ms: number) => {
      pending.set(next, { fn, ms });
      return next++;
    },
    clearTimeout: (h: unknown) => void pending.delete(h as number),
    fire() {
      const all = [...pending.values()];
      pending.clear();
      for (const p of all) p.fn();
    },
  };
}
const settle = () => new Promise((r) => setTimeout(r, 0));

describe("asking for a snapshot when there is a reason to", () => {
  it("asks once at start and never on its own after that", async () => {
    const t = fakeTimers();
    let calls = 0;
    startAsking(async () => void calls++, t);
    await settle();
    expect(calls).toBe(1);
    expect(t.pending.size).toBe(0);
  });

  it("asks again when told, after the call in flight, once however often told", async () => {
    const t = fakeTimers();
    let calls = 0;
    let release: () => void = () => {};
    const a = startAsking(() => {
      calls++;
      return new Promise<void>((r) => (release = r));
    }, t);
    a.ask();
    a.ask();
    expect(calls).toBe(1);
    release();
    await settle();
    expect(calls).toBe(2);
    release();
    await settle();
    expect(calls).toBe(2);
  });

  it("asks at the one instant set, the last one set winning, and nothing after stop", async () => {
    const t = fakeTimers();
    let calls = 0;
    const a = startAsking(async () => void calls++, t);
    await settle();
    a.askIn(5000);
    a.askIn(2000);
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([2000]);
    t.fire();
    await settle();
    expect(calls).toBe(2);
    a.askIn(1000);
    a.stop();
    expect(t.pending.size).toBe(0);
    a.ask();
    await settle();
    expect(calls).toBe(2);
  });
});
