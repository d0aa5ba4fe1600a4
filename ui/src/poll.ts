// Polling without overlapping calls: the next call is scheduled only once the previous
// one has settled (setTimeout chaining), and nothing runs after `stop`.

export interface Poller {
  /** Runs now (or right after the call in flight), then keeps the rhythm from there. */
  poke(): void;
  stop(): void;
}

export interface PollTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const defaultTimers: PollTimers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (h) => globalThis.clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Calls `run` at once and then `intervalMs` after each call settles, until `stop()`.
 * A rejected call does not stop the polling (report errors inside `run`).
 */
export function startPolling(run: () => Promise<unknown>, intervalMs: number, timers: PollTimers = defaultTimers): Poller {
  let stopped = false;
  let inFlight = false;
  let again = false;
  let handle: unknown = null;

  const schedule = () => {
    if (stopped) return;
    handle = timers.setTimeout(tick, intervalMs);
  };

  async function tick(): Promise<void> {
    handle = null;
    if (stopped) return;
    inFlight = true;
    try {
      await run();
    } catch {
      // the caller reports its own errors
    }
    inFlight = false;
    if (stopped) return;
    if (again) {
      again = false;
      void tick();
    } else schedule();
  }

  void tick();

  return {
    poke() {
      if (stopped) return;
      if (inFlight) {
        again = true;
        return;
      }
      if (handle !== null) timers.clearTimeout(handle);
      void tick();
    },
    stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
      handle = null;
    },
  };
}

/**
 * Applies results in request order: a response is dropped when a later request has already
 * been applied (a slow poll must not undo what an action just showed).
 */
export function createSequencer<T>(apply: (value: T) => void) {
  let issued = 0;
  let applied = 0;
  return async (request: Promise<T>): Promise<T> => {
    const mine = ++issued;
    const value = await request;
    if (mine > applied) {
      applied = mine;
      apply(value);
    }
    return value;
  };
}
