// Generated from the #[tauri::command] functions in src-tauri/src/commands by
// `UPDATE_BINDINGS=1 cargo test -p showcall-app --test commands`. Do not edit by hand.
//
// One typed function per command. Arguments are one camelCase object; every command
// rejects with an `ErrorPayload` whose message is already translated.
import { invoke } from "@tauri-apps/api/core";
import type {
  AppInfo,
  Backup,
  BrandPreset,
  CueKind,
  CueState,
  Edit,
  EditResult,
  EventSummary,
  EventView,
  Exported,
  ImportPlan,
  Imported,
  Lang,
  LiveSnapshot,
  Palette,
  PaletteContrast,
  Preset,
  Report,
  Resolution,
  Restored,
  ShareLink,
  ShareSettings,
  ShareStatus,
  ShareView,
  SharedLink,
  SpeakerTimer,
  Task,
  TestedView,
} from "./bindings";
import type {
  AgendaImported,
  AgendaTarget,
  DateOrder,
  Previewed,
  RowsPage,
} from "./features/agenda/bindings";

// ---- agenda.rs ----

/**
 * Reads the file and says how every row would be imported, on a worker thread: the totals,
 * the mapping and the first page of rows (the others stay here, see [`agenda_rows`]). Nothing
 * is written.
 */
export function previewAgenda(args: {
  path: string;
  target: AgendaTarget;
  sheet: string | null;
  map: string[];
  dateOrder: DateOrder | null;
  jobId: string | null;
}): Promise<Previewed> {
  return invoke("preview_agenda", args);
}

/**
 * Up to `limit` rows of the preview read under `preview` (its job id), from `offset`, of every
 * row or of the rows with problems only.
 */
export function agendaRows(args: {
  preview: string | null;
  offset: number;
  limit: number;
  problemsOnly: boolean;
}): Promise<RowsPage> {
  return invoke("agenda_rows", args);
}

/**
 * Imports the rows as previewed (read again now, on a worker thread): every valid row, or
 * nothing while a row is invalid and `accept_valid` is off. An import into an open event can
 * be undone.
 */
export function importAgenda(args: {
  path: string;
  target: AgendaTarget;
  sheet: string | null;
  map: string[];
  dateOrder: DateOrder | null;
  acceptValid: boolean;
  jobId: string | null;
}): Promise<AgendaImported> {
  return invoke("import_agenda", args);
}

// ---- backups.rs ----

/**
 * Every backup of the database, newest first, with the events each holds (read without
 * writing anything to them).
 */
export function listBackups(): Promise<Backup[]> {
  return invoke("list_backups");
}

/** Writes a copy of the database as it stands into `backups/` ("…-manual.db"). */
export function backUpNow(): Promise<Backup> {
  return invoke("back_up_now");
}

/**
 * Puts back the backup the list names `id` (its file name, never a path), after backing up
 * the data it replaces. The windows then hear of it as of any outside change (the watcher's
 * `event-changed` and `day-changed`); every undo history goes, since an undo would bring back
 * the data the restore replaced.
 */
export function restoreBackup(args: { id: string }): Promise<Restored> {
  return invoke("restore_backup", args);
}

// ---- branding.rs ----

/**
 * Copies the file into the data folder, checks it and attaches it. The copy and the checks
 * (ffprobe for clips) run off the main thread and without holding the app's state, which is
 * only taken to read the item and to record the result. With `job_id`, the copy's progress
 * goes to the window (`job-progress`) and `cancel_job` stops it, leaving nothing behind.
 */
export function attachBrandFile(args: {
  eventId: string;
  itemId: string;
  path: string;
  jobId: string | null;
}): Promise<EditResult> {
  return invoke("attach_brand_file", args);
}

/** The built-in checklist preset (in the UI language) and the ones saved by the analyst. */
export function brandPresets(): Promise<BrandPreset[]> {
  return invoke("brand_presets");
}

/** Saves the event's checklist lines as a preset named `name` (replacing one of that name). */
export function saveBrandPreset(args: { eventId: string; name: string }): Promise<BrandPreset[]> {
  return invoke("save_brand_preset", args);
}

export function deleteBrandPreset(args: { name: string }): Promise<BrandPreset[]> {
  return invoke("delete_brand_preset", args);
}

export function getMode(): Promise<string> {
  return invoke("get_mode");
}

/** The contrast ratios of a palette as typed (the Colours panel asks while the user types). */
export function paletteContrast(args: { palette: Palette }): Promise<PaletteContrast> {
  return invoke("palette_contrast", args);
}

/** Whether someone has said who uses this copy (the events list asks once, at first start). */
export function modeChosen(): Promise<boolean> {
  return invoke("mode_chosen");
}

export function setMode(args: { mode: string }): Promise<string> {
  return invoke("set_mode", args);
}

// ---- edit.rs ----

/**
 * `revision`: the revision of the event the window shows; an edit made on an older one (the
 * CLI, another window or an import changed it meanwhile) is refused as a `conflict`.
 */
export function editEvent(args: {
  eventId: string;
  edit: Edit;
  revision: number | null;
}): Promise<EditResult> {
  return invoke("edit_event", args);
}

/**
 * What changed in an event since `revision`, the one the window shows (another connection
 * wrote it: the window heard `event-changed`).
 */
export function eventChanges(args: { eventId: string; revision: number }): Promise<EditResult> {
  return invoke("event_changes", args);
}

/**
 * Undoes the last edit of the event; answers like an edit (what changed in the view the window
 * shows, not the whole event).
 */
export function undo(args: { eventId: string }): Promise<EditResult> {
  return invoke("undo", args);
}

/** Redoes the last undone edit; answers like an edit. */
export function redo(args: { eventId: string }): Promise<EditResult> {
  return invoke("redo", args);
}

// ---- events.rs ----

export function listEvents(): Promise<EventSummary[]> {
  return invoke("list_events");
}

export function createEvent(args: {
  name: string;
  timeZone: string;
  locale: string;
  stageName: string;
}): Promise<EventView> {
  return invoke("create_event", args);
}

export function duplicateEvent(args: { id: string }): Promise<EventSummary[]> {
  return invoke("duplicate_event", args);
}

export function deleteEvent(args: { id: string }): Promise<EventSummary[]> {
  return invoke("delete_event", args);
}

export function loadDemo(): Promise<EventSummary[]> {
  return invoke("load_demo");
}

export function loadEvent(args: { id: string }): Promise<EventView> {
  return invoke("load_event", args);
}

/**
 * The tasks of the event at `revision`, the one the window shows (views come without them): a
 * `conflict` when the event has changed since, and the window asks again once it has caught up.
 */
export function eventTasks(args: { eventId: string; revision: number }): Promise<Task[]> {
  return invoke("event_tasks", args);
}

// ---- exchange.rs ----

/**
 * Where an export goes unless the user picks another place: the Downloads folder, the event's
 * name as the file name, `extension` (`showcall`, `pdf`, `xlsx`, `csv`) as its extension.
 */
export function defaultExportPath(args: { eventId: string; extension: string }): Promise<string> {
  return invoke("default_export_path", args);
}

/**
 * Writes the event (and its files; its stream keys in clear only when asked) into a
 * `.showcall` package, on a worker thread with its own connection.
 * `jobId`: names the job for its progress (`job-progress`) and `cancel_job`.
 */
export function exportPackage(args: {
  eventId: string;
  path: string;
  includeStreamKeys: boolean;
  jobId: string | null;
}): Promise<Exported> {
  return invoke("export_package", args);
}

/**
 * Opens and verifies a package and says what importing it would do; nothing is written. A
 * refused package rejects with `code: "package"` and a message naming the file and the reason.
 * The reading, unpacking and checking run on a worker thread.
 */
export function openPackage(args: { path: string; jobId: string | null }): Promise<ImportPlan> {
  return invoke("open_package", args);
}

/**
 * Imports the package opened last with the user's picks (all of it or nothing), on a worker
 * thread. Rejects with `code: "conflict"` while a conflict has no pick; the package then stays
 * open for another try.
 */
export function applyPackage(args: {
  resolution: Resolution;
  jobId: string | null;
}): Promise<Imported> {
  return invoke("apply_package", args);
}

/** Forgets the package opened last (its unpacked files go with it). */
export function cancelPackage(): Promise<null> {
  return invoke("cancel_package");
}

/**
 * Writes the run of show (`format`: `pdf`, `xlsx` or `csv`) to `path`, on a worker thread;
 * returns the path.
 */
export function exportRunsheet(args: {
  eventId: string;
  path: string;
  format: string;
  jobId: string | null;
}): Promise<string> {
  return invoke("export_runsheet", args);
}

/**
 * Stops the job the window named `jobId` (it undoes what it started and answers
 * `cancelled`), also when the Cancel overtook the command that starts it; nothing when it has
 * already ended.
 */
export function cancelJob(args: { jobId: string }): Promise<null> {
  return invoke("cancel_job", args);
}

// ---- live.rs ----

/**
 * The live view's snapshot. `cues_tag` is the tag of the cue list the view holds: when it is
 * still current the list is left out of the answer.
 */
export function liveView(args: { eventId: string; cuesTag: string | null }): Promise<LiveSnapshot> {
  return invoke("live_view", args);
}

export function markCue(args: {
  eventId: string;
  key: string;
  state: CueState;
}): Promise<LiveSnapshot> {
  return invoke("mark_cue", args);
}

/** `sessionId: null` delays the whole stage from now on. */
export function applyDelay(args: {
  eventId: string;
  stageId: string;
  sessionId: string | null;
  minutes: number;
}): Promise<LiveSnapshot> {
  return invoke("apply_delay", args);
}

/** Records the clock's current instant as the session's actual start or end. */
export function recordActual(args: {
  eventId: string;
  sessionId: string;
  which: string;
}): Promise<LiveSnapshot> {
  return invoke("record_actual", args);
}

/** `from`: RFC 3339 UTC instant the rehearsal clock starts at; `speed`: 1–60. */
export function startRehearsal(args: {
  eventId: string;
  from: string;
  speed: number;
}): Promise<LiveSnapshot> {
  return invoke("start_rehearsal", args);
}

export function stopRehearsal(): Promise<null> {
  return invoke("stop_rehearsal");
}

/** `stageId: null` lets the timer follow the stage on air. */
export function openSpeakerTimer(args: { eventId: string; stageId: string | null }): Promise<null> {
  return invoke("open_speaker_timer", args);
}

export function speakerTimer(): Promise<SpeakerTimer> {
  return invoke("speaker_timer");
}

/**
 * Sends a line to the speaker timer: the timer window's stage (every stage when it follows
 * the stage on air), and every network view of that stage. An empty `text` clears it.
 */
export function sendSpeakerMessage(args: { text: string }): Promise<null> {
  return invoke("send_speaker_message", args);
}

/** Blacks out the speaker timer (the window's stage, or every stage), or lifts it. */
export function setTimerBlackout(args: { on: boolean }): Promise<null> {
  return invoke("set_timer_blackout", args);
}

/** Planned vs actual times, cue tallies and support hours of an event. */
export function report(args: { eventId: string }): Promise<Report> {
  return invoke("report", args);
}

/**
 * Where the webview loads a stored file from (images only; `thumb` for a video's still).
 * Served by the app's `showcall-file` protocol from the data folder, never from elsewhere.
 */
export function toggleTimerFullscreen(): Promise<null> {
  return invoke("toggle_timer_fullscreen");
}

// ---- rtmp.rs ----

/** The platform presets (YouTube, Facebook, Twitch, Vimeo, custom) with their encoder advice. */
export function rtmpPresets(): Promise<Preset[]> {
  return invoke("rtmp_presets");
}

/**
 * Stores a destination's stream key (`key: null` removes it). Errors name the field
 * `destination.streamKey` and never quote the key.
 */
export function setStreamKey(args: {
  eventId: string;
  destinationId: string;
  key: string | null;
}): Promise<EventView> {
  return invoke("set_stream_key", args);
}

/**
 * The user's "yes, use this key for the new server": a destination whose server moved since
 * its key was entered may publish the key there from now on.
 */
export function confirmKeyHost(args: {
  eventId: string;
  destinationId: string;
}): Promise<EventView> {
  return invoke("confirm_key_host", args);
}

/** The key in clear: the UI asks only when the user clicks Reveal or Copy. */
export function revealStreamKey(args: {
  eventId: string;
  destinationId: string;
}): Promise<string | null> {
  return invoke("reveal_stream_key", args);
}

/** A server URL that ends with a pasted key, split into (URL, key). */
export function splitServerUrl(args: { url: string }): Promise<[string, string] | null> {
  return invoke("split_server_url", args);
}

/**
 * Tests a destination's server (up to `connect`, or through `publish` of its key when the
 * user opts in) and records the result.
 */
export function testDestination(args: {
  eventId: string;
  destinationId: string;
  publish: boolean;
}): Promise<TestedView> {
  return invoke("test_destination", args);
}

// ---- settings.rs ----

export function getLang(): Promise<Lang> {
  return invoke("get_lang");
}

export function setLang(args: { lang: Lang }): Promise<Lang> {
  return invoke("set_lang", args);
}

export function appInfo(): Promise<AppInfo> {
  return invoke("app_info");
}

/**
 * What the analyst pastes into a support message, as plain text: the version, the OS, the
 * database and its schema version, the log folder and the errors last shown (no keys, no
 * tokens, no event content).
 */
export function diagnostics(): Promise<string> {
  return invoke("diagnostics");
}

/** Opens the app's log folder in the file manager (created first if need be). */
export function openLogFolder(): Promise<null> {
  return invoke("open_log_folder");
}

// ---- share.rs ----

export function shareStatus(): Promise<ShareStatus> {
  return invoke("share_status");
}

/**
 * Stores the settings and answers the server's status once it has followed them (at most a
 * few seconds: a server stopping closes its connections first).
 */
export function setShare(args: { settings: ShareSettings }): Promise<ShareStatus> {
  return invoke("set_share", args);
}

/**
 * Makes a link to a view of an event (`control`: it may also drive the show), with its
 * addresses and a QR code of the first. Its token is shown now only.
 */
export function makeShareLink(args: {
  eventId: string;
  view: ShareView;
  stageId: string | null;
  control: boolean;
}): Promise<SharedLink> {
  return invoke("make_share_link", args);
}

export function shareLinks(args: { eventId: string | null }): Promise<ShareLink[]> {
  return invoke("share_links", args);
}

/** Revokes a link by its id: the views open with it say so and stop. */
export function revokeShareLink(args: { id: string }): Promise<ShareLink> {
  return invoke("revoke_share_link", args);
}

export function revokeAllShareLinks(): Promise<number> {
  return invoke("revoke_all_share_links");
}

// ---- window.rs ----

/** Hides the main window; Showcall keeps running (and notifying) from the tray. */
export function hideMainWindow(): Promise<null> {
  return invoke("hide_main_window");
}

export function quitApp(): Promise<null> {
  return invoke("quit_app");
}

/**
 * The package the app was asked to open (on its command line, by a second launch or from the
 * file manager) and the window has not shown yet: the window takes it once.
 */
export function takeOpenRequest(): Promise<string | null> {
  return invoke("take_open_request");
}

/** The cue kinds whose notifications are muted ("do not disturb"). */
export function getDnd(): Promise<CueKind[]> {
  return invoke("get_dnd");
}

/** Replaces the muted cue kinds; returns them as stored. */
export function setDnd(args: { kinds: CueKind[] }): Promise<CueKind[]> {
  return invoke("set_dnd", args);
}

/** Whether notifications come with the chime. */
export function getSound(): Promise<boolean> {
  return invoke("get_sound");
}

/** Turns the chime on or off; answers the new setting. */
export function setSound(args: { on: boolean }): Promise<boolean> {
  return invoke("set_sound", args);
}

/** Writes the report as CSV and returns the path of the written file. */
export function exportReportCsv(args: { eventId: string }): Promise<string> {
  return invoke("export_report_csv", args);
}
