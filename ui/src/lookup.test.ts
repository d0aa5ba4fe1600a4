import { describe, expect, it } from "vitest";
import { createMemo, createRoot, createSignal } from "solid-js";
import { createStore, produce } from "solid-js/store";
import type { Finding, Severity } from "./bindings";
import { findingsFor } from "./features/findings/findings";
import { byId, createKeyedTable, findingsBySubject, groupBy, sameItems, subjectKey, type TableBuild } from "./lookup";

function finding(kind: string, id: string, severity: Severity, message = `${kind} ${id} ${severity}`): Finding {
  return { code: "c", severity, message, subject: { kind, id, name: id } } as Finding;
}

describe("lookup tables", () => {
  it("byId finds each item, the last one winning on a duplicate id", () => {
    const m = byId([
      { id: "a", n: 1 },
      { id: "b", n: 2 },
      { id: "a", n: 3 },
    ]);
    expect(m.get("b")?.n).toBe(2);
    expect(m.get("a")?.n).toBe(3);
    expect(m.get("z")).toBeUndefined();
  });

  it("groupBy keeps the list's order inside each group", () => {
    const segs = [
      { id: "1", sessionId: "s2" },
      { id: "2", sessionId: "s1" },
      { id: "3", sessionId: "s2" },
    ];
    const g = groupBy(segs, (s) => s.sessionId);
    expect(g.get("s2")?.map((s) => s.id)).toEqual(["1", "3"]);
    expect(g.get("s1")?.map((s) => s.id)).toEqual(["2"]);
    expect(g.has("s3")).toBe(false);
  });

  it("findingsBySubject gives every subject what findingsFor gives (errors first)", () => {
    const list: Finding[] = [];
    const kinds = ["session", "segment", "person"];
    const sevs: Severity[] = ["info", "warning", "error"];
    for (let i = 0; i < 300; i++) list.push(finding(kinds[i % 3], `x${i % 17}`, sevs[Math.floor(i / 51) % 3], `m${i}`));
    const m = findingsBySubject(list);
    for (const kind of kinds) {
      for (let j = 0; j < 17; j++) {
        const id = `x${j}`;
        expect(m.get(subjectKey(kind, id)) ?? []).toEqual(findingsFor(list, kind, id));
      }
    }
  });

  it("does not mix subjects whose kind and id run together", () => {
    const m = findingsBySubject([finding("a", "bc", "error"), finding("ab", "c", "warning")]);
    expect(m.get(subjectKey("a", "bc"))?.map((f) => f.severity)).toEqual(["error"]);
    expect(m.get(subjectKey("ab", "c"))?.map((f) => f.severity)).toEqual(["warning"]);
  });

  it("sameItems tells a group with the same rows in the same order", () => {
    const [a, b, c] = [{ n: 1 }, { n: 2 }, { n: 3 }];
    expect(sameItems([a, b], [a, b])).toBe(true);
    expect(sameItems([a, b], [b, a])).toBe(false);
    expect(sameItems([a, b], [a, b, c])).toBe(false);
    expect(sameItems([a, b], [a, { n: 2 }])).toBe(false);
    expect(sameItems([], [])).toBe(true);
  });
});

describe("createKeyedTable", () => {
  type Row = { id: string; group: string; n: number };
  const rows = (n: number): Row[] => Array.from({ length: n }, (_, i) => ({ id: `r${i}`, group: `g${i % 10}`, n: i }));

  it("rebuilds when its list changes, not for another list, and wakes only the keys that changed", () => {
    const [s, set] = createStore({ rows: rows(100), other: [1, 2, 3] });
    createRoot((dispose) => {
      let builds = 0;
      const table = createKeyedTable(() => {
        builds++;
        return groupBy(s.rows, (r) => r.group);
      }, sameItems);
      const runs = new Map<string, number>();
      const seen = new Map<string, () => Row[] | undefined>();
      for (const g of ["g0", "g1", "g2", "g3", "g10"]) {
        seen.set(
          g,
          createMemo(() => {
            runs.set(g, (runs.get(g) ?? 0) + 1);
            return table(g);
          }),
        );
      }
      const g1 = table("g1");
      expect(builds).toBe(1);

      // Another list changes: no rebuild, nobody wakes.
      set(produce((d) => d.other.push(4)));
      expect(builds).toBe(1);

      // Row r3 (group g3) replaced, as an edit's answer replaces a row.
      set(produce((d) => d.rows.splice(3, 1, { id: "r3", group: "g3", n: -3 })));
      expect(builds).toBe(2);
      expect([...runs]).toEqual([
        ["g0", 1],
        ["g1", 1],
        ["g2", 1],
        ["g3", 2],
        ["g10", 1],
      ]);
      expect(seen.get("g3")!()!.map((r) => r.n)).toContain(-3);
      expect(table("g1")).toBe(g1);

      // A row moves to a new group: the old group and the new one wake.
      set(produce((d) => d.rows.splice(12, 1, { id: "r12", group: "g10", n: 12 })));
      expect(runs.get("g2")).toBe(2);
      expect(runs.get("g10")).toBe(2);
      expect(seen.get("g10")!()!.map((r) => r.id)).toEqual(["r12"]);
      expect(runs.get("g0")).toBe(1);

      // A group goes away entirely.
      set(produce((d) => (d.rows = d.rows.filter((r) => r.group !== "g0"))));
      expect(seen.get("g0")!()).toBeUndefined();
      expect(runs.get("g0")).toBe(2);
      expect(runs.get("g1")).toBe(1);
      dispose();
    });
  });

  it("answers outside any reader, and does not run a disposed reader again", () => {
    const [s, set] = createStore({ rows: rows(20) });
    createRoot((dispose) => {
      const table = createKeyedTable(() => byId(s.rows));
      expect(table("r5")?.n).toBe(5);
      const inner = createRoot((d) => {
        const m = createMemo(() => table("r5")?.n);
        expect(m()).toBe(5);
        return { d, m };
      });
      inner.d();
      set(produce((d) => d.rows.splice(5, 1, { id: "r5", group: "g5", n: 50 })));
      // The disposed reader did not run; a read now sees the new row.
      expect(inner.m()).toBe(5);
      expect(table("r5")?.n).toBe(50);
      dispose();
    });
  });
});

describe("createKeyedTable, built on first read", () => {
  it("builds nothing until a key is read, then follows its list like a table built at once", () => {
    const [s, set] = createStore({ rows: [{ id: "a", n: 1 }] });
    let builds = 0;
    createRoot((dispose) => {
      const table = createKeyedTable(() => {
        builds++;
        return byId(s.rows);
      });
      // The list changes before anyone reads: still nothing built.
      set("rows", (r) => [...r, { id: "b", n: 2 }]);
      expect(builds).toBe(0);
      // Read inside a reader that another root owns: the table must outlive that reader.
      let seen: number | undefined;
      const disposeReader = createRoot((d) => {
        const m = createMemo(() => table("b")?.n);
        seen = m();
        return d;
      });
      expect(builds).toBe(1);
      expect(seen).toBe(2);
      disposeReader();
      // Still kept up to date after its first reader is gone.
      set("rows", 1, "id", "z");
      expect(builds).toBe(2);
      expect(table("b")).toBeUndefined();
      expect(table("z")?.n).toBe(2);
      const later = createMemo(() => table("a")?.n);
      expect(later()).toBe(1);
      set("rows", produce((r) => r.push({ id: "c", n: 3 })));
      expect(table("c")?.n).toBe(3);
      dispose();
    });
  });
});

describe("createKeyedTable, brought up to date entry by entry", () => {
  it("compares only the entries a build answers, and wakes only the keys whose entry changed", () => {
    const [tick, setTick] = createSignal(0);
    const a = [{ n: 1 }];
    let next: TableBuild<string, { n: number }[]> = new Map([
      ["a", a],
      ["b", [{ n: 2 }]],
    ]);
    createRoot((dispose) => {
      let builds = 0;
      const table = createKeyedTable(() => {
        tick();
        builds++;
        return next;
      }, sameItems);
      const runs = new Map<string, number>();
      const seen = new Map<string, () => unknown>();
      for (const k of ["a", "b", "c"]) {
        seen.set(
          k,
          createMemo(() => {
            runs.set(k, (runs.get(k) ?? 0) + 1);
            return table(k);
          }),
        );
      }
      expect(builds).toBe(1);
      // "a" answered again with the same rows, "b" gone, "c" new; keys left out stay as they are.
      next = { changed: new Map([["a", [a[0]]], ["b", undefined], ["c", [{ n: 3 }]]]) };
      setTick(1);
      expect(builds).toBe(2);
      expect(table("a")).toBe(a);
      expect(seen.get("b")!()).toBeUndefined();
      expect(table("c")?.[0].n).toBe(3);
      expect([...runs]).toEqual([
        ["a", 1],
        ["b", 2],
        ["c", 2],
      ]);
      next = { changed: new Map() };
      setTick(2);
      expect(table("c")?.[0].n).toBe(3);
      expect(table("a")).toBe(a);
      expect(runs.get("c")).toBe(2);
      dispose();
    });
  });
});
