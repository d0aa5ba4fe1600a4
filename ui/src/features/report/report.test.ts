import { describe, expect, it } from "vitest";
import type { ReportRow } from "../../bindings";
import { formatOverrun, groupByDay, isOverBudget, MINUS, reportLines } from "./report";

describe("formatOverrun", () => {
  it("is blank when the line ran to plan", () => {
    expect(formatOverrun(0)).toEqual({ text: "", tone: "none" });
    expect(formatOverrun(0.4)).toEqual({ text: "", tone: "none" });
    expect(formatOverrun(-0.4)).toEqual({ text: "", tone: "none" });
  });

  it("shows running long as +m:ss", () => {
    expect(formatOverrun(1)).toEqual({ text: "+0:01", tone: "long" });
    expect(formatOverrun(150)).toEqual({ text: "+2:30", tone: "long" });
    expect(formatOverrun(3725)).toEqual({ text: "+1:02:05", tone: "long" });
  });

  it("shows finishing early with a typographic minus", () => {
    expect(formatOverrun(-45)).toEqual({ text: `${MINUS}0:45`, tone: "short" });
    expect(formatOverrun(-600)).toEqual({ text: `${MINUS}10:00`, tone: "short" });
    expect(MINUS).toBe("−");
  });
});

describe("isOverBudget", () => {
  it("is true only past the budget", () => {
    expect(isOverBudget(540, 540)).toBe(false);
    expect(isOverBudget(541, 540)).toBe(true);
    expect(isOverBudget(0, 0)).toBe(false);
  });
});

function row(level: string, session: string, plannedStart: string): ReportRow {
  return {
    level,
    stage: "Main",
    session,
    segment: level === "segment" ? `${session} part` : "",
    plannedStart,
    plannedEnd: plannedStart,
    actualStart: plannedStart,
    actualEnd: plannedStart,
    recorded: false,
    overrunSecs: 0,
    cuesDone: 0,
    cuesSkipped: 0,
    cuesMissed: 0,
    cuesOpen: 0,
  };
}

describe("groupByDay", () => {
  it("groups sessions by their local day and keeps segments with their session", () => {
    const rows = [
      row("session", "A", "2027-04-15T13:00:00Z"),
      row("segment", "A", "2027-04-15T13:00:00Z"),
      // 23:30 in Toronto on the 15th, already the 16th in UTC.
      row("session", "B", "2027-04-16T03:30:00Z"),
      // The segment's own start is past midnight locally; it stays with B.
      row("segment", "B", "2027-04-16T04:10:00Z"),
      row("session", "C", "2027-04-16T13:00:00Z"),
    ];
    const days = groupByDay(rows, "America/Toronto");
    expect(days.map((d) => d.day)).toEqual(["2027-04-15", "2027-04-16"]);
    expect(days[0].rows.map((r) => `${r.level}:${r.session}`)).toEqual([
      "session:A",
      "segment:A",
      "session:B",
      "segment:B",
    ]);
    expect(days[1].rows.map((r) => r.session)).toEqual(["C"]);
  });

  it("copes with no rows and unreadable times", () => {
    expect(groupByDay([], "UTC")).toEqual([]);
    const days = groupByDay([row("session", "X", "")], "UTC");
    expect(days).toHaveLength(1);
    expect(days[0].day).toBe("");
  });
});

describe("reportLines", () => {
  it("puts each day's heading before its rows, in order, and none for a day without a key", () => {
    const rows = [
      row("session", "A", "2027-04-15T13:00:00Z"),
      row("segment", "A", "2027-04-15T13:00:00Z"),
      row("session", "C", "2027-04-16T13:00:00Z"),
    ];
    const lines = reportLines(groupByDay(rows, "America/Toronto"));
    expect(lines.map((l) => (typeof l === "string" ? l : `${l.level}:${l.session}`))).toEqual([
      "2027-04-15",
      "session:A",
      "segment:A",
      "2027-04-16",
      "session:C",
    ]);
    // The rows are the report's own objects (a keyed list keeps their DOM rows).
    expect(lines[1]).toBe(rows[0]);
    const undated = reportLines(groupByDay([row("session", "X", "")], "UTC"));
    expect(undated).toEqual([expect.objectContaining({ session: "X" })]);
  });
});
