import { describe, expect, it } from "vitest";
import type { ConnectionTest, Destination, Preset, Session } from "../../bindings";
import { setUiLang } from "../../i18n";
import {
  describeTestDetail,
  fieldsOf,
  lastTestLine,
  maskedKey,
  orderedSessionIds,
  presetAdvice,
  presetFill,
  presetSource,
  sessionTitles,
  stageLines,
  testSummary,
  testTime,
} from "./destinations";

const preset = (id: string, serverUrl: string, backupUrl = ""): Preset => ({
  id,
  name: id,
  serverUrl,
  backupUrl,
  advice: { en: `${id} advice`, "fr-CA": `conseil ${id}` },
  source: `${id} help`,
});
const youtube = preset(
  "youtube",
  "rtmps://a.rtmps.youtube.com:443/live2",
  "rtmps://b.rtmps.youtube.com:443/live2?backup=1",
);
const twitch = preset("twitch", "rtmp://live.twitch.tv/app");
const custom = { ...preset("custom", ""), source: "—" };

const dest = (over: Partial<Destination> = {}): Destination => ({
  id: "d1",
  eventId: "e",
  position: 0,
  name: "YouTube",
  preset: "youtube",
  serverUrl: youtube.serverUrl,
  backupUrl: "",
  sessionIds: [],
  status: "requested",
  hasKey: false,
  keyHint: "",
  lastTest: null,
  keyEnteredFor: null,
  ...over,
});

const session = (id: string, title: string): Session => ({
  id,
  eventId: "e",
  stageId: "st",
  title,
  start: "2027-04-15T13:00:00Z",
  end: "2027-04-15T14:00:00Z",
  livestream: true,
  recording: true,
  vod: false,
  restream: true,
});

describe("presetFill", () => {
  it("fills empty fields from the picked preset", () => {
    expect(presetFill(custom, youtube, { serverUrl: "", backupUrl: "  " })).toEqual({
      serverUrl: youtube.serverUrl,
      backupUrl: youtube.backupUrl,
    });
  });

  it("replaces values still equal to the previous preset's, clearing them for a preset without", () => {
    expect(presetFill(youtube, twitch, { serverUrl: youtube.serverUrl, backupUrl: youtube.backupUrl })).toEqual({
      serverUrl: twitch.serverUrl,
      backupUrl: "",
    });
    expect(presetFill(twitch, custom, { serverUrl: twitch.serverUrl, backupUrl: "" })).toEqual({
      serverUrl: "",
      backupUrl: "",
    });
  });

  it("keeps what was typed by hand", () => {
    const typed = { serverUrl: "rtmp://ingest.example.com/live", backupUrl: "rtmp://backup.example.com/live" };
    expect(presetFill(youtube, twitch, typed)).toEqual(typed);
    expect(presetFill(undefined, twitch, { serverUrl: youtube.serverUrl, backupUrl: "" })).toEqual({
      serverUrl: youtube.serverUrl,
      backupUrl: "",
    });
  });
});

describe("preset advice", () => {
  it("follows the UI language and hides a missing source", () => {
    expect(presetAdvice(youtube, "fr-CA")).toBe("conseil youtube");
    expect(presetAdvice({ ...youtube, advice: { en: "only en" } }, "fr-CA")).toBe("only en");
    expect(presetAdvice(undefined, "en")).toBe("");
    expect(presetSource(youtube)).toBe("youtube help");
    expect(presetSource(custom)).toBe("");
  });
});

describe("maskedKey", () => {
  it("shows dots and the hint, never more", () => {
    expect(maskedKey({ hasKey: true, keyHint: "9f2c" })).toBe("•••• 9f2c");
    expect(maskedKey({ hasKey: true, keyHint: "" })).toBe("••••");
    expect(maskedKey({ hasKey: false, keyHint: "" })).toBeNull();
  });
});

describe("sessions", () => {
  const sessions = [session("a", "Keynote"), session("b", "Panel"), session("c", "Closing")];
  it("keeps calendar order and drops unknown ids", () => {
    expect(orderedSessionIds(["c", "x", "a"], sessions)).toEqual(["a", "c"]);
    expect(sessionTitles({ sessionIds: ["c", "a"] }, sessions)).toEqual(["Keynote", "Closing"]);
  });

  it("copies a destination's fields without sharing its session list", () => {
    const d = dest({ sessionIds: ["a"] });
    const f = fieldsOf(d);
    f.sessionIds.push("b");
    expect(d.sessionIds).toEqual(["a"]);
    expect(f).toMatchObject({ name: "YouTube", preset: "youtube", status: "requested" });
  });
});

describe("test results in words", () => {
  const zone = "America/Toronto";
  const now = new Date("2027-04-15T20:00:00Z"); // 16:00 in Toronto

  it("translates the recorded summary's stage", () => {
    expect(describeTestDetail("tcp: connection refused")).toBe("TCP connection: connection refused");
    expect(describeTestDetail("connect OK")).toBe("RTMP connect to the application");
    expect(describeTestDetail("something else: odd")).toBe("something else: odd");
  });

  it("words the stage in French with French punctuation", () => {
    setUiLang("fr-CA");
    try {
      expect(describeTestDetail("tcp: connection refused")).toBe("Connexion TCP : connection refused");
    } finally {
      setUiLang("en");
    }
  });

  it("shows the time of a test today, the date of an older one", () => {
    expect(testTime("2027-04-15T18:32:00Z", zone, now, "en", false)).toBe("14:32");
    expect(testTime("2027-04-10T18:32:00Z", zone, now, "en", false)).toMatch(/Apr 10, 2027.*14:32/);
  });

  it("words the last test", () => {
    expect(lastTestLine(null, zone, now, "en", false)).toEqual({ tone: "none", text: "Not tested" });
    const ok = { at: "2027-04-15T18:32:00Z", ok: true, detail: "connect OK", published: false };
    expect(lastTestLine(ok, zone, now, "en", false)).toEqual({ tone: "ok", text: "Tested OK 14:32" });
    expect(lastTestLine({ ...ok, published: true }, zone, now, "en", false).text).toBe("Tested OK with the key 14:32");
    expect(
      lastTestLine(
        { at: "2027-04-15T18:32:00Z", ok: false, detail: "tcp: connection refused", published: false },
        zone,
        now,
        "en",
        false,
      ),
    ).toEqual({ tone: "fail", text: "Test failed: TCP connection: connection refused (14:32)" });
  });

  const failed: ConnectionTest = {
    ok: false,
    stages: [
      { stage: "resolve", ok: true, ms: 12, detail: "203.0.113.5:1935" },
      { stage: "tcp", ok: false, ms: 3000, detail: "timed out" },
    ],
  };
  const passed: ConnectionTest = {
    ok: true,
    stages: [
      { stage: "resolve", ok: true, ms: 10, detail: "" },
      { stage: "tcp", ok: true, ms: 20, detail: "" },
      { stage: "handshake", ok: true, ms: 30, detail: "" },
      { stage: "connect", ok: true, ms: 40, detail: "NetConnection.Connect.Success" },
    ],
  };

  it("lists the stages with their marks", () => {
    expect(stageLines(failed)).toEqual([
      { stage: "resolve", label: "DNS lookup", ok: true, mark: "✓", ms: 12, detail: "203.0.113.5:1935" },
      { stage: "tcp", label: "TCP connection", ok: false, mark: "✗", ms: 3000, detail: "timed out" },
    ]);
    expect(stageLines({ ok: false, stages: [{ stage: "warp", ok: false, ms: 1, detail: "" }] })[0].label).toBe("warp");
  });

  it("sums up a test", () => {
    expect(testSummary(passed)).toBe("Connection OK up to RTMP connect to the application — 100 ms in all");
    expect(testSummary(failed)).toBe("Failed at TCP connection: timed out");
    expect(testSummary({ ok: false, stages: [] })).toBe("The test failed.");
  });
});
