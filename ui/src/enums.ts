// Runtime lists of the enum values declared in bindings.ts (types only there).
import type {
  CueKind,
  CueState,
  DestinationStatus,
  Lang,
  Owner,
  Role,
  SegmentKind,
  Severity,
  TaskKind,
  TaskStatus,
} from "./bindings";

type Exhaustive<T, L extends readonly T[]> = [Exclude<T, L[number]>] extends [never] ? L : never;

export function list<T>() {
  return <const L extends readonly T[]>(l: Exhaustive<T, L>) => l;
}

export const LANGS = list<Lang>()(["en", "fr-CA"] as const);
export const SEGMENT_KINDS = list<SegmentKind>()([
  "presentation",
  "video_clip",
  "slides",
  "panel",
  "q_and_a",
  "transition",
  "break",
  "other",
] as const);
export const ROLES = list<Role>()(["speaker", "moderator", "host", "producer", "customer_lead"] as const);
export const OWNERS = list<Owner>()(["analyst", "customer"] as const);
export const TASK_KINDS = list<TaskKind>()([
  "production_calendar",
  "event_program",
  "speaker_invitations",
  "branding_assets",
  "chat_requirements",
  "configure_branding",
  "av_check",
  "speaker_prep",
  "go_live",
  "end_stream",
  "train_closing",
  "download_recording",
  "edit_recording",
  "upload_vod",
] as const);
export const TASK_STATUSES = list<TaskStatus>()(["todo", "done", "skipped"] as const);
export const SEVERITIES = list<Severity>()(["error", "warning", "info"] as const);

export const CUE_KINDS = list<CueKind>()([
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
  "overlay_on",
  "overlay_off",
  "background_change",
  "captions_on",
  "captions_off",
  "custom",
] as const);
export const CUE_STATES = list<CueState>()(["pending", "notified", "done", "skipped", "missed"] as const);

export const DESTINATION_STATUSES = list<DestinationStatus>()(["requested", "received"] as const);

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
