import { describe, expect, it } from "vitest";
import type { CustomCue } from "../../bindings";
import {
  cueFieldOf,
  cueSettingFor,
  customCueFields,
  defaultCueSetting,
  formatOffset,
  newCustomCueFields,
  parseOffset,
  setCueSettingEdit,
  TEMPLATE_CUE_KINDS,
  withAnchor,
} from "./cues";

describe("parseOffset", () => {
  it("reads m:ss, h:mm:ss and bare minutes, with a sign", () => {
    expect(parseOffset("0:30")).toBe(30);
    expect(parseOffset("-0:30")).toBe(-30);
    expect(parseOffset("+1:05")).toBe(65);
    expect(parseOffset(" - 2:00 ")).toBe(-120);
    expect(parseOffset("\u22121:00")).toBe(-60);
    expect(parseOffset("5")).toBe(300);
    expect(parseOffset("-5")).toBe(-300);
    expect(parseOffset("1:00:00")).toBe(3600);
    expect(parseOffset("0")).toBe(0);
    expect(Object.is(parseOffset("-0:00"), 0)).toBe(true);
  });
  it("refuses what is not a duration", () => {
    for (const bad of ["", "-", "--0:30", "+-1:00", "0:60", "abc", "1:2", "-0:3x"]) {
      expect(parseOffset(bad), bad).toBeNull();
    }
  });
});

describe("formatOffset", () => {
  it("writes m:ss with a minus when before", () => {
    expect(formatOffset(0)).toBe("0:00");
    expect(formatOffset(30)).toBe("0:30");
    expect(formatOffset(-30)).toBe("-0:30");
    expect(formatOffset(-3725)).toBe("-1:02:05");
  });
  it("round-trips", () => {
    for (const s of [-3600, -90, -1, 0, 1, 59, 600, 7322]) expect(parseOffset(formatOffset(s))).toBe(s);
  });
});

describe("cue template defaults", () => {
  it("gives each generated kind its heads-up", () => {
    const lead = Object.fromEntries(TEMPLATE_CUE_KINDS.map((k) => [k, defaultCueSetting(k).leadSecs]));
    expect(lead).toEqual({
      av_check: 120,
      speaker_prep: 120,
      go_live: 120,
      attendee_view_check: 0,
      presenter_on: 60,
      presenter_off: 0,
      transition: 60,
      play_clip: 60,
      share_deck: 60,
      time_check: 0,
      end_stream: 120,
      recording_download: 0,
    });
    expect(TEMPLATE_CUE_KINDS.every((k) => defaultCueSetting(k).enabled)).toBe(true);
  });
  it("prefers the event's own setting", () => {
    const s = [{ kind: "go_live" as const, enabled: false, leadSecs: 300 }];
    expect(cueSettingFor(s, "go_live")).toEqual({ kind: "go_live", enabled: false, leadSecs: 300 });
    expect(cueSettingFor(s, "av_check")).toEqual({ kind: "av_check", enabled: true, leadSecs: 120 });
  });
  it("sends the heads-up as a JSON number", () => {
    const e = setCueSettingEdit("go_live", true, 90);
    expect(JSON.parse(JSON.stringify(e))).toEqual({ type: "setCueSetting", kind: "go_live", enabled: true, leadSecs: 90 });
  });
});

describe("custom cue fields", () => {
  const segs = [{ id: "g1" }, { id: "g2" }];
  it("starts a new cue on the first segment, or the session without one", () => {
    expect(newCustomCueFields("s1", segs, "Overlay")).toEqual({
      sessionId: "s1",
      segmentId: "g1",
      anchor: "segment_start",
      offsetSecs: 0,
      kind: "overlay_on",
      text: "Overlay",
      leadSecs: 30,
    });
    const none = newCustomCueFields("s1", [], "Overlay");
    expect(none.anchor).toBe("session_start");
    expect(none.segmentId).toBeNull();
  });
  it("keeps or drops the segment with the anchor", () => {
    const f = newCustomCueFields("s1", segs, "x");
    expect(withAnchor(f, "session_end", segs)).toMatchObject({ anchor: "session_end", segmentId: null });
    const back = withAnchor({ ...f, anchor: "session_end", segmentId: null }, "segment_end", segs);
    expect(back).toMatchObject({ anchor: "segment_end", segmentId: "g1" });
    expect(withAnchor({ ...f, segmentId: "g2" }, "segment_end", segs).segmentId).toBe("g2");
    expect(withAnchor({ ...f, segmentId: "gone" }, "segment_start", segs).segmentId).toBe("g1");
  });
  it("copies a cue's fields", () => {
    const c: CustomCue = {
      id: "c1",
      sessionId: "s1",
      segmentId: null,
      anchor: "session_end",
      offsetSecs: -30,
      kind: "captions_off",
      text: "Captions off",
      leadSecs: 0,
    };
    expect(customCueFields(c)).toEqual({
      sessionId: "s1",
      segmentId: null,
      anchor: "session_end",
      offsetSecs: -30,
      kind: "captions_off",
      text: "Captions off",
      leadSecs: 0,
    });
  });
  it("maps Rust's field names", () => {
    expect(cueFieldOf("cue.text")).toBe("text");
    expect(cueFieldOf("cue.segmentId")).toBe("segmentId");
    expect(cueFieldOf("cue.lead_secs")).toBe("leadSecs");
    expect(cueFieldOf("cue.offsetSecs")).toBe("offsetSecs");
    expect(cueFieldOf("segment.title")).toBeNull();
    expect(cueFieldOf(null)).toBeNull();
  });
});
