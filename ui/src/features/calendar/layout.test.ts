import { describe, expect, it } from "vitest";
import type { Session } from "../../bindings";
import { dayRange, eventDays, hourLines, keepGaps, pct, shortGaps, suggestSlot } from "./layout";

const s = (id: string, start: string, end: string, stageId = "st1"): Session => ({
  id,
  eventId: "e",
  stageId,
  title: id,
  start,
  end,
  livestream: true,
  recording: true,
  vod: false,
  restream: false,
});

const zone = "America/Toronto";
// 2027-04-15 is EDT (UTC-4).
const a = s("a", "2027-04-15T13:00:00Z", "2027-04-15T14:00:00Z"); // 09:00-10:00
const b = s("b", "2027-04-15T14:10:00Z", "2027-04-15T15:00:00Z"); // 10:10-11:00 (10 min gap)
const c = s("c", "2027-04-15T15:30:00Z", "2027-04-15T16:00:00Z"); // 11:30-12:00 (30 min gap)
const d = s("d", "2027-04-15T15:45:00Z", "2027-04-15T16:30:00Z"); // overlaps c

describe("timeline layout", () => {
  it("lists the event days in the event zone", () => {
    const late = s("late", "2027-04-16T02:00:00Z", "2027-04-16T03:00:00Z"); // 22:00 on the 15th
    const next = s("next", "2027-04-16T13:00:00Z", "2027-04-16T14:00:00Z");
    expect(eventDays([next, a, late], zone)).toEqual(["2027-04-15", "2027-04-16"]);
  });

  it("covers sessions and the support window with whole hours", () => {
    const w = { start: "2027-04-15T12:30:00Z", end: "2027-04-15T16:30:00Z", minutes: 240 };
    expect(dayRange([a, b, c], "2027-04-15", zone, w)).toEqual({ startMin: 8 * 60, endMin: 13 * 60 });
    expect(dayRange([], "2027-04-15", zone, null)).toEqual({ startMin: 480, endMin: 1080 });
    expect(pct(9 * 60, { startMin: 480, endMin: 1080 })).toBeCloseTo(10);
  });

  it("flags gaps under 15 minutes and overlaps", () => {
    const gaps = shortGaps([c, a, b, d]);
    expect(gaps.map((g) => [g.before.id, g.after.id, g.minutes])).toEqual([
      ["a", "b", 10],
      ["c", "d", -15],
    ]);
  });

  it("keeps the gaps an edit did not change, so their marks are not redrawn", () => {
    const first = shortGaps([a, b, c, d]);
    // Nothing changed: the same list, so the lane stops there.
    expect(keepGaps(first, shortGaps([a, b, c, d]))).toBe(first);
    // d edited (a new row, as an edit's answer brings): the a–b gap is kept, c–d is new.
    const d2 = { ...d, title: "renamed" };
    const next = keepGaps(first, shortGaps([a, b, c, d2]));
    expect(next).not.toBe(first);
    expect(next[0]).toBe(first[0]);
    expect(next[1]).not.toBe(first[1]);
    expect(next[1].after).toBe(d2);
    // b moved later (in place, as a reload merges it): the a–b gap has other minutes.
    const b2 = { ...b, start: "2027-04-15T14:05:00Z" };
    const moved = keepGaps(first, shortGaps([a, b2, c, d]));
    expect(moved[0].minutes).toBe(5);
    expect(moved[0]).not.toBe(first[0]);
    expect(moved[1]).toBe(first[1]);
    // A gap that went away.
    expect(keepGaps(first, shortGaps([a, b]))).toEqual([first[0]]);
    expect(keepGaps(first, shortGaps([a, b]))[0]).toBe(first[0]);
  });

  it("suggests a slot after the stage's last session", () => {
    expect(suggestSlot([a, b], "st1", "2027-04-15", zone)).toEqual({
      start: "2027-04-15T11:15",
      end: "2027-04-15T12:15",
    });
    expect(suggestSlot([a], "other", "2027-04-15", zone)).toEqual({
      start: "2027-04-15T09:00",
      end: "2027-04-15T10:00",
    });
  });

  it("draws a lane's hour lines as one gradient, a 1 px line at each hour", () => {
    const r = { startMin: 8 * 60, endMin: 12 * 60 }; // 4 hours: a line each 25 %
    const g = hourLines([8, 9, 10, 11, 12], r, "red");
    expect(g.startsWith("linear-gradient(to right, transparent 0, ")).toBe(true);
    expect(g).toContain("transparent 0%, red 0%, red calc(0% + 1px), transparent calc(0% + 1px)");
    expect(g).toContain("transparent 25%, red 25%, red calc(25% + 1px), transparent calc(25% + 1px)");
    expect(g).toContain("transparent 75%, red 75%, red calc(75% + 1px), transparent calc(75% + 1px)");
    // The last line is drawn just inside the track's edge.
    expect(g.endsWith("transparent calc(100% - 1px), red calc(100% - 1px), red 100%, transparent 100%)")).toBe(true);
    // One line per hour, in order.
    const at = [...g.matchAll(/red (\d+)%/g)].map((m) => Number(m[1]));
    expect(at).toEqual([0, 25, 50, 75, 100]);
    expect(hourLines([], r, "red")).toBe("linear-gradient(to right, transparent 0)");
  });
});
