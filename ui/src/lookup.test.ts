import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "./bindings";
import { findingsFor } from "./features/findings/findings";
import { byId, findingsBySubject, groupBy, subjectKey } from "./lookup";

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
});
