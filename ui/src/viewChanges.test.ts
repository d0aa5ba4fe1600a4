import { describe, expect, it } from "vitest";
import { createStore, produce } from "solid-js/store";
import { mergeInto, spliceInto } from "./viewChanges";

/** `list` with `splices` applied (a copy). */
function applySplices<T>(list: readonly T[], splices: Parameters<typeof spliceInto<T>>[1]): T[] {
  const out = list.slice();
  spliceInto(out, splices);
  return out;
}

/** The same small xorshift the core's tests use, so a failure names its seed. */
function rng(seed: number) {
  let x = seed >>> 0 || 1;
  return (n: number) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

describe("applySplices", () => {
  it("applies splices in order, each at positions the earlier ones left", () => {
    // [a b c d e] → remove b, insert X Y after c (at 2 once b is gone), replace e.
    const got = applySplices(
      ["a", "b", "c", "d", "e"],
      [
        { at: 1, remove: 1, insert: [] },
        { at: 2, remove: 0, insert: ["X", "Y"] },
        { at: 5, remove: 1, insert: ["E"] },
      ],
    );
    expect(got).toEqual(["a", "c", "X", "Y", "d", "E"]);
  });

  it("splices a store in place without mixing up rows that shift", () => {
    // An insert shifts every later row: each must keep its own content (merging by position in
    // place, as reconcile does, would copy a row over the next one).
    const [s, set] = createStore({ f: [{ m: "a" }, { m: "b" }, { m: "c" }] });
    set(produce((d) => spliceInto(d.f, [{ at: 1, remove: 0, insert: [{ m: "x" }] }, { at: 3, remove: 1, insert: [] }])));
    expect(s.f.map((x) => x.m)).toEqual(["a", "x", "b"]);
  });

  it("turns any list into any other by a prefix/suffix splice", () => {
    for (let seed = 1; seed < 300; seed++) {
      const r = rng(seed);
      const a = Array.from({ length: r(20) }, () => r(5));
      const b = Array.from({ length: r(20) }, () => r(5));
      let p = 0;
      while (p < a.length && p < b.length && a[p] === b[p]) p++;
      let q = 0;
      while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
      const s = [{ at: p, remove: a.length - p - q, insert: b.slice(p, b.length - q) }];
      expect(applySplices(a, s), `seed ${seed}`).toEqual(b);
    }
  });
});

describe("mergeInto", () => {
  it("writes only what differs, so readers of unchanged fields are not woken", () => {
    const [s, set] = createStore({ e: { id: "x", zone: "America/Toronto", revision: 4, tags: ["a", "b"] } });
    const zone = s.e.zone;
    const e = s.e;
    set(produce((d) => mergeInto(d.e, { id: "x", zone: "America/Toronto", revision: 5, tags: ["a", "c"] })));
    expect(s.e).toBe(e);
    expect(s.e.zone).toBe(zone);
    expect(s.e.revision).toBe(5);
    expect([...s.e.tags]).toEqual(["a", "c"]);
    set(produce((d) => mergeInto(d.e, { id: "x", zone: "UTC", revision: 6, tags: ["z"] })));
    expect({ ...s.e, tags: [...s.e.tags] }).toEqual({ id: "x", zone: "UTC", revision: 6, tags: ["z"] });
  });
});
