// Pure helpers for custom cues (run of show) and the per-event cue template (Event settings).
import type { CueAnchor, CueKind, CueSetting, CustomCue, CustomCueFields, Edit, Segment } from "../../bindings";
import { formatDuration, parseDuration } from "../../time";

/** The kinds a cue added by hand can have (the generated kinds are not offered). */
export const CUSTOM_CUE_KINDS: readonly CueKind[] = [
  "overlay_on",
  "overlay_off",
  "background_change",
  "captions_on",
  "captions_off",
  "play_clip",
  "share_deck",
  "transition",
  "time_check",
  "custom",
];

export const CUE_ANCHORS: readonly CueAnchor[] = ["session_start", "session_end", "segment_start", "segment_end"];

/** The generated kinds the event's cue template can switch off or give another heads-up. */
export const TEMPLATE_CUE_KINDS: readonly CueKind[] = [
  "av_check",
  "speaker_prep",
  "go_live",
  "attendee_view_check",
  "presenter_on",
  "presenter_off",
  "transition",
  "play_clip",
  "share_deck",
  "time_check",
  "end_stream",
  "recording_download",
];

const TWO_MINUTES: readonly CueKind[] = ["av_check", "speaker_prep", "go_live", "end_stream"];
const ONE_MINUTE: readonly CueKind[] = ["presenter_on", "transition", "play_clip", "share_deck"];

/** The template's value for a kind when the event has not changed it. */
export function defaultCueSetting(kind: CueKind): CueSetting {
  const leadSecs = TWO_MINUTES.includes(kind) ? 120 : ONE_MINUTE.includes(kind) ? 60 : 0;
  return { kind, enabled: true, leadSecs };
}

/** The event's setting for a kind, else the default. */
export function cueSettingFor(settings: readonly CueSetting[], kind: CueKind): CueSetting {
  return settings.find((s) => s.kind === kind) ?? defaultCueSetting(kind);
}

/** The `setCueSetting` edit (whole seconds). */
export function setCueSettingEdit(kind: CueKind, enabled: boolean, leadSecs: number): Edit {
  return { type: "setCueSetting", kind, enabled, leadSecs: Math.round(leadSecs) };
}

/**
 * Parses an offset typed by a person: like `parseDuration` (`m`, `m:ss`, `h:mm:ss`) with an
 * optional leading `-` (before the anchor) or `+`. Returns seconds, or `null`.
 */
export function parseOffset(text: string): number | null {
  const m = /^\s*([+\-\u2212]?)\s*(.*)$/.exec(text);
  if (!m) return null;
  const body = m[2];
  if (body.trim() === "" || /^[+\-\u2212]/.test(body.trim())) return null;
  const secs = parseDuration(body);
  if (secs === null) return null;
  return m[1] === "-" || m[1] === "\u2212" ? -secs || 0 : secs;
}

/** `m:ss` (or `h:mm:ss`), with a leading `-` when negative: `-0:30`, `0:00`, `1:30`. */
export function formatOffset(secs: number): string {
  const r = Math.round(secs);
  return r < 0 ? `-${formatDuration(-r)}` : formatDuration(r);
}

export const isSegmentAnchor = (a: CueAnchor) => a === "segment_start" || a === "segment_end";

/** The editable fields of a custom cue, for `updateCustomCue`. */
export function customCueFields(c: CustomCue): CustomCueFields {
  return {
    sessionId: c.sessionId,
    segmentId: c.segmentId,
    anchor: c.anchor,
    offsetSecs: c.offsetSecs,
    kind: c.kind,
    text: c.text,
    leadSecs: c.leadSecs,
  };
}

/** A new cue: an overlay at the first segment's start (the session's start without segments). */
export function newCustomCueFields(sessionId: string, segments: readonly Pick<Segment, "id">[], text: string): CustomCueFields {
  const first = segments[0]?.id ?? null;
  return {
    sessionId,
    segmentId: first,
    anchor: first ? "segment_start" : "session_start",
    offsetSecs: 0,
    kind: "overlay_on",
    text,
    leadSecs: 30,
  };
}

/** The fields after an anchor change: segment anchors keep (or take the first) segment, session ones drop it. */
export function withAnchor(
  f: CustomCueFields,
  anchor: CueAnchor,
  segments: readonly Pick<Segment, "id">[],
): CustomCueFields {
  if (!isSegmentAnchor(anchor)) return { ...f, anchor, segmentId: null };
  const keep = f.segmentId && segments.some((s) => s.id === f.segmentId) ? f.segmentId : null;
  return { ...f, anchor, segmentId: keep ?? segments[0]?.id ?? null };
}

export type CueField = "kind" | "anchor" | "segmentId" | "offsetSecs" | "leadSecs" | "text";
const CUE_FIELDS: readonly CueField[] = ["kind", "anchor", "segmentId", "offsetSecs", "leadSecs", "text"];

/** The cue field an error from Rust names (`cue.text`, `cue.lead_secs`…), if any. */
export function cueFieldOf(errorField: string | null): CueField | null {
  if (!errorField) return null;
  const parts = errorField.split(".");
  if (parts.length < 2 || parts[0] !== "cue") return null;
  const last = parts[parts.length - 1].replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
  return (CUE_FIELDS as readonly string[]).includes(last) ? (last as CueField) : null;
}
