import { describe, expect, it } from "vitest";
import { applySplices } from "./viewChanges";

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

  it("keeps the untouched items (same objects) and the list itself when nothing changed", () => {
    const list = [{ id: 1 }, { id: 2 }, { id: 3 }];
    expect(applySplices(list, [])).toBe(list);
    const got = applySplices(list, [{ at: 1, remove: 1, insert: [{ id: 9 }] }]);
    expect(got[0]).toBe(list[0]);
    expect(got[2]).toBe(list[2]);
    expect(got.map((x) => x.id)).toEqual([1, 9, 3]);
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
