import { describe, expect, it } from "vitest";
import { createMemo, createRoot } from "solid-js";
import { $RAW, createStore, produce, unwrap } from "solid-js/store";
import { changesWith, viewWith } from "./testViews";
import { applyViewChanges, mergeInto, spliceInto, spliceList, type ListChanges, type RowChanges } from "./viewChanges";

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

describe("spliceList", () => {
  type Row = { id: string; n: number; note?: string };
  const rows = (): Row[] => [
    { id: "a", n: 1 },
    { id: "b", n: 2, note: "x" },
    { id: "c", n: 3 },
  ];

  it("merges a row replaced by one with its key into it: the same row, only its changed fields notify", () => {
    const [s, set] = createStore({ f: rows() });
    const b = s.f[1];
    const runs = { n: 0, id: 0 };
    const r = createRoot((dispose) => ({
      dispose,
      n: createMemo(() => (runs.n++, s.f[1].n)),
      id: createMemo(() => (runs.id++, s.f[1].id)),
    }));
    let got: RowChanges | null = null;
    set(produce((d) => (got = spliceList(d, "f", [{ at: 1, remove: 1, insert: [{ id: "b", n: 20 }] }], "id"))));
    expect(s.f[1]).toBe(b);
    expect({ ...s.f[1] }).toEqual({ id: "b", n: 20 });
    expect(r.n()).toBe(20);
    expect(runs).toEqual({ n: 2, id: 1 });
    expect(got).toEqual({ out: [unwrap(b)], in: [unwrap(b)] });
    expect(got!.out[0]).toBe(unwrap(s.f[1]));
    r.dispose();
  });

  it("replaces a row by one with another key, or by any row in a list without keys", () => {
    for (const key of ["id", null]) {
      const [s, set] = createStore({ f: rows() });
      const [a, b] = [unwrap(s.f[0]), s.f[1]];
      const x = { id: key ? "x" : "b", n: 9 };
      let got: RowChanges | null = null;
      set(produce((d) => (got = spliceList(d, "f", [{ at: 1, remove: 1, insert: [x] }], key))));
      expect(s.f[1]).not.toBe(b);
      expect(unwrap(s.f[1])).toBe(x);
      expect(unwrap(s.f[0])).toBe(a);
      expect(got).toEqual({ out: [unwrap(b)], in: [x] });
    }
  });

  it("writes a list whose rows come or go whole, once, keeping the rows that stay", () => {
    const [s, set] = createStore({ f: rows(), other: 1 });
    const before = unwrap(s.f);
    const [a, c] = [s.f[0], s.f[2]];
    const x = { id: "x", n: 0 };
    let got: RowChanges | null = null;
    set(
      produce((d) => {
        got = spliceList(
          d,
          "f",
          [
            { at: 0, remove: 0, insert: [x] },
            { at: 2, remove: 1, insert: [] },
          ],
          "id",
        );
      }),
    );
    expect(s.f.map((r) => r.id)).toEqual(["x", "a", "c"]);
    expect(s.f[1]).toBe(a);
    expect(s.f[2]).toBe(c);
    expect(before.map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(unwrap(s.f)).not.toBe(before);
    // Marked raw: the store does not walk it for proxies.
    expect(Object.prototype.hasOwnProperty.call(unwrap(s.f), $RAW)).toBe(true);
    expect(got).toEqual({ out: [before[1]], in: [x] });
  });

  it("answers nothing for no splices", () => {
    const [, set] = createStore({ f: rows() });
    let got: RowChanges | null = { out: [], in: [] };
    set(produce((d) => (got = spliceList(d, "f", [], "id"))));
    expect(got).toBeNull();
  });
});

describe("applyViewChanges", () => {
  it("answers the rows it changed, only for the lists it changed", () => {
    const seg = { id: "g1", sessionId: "s1", durationSecs: 60 };
    const view = viewWith(
      { event: { id: "e", revision: 1 }, sessions: [{ id: "s1", title: "S" }], segments: [seg] },
      { schedule: { supportWindow: null, sessions: [{ sessionId: "s1", runOfShowSecs: 60 }] } },
    );
    const finding = { code: "c", severity: "error", message: "m", subject: { kind: "session", id: "s1", name: "S" } };
    const ch = changesWith({
      eventId: "e",
      fromRevision: 1,
      event: { id: "e", revision: 2 },
      segments: [{ at: 0, remove: 1, insert: [{ ...seg, durationSecs: 90 }] }],
      schedule: [{ at: 0, remove: 1, insert: [{ sessionId: "s1", runOfShowSecs: 90 }] }],
      findings: [{ at: 0, remove: 0, insert: [finding] }],
    });
    const [s, set] = createStore({ v: view });
    let got: ListChanges = {};
    set(produce((d) => (got = applyViewChanges(d.v, ch))));
    expect(Object.keys(got).sort()).toEqual(["findings", "schedule", "segments"]);
    expect(got.segments).toEqual({ out: [seg], in: [seg] });
    expect(seg.durationSecs).toBe(90);
    expect(got.findings).toEqual({ out: [], in: [finding] });
    expect(s.v.data.event.revision).toBe(2);
    expect(s.v.canUndo).toBe(true);
  });
});
