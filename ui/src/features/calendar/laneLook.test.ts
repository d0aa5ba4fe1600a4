import { afterEach, describe, expect, it } from "vitest";
import type { Finding } from "../../bindings";
import { setUiLang } from "../../i18n";
import { shortGaps } from "./layout";
import { blockClasses, blockLook, gapLook, sameLook, TEXT_PX, TIMES_PX } from "./laneLook";

const session = { id: "s1", title: "Opening", start: "2027-04-15T13:00:00Z", end: "2027-04-15T14:00:00Z" };
// 08:00–18:00 as a 0–100 scale: an hour is 10 %.
const x = (i: string) => (new Date(i).getUTCHours() + new Date(i).getUTCMinutes() / 60 - 8) * 10;
const fmt = (i: string) => i.slice(11, 16);
const finding = (severity: Finding["severity"], message: string): Finding => ({
  code: "c",
  message,
  severity,
  subject: { kind: "session", id: "s1", name: "Opening" },
});

describe("a lane's blocks and gap marks", () => {
  afterEach(() => setUiLang("en"));

  it("gives a wide block its title, its times and a badge of its worst finding", () => {
    const fs = [finding("warning", "Short gap"), finding("error", "Overlap")];
    // 10 % wide at 10 px per percent: 100 px, room for the times.
    const look = blockLook(session, fs, x, fmt, 10);
    expect(look.left).toBeCloseTo(50);
    expect(look.width).toBeCloseTo(10);
    expect(look.text).toEqual({
      title: "Opening",
      times: "13:00 – 14:00",
      badge: { severity: "error", count: 2, tip: "Findings: Warning: Short gap · Error: Overlap" },
    });
    expect(look.label).toBeNull();
    expect(look.tip).toBe("Opening\n13:00 – 14:00");
    expect(blockClasses(look, true, false)).toBe("session-block selected has-badge");
  });

  it("drops the times, then the text, as a block narrows; a slim one says it all in its name", () => {
    const between = (TIMES_PX + TEXT_PX) / 2 / 10; // px per percent for a block between the two
    expect(blockLook(session, [], x, fmt, between).text).toEqual({ title: "Opening", times: null, badge: null });
    const slim = blockLook(session, [finding("warning", "Short gap")], x, fmt, 2);
    expect(slim.text).toBeNull();
    expect(slim.label).toBe("Opening, 13:00 – 14:00\nFindings: Warning: Short gap");
    expect(blockClasses(slim, false, true)).toBe("session-block flash slim sev-edge-warning");
    expect(blockClasses(blockLook(session, [], x, fmt, 2), false, false)).toBe("session-block slim");
  });

  it("labels a gap wide enough for it, and an overlap as one, in the language shown", () => {
    const a = { ...session, id: "a", eventId: "e", stageId: "st", livestream: true, recording: true, vod: false, restream: false };
    const b = { ...a, id: "b", start: "2027-04-15T14:10:00Z", end: "2027-04-15T15:00:00Z" };
    const c = { ...a, id: "c", start: "2027-04-15T14:50:00Z", end: "2027-04-15T15:30:00Z" };
    const [gap, overlap] = shortGaps([a, b, c]);
    const wide = gapLook(gap, x, 40); // 10 minutes: 1.67 % at 40 px per percent, 67 px
    expect(wide.overlap).toBe(false);
    expect(wide.left).toBeCloseTo(60);
    expect(wide.width).toBeCloseTo(10 / 6);
    expect(wide.label).toBe("10 min");
    expect(gapLook(gap, x, 10).label).toBeNull(); // 17 px: no room
    const o = gapLook(overlap, x, 40);
    expect(o.overlap).toBe(true);
    expect(o.left).toBeCloseTo(x(c.start));
    expect(o.label).toBe("Overlap");
    setUiLang("fr-CA");
    expect(gapLook(overlap, x, 40).label).toBe("Chevauchement");
    expect(gapLook(overlap, x, 40).tip).not.toBe(o.tip);
  });

  it("tells looks that draw the same from those that do not", () => {
    const one = blockLook(session, [finding("error", "Overlap")], x, fmt, 10);
    expect(sameLook(one, blockLook(session, [finding("error", "Overlap")], x, fmt, 10))).toBe(true);
    expect(sameLook(one, blockLook(session, [finding("error", "Other")], x, fmt, 10))).toBe(false);
    expect(sameLook(one, blockLook({ ...session, title: "Renamed" }, [finding("error", "Overlap")], x, fmt, 10))).toBe(false);
    expect(sameLook(one, blockLook(session, [], x, fmt, 10))).toBe(false);
    expect(sameLook(undefined, one)).toBe(false);
  });
});
