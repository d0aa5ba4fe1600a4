// An edit's answer applied to the view the window shows: the splices of each list (Myers' diff,
// computed by the core from the view it last sent), so a one-segment edit of a 2,000-session day
// moves a few kilobytes instead of the whole view.
import type { EventView, Splice, ViewChanges } from "./bindings";

/** Applies `splices` to `list` in place, in order (each at the positions the earlier ones left). */
export function spliceInto<T>(list: T[], splices: readonly Splice<T>[]): void {
  for (const s of splices) list.splice(s.at, s.remove, ...s.insert);
}

/** Writes into `target` only what differs in `src` (fresh from the core, sharing nothing with the
 * store): objects key by key, arrays of the same length item by item, anything else replaced.
 * Replacing the event object on every edit would wake everything that reads any of its fields
 * (every session block reads the time zone); this way only the revision changes. */
export function mergeInto(target: Record<string, unknown>, src: Record<string, unknown>): void {
  for (const k of Object.keys(src)) {
    const a = target[k];
    const b = src[k];
    if (a === b) continue;
    const bothArrays = Array.isArray(a) && Array.isArray(b) && a.length === b.length;
    const bothObjects =
      a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b);
    if (bothArrays) {
      const [x, y] = [a as unknown[], b as unknown[]];
      for (let i = 0; i < y.length; i++) {
        const [xi, yi] = [x[i], y[i]];
        if (xi !== null && yi !== null && typeof xi === "object" && typeof yi === "object") {
          mergeInto(xi as Record<string, unknown>, yi as Record<string, unknown>);
        } else if (xi !== yi) x[i] = yi;
      }
    } else if (bothObjects) {
      mergeInto(a as Record<string, unknown>, b as Record<string, unknown>);
    } else {
      target[k] = b;
    }
  }
}

type Plain = Record<string, unknown>;

/** Applies `ch` to `v` in place (a store draft: `produce`). The caller checks that `v` is the
 * version the changes were made from (`ch.fromRevision`). */
export function applyViewChanges(v: EventView, ch: ViewChanges): void {
  const d = v.data;
  mergeInto(d.event as unknown as Plain, ch.event as unknown as Plain);
  spliceInto(d.stages, ch.stages);
  spliceInto(d.sessions, ch.sessions);
  spliceInto(d.segments, ch.segments);
  spliceInto(d.people, ch.people);
  // Left out of the view the window holds until a screen reads them (`useTasks`).
  if (!v.tasksOmitted) spliceInto(d.tasks, ch.tasks);
  spliceInto(d.customCues, ch.customCues);
  spliceInto(d.cueSettings, ch.cueSettings);
  spliceInto(d.destinations, ch.destinations);
  spliceInto(d.brandItems, ch.brandItems);
  if (ch.branding) mergeInto(d.branding as unknown as Plain, ch.branding as unknown as Plain);
  if (v.schedule.supportWindow && ch.supportWindow) {
    mergeInto(v.schedule.supportWindow as unknown as Plain, ch.supportWindow as unknown as Plain);
  } else v.schedule.supportWindow = ch.supportWindow;
  spliceInto(v.schedule.sessions, ch.schedule);
  spliceInto(v.findings, ch.findings);
  if (v.canUndo !== ch.canUndo) v.canUndo = ch.canUndo;
  if (v.canRedo !== ch.canRedo) v.canRedo = ch.canRedo;
  mergeInto(v.may as unknown as Plain, ch.may as unknown as Plain);
  mergeInto(v.brand as unknown as Plain, ch.brand as unknown as Plain);
}
