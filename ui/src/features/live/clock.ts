// The live windows' own clock. A snapshot arrives with `now` (its clock: the wall clock, or a
// rehearsal's simulated one) and the instants its countdowns count to; until the next snapshot
// the window runs that clock itself, from the moment it received it, on the page's monotonic
// clock (so a machine clock that is off, or jumps, changes nothing) and at the rehearsal's speed.
import { createSignal, onCleanup } from "solid-js";

/** Where the window's clock starts from: the snapshot's `now`, when it was received. */
export interface ClockBase {
  /** The snapshot's `now`, in ms since the epoch. */
  snapMs: number;
  /** When it was received, on the page's monotonic clock (`performance.now()`). */
  receivedMs: number;
  /** Snapshot seconds per local second (a rehearsal's speed; 1 on the real day). */
  speed: number;
}

export function clockBase(now: string, speed: number | null, receivedMs: number): ClockBase {
  return { snapMs: Date.parse(now), receivedMs, speed: speed !== null && speed > 0 ? speed : 1 };
}

/** The snapshot's clock at the local monotonic instant `localMs`, to the whole second. */
export function clockAt(base: ClockBase, localMs: number): number {
  return Math.round((base.snapMs + (localMs - base.receivedMs) * base.speed) / 1000) * 1000;
}

/** Whole seconds from `nowMs` to `instant` (negative once past), counted as the core counts. */
export function secsUntil(instant: string, nowMs: number): number {
  const s = Math.trunc((Date.parse(instant) - nowMs) / 1000);
  return s === 0 ? 0 : s; // never -0
}

/** Minutes of the support window used at `nowMs` (0 before it opens, all of it once closed). */
export function supportUsedMinutes(start: string, end: string, nowMs: number): number {
  return Math.max(0, Math.floor((Math.min(nowMs, Date.parse(end)) - Date.parse(start)) / 60_000));
}

/** Local ms until the next tick: the next whole second of the snapshot's clock at 1×; every
 * local second when a rehearsal runs faster (the countdowns then jump by `speed` seconds). */
export function nextTickInMs(base: ClockBase, localMs: number): number {
  if (base.speed > 1) return 1000;
  const ms = base.snapMs + (localMs - base.receivedMs);
  const into = ((ms % 1000) + 1000) % 1000;
  return 1000 - into + 2;
}

/** The longest wait before asking again anyway (and within what `setTimeout` takes). */
export const MAX_WAIT_MS = 3_600_000;

/**
 * Local ms to wait before asking for the snapshot again at its `validUntil` (on its clock), or
 * `null` when it holds for good. A little later than the instant itself: the real day's changes
 * happen exactly then; a rehearsal's scheduler sends its cues within a quarter of a second.
 */
export function askAgainInMs(validUntil: string | null, rehearsal: boolean, base: ClockBase, localMs: number): number | null {
  if (validUntil === null) return null;
  const sim = base.snapMs + (localMs - base.receivedMs) * base.speed;
  const wait = Math.max(0, Math.ceil((Date.parse(validUntil) - sim) / base.speed));
  return Math.min(MAX_WAIT_MS, wait + (rehearsal ? 300 : 20));
}

/**
 * A clock signal for a live window: `nowMs()` is the snapshot clock's current whole second,
 * updated once a (snapshot) second; `reset` starts it again from a newly received snapshot.
 * Only what reads `nowMs` — the clock and the countdown texts — recomputes as it ticks.
 */
export function createLiveClock(monotonic: () => number = () => performance.now()) {
  const [base, setBase] = createSignal<ClockBase | null>(null);
  const [nowMs, setNowMs] = createSignal(0);
  let handle: ReturnType<typeof setTimeout> | undefined;
  const tick = () => {
    const b = base();
    if (!b) return;
    const local = monotonic();
    setNowMs(clockAt(b, local));
    handle = setTimeout(tick, nextTickInMs(b, local));
  };
  const reset = (now: string, speed: number | null) => {
    clearTimeout(handle);
    setBase(clockBase(now, speed, monotonic()));
    tick();
  };
  onCleanup(() => clearTimeout(handle));
  return { nowMs, base, reset, monotonic };
}
