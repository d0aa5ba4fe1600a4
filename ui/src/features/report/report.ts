// Pure helpers for the planned-vs-actual report: Rust computes every number, the UI only
// formats them and groups the rows by day.
import type { ReportRow } from "../../bindings";
import { localDateKey, formatDuration } from "../../time";

/** `long`: ran past its planned length (red); `short`: finished early (green). */
export type OverrunTone = "long" | "short" | "none";

/** Typographic minus, so `−1:30` lines up with `+1:30` in tabular figures. */
export const MINUS = "\u2212";

/**
 * An overrun as `+m:ss` (ran long) or `−m:ss` (ran short), `h:mm:ss` from an hour on;
 * blank when it ran to the second (after rounding).
 */
export function formatOverrun(secs: number): { text: string; tone: OverrunTone } {
  const r = Math.round(secs);
  if (r === 0 || !Number.isFinite(r)) return { text: "", tone: "none" };
  return r > 0 ? { text: `+${formatDuration(r)}`, tone: "long" } : { text: `${MINUS}${formatDuration(-r)}`, tone: "short" };
}

/** Support time used beyond the purchased budget. */
export function isOverBudget(usedMinutes: number, budgetMinutes: number): boolean {
  return Math.round(usedMinutes) > Math.round(budgetMinutes);
}

export interface ReportDay {
  /** `YYYY-MM-DD` in the event zone; empty when the session line has no planned start. */
  day: string;
  rows: ReportRow[];
}

/**
 * Splits the report's rows into days (in `zone`) by the planned start of each session line;
 * segment lines stay with the session above them, and the rows keep Rust's order.
 */
export function groupByDay(rows: readonly ReportRow[], zone: string): ReportDay[] {
  const out: ReportDay[] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (row.level !== "session" && last) {
      last.rows.push(row);
      continue;
    }
    const day = row.plannedStart ? safeDay(row.plannedStart, zone) : "";
    if (last && last.day === day) last.rows.push(row);
    else out.push({ day, rows: [row] });
  }
  return out;
}

function safeDay(instant: string, zone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) return "";
  try {
    return localDateKey(ms, zone);
  } catch {
    return "";
  }
}

/** The report as one list of table lines: each day's key (its heading line, when it has one)
 * followed by its rows, so that the table can render only the lines on screen. */
export function reportLines(days: readonly ReportDay[]): (string | ReportRow)[] {
  const out: (string | ReportRow)[] = [];
  for (const d of days) {
    if (d.day) out.push(d.day);
    for (const r of d.rows) out.push(r);
  }
  return out;
}
