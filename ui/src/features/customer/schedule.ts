// Pure logic of the customer lead's schedule form: grouping sessions by day, the session form's
// validation (plain date and time fields in the event's zone), how the speakers picked for a
// session become presenters of its segments, and the order of the schedule's hints (the core's
// findings that carry a customer-worded message).
import type { CustomerHint, Edit, Finding, Person, Role, Segment, Session, Severity } from "../../bindings";
import type { MessageKey } from "../../i18n";
import { localDateKey } from "../../time";

/** The roles the customer lead manages as "speakers". */
export const SPEAKER_ROLES: readonly Role[] = ["speaker", "moderator", "host"];

export function isSpeakerRole(role: Role): boolean {
  return SPEAKER_ROLES.includes(role);
}

/** People the customer invites: speakers, moderators and hosts (in the people list's order). */
export function speakerPeople(people: readonly Person[]): Person[] {
  return people.filter((p) => isSpeakerRole(p.role));
}

/** Value of the stage select's "New stage…" option. */
export const NEW_STAGE = "__new__";

/** A session's segments, in run-of-show order. */
export function segmentsOf(sessionId: string, segments: readonly Segment[]): Segment[] {
  return segments.filter((s) => s.sessionId === sessionId).sort((a, b) => a.position - b.position);
}

/** The speakers of a session: every presenter of its segments, once, in order of appearance. */
export function speakersOf(sessionId: string, segments: readonly Segment[]): string[] {
  const out: string[] = [];
  for (const seg of segmentsOf(sessionId, segments)) {
    for (const id of seg.presenterIds) if (!out.includes(id)) out.push(id);
  }
  return out;
}

export interface DayGroup {
  /** `YYYY-MM-DD` in the event's zone. */
  day: string;
  sessions: Session[];
}

/** Sessions grouped by the day they start on (event zone), days and sessions in time order. */
export function groupByDay(sessions: readonly Session[], zone: string): DayGroup[] {
  const sorted = [...sessions].sort(
    (a, b) => Date.parse(a.start) - Date.parse(b.start) || a.title.localeCompare(b.title),
  );
  const out: DayGroup[] = [];
  for (const s of sorted) {
    const day = localDateKey(s.start, zone);
    const last = out[out.length - 1];
    if (last && last.day === day) last.sessions.push(s);
    else out.push({ day, sessions: [s] });
  }
  return out;
}

// ---- date and time fields ---------------------------------------------------------------

const pad2 = (n: number) => String(n).padStart(2, "0");

/** `YYYY-MM-DD` (a real calendar day) or `null`. */
export function parseDate(text: string): string | null {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${m[1]}-${pad2(mo)}-${pad2(d)}`;
}

/**
 * A time of day typed by a person, as `HH:MM` (24 h), or `null`. Accepts `9`, `9:30`, `09:30`,
 * `9h30`, `9 h 30` (French), and a 12-hour time with `am`/`pm` (`2:30 pm`, `2 p.m.`).
 */
export function parseTimeOfDay(text: string): string | null {
  const s = text.trim().toLowerCase().replace(/\./g, "").replace(/\s+/g, " ");
  const m = /^(\d{1,2})(?:\s?(?::|h)\s?(\d{2})?)?\s?(am|pm)?$/.exec(s);
  if (!m) return null;
  let h = Number(m[1]);
  const min = m[2] === undefined ? 0 : Number(m[2]);
  if (min > 59) return null;
  if (m[3]) {
    if (h < 1 || h > 12) return null;
    if (m[3] === "am" && h === 12) h = 0;
    else if (m[3] === "pm" && h !== 12) h += 12;
  } else if (h > 23) return null;
  return `${pad2(h)}:${pad2(min)}`;
}

/** Shows an `HH:MM` time for the time field: `09:30`, or `9:30 am` on a 12-hour clock. */
export function formatTimeInput(hhmm: string, hour12: boolean): string {
  if (!hour12) return hhmm;
  const h = Number(hhmm.slice(0, 2));
  const m = hhmm.slice(3, 5);
  const suffix = h < 12 ? "am" : "pm";
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}:${m} ${suffix}`;
}

// ---- session form -------------------------------------------------------------------------

export type ScheduleField = "title" | "stage" | "newStage" | "date" | "start" | "end";

export interface SessionDraft {
  title: string;
  /** A stage id, `NEW_STAGE`, or empty. */
  stageId: string;
  newStageName: string;
  date: string;
  start: string;
  end: string;
}

export interface DraftResult {
  errors: Partial<Record<ScheduleField, MessageKey>>;
  /** Set when there are no errors: trimmed title and local `YYYY-MM-DDTHH:MM` times. */
  value: { title: string; start: string; end: string } | null;
}

/** Checks the form before anything is sent: a title, a stage, a real date, two times in order. */
export function validateSessionDraft(d: SessionDraft): DraftResult {
  const errors: DraftResult["errors"] = {};
  const title = d.title.trim();
  if (!title) errors.title = "customer.error.titleRequired";
  if (!d.stageId) errors.stage = "customer.error.stageRequired";
  else if (d.stageId === NEW_STAGE && !d.newStageName.trim()) errors.newStage = "customer.error.stageNameRequired";
  const date = parseDate(d.date);
  if (!date) errors.date = "customer.error.date";
  const start = parseTimeOfDay(d.start);
  const end = parseTimeOfDay(d.end);
  if (!start) errors.start = "customer.error.time";
  if (!end) errors.end = "customer.error.time";
  // Sessions end on the day they start (a session past midnight is edited on the Calendar tab).
  if (start && end && end <= start) errors.end = "customer.error.endBeforeStart";
  if (Object.keys(errors).length) return { errors, value: null };
  return { errors, value: { title, start: `${date}T${start}`, end: `${date}T${end}` } };
}

/** Maps a server error's field (`fields.start`, `name`…) to the form field it is about. */
export function scheduleFieldOf(field: string | null, addingStage: boolean): ScheduleField | null {
  if (!field) return null;
  const last = field.split(".").pop()!;
  if (addingStage) return last === "name" ? "newStage" : null;
  if (last === "title" || last === "start" || last === "end") return last;
  if (last === "stageId" || last === "stage") return "stage";
  return null;
}

// ---- speakers → segment presenters ----------------------------------------------------------

/**
 * The edits that make `selected` the speakers of a session. The customer thinks in "speakers of a
 * session"; the data has presenters per segment:
 * - a session with no segments gets one "presentation" segment covering the whole session, titled
 *   like the session, with the selected speakers as presenters;
 * - a session with segments gets the newly picked speakers added to its first segment, and the
 *   speakers taken off removed from every segment they present (other segments keep theirs, so a
 *   detailed run of show built by the analyst is not flattened);
 * - nothing is sent when the speakers did not change.
 */
export function presenterEdits(
  session: Pick<Session, "id" | "title" | "start" | "end">,
  segments: readonly Segment[],
  selected: readonly string[],
): Edit[] {
  const segs = segmentsOf(session.id, segments);
  const current = speakersOf(session.id, segments);
  const want = [...new Set(selected)];
  if (want.length === current.length && want.every((id) => current.includes(id))) return [];
  if (segs.length === 0) {
    const secs = Math.max(60, Math.round((Date.parse(session.end) - Date.parse(session.start)) / 1000));
    return [
      {
        type: "addSegment",
        sessionId: session.id,
        position: null,
        fields: { kind: "presentation", title: session.title, durationSecs: secs, presenterIds: want, notes: "" },
      },
    ];
  }
  const removed = new Set(current.filter((id) => !want.includes(id)));
  const added = want.filter((id) => !current.includes(id));
  const out: Edit[] = [];
  segs.forEach((seg, i) => {
    const ids = seg.presenterIds.filter((id) => !removed.has(id));
    if (i === 0) ids.push(...added.filter((id) => !ids.includes(id)));
    const same = ids.length === seg.presenterIds.length && ids.every((id, k) => id === seg.presenterIds[k]);
    if (same) return;
    out.push({
      type: "updateSegment",
      id: seg.id,
      fields: { kind: seg.kind, title: seg.title, durationSecs: seg.durationSecs, presenterIds: ids, notes: seg.notes },
    });
  });
  return out;
}

// ---- run of show ----------------------------------------------------------------------------

/** Whole minutes typed for a segment (1 to 1440), or `null`. */
export function parseMinutes(text: string): number | null {
  const m = /^\d{1,4}$/.exec(text.trim());
  if (!m) return null;
  const n = Number(m[0]);
  return n >= 1 && n <= 1440 ? n : null;
}

export interface SegmentDraftResult {
  errors: Partial<Record<"title" | "minutes", MessageKey>>;
  value: { title: string; durationSecs: number } | null;
}

export function validateSegmentDraft(title: string, minutes: string): SegmentDraftResult {
  const errors: SegmentDraftResult["errors"] = {};
  const tt = title.trim();
  const n = parseMinutes(minutes);
  if (!tt) errors.title = "customer.error.partTitleRequired";
  if (n === null) errors.minutes = "customer.error.minutes";
  if (Object.keys(errors).length) return { errors, value: null };
  return { errors, value: { title: tt, durationSecs: n! * 60 } };
}

/** A segment length as whole minutes (rounded), for the plain run of show. */
export function segmentMinutes(durationSecs: number): number {
  return Math.round(durationSecs / 60);
}

/** A finding the customer lead is told about: the core worded it for them. */
export type CustomerFinding = Finding & { customer: CustomerHint };

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The findings told to the customer, in the order of the sessions they concern (the start of the
 * first one), conflicts first, then in the core's order. */
export function customerHints(findings: readonly Finding[], sessions: readonly Session[]): CustomerFinding[] {
  const start = new Map(sessions.map((s) => [s.id, Date.parse(s.start)]));
  const at = (f: CustomerFinding) => start.get(f.customer.sessionIds[0]) ?? Number.POSITIVE_INFINITY;
  return findings
    .filter((f): f is CustomerFinding => !!f.customer)
    .map((f, i) => [f, i] as const)
    .sort(
      ([a, i], [b, j]) =>
        at(a) - at(b) || SEVERITY_RANK[a.customer.severity] - SEVERITY_RANK[b.customer.severity] || i - j,
    )
    .map(([f]) => f);
}
