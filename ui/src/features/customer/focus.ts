// Jumps inside customer-lead mode: show a session on the Schedule tab or a person on the Speakers
// tab, scrolled into view, focused and briefly flashed.
import { batch, createSignal } from "solid-js";
import { setTab, view } from "../../state";
import { customerTabFor } from "./nav";

const [flashed, setFlashed] = createSignal<{ id: string; n: number } | null>(null);
/** The session or speaker row to flash after a jump. */
export { flashed };
let n = 0;

function flash(id: string): void {
  const mine = ++n;
  setFlashed({ id, n: mine });
  // Once the animation is over, so the row does not flash again each time its tab is shown.
  setTimeout(() => flashed()?.n === mine && setFlashed(null), 1700);
}

function reveal(selector: string): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(selector);
    el?.scrollIntoView({ block: "nearest" });
    el?.focus({ preventScroll: true });
  });
}

/** Shows a session's card on the Schedule tab. */
export function showScheduleSession(id: string): void {
  batch(() => {
    setTab("schedule");
    flash(id);
  });
  reveal(`[data-testid=schedule-session][data-session-id="${id}"]`);
}

/** Shows a speaker's row on the Speakers tab. */
export function showSpeaker(id: string): void {
  batch(() => {
    setTab("speakers");
    flash(id);
  });
  reveal(`[data-testid=speaker-row][data-person-id="${id}"]`);
}

/** Can a jump to this subject go somewhere in customer mode? */
export const customerCanJump = (kind: string) => customerTabFor(kind) !== null;

/** A finding's jump in customer mode: to the nearest customer tab (nothing for analyst-only subjects). */
export function focusForCustomer(kind: string, id: string): void {
  const tab = customerTabFor(kind);
  if (tab === "schedule") {
    const sessionId = kind === "segment" ? view()?.data.segments.find((s) => s.id === id)?.sessionId : id;
    if (sessionId) showScheduleSession(sessionId);
  } else if (tab === "speakers") showSpeaker(id);
  else if (tab === "branding") setTab("branding");
}
