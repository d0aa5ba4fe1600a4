// Pure helpers of the Destinations tab: preset filling, key masking, test results in words.
import type {
  ConnectionTest,
  Destination,
  DestinationFields,
  DestinationTest,
  Lang,
  Preset,
  Session,
} from "../../bindings";
import { t, type MessageKey } from "../../i18n";
import { formatDateTime, formatTime, localDateKey } from "../../time";

/** The stages of a connection test, in the order they run. */
export const TEST_STAGES = ["resolve", "tcp", "tls", "handshake", "connect", "publish"] as const;
export type TestStageName = (typeof TEST_STAGES)[number];

export function isTestStage(s: string): s is TestStageName {
  return (TEST_STAGES as readonly string[]).includes(s);
}

/** The preset a new destination starts with: nothing is filled in until the user picks one. */
export const NEW_PRESET = "custom";

export function fieldsOf(d: Destination): DestinationFields {
  return {
    name: d.name,
    preset: d.preset,
    serverUrl: d.serverUrl,
    backupUrl: d.backupUrl,
    sessionIds: [...d.sessionIds],
    status: d.status,
  };
}

/** What a list shows for a stored key: dots and the key's last four characters (never the key),
 * or `null` when there is no key. */
export function maskedKey(d: Pick<Destination, "hasKey" | "keyHint">): string | null {
  if (!d.hasKey) return null;
  return d.keyHint ? `•••• ${d.keyHint}` : "••••";
}

export interface Urls {
  serverUrl: string;
  backupUrl: string;
}

/** The URLs after switching from preset `prev` to `next`: a field still empty, or still holding
 * the previous preset's value, takes the new preset's value; anything typed by hand stays. */
export function presetFill(prev: Preset | undefined, next: Preset | undefined, current: Urls): Urls {
  const pick = (field: keyof Urls): string => {
    const now = current[field].trim();
    const untouched = now === "" || (prev !== undefined && now === prev[field].trim());
    return untouched ? (next?.[field] ?? "") : current[field];
  };
  return { serverUrl: pick("serverUrl"), backupUrl: pick("backupUrl") };
}

/** A preset's encoder advice in the UI language (English when it has none in that language). */
export function presetAdvice(p: Preset | undefined, lang: Lang): string {
  if (!p) return "";
  return p.advice[lang] || p.advice.en || "";
}

/** Where a preset's details come from, or "" when the preset names no source. */
export function presetSource(p: Preset | undefined): string {
  const s = p?.source.trim() ?? "";
  return s === "—" || s === "-" ? "" : s;
}

/** The chosen sessions' ids in calendar order (ids of sessions that no longer exist drop out). */
export function orderedSessionIds(chosen: readonly string[], sessions: readonly Session[]): string[] {
  const set = new Set(chosen);
  return sessions.filter((s) => set.has(s.id)).map((s) => s.id);
}

/** Titles of the sessions a destination carries, in calendar order. */
export function sessionTitles(d: Pick<Destination, "sessionIds">, sessions: readonly Session[]): string[] {
  const set = new Set(d.sessionIds);
  return sessions.filter((s) => set.has(s.id)).map((s) => s.title);
}

/** A test stage's name in the UI language (an unknown stage keeps its own name). */
export function stageLabel(stage: string): string {
  return isTestStage(stage) ? t(`testStage.${stage}` as MessageKey) : stage;
}

/** The one-line summary recorded with a test (`tcp: connection refused`, `connect OK`) in the UI
 * language: the stage translated, the reason as the server gave it. */
export function describeTestDetail(detail: string): string {
  const d = detail.trim();
  const ok = /^(\w+) OK$/.exec(d);
  if (ok && isTestStage(ok[1])) return stageLabel(ok[1]);
  const failed = /^(\w+): ([\s\S]*)$/.exec(d);
  if (failed && isTestStage(failed[1])) {
    return t("dest.stageDetail", { stage: stageLabel(failed[1]), detail: failed[2] });
  }
  return d;
}

/** A test's time in the event zone: the time of day for a test today, else date and time. */
export function testTime(at: string, zone: string, now: Date, locale: string, hour12: boolean): string {
  return localDateKey(at, zone) === localDateKey(now, zone)
    ? formatTime(at, zone, locale, hour12)
    : formatDateTime(at, zone, locale, hour12);
}

/** The last test of a destination in words: "Tested OK 14:32", "Test failed: … (14:32)". */
export function lastTestLine(
  test: DestinationTest | null,
  zone: string,
  now: Date,
  locale: string,
  hour12: boolean,
): { tone: "ok" | "fail" | "none"; text: string } {
  if (!test) return { tone: "none", text: t("dest.untested") };
  const time = testTime(test.at, zone, now, locale, hour12);
  if (test.ok) return { tone: "ok", text: t(test.published ? "dest.testedOkPublished" : "dest.testedOk", { time }) };
  const detail = describeTestDetail(test.detail) || t("dest.testFailed");
  return { tone: "fail", text: t("dest.testFailedLine", { detail, time }) };
}

export interface StageLine {
  stage: string;
  label: string;
  ok: boolean;
  mark: "✓" | "✗";
  ms: number;
  detail: string;
}

/** A connection test's stages, ready for the list: translated name, ✓/✗, duration, detail. */
export function stageLines(result: ConnectionTest): StageLine[] {
  return result.stages.map((s) => ({
    stage: s.stage,
    label: stageLabel(s.stage),
    ok: s.ok,
    mark: s.ok ? "✓" : "✗",
    ms: s.ms,
    detail: s.detail,
  }));
}

/** The overall line under a test: how far it got and in how long, or where and why it failed. */
export function testSummary(result: ConnectionTest): string {
  const total = result.stages.reduce((sum, s) => sum + s.ms, 0);
  const failed = result.stages.find((s) => !s.ok);
  if (result.ok && !failed) {
    const last = result.stages[result.stages.length - 1];
    return last ? t("dest.testOk", { stage: stageLabel(last.stage), ms: total }) : t("dest.testOkBare");
  }
  if (failed) return t("dest.testFailedAt", { stage: stageLabel(failed.stage), detail: failed.detail });
  return t("dest.testFailed");
}
