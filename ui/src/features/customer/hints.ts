// Plain-language hints on the customer's schedule: the production rules of the analyst, told as
// things the customer lead can act on (see docs: sessions under 15 minutes apart need the
// customer's team trained to close sessions; speakers are prepped 15 minutes before their session).
import type { Person, Segment, Session, Severity, Stage } from "../../bindings";
import { t } from "../../i18n";
import { formatTime } from "../../time";
import { speakersOf } from "./schedule";

/** Under this many minutes between two sessions, the analyst cannot close one and prep the next. */
export const CLOSE_GAP_MIN = 15;
/** Speakers are prepped this many minutes before their session. */
export const PREP_MIN = 15;

export interface SessionRef {
  id: string;
  title: string;
  start: string;
  end: string;
}

export type Hint =
  /** Two sessions on one stage, `minutes` (0–14) apart. */
  | { kind: "tightGap"; stage: string; before: SessionRef; after: SessionRef; minutes: number }
  /** Two sessions on one stage at the same time. */
  | { kind: "overlap"; stage: string; a: SessionRef; b: SessionRef }
  | { kind: "noSpeaker"; session: SessionRef }
  /** One person presenting in two sessions at the same time. */
  | { kind: "speakerOverlap"; person: string; personId: string; a: SessionRef; b: SessionRef }
  /** One person presenting in two sessions `minutes` (0–14) apart: no time for the second prep. */
  | { kind: "speakerTight"; person: string; personId: string; a: SessionRef; b: SessionRef; minutes: number };

export type HintKind = Hint["kind"];

export interface HintInput {
  sessions: readonly Session[];
  segments: readonly Segment[];
  people: readonly Person[];
  stages: readonly Stage[];
}

const ref = (s: Session): SessionRef => ({ id: s.id, title: s.title, start: s.start, end: s.end });
const ms = (i: string) => Date.parse(i);
/** Minutes from the end of `a` to the start of `b` (negative when they overlap). */
const gapMinutes = (a: SessionRef, b: SessionRef) => Math.round((ms(b.start) - ms(a.end)) / 60000);
const overlaps = (a: SessionRef, b: SessionRef) => ms(a.start) < ms(b.end) && ms(b.start) < ms(a.end);

function byStart(a: Session, b: Session): number {
  return ms(a.start) - ms(b.start) || ms(a.end) - ms(b.end) || a.title.localeCompare(b.title);
}

/** The sessions a hint is about (it is shown next to each of them). */
export function hintSessionIds(h: Hint): string[] {
  switch (h.kind) {
    case "tightGap":
      return [h.before.id, h.after.id];
    case "noSpeaker":
      return [h.session.id];
    default:
      return [h.a.id, h.b.id];
  }
}

/** Overlaps are conflicts to fix; the rest are things to know or plan for. */
export function hintSeverity(h: Hint): Severity {
  return h.kind === "overlap" || h.kind === "speakerOverlap" ? "warning" : "info";
}

const KIND_ORDER: Record<HintKind, number> = {
  overlap: 0,
  speakerOverlap: 1,
  tightGap: 2,
  speakerTight: 3,
  noSpeaker: 4,
};

function firstStart(h: Hint): number {
  switch (h.kind) {
    case "tightGap":
      return ms(h.before.start);
    case "noSpeaker":
      return ms(h.session.start);
    default:
      return Math.min(ms(h.a.start), ms(h.b.start));
  }
}

/** Every hint on the schedule, in the order of the sessions they are about. */
export function computeHints(input: HintInput): Hint[] {
  const out: Hint[] = [];
  const stageName = new Map(input.stages.map((s) => [s.id, s.name]));

  // Per stage: overlaps (any two sessions) and short gaps (each session and the one before it).
  const byStage = new Map<string, Session[]>();
  for (const s of input.sessions) {
    const list = byStage.get(s.stageId) ?? [];
    list.push(s);
    byStage.set(s.stageId, list);
  }
  for (const [stageId, list] of byStage) {
    const stage = stageName.get(stageId) ?? "";
    const sorted = [...list].sort(byStart);
    for (let i = 0; i < sorted.length; i++) {
      const b = sorted[i];
      let before: Session | null = null;
      for (let j = 0; j < i; j++) {
        const a = sorted[j];
        if (overlaps(a, b)) out.push({ kind: "overlap", stage, a: ref(a), b: ref(b) });
        else if (ms(a.end) <= ms(b.start) && (!before || ms(a.end) > ms(before.end))) before = a;
      }
      // The session just before `b` on the stage (the latest to end before it starts).
      if (before) {
        const minutes = gapMinutes(before, b);
        if (minutes < CLOSE_GAP_MIN) out.push({ kind: "tightGap", stage, before: ref(before), after: ref(b), minutes });
      }
    }
  }

  // Sessions with no speaker.
  for (const s of input.sessions) {
    if (speakersOf(s.id, input.segments).length === 0) out.push({ kind: "noSpeaker", session: ref(s) });
  }

  // People speaking in two sessions at once, or too close for the second session's prep.
  const sessionsOf = new Map<string, Session[]>();
  for (const s of [...input.sessions].sort(byStart)) {
    for (const pid of speakersOf(s.id, input.segments)) {
      const list = sessionsOf.get(pid) ?? [];
      list.push(s);
      sessionsOf.set(pid, list);
    }
  }
  for (const p of input.people) {
    const list = sessionsOf.get(p.id) ?? [];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (overlaps(a, b)) {
          out.push({ kind: "speakerOverlap", person: p.name, personId: p.id, a: ref(a), b: ref(b) });
          continue;
        }
        // Order by time: `first` ends before `second` starts.
        const [first, second] = ms(a.end) <= ms(b.start) ? [a, b] : [b, a];
        const minutes = gapMinutes(first, second);
        if (minutes < PREP_MIN) {
          out.push({ kind: "speakerTight", person: p.name, personId: p.id, a: ref(first), b: ref(second), minutes });
        }
      }
    }
  }

  return out
    .map((h, i) => [h, i] as const)
    .sort((x, y) => firstStart(x[0]) - firstStart(y[0]) || KIND_ORDER[x[0].kind] - KIND_ORDER[y[0].kind] || x[1] - y[1])
    .map(([h]) => h);
}

export interface HintFormat {
  zone: string;
  locale: string;
  hour12: boolean;
}

/** The hint as one sentence in the current UI language, times in the event's zone. */
export function hintText(h: Hint, f: HintFormat): string {
  const time = (i: string) => formatTime(i, f.zone, f.locale, f.hour12);
  const range = (s: SessionRef) => t("calendar.sessionTimes", { start: time(s.start), end: time(s.end) });
  switch (h.kind) {
    case "tightGap": {
      const p = { a: h.before.title, b: h.after.title, end: time(h.before.end), start: time(h.after.start), stage: h.stage };
      if (h.minutes <= 0) return t("customer.hint.backToBack", p);
      if (h.minutes === 1) return t("customer.hint.tightGap1", p);
      return t("customer.hint.tightGap", { ...p, min: h.minutes });
    }
    case "overlap":
      return t("customer.hint.overlap", { a: h.a.title, b: h.b.title, aTimes: range(h.a), bTimes: range(h.b), stage: h.stage });
    case "noSpeaker":
      return t("customer.hint.noSpeaker", { name: h.session.title });
    case "speakerOverlap":
      return t("customer.hint.speakerOverlap", { person: h.person, a: h.a.title, b: h.b.title });
    case "speakerTight":
      return t("customer.hint.speakerTight", {
        person: h.person,
        a: h.a.title,
        b: h.b.title,
        end: time(h.a.end),
        start: time(h.b.start),
      });
  }
}
