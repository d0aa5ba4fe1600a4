// The open event's lookup tables (see lookup.ts), shared by every row: `sessionById(id)`,
// `findingsOf("session", id)`… An edit's answer is spliced into the view in place; each table then
// looks again only under the keys of the rows the edit took out or put in, and only the readers of
// the entries that changed run again (a one-segment edit wakes its session's run of show, not the
// 2,000 session blocks of the calendar).
import { $PROXY, createRoot, untrack } from "solid-js";
import { unwrap } from "solid-js/store";
import type { CustomCue, EventView, Finding, Person, Segment, Session, SessionTimes, Stage } from "./bindings";
import { SEVERITY_RANK } from "./enums";
import { byId, createKeyedTable, findingsBySubject, groupBy, sameItems, subjectKey, type TableBuild } from "./lookup";
import { view, viewLog } from "./state";
import type { ListName } from "./viewChanges";
import type { ViewLog } from "./viewLog";

const NONE: never[] = [];

/** The store's row at `i` of `rows` (a list of the store, `plain` its plain objects): the proxy the
 * store keeps on a row it has handed out already, else read (untracked) through the list. */
function rowAt<T extends object>(rows: readonly T[], plain: readonly T[], i: number): T {
  return ((plain[i] as { [$PROXY]?: T })[$PROXY] ?? untrack(() => rows[i])) as T;
}

/**
 * The `build` of a table over one list of the view, its rows by `key` (read from their plain
 * objects), kept up to date from `log`: after a write that changed rows of the list, only the keys
 * those rows had and have are looked up again, in one pass over the plain rows (no store read per
 * row); after a write of the whole view, the table is built again. `pick` makes an entry from the
 * positions of its rows, in list order (it may read the fields of rows that are never merged in
 * place: the findings); the entry holds the store's rows, so that its readers follow later edits
 * of those rows.
 */
function fromLog<T extends object, K, V>(
  log: ViewLog,
  list: ListName,
  rows: () => readonly T[] | undefined,
  key: (row: T) => K,
  pick: (at: number[], plain: readonly T[], row: (i: number) => T) => V,
  mergedTouches = false,
): () => TableBuild<K, V> {
  let seen = -1;
  // Each row's key when last seen: the key a row had before an edit changed it in place.
  const keyOf = new Map<T, K>();
  return () => {
    const n = log.wrote(list);
    const shown = untrack(rows) ?? NONE;
    const plain = unwrap(shown) as readonly T[];
    const changes = seen < 0 ? null : log.since(seen, list);
    seen = n;
    const row = (i: number) => rowAt(shown, plain, i);
    let touched: Set<K> | null = null;
    if (changes) {
      touched = new Set();
      for (const c of changes) {
        const gone = new Map<T, K>();
        for (const r of c.out as T[]) {
          if (!keyOf.has(r)) continue;
          gone.set(r, keyOf.get(r) as K);
          keyOf.delete(r);
        }
        for (const r of c.in as T[]) {
          const k = key(r);
          keyOf.set(r, k);
          // A row merged in place under the same key leaves its entry as it was (the same rows
          // at the same places): a one-segment edit looks nothing up again. Unless the table's
          // readers read plain rows (`mergedTouches`): they learn of the change from the entry.
          if (!mergedTouches && gone.has(r) && gone.get(r) === k) gone.delete(r);
          else touched.add(k);
        }
        for (const k of gone.values()) touched.add(k);
      }
      if (!touched.size) return { changed: new Map() };
    } else keyOf.clear();
    const at = new Map<K, number[]>();
    for (let i = 0; i < plain.length; i++) {
      const r = plain[i];
      let k = keyOf.get(r);
      if (k === undefined && !keyOf.has(r)) keyOf.set(r, (k = key(r)));
      if (touched && !touched.has(k as K)) continue;
      const g = at.get(k as K);
      if (g) g.push(i);
      else at.set(k as K, [i]);
    }
    if (!touched) {
      const out = new Map<K, V>();
      for (const [k, g] of at) out.set(k, pick(g, plain, row));
      return out;
    }
    const changed = new Map<K, V | undefined>();
    for (const k of touched) {
      const g = at.get(k);
      changed.set(k, g ? pick(g, plain, row) : undefined);
    }
    return { changed };
  };
}

/** One row per key: the last, as `byId` answers. */
const last = <T>(at: number[], _: unknown, row: (i: number) => T): T => row(at[at.length - 1]);
/** The rows of a key, in list order. */
const all = <T>(at: number[], _: unknown, row: (i: number) => T): T[] => at.map(row);
/** A subject's findings, errors first (stable, as `findingsFor` sorts them), as plain objects:
 * a finding is never merged in place (an edit replaces it, a reload too), so its readers follow it
 * through the table's entry alone. Read through the store, each finding a crowded day's blocks
 * showed cost a proxy and a signal per field read. */
const bySeverity = (at: number[], plain: readonly Finding[]): Finding[] => {
  const rank = (i: number) => SEVERITY_RANK[plain[i].severity];
  let sorted = true;
  for (let j = 1; j < at.length && sorted; j++) sorted = rank(at[j - 1]) <= rank(at[j]);
  if (!sorted) at = [...at].sort((a, b) => rank(a) - rank(b) || a - b);
  return at.map((i) => plain[i]);
};
const findingKey = (f: Finding) => subjectKey(f.subject.kind, f.subject.id);

/**
 * The lookups over `view` (call under an owner). With `log`, the log of the writes into the view,
 * each table follows the rows those writes changed (see `fromLog`); without it, every row is read
 * through the store and each table is built again whenever one of its rows changes.
 */
export function createLookups(view: () => EventView | null | undefined, log?: ViewLog) {
  const data = () => view()?.data;
  const table = <T extends object, K, V>(
    list: ListName,
    rows: () => readonly T[] | undefined,
    key: (row: T) => K,
    pick: (at: number[], plain: readonly T[], row: (i: number) => T) => V,
    tracked: () => Map<K, V>,
    same?: (a: V, b: V) => boolean,
    mergedTouches = false,
  ) => createKeyedTable(log ? fromLog(log, list, rows, key, pick, mergedTouches) : tracked, same);

  const sessions = table(
    "sessions",
    () => data()?.sessions,
    (s: Session) => s.id,
    last,
    () => byId<Session>(data()?.sessions ?? NONE),
  );
  const stages = table(
    "stages",
    () => data()?.stages,
    (s: Stage) => s.id,
    last,
    () => byId<Stage>(data()?.stages ?? NONE),
  );
  const people = table(
    "people",
    () => data()?.people,
    (p: Person) => p.id,
    last,
    () => byId<Person>(data()?.people ?? NONE),
  );
  const segments = table(
    "segments",
    () => data()?.segments,
    (s: Segment) => s.sessionId,
    all,
    () => groupBy<Segment, string>(data()?.segments ?? NONE, (s) => s.sessionId),
    sameItems,
  );
  const cues = table(
    "customCues",
    () => data()?.customCues,
    (c: CustomCue) => c.sessionId,
    all,
    () => groupBy<CustomCue, string>(data()?.customCues ?? NONE, (c) => c.sessionId),
    sameItems,
  );
  const times = table(
    "schedule",
    () => view()?.schedule.sessions,
    (x: SessionTimes) => x.sessionId,
    last,
    () => {
      const out = new Map<string, SessionTimes>();
      for (const x of view()?.schedule.sessions ?? NONE) out.set(x.sessionId, x);
      return out;
    },
  );
  // A stage's sessions as plain objects, for the calendar's lanes, which draw hundreds of blocks
  // from their fields: read through the store, each field read is a signal (about 5 MiB of the
  // window's memory at 2,000 sessions). Instead the entry is a new list whenever one of the
  // stage's sessions changed, merged in place or not, and that wakes its readers.
  const stagesSaid = new Map<string, { text: string; rows: Session[] }>();
  const sessionsByStage = table(
    "sessions",
    () => data()?.sessions,
    (s: Session) => s.stageId,
    (at, plain) => at.map((i) => plain[i]),
    () => {
      // Every field read through the store (so that this build follows any change), kept plain;
      // a stage whose sessions say what they said keeps its list.
      const groups = groupBy<Session, string>(data()?.sessions ?? NONE, (s) => {
        for (const f of Object.keys(s)) void (s as unknown as Record<string, unknown>)[f];
        return s.stageId;
      });
      for (const [k, g] of groups) {
        const rows = g.map((s) => unwrap(s));
        const text = JSON.stringify(rows);
        const was = stagesSaid.get(k);
        groups.set(k, was?.text === text ? was.rows : rows);
        if (was?.text !== text) stagesSaid.set(k, { text, rows });
      }
      for (const k of stagesSaid.keys()) if (!groups.has(k)) stagesSaid.delete(k);
      return groups;
    },
    Object.is,
    true,
  );
  const findings = table(
    "findings",
    () => view()?.findings,
    findingKey,
    bySeverity,
    () => {
      // Read through the store (so that this build follows every change), kept plain as above.
      const groups = findingsBySubject(view()?.findings ?? NONE);
      for (const [k, g] of groups) groups.set(k, g.map((f) => unwrap(f)));
      return groups;
    },
    sameItems,
  );
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
    /** A stage's sessions (all days), by start, as plain objects: the entry (a new list) is how
     * a reader learns that one of them changed; read their fields without the store's signals. */
    sessionsOfStage: (stageId: string): Session[] => sessionsByStage(stageId) ?? NONE,
    /** The findings about one subject, errors first. */
    findingsOf: (kind: string, id: string): Finding[] => findings(subjectKey(kind, id)) ?? NONE,
  };
}

const lookups = createRoot(() => createLookups(view, viewLog));
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
