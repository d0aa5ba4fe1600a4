// Asking for a live snapshot when there is a reason to, never on a rhythm: at once, when told
// something changed, and at one chosen instant (the snapshot's `validUntil`). Calls never
// overlap: asked while a call is in flight, it runs once more right after.
import type { PollTimers } from "../../poll";

export interface Asker {
  /** Asks now (or right after the call in flight). */
  ask(): void;
  /** Asks once after `ms` (replacing the time set before); `null` clears it. */
  askIn(ms: number | null): void;
  stop(): void;
}

const defaultTimers: PollTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Runs `run` at once, then whenever asked. A rejected call is the caller's to report. */
export function startAsking(run: () => Promise<unknown>, timers: PollTimers = defaultTimers): Asker {
  let stopped = false;
  let inFlight = false;
  let again = false;
  let handle: unknown = null;

  async function go(): Promise<void> {
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    try {
      await run();
    } catch {
      // the caller reports its own errors
    }
    inFlight = false;
    if (again && !stopped) {
      again = false;
      void go();
    }
  }
  const clear = () => {
    if (handle !== null) timers.clearTimeout(handle);
    handle = null;
  };

  void go();
  return {
    ask: () => void go(),
    askIn(ms) {
      clear();
      if (ms === null || stopped) return;
      handle = timers.setTimeout(() => {
        handle = null;
        void go();
      }, ms);
    },
    stop() {
      stopped = true;
      clear();
    },
  };
}
