// Pure timeline geometry: which days an event spans, the visible hour range of a day,
// and the short gaps between consecutive sessions on one stage.
import type { Session, SupportWindow } from "../../bindings";
import { addMinutesToLocal, localDateKey, minutesOfDay, toLocalInput } from "../../time";

export const GAP_LIMIT_MIN = 15;

/** Sorted `YYYY-MM-DD` days (event zone) on which sessions start. */
export function eventDays(sessions: readonly Session[], zone: string): string[] {
  return [...new Set(sessions.map((s) => localDateKey(s.start, zone)))].sort();
}

/** Sessions that start on `day` in the event zone. */
export function sessionsOnDay(sessions: readonly Session[], day: string, zone: string): Session[] {
  return sessions.filter((s) => localDateKey(s.start, zone) === day);
}

/** Minutes since the day's midnight; instants on another day clamp to 0 or 1440. */
export function dayMinutes(instant: string, day: string, zone: string): number {
  const d = localDateKey(instant, zone);
  if (d < day) return 0;
  if (d > day) return 24 * 60;
  return minutesOfDay(instant, zone);
}

export interface DayRange {
  startMin: number;
  endMin: number;
}

/** Whole hours covering the day's sessions and support window (at least 8:00–18:00 when empty). */
export function dayRange(
  sessions: readonly Session[],
  day: string,
  zone: string,
  window: SupportWindow | null,
): DayRange {
  const marks: number[] = [];
  for (const s of sessions) {
    marks.push(dayMinutes(s.start, day, zone), dayMinutes(s.end, day, zone));
  }
  if (window && marks.length) {
    const ws = dayMinutes(window.start, day, zone);
    const we = dayMinutes(window.end, day, zone);
    if (we > 0 && ws < 1440) marks.push(ws, we);
  }
  if (!marks.length) return { startMin: 8 * 60, endMin: 18 * 60 };
  let startMin = Math.floor(Math.min(...marks) / 60) * 60;
  let endMin = Math.ceil(Math.max(...marks) / 60) * 60;
  if (endMin - startMin < 4 * 60) endMin = Math.min(1440, startMin + 4 * 60);
  if (endMin - startMin < 4 * 60) startMin = Math.max(0, endMin - 4 * 60);
  return { startMin, endMin };
}

/** Percentage position of a minute inside the range. */
export function pct(min: number, r: DayRange): number {
  const span = r.endMin - r.startMin || 1;
  return Math.max(0, Math.min(100, ((min - r.startMin) / span) * 100));
}

/**
 * A lane's hour lines as one background (a gradient with a 1 px line at each hour's percent of
 * the range), instead of an element per hour: 15 hours on 13 lanes were 195 elements, about 0.5 MiB of
 * the web process (exact PSS from `scale-bench`'s `SCALE_SMAPS`, 2,000-session day, 4 runs). The last line, at 100 %, is
 * drawn just inside the edge.
 */
export function hourLines(hours: readonly number[], r: DayRange, color: string): string {
  const stops = ["transparent 0"];
  for (const h of hours) {
    const p = pct(h * 60, r);
    const [from, to] = p >= 100 ? ["calc(100% - 1px)", "100%"] : [`${p}%`, `calc(${p}% + 1px)`];
    stops.push(`transparent ${from}`, `${color} ${from}`, `${color} ${to}`, `transparent ${to}`);
  }
  return `linear-gradient(to right, ${stops.join(", ")})`;
}

export interface Gap {
  before: Session;
  after: Session;
  /** Minutes between the end of `before` and the start of `after`; negative for an overlap. */
  minutes: number;
}

/** Consecutive sessions (by start) on one stage with less than 15 minutes between them. */
export function shortGaps(stageSessions: readonly Session[]): Gap[] {
  const sorted = [...stageSessions].sort((a, b) => a.start.localeCompare(b.start));
  const out: Gap[] = [];
  let prev: Session | null = null;
  for (const s of sorted) {
    if (prev) {
      const minutes = Math.round((Date.parse(s.start) - Date.parse(prev.end)) / 60000);
      if (minutes < GAP_LIMIT_MIN) out.push({ before: prev, after: s, minutes });
      if (Date.parse(s.end) <= Date.parse(prev.end)) continue; // keep the later-ending one
    }
    prev = s;
  }
  return out;
}

/** `next`, with each gap `prev` already had (the same two sessions, the same minutes) kept as the
 * object it was, so a list keyed by reference re-renders only the gaps that changed; `prev` itself
 * when nothing changed. */
export function keepGaps(prev: readonly Gap[] | undefined, next: Gap[]): Gap[] {
  if (!prev?.length) return next;
  const old = new Map<Session, Gap[]>();
  for (const g of prev) {
    const list = old.get(g.before);
    if (list) list.push(g);
    else old.set(g.before, [g]);
  }
  let all = prev.length === next.length;
  const out = next.map((g, i) => {
    const kept = old.get(g.before)?.find((o) => o.after === g.after && o.minutes === g.minutes) ?? g;
    if (kept !== prev[i]) all = false;
    return kept;
  });
  return all ? (prev as Gap[]) : out;
}

/**
 * Default start and end (`YYYY-MM-DDTHH:MM`, event zone) for a new session on `stageId`:
 * 15 minutes after the stage's last session that day (rounded up to 5 min), else 09:00.
 */
export function suggestSlot(
  sessions: readonly Session[],
  stageId: string,
  day: string,
  zone: string,
): { start: string; end: string } {
  const onStage = sessionsOnDay(sessions, day, zone).filter((s) => s.stageId === stageId);
  let start = `${day}T09:00`;
  if (onStage.length) {
    const lastEnd = onStage.reduce((a, s) => (s.end > a ? s.end : a), onStage[0].end);
    const local = toLocalInput(lastEnd, zone);
    const mins = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
    const rounded = Math.ceil((mins + GAP_LIMIT_MIN) / 5) * 5;
    start = addMinutesToLocal(local, rounded - mins) ?? start;
  }
  const end = addMinutesToLocal(start, 60) ?? start;
  return { start, end };
}
