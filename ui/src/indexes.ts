// The open event's lookup tables (see lookup.ts), shared by every row: `sessionById(id)`,
// `findingsOf("session", id)`… An edit's answer is spliced into the view in place; each table is
// then rebuilt, but only the readers of the entries that changed run again (a one-segment edit
// wakes its session's run of show, not the 2,000 session blocks of the calendar).
import { createRoot, untrack } from "solid-js";
import { unwrap } from "solid-js/store";
import type { CustomCue, EventView, Finding, Person, Segment, Session, SessionTimes, Stage } from "./bindings";
import { byId, createKeyedTable, findingsBySubject, groupBy, sameItems, subjectKey } from "./lookup";
import { view, viewWrites } from "./state";

const NONE: never[] = [];

/** Groups `rows` (a list of the store) by what `group` answers for their plain objects, each group
 * holding the store's rows: the grouping reads no row through the store (thousands of tracked
 * reads), so the caller must be woken by every write into the view instead. */
function groupedRaw<T extends object, K>(rows: readonly T[], group: (plain: readonly T[]) => Map<K, T[]>): Map<K, T[]> {
  const plain = unwrap(rows);
  const shown = untrack(() => Array.from(rows));
  const rowOf = new Map<T, T>();
  for (let i = 0; i < plain.length; i++) rowOf.set(plain[i], shown[i]);
  const out = group(plain);
  for (const [k, list] of out) out.set(k, list.map((x) => rowOf.get(x) ?? x));
  return out;
}

/**
 * The lookups over `view` (call under an owner). With `writes`, a signal that changes on every
 * write into the view, the tables the calendar reads first (sessions by stage, findings by
 * subject) are grouped from the view's plain objects, woken by `writes` (their answers still hold
 * the store's rows); without it, every row is read through the store.
 */
export function createLookups(view: () => EventView | null | undefined, writes?: () => unknown) {
  const data = () => view()?.data;
  const sessions = createKeyedTable(() => byId<Session>(data()?.sessions ?? NONE));
  const stages = createKeyedTable(() => byId<Stage>(data()?.stages ?? NONE));
  const people = createKeyedTable(() => byId<Person>(data()?.people ?? NONE));
  const segments = createKeyedTable(
    () => groupBy<Segment, string>(data()?.segments ?? NONE, (s) => s.sessionId),
    sameItems,
  );
  const cues = createKeyedTable(
    () => groupBy<CustomCue, string>(data()?.customCues ?? NONE, (c) => c.sessionId),
    sameItems,
  );
  const times = createKeyedTable(() => {
    const out = new Map<string, SessionTimes>();
    for (const x of view()?.schedule.sessions ?? NONE) out.set(x.sessionId, x);
    return out;
  });
  const sessionsByStage = createKeyedTable(() => {
    const list = data()?.sessions ?? NONE;
    if (!writes) return groupBy<Session, string>(list, (s) => s.stageId);
    writes();
    return groupedRaw(list, (plain) => groupBy<Session, string>(plain, (s) => s.stageId));
  }, sameItems);
  const findings = createKeyedTable(() => {
    const list = view()?.findings ?? NONE;
    if (!writes) return findingsBySubject(list);
    writes();
    return groupedRaw<Finding, string>(list, findingsBySubject);
  }, sameItems);
  return {
    sessionById: (id: string | null | undefined): Session | undefined => (id ? sessions(id) : undefined),
    stageById: (id: string | null | undefined): Stage | undefined => (id ? stages(id) : undefined),
    personById: (id: string): Person | undefined => people(id),
    /** A session's segments, in order. */
    segmentsOf: (sessionId: string): Segment[] => segments(sessionId) ?? NONE,
    /** A session's custom cues, in order. */
    customCuesOf: (sessionId: string): CustomCue[] => cues(sessionId) ?? NONE,
    /** A session's computed times (`view.schedule`). */
    sessionTimesOf: (sessionId: string): SessionTimes | undefined => times(sessionId),
    /** A stage's sessions (all days), by start. */
    sessionsOfStage: (stageId: string): Session[] => sessionsByStage(stageId) ?? NONE,
    /** The findings about one subject, errors first. */
    findingsOf: (kind: string, id: string): Finding[] => findings(subjectKey(kind, id)) ?? NONE,
  };
}

const lookups = createRoot(() => createLookups(view, viewWrites));
export const {
  sessionById,
  stageById,
  personById,
  segmentsOf,
  customCuesOf,
  sessionTimesOf,
  sessionsOfStage,
  findingsOf,
} = lookups;
