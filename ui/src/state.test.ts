// `viewRaw`: readers of the open view's plain objects must follow every way the view changes
// (opening, an edit's spliced answer, a reload merged in place), though they read no store row.
import { describe, expect, it } from "vitest";
import { createMemo, createRoot } from "solid-js";
import type { EventView, Session, ViewChanges } from "./bindings";
import { eventDays } from "./features/calendar/layout";
import { changesWith, fakeShell, viewWith, type Answers } from "./testViews";

const ZONE = "America/Toronto";

function session(id: string, start: string, end: string): Session {
  return { id, eventId: "e1", stageId: "st1", title: id, start, end, livestream: false, recording: false, vod: false, restream: false };
}

function viewOf(revision: number, sessions: Session[]): EventView {
  const event = { id: "e1", name: "E", customer: "", timeZone: ZONE, locale: "en", revision };
  return viewWith({ event, stages: [{ id: "st1", eventId: "e1", name: "Main", position: 0 }], sessions });
}

const first = [session("a", "2027-05-04T13:00:00Z", "2027-05-04T14:00:00Z")];
// Late on the 4th in UTC, the 5th nowhere near Toronto: the day comes from the event's zone.
const moved = session("b", "2027-05-05T15:00:00Z", "2027-05-05T16:00:00Z");
let answers: Answers = {};
fakeShell(() => answers);

describe("viewRaw", () => {
  it("wakes its readers on open, on a spliced edit answer and on a reload merged in place", async () => {
    const state = await import("./state");
    answers = { load_event: () => viewOf(0, first.map((s) => ({ ...s }))) };
    const { days, dispose } = createRoot((dispose) => {
      const days = createMemo(() => {
        const raw = state.viewRaw();
        return raw ? eventDays(raw.data.sessions, raw.data.event.timeZone) : [];
      });
      return { days, dispose };
    });
    expect(days()).toEqual([]);
    expect(await state.openEvent("e1")).toBe(true);
    expect(days()).toEqual(["2027-05-04"]);
    // Nothing a store reader would see tracks this memo: only the write count wakes it.
    expect(state.viewRaw()).not.toBe(state.view());

    // An edit answered with what changed: a session added on the 5th, spliced in place.
    const base = viewOf(1, [...first, moved]);
    const changes = changesWith({
      eventId: "e1",
      fromRevision: 0,
      event: base.data.event,
      sessions: [{ at: 1, remove: 0, insert: [{ ...moved }] }],
    });
    answers.edit_event = () => ({ view: null, changes, created: null });
    const r = await state.applyEdit({ type: "renameStage", id: "st1", name: "Main" });
    expect(r.ok).toBe(true);
    expect(state.view()?.data.sessions.length).toBe(2);
    expect(days()).toEqual(["2027-05-04", "2027-05-05"]);

    // A reload of the same event merges into the rows in place (same ids): the session on the
    // 5th moves to the 6th without any row being replaced.
    answers.load_event = () =>
      viewOf(2, [{ ...first[0] }, { ...moved, start: "2027-05-06T15:00:00Z", end: "2027-05-06T16:00:00Z" }]);
    answers.set_lang = (args) => args.lang;
    await state.changeLang("en");
    expect(days()).toEqual(["2027-05-04", "2027-05-06"]);

    state.closeEvent();
    expect(days()).toEqual([]);
    dispose();
  });

  it("wakes a reader naming its lists only after a write into them; an edited row stays the same row", async () => {
    const state = await import("./state");
    answers = { load_event: () => viewOf(0, first.map((s) => ({ ...s }))) };
    expect(await state.openEvent("e1")).toBe(true);
    const runs = { sessions: 0, findings: 0 };
    const r = createRoot((dispose) => ({
      dispose,
      sessions: createMemo(() => (runs.sessions++, state.viewRaw("sessions")?.data.sessions.length)),
      findings: createMemo(() => (runs.findings++, state.viewRaw("findings")?.findings.length)),
    }));
    const row = state.view()!.data.sessions[0];
    const edit = async (from: number, change: Partial<ViewChanges>) => {
      const base = viewOf(from + 1, []);
      const changes = changesWith({ eventId: "e1", fromRevision: from, event: base.data.event, ...change });
      answers.edit_event = () => ({ view: null, changes, created: null });
      expect((await state.applyEdit({ type: "renameStage", id: "st1", name: "Main" })).ok).toBe(true);
    };
    const finding = { code: "c", severity: "error", message: "m", subject: { kind: "session", id: "a", name: "a" } };
    await edit(0, { findings: [{ at: 0, remove: 0, insert: [finding] }] } as Partial<ViewChanges>);
    expect(runs).toEqual({ sessions: 1, findings: 2 });
    expect(r.findings()).toBe(1);
    // The session's title changes: merged into its row, which the store keeps.
    const renamed = { ...first[0], title: "Renamed" };
    await edit(1, { sessions: [{ at: 0, remove: 1, insert: [renamed] }] } as Partial<ViewChanges>);
    expect(runs).toEqual({ sessions: 2, findings: 2 });
    expect(state.view()!.data.sessions[0]).toBe(row);
    expect(row.title).toBe("Renamed");
    r.dispose();
    state.closeEvent();
  });

  it("replaces the findings a reload brings (read plain, never merged in place) and wakes the readers of a stage whose session changed in place", async () => {
    const state = await import("./state");
    const { findingsOf, sessionsOfStage } = await import("./indexes");
    const finding = (message: string) => ({
      code: "c",
      severity: "warning",
      message,
      subject: { kind: "session", id: "a", name: "a" },
    });
    const withFindings = (revision: number, title: string, message: string) => {
      const v = viewOf(revision, [{ ...first[0], title }]);
      return { ...v, findings: [finding(message)] } as unknown as EventView;
    };
    answers = { load_event: () => withFindings(0, "a", "only 5 min"), set_lang: (args) => args.lang };
    expect(await state.openEvent("e1")).toBe(true);
    const r = createRoot((dispose) => ({
      dispose,
      message: createMemo(() => findingsOf("session", "a")[0]?.message),
      title: createMemo(() => sessionsOfStage("st1")[0]?.title),
    }));
    const old = findingsOf("session", "a")[0];
    expect([r.message(), r.title()]).toEqual(["only 5 min", "a"]);
    // The same finding at the same place, worded anew, and the session renamed (merged in place).
    answers.load_event = () => withFindings(1, "Renamed", "only 3 min");
    await state.changeLang("en");
    expect([r.message(), r.title()]).toEqual(["only 3 min", "Renamed"]);
    // The old finding was not written over: a reader holding it still says what it said.
    expect(old.message).toBe("only 5 min");
    expect(findingsOf("session", "a")[0]).not.toBe(old);
    r.dispose();
    state.closeEvent();
  });
});
