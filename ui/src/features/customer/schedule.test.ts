import { describe, expect, it } from "vitest";
import { catalogues } from "../../i18n";
import { person, segment, session, ZONE } from "./fixtures";
import { customerTabFor } from "./nav";
import type { Finding, Severity } from "../../bindings";
import {
  customerHints,
  formatTimeInput,
  groupByDay,
  NEW_STAGE,
  parseDate,
  parseMinutes,
  parseTimeOfDay,
  presenterEdits,
  scheduleFieldOf,
  segmentMinutes,
  speakerPeople,
  speakersOf,
  validateSegmentDraft,
  validateSessionDraft,
  type SessionDraft,
} from "./schedule";

describe("parseDate", () => {
  it("accepts real days as year-month-day", () => {
    expect(parseDate(" 2027-04-15 ")).toBe("2027-04-15");
    expect(parseDate("2027-4-5")).toBe("2027-04-05");
    expect(parseDate("2028-02-29")).toBe("2028-02-29");
  });
  it("refuses other shapes and impossible days", () => {
    for (const bad of ["", "15/04/2027", "2027-13-01", "2027-02-29", "2027-04-31", "2027-04-00", "tomorrow"]) {
      expect(parseDate(bad), bad).toBeNull();
    }
  });
});

describe("parseTimeOfDay", () => {
  it("reads 24-hour, French and 12-hour times", () => {
    expect(parseTimeOfDay("9")).toBe("09:00");
    expect(parseTimeOfDay("9:30")).toBe("09:30");
    expect(parseTimeOfDay("14:05")).toBe("14:05");
    expect(parseTimeOfDay("9h30")).toBe("09:30");
    expect(parseTimeOfDay("9 h 30")).toBe("09:30");
    expect(parseTimeOfDay("14 h")).toBe("14:00");
    expect(parseTimeOfDay("2:30 pm")).toBe("14:30");
    expect(parseTimeOfDay("2:30PM")).toBe("14:30");
    expect(parseTimeOfDay("12 a.m.")).toBe("00:00");
    expect(parseTimeOfDay("12:15 p.m.")).toBe("12:15");
  });
  it("refuses impossible times", () => {
    for (const bad of ["", "24:00", "9:60", "13 pm", "0 am", "noon", "9:3", "9.30"]) {
      expect(parseTimeOfDay(bad), bad).toBeNull();
    }
  });
  it("round-trips the time field's own format", () => {
    for (const hhmm of ["00:00", "09:30", "12:00", "12:45", "23:59"]) {
      expect(parseTimeOfDay(formatTimeInput(hhmm, true))).toBe(hhmm);
      expect(parseTimeOfDay(formatTimeInput(hhmm, false))).toBe(hhmm);
    }
    expect(formatTimeInput("14:30", true)).toBe("2:30 pm");
    expect(formatTimeInput("00:05", true)).toBe("12:05 am");
  });
});

describe("validateSessionDraft", () => {
  const ok: SessionDraft = { title: " Keynote ", stageId: "st1", newStageName: "", date: "2027-04-15", start: "9:00", end: "10:30" };

  it("gives local start and end for a good draft", () => {
    expect(validateSessionDraft(ok)).toEqual({
      errors: {},
      value: { title: "Keynote", start: "2027-04-15T09:00", end: "2027-04-15T10:30" },
    });
  });

  it("asks for a title, a stage, a date and two times, with a message per field", () => {
    const r = validateSessionDraft({ title: "  ", stageId: "", newStageName: "", date: "15/04/2027", start: "x", end: "" });
    expect(r.value).toBeNull();
    expect(r.errors).toEqual({
      title: "customer.error.titleRequired",
      stage: "customer.error.stageRequired",
      date: "customer.error.date",
      start: "customer.error.time",
      end: "customer.error.time",
    });
  });

  it("wants the end after the start", () => {
    expect(validateSessionDraft({ ...ok, end: "9:00" }).errors).toEqual({ end: "customer.error.endBeforeStart" });
    expect(validateSessionDraft({ ...ok, end: "8:00" }).errors).toEqual({ end: "customer.error.endBeforeStart" });
  });

  it("wants a name for a new stage", () => {
    expect(validateSessionDraft({ ...ok, stageId: NEW_STAGE }).errors).toEqual({
      newStage: "customer.error.stageNameRequired",
    });
    expect(validateSessionDraft({ ...ok, stageId: NEW_STAGE, newStageName: "Studio" }).value).not.toBeNull();
  });

  it("uses messages that exist in both languages", () => {
    const r = validateSessionDraft({ title: "", stageId: NEW_STAGE, newStageName: "", date: "", start: "", end: "" });
    for (const key of Object.values(r.errors)) {
      expect(catalogues.en[key!]).toBeTruthy();
      expect(catalogues["fr-CA"][key!]).toBeTruthy();
    }
  });
});

describe("scheduleFieldOf", () => {
  it("maps server fields to the form's", () => {
    expect(scheduleFieldOf("fields.start", false)).toBe("start");
    expect(scheduleFieldOf("fields.stageId", false)).toBe("stage");
    expect(scheduleFieldOf("fields.title", false)).toBe("title");
    expect(scheduleFieldOf("name", true)).toBe("newStage");
    expect(scheduleFieldOf("fields.livestream", false)).toBeNull();
    expect(scheduleFieldOf(null, false)).toBeNull();
  });
});

describe("groupByDay", () => {
  it("groups sessions by their day in the event zone, in time order", () => {
    const sessions = [
      session("c", "C", "st", "09:00", "10:00", "2027-04-16"),
      session("b", "B", "st", "13:00", "14:00"),
      session("a", "A", "st", "09:00", "10:00"),
      // 21:30 in Toronto is already the 16th in UTC: still the 15th for the event.
      session("d", "D", "st", "21:30", "22:00"),
    ];
    expect(groupByDay(sessions, ZONE).map((g) => [g.day, g.sessions.map((s) => s.id)])).toEqual([
      ["2027-04-15", ["a", "b", "d"]],
      ["2027-04-16", ["c"]],
    ]);
  });
});

describe("speakers of a session", () => {
  it("lists the presenters of every segment once, in run-of-show order", () => {
    const segs = [segment("2", "s", 1, ["p3", "p1"]), segment("1", "s", 0, ["p1", "p2"]), segment("x", "other", 0, ["p9"])];
    expect(speakersOf("s", segs)).toEqual(["p1", "p2", "p3"]);
  });

  it("keeps speakers, moderators and hosts only", () => {
    const people = [
      person("1", "A"),
      person("2", "B", "moderator"),
      person("3", "C", "host"),
      person("4", "D", "producer"),
      person("5", "E", "customer_lead"),
    ];
    expect(speakerPeople(people).map((p) => p.id)).toEqual(["1", "2", "3"]);
  });
});

describe("presenterEdits", () => {
  const s = session("s", "Keynote", "st", "09:00", "09:45");

  it("creates one presentation segment covering a session that has none", () => {
    expect(presenterEdits(s, [], ["p1", "p2"])).toEqual([
      {
        type: "addSegment",
        sessionId: "s",
        position: null,
        fields: { kind: "presentation", title: "Keynote", durationSecs: 45 * 60, presenterIds: ["p1", "p2"], notes: "" },
      },
    ]);
  });

  it("sends nothing when the speakers did not change (any order) or none were picked for an empty session", () => {
    expect(presenterEdits(s, [], [])).toEqual([]);
    const segs = [segment("a", "s", 0, ["p1", "p2"])];
    expect(presenterEdits(s, segs, ["p2", "p1"])).toEqual([]);
  });

  it("adds new speakers to the first segment, keeping its other fields", () => {
    const segs = [segment("b", "s", 1, ["p2"]), segment("a", "s", 0, ["p1"])];
    expect(presenterEdits(s, segs, ["p1", "p2", "p3"])).toEqual([
      {
        type: "updateSegment",
        id: "a",
        fields: { kind: "presentation", title: "Part a", durationSecs: 600, presenterIds: ["p1", "p3"], notes: "n" },
      },
    ]);
  });

  it("removes dropped speakers from every segment they present", () => {
    const segs = [segment("a", "s", 0, ["p1", "p2"]), segment("b", "s", 1, ["p2", "p3"]), segment("c", "s", 2, ["p3"])];
    const edits = presenterEdits(s, segs, ["p1", "p3"]);
    expect(edits.map((e) => (e.type === "updateSegment" ? [e.id, e.fields.presenterIds] : e.type))).toEqual([
      ["a", ["p1"]],
      ["b", ["p3"]],
    ]);
  });
});

describe("run of show parts", () => {
  it("reads whole minutes from 1 to 1440", () => {
    expect(parseMinutes(" 15 ")).toBe(15);
    for (const bad of ["0", "", "1.5", "-3", "1441", "ten"]) expect(parseMinutes(bad), bad).toBeNull();
  });
  it("validates a new part", () => {
    expect(validateSegmentDraft(" Welcome ", "5")).toEqual({ errors: {}, value: { title: "Welcome", durationSecs: 300 } });
    expect(validateSegmentDraft("", "0").errors).toEqual({
      title: "customer.error.partTitleRequired",
      minutes: "customer.error.minutes",
    });
  });
  it("shows lengths in whole minutes", () => {
    expect(segmentMinutes(600)).toBe(10);
    expect(segmentMinutes(330)).toBe(6);
  });
});

describe("customerTabFor", () => {
  it("sends jumps to the nearest customer tab, or nowhere", () => {
    expect(customerTabFor("session")).toBe("schedule");
    expect(customerTabFor("segment")).toBe("schedule");
    expect(customerTabFor("person")).toBe("speakers");
    expect(customerTabFor("brandItem")).toBe("branding");
    expect(customerTabFor("destination")).toBeNull();
    expect(customerTabFor("event")).toBeNull();
  });
});

describe("customerHints", () => {
  const sessions = [
    session("late", "Late", "b", "15:00", "16:00"),
    session("a", "A", "main", "09:00", "10:00"),
    session("b", "B", "main", "09:30", "10:30"),
  ];
  const finding = (code: string, sessionIds?: string[], severity: Severity = "info"): Finding => ({
    code,
    severity: "warning",
    subject: { kind: "session", id: sessionIds?.[0] ?? "x", name: "" },
    message: `analyst: ${code}`,
    ...(sessionIds ? { customer: { message: `customer: ${code}`, severity, sessionIds } } : {}),
  });

  it("keeps only the findings worded for the customer", () => {
    const findings = [finding("invitation_not_sent"), finding("session_without_presenter", ["late"])];
    const hs = customerHints(findings, sessions);
    expect(hs.map((h) => h.customer.message)).toEqual(["customer: session_without_presenter"]);
  });

  it("orders them by the time of the sessions they concern, conflicts first", () => {
    // The core sorts by severity and code; the customer reads them in schedule order.
    const hs = customerHints(
      [
        finding("stage_overlap", ["a", "b"], "warning"),
        finding("closing_training_needed", ["a", "late"]),
        finding("session_without_presenter", ["late"]),
        finding("prep_overlaps_session", ["b", "late"]),
      ],
      sessions,
    );
    expect(hs.map((h) => h.code)).toEqual([
      "stage_overlap",
      "closing_training_needed",
      "prep_overlaps_session",
      "session_without_presenter",
    ]);
    const tied = customerHints(
      [finding("closing_training_needed", ["a", "b"]), finding("stage_overlap", ["a", "b"], "warning")],
      sessions,
    );
    expect(tied.map((h) => h.code)).toEqual(["stage_overlap", "closing_training_needed"]);
  });
});
