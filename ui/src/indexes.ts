// The open event's lookup tables (see lookup.ts), shared by every row: `sessionById(id)`,
// `findingsOf("session", id)`… An edit's answer is spliced into the view in place; each table is
// then rebuilt, but only the readers of the entries that changed run again (a one-segment edit
// wakes its session's run of show, not the 2,000 session blocks of the calendar).
import { createRoot } from "solid-js";
import type { CustomCue, EventView, Finding, Person, Segment, Session, SessionTimes, Stage } from "./bindings";
import { byId, createKeyedTable, findingsBySubject, groupBy, sameItems, subjectKey } from "./lookup";
import { view } from "./state";

const NONE: never[] = [];

/** The lookups over `view` (call under an owner). */
export function createLookups(view: () => EventView | null | undefined) {
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
  const sessionsByStage = createKeyedTable(
    () => groupBy<Session, string>(data()?.sessions ?? NONE, (s) => s.stageId),
    sameItems,
  );
  const findings = createKeyedTable(() => findingsBySubject(view()?.findings ?? NONE), sameItems);
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

const lookups = createRoot(() => createLookups(view));
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
