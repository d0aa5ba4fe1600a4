// The open event's lookup tables (see lookup.ts), rebuilt once when the view changes and shared
// by every row: `sessionById(id)`, `findingsOf("session", id)`…
import { createMemo, createRoot } from "solid-js";
import type { CustomCue, Finding, Person, Segment, Session, SessionTimes, Stage } from "./bindings";
import { byId, findingsBySubject, groupBy, subjectKey } from "./lookup";
import { view } from "./state";

const NONE: never[] = [];

const tables = createRoot(() => {
  const data = () => view()?.data;
  return {
    sessions: createMemo(() => byId<Session>(data()?.sessions ?? NONE)),
    stages: createMemo(() => byId<Stage>(data()?.stages ?? NONE)),
    people: createMemo(() => byId<Person>(data()?.people ?? NONE)),
    segments: createMemo(() => groupBy<Segment, string>(data()?.segments ?? NONE, (s) => s.sessionId)),
    cues: createMemo(() => groupBy<CustomCue, string>(data()?.customCues ?? NONE, (c) => c.sessionId)),
    times: createMemo(() => {
      const out = new Map<string, SessionTimes>();
      for (const x of view()?.schedule.sessions ?? NONE) out.set(x.sessionId, x);
      return out;
    }),
    sessionsByStage: createMemo(() => groupBy<Session, string>(data()?.sessions ?? NONE, (s) => s.stageId)),
    findings: createMemo(() => findingsBySubject(view()?.findings ?? NONE)),
  };
});

export const sessionById = (id: string | null | undefined): Session | undefined =>
  id ? tables.sessions().get(id) : undefined;
export const stageById = (id: string | null | undefined): Stage | undefined =>
  id ? tables.stages().get(id) : undefined;
export const personById = (id: string): Person | undefined => tables.people().get(id);
/** A session's segments, in order. */
export const segmentsOf = (sessionId: string): Segment[] => tables.segments().get(sessionId) ?? NONE;
/** A session's custom cues, in order. */
export const customCuesOf = (sessionId: string): CustomCue[] => tables.cues().get(sessionId) ?? NONE;
/** A session's computed times (`view.schedule`). */
export const sessionTimesOf = (sessionId: string): SessionTimes | undefined => tables.times().get(sessionId);
/** A stage's sessions (all days), by start. */
export const sessionsOfStage = (stageId: string): Session[] => tables.sessionsByStage().get(stageId) ?? NONE;
/** The findings about one subject, errors first. */
export const findingsOf = (kind: string, id: string): Finding[] => tables.findings().get(subjectKey(kind, id)) ?? NONE;
