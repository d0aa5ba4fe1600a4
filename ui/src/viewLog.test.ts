import { describe, expect, it } from "vitest";
import { batch, createMemo, createRoot } from "solid-js";
import type { RowChanges } from "./viewChanges";
import { createViewLog } from "./viewLog";

const rows = (n: number): RowChanges => ({ out: [{ n }], in: [{ n: -n }] });

describe("the log of the writes into the view", () => {
  it("wakes the readers of a list after a write into it or a whole write only", () => {
    const log = createViewLog();
    const runs = { sessions: 0, findings: 0, any: 0 };
    const r = createRoot((dispose) => ({
      dispose,
      sessions: createMemo(() => (runs.sessions++, log.wrote("sessions"))),
      findings: createMemo(() => (runs.findings++, log.wrote("findings"))),
      any: createMemo(() => (runs.any++, log.wrote())),
    }));
    log.record({ segments: rows(1), findings: rows(2) });
    expect(runs).toEqual({ sessions: 1, findings: 2, any: 2 });
    expect(r.findings()).toBe(1);
    log.record(null);
    expect(runs).toEqual({ sessions: 2, findings: 3, any: 3 });
    log.record({});
    expect(runs).toEqual({ sessions: 2, findings: 3, any: 4 });
    // Two writes in one batch: each reader runs once, after both.
    batch(() => {
      log.record({ sessions: rows(3) });
      log.record({ sessions: rows(4), findings: rows(5) });
    });
    expect(runs).toEqual({ sessions: 3, findings: 4, any: 5 });
    expect(r.sessions()).toBe(5);
    r.dispose();
  });

  it("answers the rows each later write changed in a list, or null after a whole write or too many writes", () => {
    const log = createViewLog();
    const seen = log.wrote();
    expect(log.since(seen, "sessions")).toEqual([]);
    const [a, b] = [rows(1), rows(2)];
    log.record({ sessions: a, findings: rows(9) });
    log.record({ findings: rows(8) });
    log.record({ sessions: b });
    expect(log.since(seen, "sessions")).toEqual([a, b]);
    expect(log.since(seen + 1, "sessions")).toEqual([b]);
    expect(log.since(seen + 3, "sessions")).toEqual([]);
    expect(log.since(seen + 1, "segments")).toEqual([]);
    log.record(null);
    expect(log.since(seen + 3, "sessions")).toBeNull();
    const after = log.wrote();
    for (let i = 0; i < 100; i++) log.record({ sessions: rows(i) });
    expect(log.since(after, "sessions")).toBeNull();
    expect(log.since(log.wrote() - 2, "sessions")).toHaveLength(2);
  });
});
