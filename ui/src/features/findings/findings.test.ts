import { describe, expect, it } from "vitest";
import type { Finding, Severity } from "../../bindings";
import { countBySeverity, findingsFor, severityOrder, sortFindings, worstSeverity } from "./findings";

const f = (code: string, severity: Severity, kind = "session", id = "s1"): Finding => ({
  code,
  severity,
  subject: { kind, id, name: id },
  message: code,
});

describe("findings helpers", () => {
  const list = [f("a", "info"), f("b", "warning"), f("c", "error"), f("d", "warning", "person", "p1"), f("e", "error")];

  it("sorts errors first and keeps order within a severity", () => {
    expect(sortFindings(list).map((x) => x.code)).toEqual(["c", "e", "b", "d", "a"]);
    // The same order as positions in the list (the panel sorts plain objects, then reads the rows it shows).
    expect(severityOrder(list)).toEqual([2, 4, 1, 3, 0]);
    expect(severityOrder([])).toEqual([]);
  });

  it("filters by subject and finds the worst severity", () => {
    expect(findingsFor(list, "person", "p1").map((x) => x.code)).toEqual(["d"]);
    expect(worstSeverity(findingsFor(list, "session", "s1"))).toBe("error");
    expect(worstSeverity([])).toBeNull();
    expect(countBySeverity(list)).toEqual({ error: 2, warning: 2, info: 1 });
  });
});

describe("severityOrder", () => {
  it("gives the order of a stable sort by severity, for any list", () => {
    let x = 7;
    const next = (n: number) => {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      return x % n;
    };
    const sevs: Severity[] = ["error", "warning", "info"];
    const rank = { error: 0, warning: 1, info: 2 };
    for (let round = 0; round < 50; round++) {
      const list = Array.from({ length: next(60) }, (_, i) => f(`c${i}`, sevs[next(3)]));
      const want = list.map((_, i) => i).sort((a, b) => rank[list[a].severity] - rank[list[b].severity] || a - b);
      expect(severityOrder(list), `round ${round}`).toEqual(want);
    }
  });
});
