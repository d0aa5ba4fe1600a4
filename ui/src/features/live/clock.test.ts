import { describe, expect, it } from "vitest";
import { askAgainInMs, clockAt, clockBase, MAX_WAIT_MS, nextTickInMs, secsUntil, supportUsedMinutes } from "./clock";

const NOW = "2027-04-15T13:00:00Z";
const at = (iso: string) => Date.parse(iso);

describe("the live windows' own clock", () => {
  it("runs from the snapshot's now by the time elapsed since it arrived, not by the machine's date", () => {
    // Received at local monotonic instant 5000 ms: 2.4 s later the snapshot's clock reads 13:00:02.
    const b = clockBase(NOW, null, 5000);
    expect(clockAt(b, 5000)).toBe(at(NOW));
    expect(clockAt(b, 7400)).toBe(at("2027-04-15T13:00:02Z"));
  });

  it("runs at the rehearsal's speed", () => {
    const b = clockBase(NOW, 10, 0);
    expect(clockAt(b, 3000)).toBe(at("2027-04-15T13:00:30Z"));
  });

  it("counts whole seconds to an instant as the core does, negative once past", () => {
    expect(secsUntil("2027-04-15T13:05:00Z", at(NOW))).toBe(300);
    expect(secsUntil("2027-04-15T13:05:00Z", at(NOW) + 300_500)).toBe(0);
    expect(Object.is(secsUntil("2027-04-15T13:05:00Z", at(NOW) + 300_500), -0)).toBe(false);
    expect(secsUntil("2027-04-15T13:05:00Z", at("2027-04-15T13:06:01Z"))).toBe(-61);
  });

  it("counts the support minutes used within the window only", () => {
    const [s, e] = ["2027-04-15T12:30:00Z", "2027-04-15T21:30:00Z"];
    expect(supportUsedMinutes(s, e, at("2027-04-15T12:00:00Z"))).toBe(0);
    expect(supportUsedMinutes(s, e, at("2027-04-15T13:10:59Z"))).toBe(40);
    expect(supportUsedMinutes(s, e, at("2027-04-16T00:00:00Z"))).toBe(540);
  });

  it("ticks on the snapshot clock's whole seconds at 1×, every second when faster", () => {
    const b = clockBase("2027-04-15T13:00:00.250Z", null, 0);
    expect(nextTickInMs(b, 0)).toBe(752);
    expect(nextTickInMs(clockBase(NOW, 30, 0), 0)).toBe(1000);
  });

  it("asks again just after validUntil, on the local clock, and not at all without one", () => {
    const b = clockBase(NOW, null, 1000);
    expect(askAgainInMs("2027-04-15T13:01:00Z", false, b, 1000)).toBe(60_020);
    expect(askAgainInMs("2027-04-15T13:01:00Z", false, b, 31_000)).toBe(30_020);
    expect(askAgainInMs(null, false, b, 1000)).toBeNull();
    // A rehearsal at 60×: a simulated minute is a second, plus the scheduler's tick.
    expect(askAgainInMs("2027-04-15T13:01:00Z", true, clockBase(NOW, 60, 0), 0)).toBe(1300);
    // Months away: no longer than an hour (and within what setTimeout takes).
    expect(askAgainInMs("2027-09-01T00:00:00Z", false, b, 1000)).toBe(MAX_WAIT_MS);
    // Already past: at once.
    expect(askAgainInMs("2027-04-15T12:59:00Z", false, b, 1000)).toBe(20);
  });
});
