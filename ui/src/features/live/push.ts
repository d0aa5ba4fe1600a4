// What the shell tells the live windows, so they ask again only when something changed.
import { isTauri } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { onCleanup } from "solid-js";

/** Another connection (the CLI, the scheduler, the app) wrote the day: delays, actuals, cues. */
export const DAY_CHANGED = "day-changed";
/** An event's plan has a new revision (payload: its id and revision). */
export const EVENT_CHANGED = "event-changed";
/** What the live commands keep in memory changed: the rehearsal, the timer's stage or message. */
export const LIVE_CHANGED = "live-changed";
/** The UI language changed (payload: the language). */
export const LANG_CHANGED = "lang-changed";

/** Listens to the shell's event `name` for the lifetime of the current owner. */
export function onShellEvent<T>(name: string, run: (payload: T) => void, onError: (e: unknown) => void): void {
  if (!isTauri()) return;
  let unlisten: UnlistenFn | null = null;
  let disposed = false;
  listen<T>(name, (e) => run(e.payload))
    .then((u) => {
      if (disposed) u();
      else unlisten = u;
    })
    .catch(onError);
  onCleanup(() => {
    disposed = true;
    unlisten?.();
  });
}
