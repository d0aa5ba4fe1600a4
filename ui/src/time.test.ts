import { describe, expect, it } from "vitest";
import {
  addMinutesToLocal,
  clockParts,
  addMonthsToDate,
  formatDuration,
  formatSignedDuration,
  formatTime,
  localDateKey,
  localToInstant,
  minutesOfDay,
  normalizeLocalInput,
  parseDuration,
  toLocalDisplay,
  toLocalInput,
  toUtcRfc3339,
  zoneOffsetMinutes,
  zonedParts,
} from "./time";

describe("toLocalInput", () => {
  it("converts a UTC instant to the event zone's wall clock", () => {
    expect(toLocalInput("2027-04-15T13:00:00Z", "America/Toronto")).toBe("2027-04-15T09:00");
    expect(toLocalInput("2027-01-15T14:30:00Z", "America/Toronto")).toBe("2027-01-15T09:30");
    expect(toLocalDisplay("2027-04-15T13:00:00Z", "America/Toronto")).toBe("2027-04-15 09:00");
  });

  it("answers the same instant alike whether asked again, as a Date, or for another zone", () => {
    const a = zonedParts("2027-04-15T13:05:00Z", "America/Toronto");
    expect(zonedParts("2027-04-15T13:05:00Z", "America/Toronto")).toEqual(a);
    expect(zonedParts(new Date("2027-04-15T13:05:00Z"), "America/Toronto")).toEqual(a);
    expect(a).toMatchObject({ year: 2027, month: 4, day: 15, hour: 9, minute: 5 });
    // Same instant, another zone: not the first zone's answer.
    expect(zonedParts("2027-04-15T13:05:00Z", "Europe/Paris")).toMatchObject({ hour: 15, minute: 5 });
    expect(zonedParts("2027-04-15T13:05:00Z", "America/Toronto").hour).toBe(9);
  });

  it("handles midnight as hour 0", () => {
    expect(toLocalInput("2027-04-15T04:00:00Z", "America/Toronto")).toBe("2027-04-15T00:00");
    expect(zonedParts("2027-04-15T00:00:00Z", "UTC").hour).toBe(0);
  });

  it("follows the DST change day in spring (America/Toronto, 2027-03-14)", () => {
    // 06:59Z is 01:59 EST; 07:00Z is 03:00 EDT: 02:xx never shows.
    expect(toLocalInput("2027-03-14T06:59:00Z", "America/Toronto")).toBe("2027-03-14T01:59");
    expect(toLocalInput("2027-03-14T07:00:00Z", "America/Toronto")).toBe("2027-03-14T03:00");
    expect(toLocalInput("2027-03-14T14:00:00Z", "America/Toronto")).toBe("2027-03-14T10:00");
    expect(zoneOffsetMinutes("2027-03-14T06:00:00Z", "America/Toronto")).toBe(-300);
    expect(zoneOffsetMinutes("2027-03-14T08:00:00Z", "America/Toronto")).toBe(-240);
  });

  it("follows the DST change day in autumn (Europe/Paris, 2027-10-31)", () => {
    expect(toLocalInput("2027-10-31T00:30:00Z", "Europe/Paris")).toBe("2027-10-31T02:30");
    expect(toLocalInput("2027-10-31T01:30:00Z", "Europe/Paris")).toBe("2027-10-31T02:30");
    expect(toLocalInput("2027-10-31T09:00:00Z", "Europe/Paris")).toBe("2027-10-31T10:00");
  });

  it("handles a zone far from UTC (Pacific/Kiritimati, UTC+14)", () => {
    expect(toLocalInput("2027-04-15T13:00:00Z", "Pacific/Kiritimati")).toBe("2027-04-16T03:00");
    expect(localDateKey("2027-04-15T10:00:00Z", "Pacific/Kiritimati")).toBe("2027-04-16");
    expect(zoneOffsetMinutes("2027-04-15T10:00:00Z", "Pacific/Kiritimati")).toBe(14 * 60);
  });

  it("handles a zone west of UTC across the date line (Pacific/Pago_Pago, UTC-11)", () => {
    expect(toLocalInput("2027-04-15T05:00:00Z", "Pacific/Pago_Pago")).toBe("2027-04-14T18:00");
  });
});

describe("localToInstant", () => {
  it("round-trips ordinary times", () => {
    expect(localToInstant("2027-04-15 09:00", "America/Toronto")?.toISOString()).toBe("2027-04-15T13:00:00.000Z");
    expect(localToInstant("2027-04-16T03:00", "Pacific/Kiritimati")?.toISOString()).toBe("2027-04-15T13:00:00.000Z");
  });

  it("resolves a time skipped by DST forward", () => {
    // 02:30 does not exist in Toronto on 2027-03-14; it resolves to 03:30 EDT.
    const d = localToInstant("2027-03-14T02:30", "America/Toronto");
    expect(d?.toISOString()).toBe("2027-03-14T07:30:00.000Z");
  });

  it("takes the first of two repeated times", () => {
    const d = localToInstant("2027-11-07T01:30", "America/Toronto");
    expect(d?.toISOString()).toBe("2027-11-07T05:30:00.000Z");
  });
});

describe("normalizeLocalInput / addMinutesToLocal", () => {
  it("accepts a space or a T and a one-digit hour", () => {
    expect(normalizeLocalInput("2027-04-15 09:00")).toBe("2027-04-15T09:00");
    expect(normalizeLocalInput(" 2027-04-15T9:05 ")).toBe("2027-04-15T09:05");
  });

  it("rejects impossible values", () => {
    expect(normalizeLocalInput("2027-02-29 09:00")).toBeNull();
    expect(normalizeLocalInput("2027-04-15 24:00")).toBeNull();
    expect(normalizeLocalInput("2027-04-15")).toBeNull();
    expect(normalizeLocalInput("tomorrow")).toBeNull();
  });

  it("adds wall-clock minutes across midnight and month ends", () => {
    expect(addMinutesToLocal("2027-04-30 23:30", 45)).toBe("2027-05-01T00:15");
    expect(addMinutesToLocal("2027-04-15T09:00", 60)).toBe("2027-04-15T10:00");
  });
});

describe("minutesOfDay", () => {
  it("measures the wall clock of the event zone", () => {
    expect(minutesOfDay("2027-04-15T13:30:00Z", "America/Toronto")).toBe(9 * 60 + 30);
    expect(minutesOfDay("2027-04-15T13:30:00Z", "Pacific/Kiritimati")).toBe(3 * 60 + 30);
  });
});

describe("formatTime", () => {
  it("shows 12 h or 24 h in the event zone", () => {
    const en = formatTime("2027-04-15T17:05:00Z", "America/Toronto", "en", true);
    expect(en).toMatch(/^1:05\s?PM$/i);
    const fr = formatTime("2027-04-15T17:05:00Z", "America/Toronto", "fr-CA", false);
    expect(fr.replace(/\s/g, " ")).toMatch(/^13 h 05$|^13:05$/);
  });
});

describe("durations", () => {
  it("parses m, m:ss and h:mm:ss", () => {
    expect(parseDuration("5")).toBe(300);
    expect(parseDuration(" 5:30 ")).toBe(330);
    expect(parseDuration("0:45")).toBe(45);
    expect(parseDuration("75:00")).toBe(4500);
    expect(parseDuration("1:02:03")).toBe(3723);
  });

  it("rejects malformed text", () => {
    for (const bad of ["", "5:6", "5:60", "1:60:00", "abc", "-5", "5.5", "1:2:3"]) {
      expect(parseDuration(bad), bad).toBeNull();
    }
  });

  it("formats as m:ss below an hour and h:mm:ss above", () => {
    expect(formatDuration(0)).toBe("0:00");
    expect(formatDuration(300)).toBe("5:00");
    expect(formatDuration(59 * 60 + 59)).toBe("59:59");
    expect(formatDuration(3600)).toBe("1:00:00");
    expect(formatDuration(3723)).toBe("1:02:03");
    expect(formatSignedDuration(150)).toBe("+2:30");
    expect(formatSignedDuration(-45)).toBe("-0:45");
  });

  it("round-trips", () => {
    for (const secs of [0, 1, 59, 60, 299, 3599, 3600, 7322]) {
      expect(parseDuration(formatDuration(secs))).toBe(secs);
    }
  });
});

describe("addMonthsToDate", () => {
  it("adds months and clamps the day", () => {
    expect(addMonthsToDate("2026-04-15", 12)).toBe("2027-04-15");
    expect(addMonthsToDate("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonthsToDate("nope", 1)).toBeNull();
  });
});

describe("clockParts", () => {
  it("shows a colon clock with seconds in the event zone", () => {
    expect(clockParts("2027-04-15T13:05:09Z", "America/Toronto", "en", false)).toEqual({ hms: "09:05:09", period: "" });
    expect(clockParts("2027-04-15T13:05:09Z", "America/Toronto", "fr-CA", false)).toEqual({ hms: "09:05:09", period: "" });
    expect(clockParts("2027-04-15T04:00:00Z", "America/Toronto", "fr-CA", false).hms).toBe("00:00:00");
    const pm = clockParts("2027-04-15T18:30:00Z", "America/Toronto", "en", true);
    expect(pm.hms).toBe("2:30:00");
    expect(pm.period).toMatch(/PM/i);
  });

  it("writes UTC instants without fractions", () => {
    expect(toUtcRfc3339(new Date(Date.UTC(2027, 3, 15, 12, 30, 0, 250)))).toBe("2027-04-15T12:30:00Z");
  });
});

describe("cached time answers", () => {
  const zones = ["America/Toronto", "Europe/Paris", "Pacific/Kiritimati", "Asia/Kolkata", "America/St_Johns", "UTC"];
  // Around both 2027 DST changes in North America and Europe, and across midnights.
  const instants: string[] = [];
  for (const base of ["2027-03-14T00:00:00Z", "2027-03-28T00:00:00Z", "2027-10-31T00:00:00Z", "2027-11-07T00:00:00Z"]) {
    for (let m = 0; m < 30 * 60; m += 37) instants.push(new Date(Date.parse(base) + m * 60000).toISOString());
  }

  it("formatTime gives what a fresh formatter gives, asked once or again, in every zone, locale and clock", () => {
    for (const zone of zones) {
      for (const locale of ["en", "fr-CA", "fr"]) {
        for (const h12 of [true, false]) {
          const fresh = new Intl.DateTimeFormat(locale, { timeZone: zone, hour: "numeric", minute: "2-digit", hour12: h12 });
          for (const i of instants) {
            const want = fresh.format(new Date(i));
            expect(formatTime(i, zone, locale, h12)).toBe(want);
            expect(formatTime(i, zone, locale, h12)).toBe(want);
            expect(formatTime(new Date(i), zone, locale, h12)).toBe(want);
          }
        }
      }
    }
  });

  it("zonedParts and localDateKey answer a text alike whether cached or not, and alike for the same instant written otherwise", () => {
    for (const zone of zones) {
      const f = new Intl.DateTimeFormat("en-CA", {
        timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23",
      });
      for (const i of instants) {
        const got = Object.fromEntries(f.formatToParts(new Date(i)).map((p) => [p.type, p.value]));
        const day = `${got.year}-${got.month}-${got.day}`;
        expect(localDateKey(i, zone)).toBe(day);
        expect(localDateKey(i, zone)).toBe(day);
        // The same instant as epoch ms, as a Date, and as text with an offset.
        const ms = Date.parse(i);
        expect(localDateKey(ms, zone)).toBe(day);
        expect(zonedParts(new Date(ms), zone)).toEqual(zonedParts(i, zone));
        expect(zonedParts(i.replace("Z", "+00:00"), zone)).toEqual(zonedParts(i, zone));
        expect(minutesOfDay(i, zone)).toBe((Number(got.hour) % 24) * 60 + Number(got.minute));
      }
    }
  });

  it("does not keep an answer for a text that is not an instant", () => {
    expect(() => zonedParts("not a time", "UTC")).toThrow(RangeError);
    expect(() => zonedParts("not a time", "UTC")).toThrow(RangeError);
    expect(() => formatTime("not a time", "UTC", "en", true)).toThrow(RangeError);
    expect(() => formatTime("not a time", "UTC", "en", true)).toThrow(RangeError);
  });
});
