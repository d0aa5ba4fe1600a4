import { describe, expect, it } from "vitest";
import { staying } from "./moves";

/** The order `now` reaches `next` by moving the elements `staying` does not keep, as the lanes
 * move them (each before the element after it, from the end). */
function reorder(now: string[], next: string[]): { result: string[]; moved: number } {
  const list = now.filter((x) => next.includes(x));
  const keep = staying(next.map((x) => list.indexOf(x)));
  let moved = 0;
  let anchor: string | null = null;
  for (let i = next.length - 1; i >= 0; i--) {
    if (!keep[i]) {
      const from = list.indexOf(next[i]);
      if (from >= 0) list.splice(from, 1);
      list.splice(anchor === null ? list.length : list.indexOf(anchor), 0, next[i]);
      moved++;
    }
    anchor = next[i];
  }
  return { result: list, moved };
}

function longestRise(xs: number[]): number {
  const best = xs.map(() => 1);
  for (let i = 0; i < xs.length; i++) for (let j = 0; j < i; j++) if (xs[j] < xs[i]) best[i] = Math.max(best[i], best[j] + 1);
  return Math.max(0, ...best);
}

describe("the elements a reorder leaves in place", () => {
  it("moves only the element that moved", () => {
    expect(reorder(["a", "b", "c", "d"], ["b", "c", "d", "a"])).toEqual({ result: ["b", "c", "d", "a"], moved: 1 });
    expect(reorder(["a", "b", "c", "d"], ["d", "a", "b", "c"])).toEqual({ result: ["d", "a", "b", "c"], moved: 1 });
    expect(reorder(["a", "b", "c"], ["a", "b", "c"]).moved).toBe(0);
    expect(reorder(["a", "c"], ["a", "b", "c"])).toEqual({ result: ["a", "b", "c"], moved: 1 });
    expect(staying([])).toEqual([]);
  });

  it("reaches any new order, moving no more than it must", () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const now = Array.from({ length: rnd(12) }, (_, i) => `e${i}`);
      const next = now.filter(() => rnd(5) > 0);
      for (let i = next.length - 1; i > 0; i--) {
        if (rnd(3) === 0) {
          const j = rnd(i + 1);
          [next[i], next[j]] = [next[j], next[i]];
        }
      }
      for (let k = rnd(3); k > 0; k--) next.splice(rnd(next.length + 1), 0, `new${round}-${k}`);
      const { result, moved } = reorder(now, next);
      expect(result).toEqual(next);
      // What stays is a rising run of old positions, as long as the longest (plain O(n²) count).
      const at = next.map((x) => now.filter((y) => next.includes(y)).indexOf(x));
      const kept = at.filter((_, i) => staying(at)[i]);
      expect(kept.every((p, i) => p >= 0 && (i === 0 || kept[i - 1] < p))).toBe(true);
      expect(kept.length).toBe(longestRise(at.filter((p) => p >= 0)));
      expect(moved).toBe(next.length - kept.length);
    }
  });
});
