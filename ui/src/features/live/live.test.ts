import { describe, expect, it } from "vitest";
import type { CueKind, LiveStage } from "../../bindings";
import {
  actualToRecord,
  budgetShare,
  countdownEms,
  countdownTone,
  cueTone,
  defaultRehearsalFrom,
  delayStage,
  effectiveSelection,
  endedSessions,
  focusStage,
  formatCountdown,
  formatHoursClock,
  liveKeyAction,
  moveSelection,
  parseDelayMinutes,
  recordedEnds,
  recordingTasks,
  rehearsalFromToUtc,
  sameInstant,
  stageTone,
  timerSize,
  timerTone,
  toggleMuted,
} from "./live";

describe("formatCountdown", () => {
  const DAY = 86_400;
  const hms = (h: number, m: number, s: number) => h * 3600 + m * 60 + s;

  it("shows m:ss below an hour and h:mm:ss from an hour on, in both languages", () => {
    for (const l of ["en", "fr-CA"] as const) {
      expect(formatCountdown(0, l)).toBe("0:00");
      expect(formatCountdown(5, l)).toBe("0:05");
      expect(formatCountdown(59, l)).toBe("0:59");
      expect(formatCountdown(60, l)).toBe("1:00");
      expect(formatCountdown(754, l)).toBe("12:34");
      expect(formatCountdown(hms(0, 59, 59), l)).toBe("59:59");
      expect(formatCountdown(hms(1, 0, 0), l)).toBe("1:00:00");
      expect(formatCountdown(hms(3, 5, 7), l)).toBe("3:05:07");
      expect(formatCountdown(hms(23, 59, 59), l)).toBe("23:59:59");
    }
  });

  it("shows whole days and hh:mm:ss from a day on, with the language's day unit", () => {
    expect(formatCountdown(DAY, "en")).toBe("1 d 00:00:00");
    expect(formatCountdown(DAY, "fr-CA")).toBe("1 j 00:00:00");
    expect(formatCountdown(DAY + 1, "en")).toBe("1 d 00:00:01");
    expect(formatCountdown(2 * DAY - 1, "en")).toBe("1 d 23:59:59");
    expect(formatCountdown(130 * DAY + hms(3, 42, 7), "en")).toBe("130 d 03:42:07");
    expect(formatCountdown(130 * DAY + hms(3, 42, 7), "fr-CA")).toBe("130 j 03:42:07");
    // What used to read "3129:26:14".
    expect(formatCountdown(hms(3129, 26, 14), "en")).toBe("130 d 09:26:14");
    // No thousands separator in the day count.
    expect(formatCountdown(1234 * DAY, "en")).toBe("1234 d 00:00:00");
    expect(formatCountdown(1234 * DAY, "fr-CA")).toBe("1234 j 00:00:00");
  });

  it("keeps the seconds of a far countdown, so it visibly ticks", () => {
    const far = 130 * DAY + hms(3, 42, 7);
    for (const l of ["en", "fr-CA"] as const) {
      const seen = new Set([0, 1, 2, 3].map((s) => formatCountdown(far - s, l)));
      expect(seen.size).toBe(4);
    }
  });

  it("counts overdue and overtime up with a leading +", () => {
    expect(formatCountdown(-1, "en")).toBe("+0:01");
    expect(formatCountdown(-90, "en")).toBe("+1:30");
    expect(formatCountdown(-3661, "en")).toBe("+1:01:01");
    expect(formatCountdown(-hms(23, 59, 59), "fr-CA")).toBe("+23:59:59");
    expect(formatCountdown(-DAY, "en")).toBe("+1 d 00:00:00");
    expect(formatCountdown(-DAY, "fr-CA")).toBe("+1 j 00:00:00");
    expect(formatCountdown(-(130 * DAY + hms(3, 42, 7)), "fr-CA")).toBe("+130 j 03:42:07");
  });

  it("rounds fractions and never shows a signed zero", () => {
    expect(formatCountdown(-0.4, "en")).toBe("0:00");
    expect(formatCountdown(89.6, "en")).toBe("1:30");
    expect(formatCountdown(-89.6, "en")).toBe("+1:30");
    expect(formatCountdown(DAY - 0.6, "en")).toBe("23:59:59");
    expect(formatCountdown(DAY - 0.5, "en")).toBe("1 d 00:00:00");
    expect(formatCountdown(-(DAY - 0.4), "fr-CA")).toBe("+1 j 00:00:00");
  });
});

describe("countdownEms", () => {
  it("weighs digits and letters, colons and spaces", () => {
    expect(countdownEms("9:59")).toBe(2.5);
    expect(countdownEms("12:34")).toBe(3.2);
    expect(countdownEms("+1:00:00")).toBe(5);
    expect(countdownEms("130 d 03:42:07")).toBe(8.5);
    expect(countdownEms("130 j 03:42:07")).toBe(8.5);
    expect(countdownEms("—")).toBe(1);
  });

  it("makes a day countdown wider than any countdown below a day", () => {
    const day = countdownEms(formatCountdown(86_400, "fr-CA"));
    expect(day).toBeGreaterThan(countdownEms(formatCountdown(-(86_400 - 1), "en")));
  });
});

describe("tones", () => {
  it("turn amber under 2 min and red under 30 s on a stage", () => {
    expect(stageTone(600)).toBe("normal");
    expect(stageTone(121)).toBe("normal");
    expect(stageTone(120)).toBe("amber");
    expect(stageTone(31)).toBe("amber");
    expect(stageTone(30)).toBe("red");
    expect(stageTone(0)).toBe("red");
    expect(stageTone(-1)).toBe("over");
  });

  it("follow the thresholds Rust sends for the speaker timer", () => {
    expect(timerTone(null, 300, 60)).toBe("idle");
    expect(timerTone(301, 300, 60)).toBe("normal");
    expect(timerTone(300, 300, 60)).toBe("amber");
    expect(timerTone(60, 300, 60)).toBe("red");
    expect(timerTone(-5, 300, 60)).toBe("over");
    expect(countdownTone(10, 5, 2)).toBe("normal");
  });

  it("mark the next cue amber in its last minute and red when overdue", () => {
    expect(cueTone(61)).toBe("normal");
    expect(cueTone(60)).toBe("amber");
    expect(cueTone(0)).toBe("amber");
    expect(cueTone(-1)).toBe("over");
  });

  it("size the timer number by its length", () => {
    expect(timerSize("5:00")).toBe("xl");
    expect(timerSize("12:00")).toBe("l");
    expect(timerSize("+12:00")).toBe("m");
    expect(timerSize("1:00:00")).toBe("m");
    expect(timerSize("+1:00:00")).toBe("s");
    expect(timerSize("—")).toBe("xl");
  });
});

describe("support clock", () => {
  it("shows minutes as h:mm", () => {
    expect(formatHoursClock(540)).toBe("9:00");
    expect(formatHoursClock(75)).toBe("1:15");
    expect(formatHoursClock(5)).toBe("0:05");
    expect(formatHoursClock(-3)).toBe("0:00");
  });

  it("clamps the used share to 0–1", () => {
    expect(budgetShare(270, 540)).toBe(0.5);
    expect(budgetShare(600, 540)).toBe(1);
    expect(budgetShare(0, 0)).toBe(0);
    expect(budgetShare(10, 0)).toBe(1);
  });
});

describe("liveKeyAction", () => {
  it("maps the live shortcuts", () => {
    expect(liveKeyAction({ key: " " })).toBe("done");
    expect(liveKeyAction({ key: "s" })).toBe("skip");
    expect(liveKeyAction({ key: "S" })).toBe("skip");
    expect(liveKeyAction({ key: "d" })).toBe("delay");
    expect(liveKeyAction({ key: "a" })).toBe("actual");
    expect(liveKeyAction({ key: "n" })).toBe("next");
    expect(liveKeyAction({ key: "t" })).toBe("timer");
    expect(liveKeyAction({ key: "ArrowUp" })).toBe("up");
    expect(liveKeyAction({ key: "ArrowDown" })).toBe("down");
  });

  it("leaves modified and other keys alone", () => {
    expect(liveKeyAction({ key: "s", ctrlKey: true })).toBeNull();
    expect(liveKeyAction({ key: "d", altKey: true })).toBeNull();
    expect(liveKeyAction({ key: "a", metaKey: true })).toBeNull();
    expect(liveKeyAction({ key: "S", shiftKey: true })).toBeNull();
    expect(liveKeyAction({ key: " ", shiftKey: true })).toBeNull();
    expect(liveKeyAction({ key: "x" })).toBeNull();
    expect(liveKeyAction({ key: "Enter" })).toBeNull();
    expect(liveKeyAction({ key: "?" })).toBeNull();
  });
});

describe("cue selection", () => {
  const keys = ["a", "b", "c"];
  it("defaults to the next cue and keeps a listed pick", () => {
    expect(effectiveSelection(keys, null, "b")).toBe("b");
    expect(effectiveSelection(keys, "c", "b")).toBe("c");
    expect(effectiveSelection(keys, "gone", "b")).toBe("b");
    expect(effectiveSelection(keys, null, null)).toBeNull();
    expect(effectiveSelection([], null, "b")).toBeNull();
  });

  it("moves one row and stops at the ends", () => {
    expect(moveSelection(keys, "b", 1)).toBe("c");
    expect(moveSelection(keys, "c", 1)).toBe("c");
    expect(moveSelection(keys, "b", -1)).toBe("a");
    expect(moveSelection(keys, "a", -1)).toBe("a");
    expect(moveSelection(keys, null, 1)).toBe("a");
    expect(moveSelection(keys, null, -1)).toBe("c");
    expect(moveSelection([], "a", 1)).toBeNull();
  });
});

function stage(id: string, onAir: boolean, withSession: boolean): LiveStage {
  return {
    stageId: id,
    name: id,
    onAir,
    session: withSession
      ? {
          sessionId: `s-${id}`,
          title: "",
          start: "2027-04-15T13:00:00Z",
          end: "2027-04-15T14:00:00Z",
          endsInSecs: 0,
          actualStart: null,
          actualEnd: null,
        }
      : null,
    current: null,
    next: null,
    lateMinutes: 0,
  };
}

describe("stages", () => {
  it("act on the first stage on air, else the first with a session", () => {
    expect(focusStage([stage("a", false, true), stage("b", true, true)])?.stageId).toBe("b");
    expect(focusStage([stage("a", false, false), stage("b", false, true)])?.stageId).toBe("b");
    expect(focusStage([stage("a", false, false)])).toBeNull();
    expect(delayStage([stage("a", false, true), stage("b", true, true)])?.stageId).toBe("b");
    expect(delayStage([stage("a", false, false), stage("b", false, true)])?.stageId).toBe("a");
    expect(delayStage([])).toBeNull();
  });

  it("record the end once a session has started and not ended", () => {
    expect(actualToRecord({ actualStart: null, actualEnd: null })).toBe("start");
    expect(actualToRecord({ actualStart: "2027-04-15T13:01:00Z", actualEnd: null })).toBe("end");
    expect(actualToRecord({ actualStart: "2027-04-15T13:01:00Z", actualEnd: "2027-04-15T14:00:00Z" })).toBe(
      "start",
    );
  });
});

describe("rehearsal start", () => {
  it("defaults to 30 min before the first session, in the event zone", () => {
    expect(defaultRehearsalFrom("2027-04-15T13:00:00Z", "America/Toronto")).toBe("2027-04-15 08:30");
    expect(defaultRehearsalFrom("2027-04-15T04:10:00Z", "America/Toronto")).toBe("2027-04-14 23:40");
    expect(defaultRehearsalFrom(null, "America/Toronto")).toBe("");
  });

  it("converts the typed event time to RFC 3339 UTC", () => {
    expect(rehearsalFromToUtc("2027-04-15 08:30", "America/Toronto")).toBe("2027-04-15T12:30:00Z");
    expect(rehearsalFromToUtc("2027-01-15T8:30", "America/Toronto")).toBe("2027-01-15T13:30:00Z");
    expect(rehearsalFromToUtc("tomorrow", "America/Toronto")).toBeNull();
  });
});

describe("misc", () => {
  it("parses delay minutes", () => {
    expect(parseDelayMinutes("5")).toBe(5);
    expect(parseDelayMinutes(" -3 ")).toBe(-3);
    expect(parseDelayMinutes("0")).toBeNull();
    expect(parseDelayMinutes("2.5")).toBeNull();
    expect(parseDelayMinutes("")).toBeNull();
    expect(parseDelayMinutes("9999")).toBeNull();
  });

  it("compares instants, not strings", () => {
    expect(sameInstant("2027-04-15T13:00:00Z", "2027-04-15T13:00:00.000Z")).toBe(true);
    expect(sameInstant("2027-04-15T13:00:00Z", "2027-04-15T13:05:00Z")).toBe(false);
  });
});

describe("after the session", () => {
  const sessions = [
    { id: "a", end: "2027-04-15T14:00:00Z" },
    { id: "b", end: "2027-04-15T15:00:00Z" },
    { id: "c", end: "2027-04-15T16:00:00Z" },
    { id: "d", end: "2027-04-15T17:00:00Z" },
  ];
  const ids = (l: { id: string }[]) => l.map((s) => s.id);

  it("counts sessions whose planned end has passed, most recent first", () => {
    expect(ids(endedSessions(sessions, "2027-04-15T15:30:00Z", new Map()))).toEqual(["b", "a"]);
    expect(ids(endedSessions(sessions, "2027-04-15T13:00:00Z", new Map()))).toEqual([]);
  });

  it("does not count a session ending right now", () => {
    expect(ids(endedSessions(sessions, "2027-04-15T15:00:00Z", new Map()))).toEqual(["a"]);
  });

  it("counts a session whose actual end was recorded before its planned end", () => {
    const ended = new Map([["c", "2027-04-15T15:40:00Z"]]);
    expect(ids(endedSessions(sessions, "2027-04-15T15:45:00Z", ended))).toEqual(["c", "b", "a"]);
  });

  it("orders by the recorded end when there is one", () => {
    // b ran long and ended after c's planned end.
    const ended = new Map([["b", "2027-04-15T16:30:00Z"]]);
    expect(ids(endedSessions(sessions, "2027-04-15T16:45:00Z", ended))).toEqual(["b", "c", "a"]);
  });

  it("reads recorded ends from the snapshot's stages", () => {
    const stage = (sessionId: string | null, actualEnd: string | null): LiveStage => ({
      stageId: `st-${sessionId}`,
      name: "Main",
      session: sessionId
        ? { sessionId, title: "", start: "", end: "", endsInSecs: 0, actualStart: null, actualEnd }
        : null,
      onAir: false,
      current: null,
      next: null,
      lateMinutes: 0,
    });
    const got = recordedEnds([stage("a", "2027-04-15T13:50:00Z"), stage("b", null), stage(null, null)]);
    expect([...got]).toEqual([["a", "2027-04-15T13:50:00Z"]]);
  });

  it("lists a session's recording tasks in the order they are done", () => {
    const tasks = [
      { id: "1", sessionId: "a", kind: "upload_vod" as const },
      { id: "2", sessionId: "a", kind: "go_live" as const },
      { id: "3", sessionId: "b", kind: "download_recording" as const },
      { id: "4", sessionId: "a", kind: "download_recording" as const },
      { id: "5", sessionId: "a", kind: "edit_recording" as const },
      { id: "6", sessionId: null, kind: "download_recording" as const },
    ];
    expect(recordingTasks(tasks, "a").map((x) => x.id)).toEqual(["4", "5", "1"]);
    expect(recordingTasks(tasks, "z")).toEqual([]);
  });
});

describe("do not disturb", () => {
  it("mutes and unmutes a kind, keeping the cue kinds' order and no duplicates", () => {
    let muted: CueKind[] = [];
    muted = toggleMuted(muted, "time_check", true);
    muted = toggleMuted(muted, "av_check", true);
    expect(muted).toEqual(["av_check", "time_check"]);
    expect(toggleMuted(muted, "av_check", true)).toEqual(["av_check", "time_check"]);
    expect(toggleMuted(muted, "av_check", false)).toEqual(["time_check"]);
    expect(toggleMuted(muted, "go_live", false)).toEqual(["av_check", "time_check"]);
  });

  it("drops duplicates it was given", () => {
    expect(toggleMuted(["go_live", "go_live"], "play_clip", true)).toEqual(["go_live", "play_clip"]);
  });
});
