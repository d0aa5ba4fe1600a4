// Pure helpers for the live view and the speaker timer: formatting the numbers Rust sends,
// colour thresholds, keyboard mapping and cue selection. No timing is computed here.
import type { CueKind, CueState, Lang, LiveSession, LiveStage, Session, Task, TaskKind } from "../../bindings";
import { CUE_KINDS } from "../../enums";
import { catalogues, interpolate } from "../../i18n";
import { addMinutesToLocal, formatDuration, localToInstant, normalizeLocalInput, toLocalInput, toUtcRfc3339 } from "../../time";

const DAY_SECS = 86_400;
const pad2 = (n: number) => String(n).padStart(2, "0");

/**
 * A countdown, the one format of every countdown on the live view and the speaker timer:
 * `m:ss` below an hour, `h:mm:ss` below a day, then whole days and `hh:mm:ss` with the day
 * unit of `lang` (`130 d 03:42:07`, `130 j 03:42:07`) — the seconds always show, so a far
 * countdown still visibly ticks. Negative values (overdue, overtime) count up with a leading `+`.
 */
export function formatCountdown(secs: number, lang: Lang): string {
  const r = Math.round(secs);
  const abs = Math.abs(r);
  const sign = r < 0 ? "+" : "";
  if (abs < DAY_SECS) return sign + formatDuration(abs);
  const rest = abs % DAY_SECS;
  const time = `${pad2(Math.floor(rest / 3600))}:${pad2(Math.floor((rest % 3600) / 60))}:${pad2(rest % 60)}`;
  const template = catalogues[lang]["live.countdownDays"] || catalogues.en["live.countdownDays"];
  // The day count as plain digits (a thousands separator would read as two numbers here).
  return sign + interpolate(template, { days: String(Math.floor(abs / DAY_SECS)), time }, lang);
}

/**
 * A generous estimate of a countdown's width in `em` of the bold UI font with tabular figures
 * (digits, letters and `+` 0.7, `:` 0.4, a space 0.35, anything else 1). The countdown boxes cap their font size at
 * their width divided by this (`--countdown-ems`), so a long text shrinks instead of spilling out.
 */
export function countdownEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += ch === ":" ? 0.4 : /\s/.test(ch) ? 0.35 : /[\w+]/.test(ch) ? 0.7 : 1;
  return Math.round(ems * 100) / 100;
}

/** How urgent a countdown looks: neutral, amber, red, or past zero (red, counting up). */
export type Tone = "normal" | "amber" | "red" | "over";

/** Segment remaining time on the live view: amber from 2 min, red from 30 s. */
export const STAGE_AMBER_SECS = 120;
export const STAGE_RED_SECS = 30;
/** Next-cue countdown: amber in its last minute, red once overdue. */
export const CUE_AMBER_SECS = 60;

export function countdownTone(secs: number, amberAt: number, redAt: number): Tone {
  const r = Math.round(secs);
  if (r < 0) return "over";
  if (r <= redAt) return "red";
  if (r <= amberAt) return "amber";
  return "normal";
}

export function stageTone(remainingSecs: number): Tone {
  return countdownTone(remainingSecs, STAGE_AMBER_SECS, STAGE_RED_SECS);
}

export function cueTone(inSecs: number): Tone {
  const r = Math.round(inSecs);
  if (r < 0) return "over";
  return r <= CUE_AMBER_SECS ? "amber" : "normal";
}

/** The speaker timer's tone; `idle` when nothing is on stage. */
export type TimerTone = Tone | "idle";

export function timerTone(remainingSecs: number | null, amberAtSecs: number, redAtSecs: number): TimerTone {
  return remainingSecs === null ? "idle" : countdownTone(remainingSecs, amberAtSecs, redAtSecs);
}

/** Size class for the speaker timer's number so longer texts still fit the window's width. */
export function timerSize(text: string): "xl" | "l" | "m" | "s" {
  if (text.length <= 4) return "xl";
  if (text.length <= 5) return "l";
  if (text.length <= 7) return "m";
  return "s";
}

/** Minutes as `h:mm` (the support clock: `7:30 / 9:00`). */
export function formatHoursClock(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  return `${Math.floor(m / 60)}:${String(m % 60).padStart(2, "0")}`;
}

/** Share of the support budget used, 0–1 (for the bar). */
export function budgetShare(usedMinutes: number, budgetMinutes: number): number {
  if (budgetMinutes <= 0) return usedMinutes > 0 ? 1 : 0;
  return Math.min(1, Math.max(0, usedMinutes / budgetMinutes));
}

export const CUE_STATE_ICON: Record<CueState, string> = {
  pending: "○",
  notified: "◆",
  done: "✓",
  skipped: "⤼",
  missed: "⚠",
};

/** Two RFC 3339 strings name the same instant. */
export function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}

// ---- keyboard -----------------------------------------------------------------

export type LiveAction = "done" | "skip" | "delay" | "actual" | "next" | "timer" | "up" | "down";

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
}

const LETTERS: Record<string, LiveAction> = { s: "skip", d: "delay", a: "actual", n: "next", t: "timer" };

/** The live-view action for a key press, or `null` when the key is not a live shortcut. */
export function liveKeyAction(e: KeyLike): LiveAction | null {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  if (e.key === " " || e.key === "Spacebar") return e.shiftKey ? null : "done";
  if (e.key === "ArrowUp") return "up";
  if (e.key === "ArrowDown") return "down";
  if (e.shiftKey || e.key.length !== 1) return null;
  return LETTERS[e.key.toLowerCase()] ?? null;
}

// ---- cue selection ---------------------------------------------------------------

/** The selected cue: the one picked by hand while it is still listed, else the next cue. */
export function effectiveSelection(keys: string[], picked: string | null, nextKey: string | null): string | null {
  if (picked !== null && keys.includes(picked)) return picked;
  if (nextKey !== null && keys.includes(nextKey)) return nextKey;
  return null;
}

/** Moves a selection one row up (`-1`) or down (`+1`), stopping at the ends. */
export function moveSelection(keys: string[], current: string | null, delta: -1 | 1): string | null {
  if (!keys.length) return null;
  const i = current === null ? -1 : keys.indexOf(current);
  if (i < 0) return delta > 0 ? keys[0] : keys[keys.length - 1];
  return keys[Math.min(keys.length - 1, Math.max(0, i + delta))];
}

// ---- stages -------------------------------------------------------------------------

/** The stage the one-key shortcuts act on: the first on air, else the first with a session coming. */
export function focusStage(stages: readonly LiveStage[]): LiveStage | null {
  return (
    stages.find((s) => s.onAir && s.session) ?? stages.find((s) => s.session) ?? null
  );
}

/** The stage the delay control opens on: the first on air, else the first stage. */
export function delayStage(stages: readonly LiveStage[]): LiveStage | null {
  return stages.find((s) => s.onAir) ?? stages[0] ?? null;
}

/** Which actual the A key records: the end once the session has started and not ended. */
export function actualToRecord(session: Pick<LiveSession, "actualStart" | "actualEnd">): "start" | "end" {
  return session.actualStart && !session.actualEnd ? "end" : "start";
}

// ---- rehearsal ------------------------------------------------------------------------

/** Default rehearsal start: 30 min before the first session, as `YYYY-MM-DD HH:MM` in `zone`. */
export function defaultRehearsalFrom(firstStart: string | null, zone: string): string {
  if (!firstStart) return "";
  const local = addMinutesToLocal(toLocalInput(firstStart, zone), -30);
  return local ? local.replace("T", " ") : "";
}

/** The typed event-zone time as an RFC 3339 UTC instant, or `null` when it is not a date-time. */
export function rehearsalFromToUtc(text: string, zone: string): string | null {
  const n = normalizeLocalInput(text);
  if (!n) return null;
  const d = localToInstant(n, zone);
  return d ? toUtcRfc3339(d) : null;
}

export const REHEARSAL_SPEEDS = [1, 5, 10, 30, 60] as const;

/** Whole minutes for a delay: a non-zero integer within ±12 h, else `null`. */
export function parseDelayMinutes(text: string): number | null {
  const m = /^\s*([+-]?\d{1,3})\s*$/.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  return n !== 0 && Math.abs(n) <= 720 ? n : null;
}

// ---- after the session -------------------------------------------------------------

/** The tasks that follow a session's end, in the order they are done. */
export const RECORDING_TASK_KINDS: readonly TaskKind[] = ["download_recording", "edit_recording", "upload_vod"];

/** Actual ends recorded for the sessions the snapshot shows (session id → instant). */
export function recordedEnds(stages: readonly LiveStage[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const st of stages) {
    if (st.session?.actualEnd) out.set(st.session.sessionId, st.session.actualEnd);
  }
  return out;
}

/**
 * The sessions that are over at `now`: their planned end has passed, or their actual end was
 * recorded. Most recent end first (a recorded end counts over the planned one).
 */
export function endedSessions<S extends Pick<Session, "id" | "end">>(
  sessions: readonly S[],
  now: string,
  ended: ReadonlyMap<string, string>,
): S[] {
  const nowMs = Date.parse(now);
  const endOf = (s: S) => Date.parse(ended.get(s.id) ?? s.end);
  return sessions
    .filter((s) => ended.has(s.id) || Date.parse(s.end) < nowMs)
    .sort((a, b) => endOf(b) - endOf(a));
}

/** A session's recording tasks (download, edit, upload), in that order. */
export function recordingTasks<T extends Pick<Task, "sessionId" | "kind">>(tasks: readonly T[], sessionId: string): T[] {
  const rank = (k: TaskKind) => RECORDING_TASK_KINDS.indexOf(k);
  return tasks.filter((x) => x.sessionId === sessionId && rank(x.kind) >= 0).sort((a, b) => rank(a.kind) - rank(b.kind));
}

// ---- do not disturb ------------------------------------------------------------------

/** The muted cue kinds with `kind` muted (`on`) or not, in the cue kinds' own order. */
export function toggleMuted(muted: readonly CueKind[], kind: CueKind, on: boolean): CueKind[] {
  const set = new Set(muted);
  return CUE_KINDS.filter((k) => (k === kind ? on : set.has(k)));
}
