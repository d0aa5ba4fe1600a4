// An edit's answer applied to the view the window shows: the splices of each list (Myers' diff,
// computed by the core from the view it last sent), so a one-segment edit of a 2,000-session day
// moves a few kilobytes instead of the whole view.
import type { EditResult, EventView, Splice, ViewChanges } from "./bindings";

/** `list` with `splices` applied in order (a new array; untouched items are the same objects). */
export function applySplices<T>(list: readonly T[], splices: readonly Splice<T>[]): T[] {
  if (splices.length === 0) return list as T[];
  const out = list.slice();
  for (const s of splices) out.splice(s.at, s.remove, ...s.insert);
  return out;
}

/** `v` with `ch` applied, or null when `v` is not the version the changes were made from. */
export function applyViewChanges(v: EventView, ch: ViewChanges): EventView | null {
  if (v.data.event.id !== ch.eventId || v.data.event.revision !== ch.fromRevision) return null;
  const d = v.data;
  return {
    ...v,
    data: {
      ...d,
      event: ch.event,
      stages: applySplices(d.stages, ch.stages),
      sessions: applySplices(d.sessions, ch.sessions),
      segments: applySplices(d.segments, ch.segments),
      people: applySplices(d.people, ch.people),
      tasks: applySplices(d.tasks, ch.tasks),
      customCues: applySplices(d.customCues, ch.customCues),
      cueSettings: applySplices(d.cueSettings, ch.cueSettings),
      destinations: applySplices(d.destinations, ch.destinations),
      brandItems: applySplices(d.brandItems, ch.brandItems),
      branding: ch.branding ?? d.branding,
    },
    schedule: {
      ...v.schedule,
      supportWindow: ch.supportWindow,
      sessions: applySplices(v.schedule.sessions, ch.schedule),
    },
    findings: applySplices(v.findings, ch.findings),
    canUndo: ch.canUndo,
    canRedo: ch.canRedo,
    may: ch.may,
    brand: ch.brand,
  };
}

/** The view an edit's answer gives, from the one shown (`null`: read the event again). */
export function viewAfterEdit(shown: EventView | null | undefined, r: EditResult): EventView | null {
  if (r.view) return r.view;
  if (r.changes && shown) return applyViewChanges(shown, r.changes);
  return null;
}
