// An edit's answer applied to the view the window shows: the splices of each list (Myers' diff,
// computed by the core from the view it last sent), so a one-segment edit of a 2,000-session day
// moves a few kilobytes instead of the whole view.
import { unwrap } from "solid-js/store";
import type { EventView, Splice, ViewChanges } from "./bindings";
import { markRaw } from "./raw";

/** The view's lists an answer splices, by their name in `ViewChanges` (`schedule`: the sessions'
 * computed times). */
export const LISTS = [
  "stages",
  "sessions",
  "segments",
  "people",
  "tasks",
  "customCues",
  "cueSettings",
  "destinations",
  "brandItems",
  "schedule",
  "findings",
] as const;
export type ListName = (typeof LISTS)[number];

/** The field naming a list's row: a row spliced in over one with the same key is that row changed. */
const ROW_KEY: Record<ListName, string | null> = {
  stages: "id",
  sessions: "id",
  segments: "id",
  people: "id",
  tasks: "id",
  customCues: "id",
  cueSettings: "kind",
  destinations: "id",
  brandItems: "id",
  schedule: "sessionId",
  findings: null,
};

/** The rows a write took out of a list and those it put in, as plain objects (a row merged in
 * place is in both). */
export interface RowChanges {
  out: object[];
  in: object[];
}
/** What a write changed, list by list: a list left out did not change. */
export type ListChanges = Partial<Record<ListName, RowChanges>>;

/** Applies `splices` to `list` in place, in order (each at the positions the earlier ones left). */
export function spliceInto<T>(list: T[], splices: readonly Splice<T>[]): void {
  for (const s of splices) list.splice(s.at, s.remove, ...s.insert);
}

type Plain = Record<string, unknown>;

const isObject = (x: unknown): x is Plain => x !== null && typeof x === "object" && !Array.isArray(x);

/** Applies `splices` to the list `owner[name]` (a store draft: `produce`) and answers the rows that
 * went and came, or `null` when there are none. Where each splice replaces rows one for one, a new
 * row with the key of the row it replaces is merged into it (`mergeInto`): the row keeps its
 * identity, so its readers (and the focus in its cells) stay, and only its changed fields notify.
 * Where rows come or go, the list is written again whole, once: a splice through the store shifts
 * each later row one write at a time (2,000 writes for a finding added at the top). */
export function spliceList(
  owner: Plain,
  name: string,
  splices: readonly Splice<unknown>[],
  key: string | null,
): RowChanges | null {
  if (!splices.length) return null;
  const list = owner[name] as unknown[];
  const out: object[] = [];
  const ins: object[] = [];
  if (splices.every((s) => s.remove === s.insert.length)) {
    for (const s of splices) {
      for (let i = 0; i < s.remove; i++) {
        const old = list[s.at + i];
        const row = s.insert[i];
        if (key && isObject(old) && isObject(row) && old[key] === row[key]) {
          mergeRow(old, row);
          const raw = unwrap(old);
          out.push(raw);
          ins.push(raw);
        } else {
          out.push(unwrap(old) as object);
          list[s.at + i] = row;
          ins.push(row as object);
        }
      }
    }
  } else {
    const next = (unwrap(list) as unknown[]).slice();
    for (const s of splices) {
      for (const r of next.splice(s.at, s.remove, ...s.insert)) out.push(r as object);
      for (const r of s.insert) ins.push(r as object);
    }
    // Rows of the store and fresh ones from the core: no store proxy to look for in it.
    owner[name] = markRaw(next);
  }
  return { out, in: ins };
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

/** `mergeInto` for a list's row: a field the new row no longer has is taken out too. */
function mergeRow(target: Plain, src: Plain): void {
  mergeInto(target, src);
  for (const k of Object.keys(target)) if (!(k in src)) delete target[k];
}

/** Applies `ch` to `v` in place (a store draft: `produce`) and answers which rows of which lists
 * changed. The caller checks that `v` is the version the changes were made from
 * (`ch.fromRevision`). */
export function applyViewChanges(v: EventView, ch: ViewChanges): ListChanges {
  const d = v.data as unknown as Plain;
  const lists: ListChanges = {};
  const splice = (list: ListName, owner: Plain, name: string, splices: readonly Splice<unknown>[]) => {
    const rows = spliceList(owner, name, splices, ROW_KEY[list]);
    if (rows) lists[list] = rows;
  };
  mergeInto(d.event as Plain, ch.event as unknown as Plain);
  splice("stages", d, "stages", ch.stages);
  splice("sessions", d, "sessions", ch.sessions);
  splice("segments", d, "segments", ch.segments);
  splice("people", d, "people", ch.people);
  // Left out of the view the window holds until a screen reads them (`useTasks`).
  if (!v.tasksOmitted) splice("tasks", d, "tasks", ch.tasks);
  splice("customCues", d, "customCues", ch.customCues);
  splice("cueSettings", d, "cueSettings", ch.cueSettings);
  splice("destinations", d, "destinations", ch.destinations);
  splice("brandItems", d, "brandItems", ch.brandItems);
  if (ch.branding) mergeInto(d.branding as Plain, ch.branding as unknown as Plain);
  if (v.schedule.supportWindow && ch.supportWindow) {
    mergeInto(v.schedule.supportWindow as unknown as Plain, ch.supportWindow as unknown as Plain);
  } else v.schedule.supportWindow = ch.supportWindow;
  splice("schedule", v.schedule as unknown as Plain, "sessions", ch.schedule);
  splice("findings", v as unknown as Plain, "findings", ch.findings);
  if (v.canUndo !== ch.canUndo) v.canUndo = ch.canUndo;
  if (v.canRedo !== ch.canRedo) v.canRedo = ch.canRedo;
  mergeInto(v.may as unknown as Plain, ch.may as unknown as Plain);
  mergeInto(v.brand as unknown as Plain, ch.brand as unknown as Plain);
  return lists;
}
