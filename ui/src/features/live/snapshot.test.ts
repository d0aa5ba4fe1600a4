import { describe, expect, it } from "vitest";
import type { Cue, LiveSnapshot, LiveStage } from "../../bindings";
import { createSnapshotStore } from "./snapshot";

const cue = (key: string, expected: string): Cue => ({
  key,
  kind: "go_live",
  sessionId: "s1",
  segmentId: null,
  stageId: "a",
  session: "Keynote",
  stage: "Main",
  detail: "",
  planned: expected,
  expected,
  leadSecs: 120,
  state: "pending",
});

const stage = (id: string, remainingSecs: number): LiveStage => ({
  stageId: id,
  name: id,
  session: {
    sessionId: `s-${id}`,
    title: "Keynote",
    start: "2027-04-15T13:00:00Z",
    end: "2027-04-15T14:00:00Z",
    endsInSecs: remainingSecs + 600,
    actualStart: null,
    actualEnd: null,
  },
  onAir: true,
  current: {
    segmentId: `g-${id}`,
    sessionId: `s-${id}`,
    title: "Welcome",
    kind: "presentation",
    presenters: "",
    start: "2027-04-15T13:00:00Z",
    end: "2027-04-15T13:10:00Z",
    remainingSecs,
  },
  next: null,
  lateMinutes: 0,
});

const snap = (now: string, rem: number, order = ["a", "b"], eventId = "e1"): LiveSnapshot => ({
  eventId,
  timeZone: "America/Toronto",
  now,
  rehearsal: false,
  rehearsalSpeed: null,
  stages: order.map((id) => stage(id, rem)),
  nextCue: cue("k1", "2027-04-15T13:30:00Z"),
  nextCueInSecs: rem,
  nextCueAt: "2027-04-15T13:30:00Z",
  validUntil: null,
  validUntilWall: null,
  cues: [cue("k1", "2027-04-15T13:30:00Z"), cue("k2", "2027-04-15T13:40:00Z")],
  cuesTag: "t1",
  cuesUnchanged: false,
  support: null,
});

/** A poll answered without the cue list (the poller had `tag`). */
const lean = (s: LiveSnapshot, tag = "t1"): LiveSnapshot => ({ ...s, cues: [], cuesTag: tag, cuesUnchanged: true });

describe("snapshot store", () => {
  it("keeps rows and cards from one poll to the next, updating only the numbers", () => {
    const s = createSnapshotStore();
    s.apply(snap("2027-04-15T13:05:00Z", 300));
    const before = s.snap()!;
    const stage0 = before.stages[0];
    const current0 = stage0.current;
    const cue0 = before.cues[0];
    s.apply(snap("2027-04-15T13:05:01Z", 299));
    const after = s.snap()!;
    expect(after).toBe(before);
    expect(after.stages[0]).toBe(stage0);
    expect(after.stages[0].current).toBe(current0);
    expect(after.cues[0]).toBe(cue0);
    expect(after.now).toBe("2027-04-15T13:05:01Z");
    expect(after.stages[0].current!.remainingSecs).toBe(299);
  });

  it("follows stages by id and cues by key when they move", () => {
    const s = createSnapshotStore();
    s.apply(snap("2027-04-15T13:05:00Z", 300));
    const b = s.snap()!.stages[1];
    const k2 = s.snap()!.cues[1];
    const next = snap("2027-04-15T13:05:01Z", 299, ["b", "a"]);
    next.cues.reverse();
    s.apply(next);
    expect(s.snap()!.stages[0]).toBe(b);
    expect(s.snap()!.cues[0]).toBe(k2);
  });

  it("keeps the cue list held when a poll leaves it out, and takes a new one whole", () => {
    const s = createSnapshotStore();
    expect(s.cuesTag("e1")).toBeNull();
    s.apply(snap("2027-04-15T13:05:00Z", 300));
    const k1 = s.snap()!.cues[0];
    expect(s.cuesTag("e1")).toBe("t1");
    expect(s.cuesTag("e2")).toBeNull();
    s.apply(lean(snap("2027-04-15T13:05:01Z", 299)));
    expect(s.snap()!.cues.map((c) => c.key)).toEqual(["k1", "k2"]);
    expect(s.snap()!.cues[0]).toBe(k1);
    expect(s.snap()!.now).toBe("2027-04-15T13:05:01Z");
    const changed = snap("2027-04-15T13:05:02Z", 298);
    changed.cues[0] = { ...changed.cues[0], state: "done" };
    changed.cuesTag = "t2";
    s.apply(changed);
    expect(s.snap()!.cues[0].state).toBe("done");
    expect(s.cuesTag("e1")).toBe("t2");
    // An answer that left out a list other than the one held: keep it, ask whole next time.
    s.apply(lean(snap("2027-04-15T13:05:03Z", 297), "t9"));
    expect(s.snap()!.cues).toHaveLength(2);
    expect(s.cuesTag("e1")).toBe("");
  });

  it("starts afresh for another event", () => {
    const s = createSnapshotStore();
    s.apply(snap("2027-04-15T13:05:00Z", 300));
    const first = s.snap()!.stages[0];
    s.apply(snap("2027-04-15T13:05:01Z", 299, ["a", "b"], "e2"));
    expect(s.snap()!.eventId).toBe("e2");
    expect(s.snap()!.stages[0]).not.toBe(first);
  });
});
