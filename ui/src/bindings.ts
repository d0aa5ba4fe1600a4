// Generated from the Rust types in crates/core by `UPDATE_BINDINGS=1 cargo test -p showcall-core --test bindings`.
// Do not edit by hand.

export type Lang = "en" | "fr-CA";

export type Event = { id: string, name: string, customer: string, 
/**
 * IANA zone the event runs in, e.g. `America/Toronto`.
 */
timeZone: string, 
/**
 * Locale of the event's audience and documents: `en` or `fr-CA`.
 */
locale: string, 
/**
 * Day the production support kit was bought; the kit's term runs from it.
 */
kitPurchaseDate: string | null, 
/**
 * Length of the kit's term in months (12 by default).
 */
kitTermMonths: number, 
/**
 * Purchased support hours, in minutes (9 h = 540 by default).
 */
supportBudgetMinutes: number, 
/**
 * Bumped by every edit of the event or anything in it.
 */
revision: number, };

export type Stage = { id: string, eventId: string, name: string, position: number, };

export type Session = { id: string, eventId: string, stageId: string, title: string, start: string, end: string, livestream: boolean, recording: boolean, vod: boolean, 
/**
 * Also restreamed to RTMP destinations (YouTube, a CDN…).
 */
restream: boolean, };

export type SegmentKind = "presentation" | "video_clip" | "slides" | "panel" | "q_and_a" | "transition" | "break" | "other";

export type Segment = { id: string, sessionId: string, 
/**
 * 0-based order inside the session.
 */
position: number, kind: SegmentKind, title: string, 
/**
 * Planned length in seconds.
 */
durationSecs: number, 
/**
 * Ids of the people presenting in this segment.
 */
presenterIds: Array<string>, notes: string, };

export type Role = "speaker" | "moderator" | "host" | "producer" | "customer_lead";

export type Person = { id: string, eventId: string, name: string, role: Role, email: string, 
/**
 * The person's own IANA zone, when it differs from the event's.
 */
timeZone: string | null, invitationSent: boolean, techCheckDone: boolean, 
/**
 * The speaker instructions were sent to them (screen sharing, camera, audio, timing).
 */
instructionsSent: boolean, };

export type Owner = "analyst" | "customer";

export type TaskKind = "production_calendar" | "event_program" | "speaker_invitations" | "branding_assets" | "chat_requirements" | "configure_branding" | "av_check" | "speaker_prep" | "go_live" | "end_stream" | "train_closing" | "download_recording" | "edit_recording" | "upload_vod";

export type TaskStatus = "todo" | "done" | "skipped";

export type Task = { id: string, eventId: string, 
/**
 * The session the task belongs to; `None` for event-wide tasks.
 */
sessionId: string | null, kind: TaskKind, owner: Owner, due: string, status: TaskStatus, 
/**
 * A link that goes with the task (the video-on-demand page of an uploaded recording).
 */
link: string, 
/**
 * Who did it.
 */
doneBy: string, 
/**
 * When it was marked done.
 */
doneAt: string | null, };

export type CueAnchor = "session_start" | "session_end" | "segment_start" | "segment_end";

export type CustomCue = { id: string, sessionId: string, 
/**
 * The segment it hangs on, for segment anchors.
 */
segmentId: string | null, anchor: CueAnchor, 
/**
 * Seconds after the anchor (negative: before).
 */
offsetSecs: number, kind: CueKind, 
/**
 * What to do, in the analyst's words.
 */
text: string, 
/**
 * Heads-up before the cue, in seconds (0: only at the time).
 */
leadSecs: number, };

export type CueSetting = { kind: CueKind, enabled: boolean, leadSecs: number, };

export type DestinationStatus = "requested" | "received";

export type DestinationTest = { at: string, ok: boolean, 
/**
 * Up to which stage, or why it failed (never the key).
 */
detail: string, 
/**
 * Whether the test went as far as publishing the key.
 */
published: boolean, };

export type Destination = { id: string, eventId: string, position: number, name: string, 
/**
 * A preset id from `assets/rtmp-presets.json` (`youtube`, `facebook`, … or `custom`).
 */
preset: string, 
/**
 * `rtmp://host[:port]/app` or `rtmps://…`.
 */
serverUrl: string, 
/**
 * Empty when there is none.
 */
backupUrl: string, 
/**
 * Sessions restreamed there.
 */
sessionIds: Array<string>, status: DestinationStatus, 
/**
 * Read from the key store, never written through an edit.
 */
hasKey: boolean, 
/**
 * The key's last four characters (for keys of 12 or more), to tell keys apart.
 */
keyHint: string, lastTest: DestinationTest | null, 
/**
 * The server the stored key was entered for, when the destination has moved to another
 * since (a publish test asks first). Read from the key store, never written by an edit.
 */
keyEnteredFor: string | null, };

export type EventData = { event: Event, 
/**
 * Ordered by position.
 */
stages: Array<Stage>, 
/**
 * Ordered by start, then title. (This list and the next three are shared between copies
 * of the event until one changes them.)
 */
sessions: Array<Session>, 
/**
 * Ordered by session, then position.
 */
segments: Array<Segment>, 
/**
 * Ordered by name.
 */
people: Array<Person>, 
/**
 * Ordered by due instant. Shared between copies of the event until one changes it.
 */
tasks: Array<Task>, 
/**
 * Cues added by hand. Ordered by session, anchor, offset.
 */
customCues: Array<CustomCue>, 
/**
 * Changes to the default cue template (kinds switched off, other heads-up times).
 */
cueSettings: Array<CueSetting>, 
/**
 * Where the event is restreamed. Ordered by position.
 */
destinations: Array<Destination>, 
/**
 * The branding checklist. Ordered by position.
 */
brandItems: Array<BrandItem>, 
/**
 * Palette, chat requirements, due-date lead time, speaker instructions.
 */
branding: Branding, };

export type EventSummary = { id: string, name: string, customer: string, timeZone: string, 
/**
 * First session start, if any.
 */
firstStart: string | null, sessionCount: number, 
/**
 * Branding items approved over required ones.
 */
readiness: Readiness, };

export type SupportWindow = { start: string, end: string, minutes: number, };

export type SegmentTimes = { segmentId: string, title: string, kind: SegmentKind, start: string, end: string, };

export type SessionTimes = { sessionId: string, title: string, stageId: string, stageName: string, start: string, end: string, 
/**
 * Lighting/video/audio check.
 */
avCheckAt: string, 
/**
 * Speaker preparation (T−15).
 */
prepAt: string, 
/**
 * Sum of the run of show's planned durations.
 */
runOfShowSecs: number, 
/**
 * How far the run of show runs past the session end (0 when it fits).
 */
overrunSecs: number, segments: Array<SegmentTimes>, };

export type Schedule = { eventId: string, timeZone: string, 
/**
 * `None` while the event has no session.
 */
supportWindow: SupportWindow | null, 
/**
 * Ordered by start, then stage position. Each is shared with the schedule of an earlier
 * copy of the event when its session, stage and run of show are the same
 * ([`compute_since`]).
 */
sessions: Array<SessionTimes>, };

export type Severity = "error" | "warning" | "info";

export type Subject = { 
/**
 * `event`, `session`, `segment` or `person`.
 */
kind: string, id: string, name: string, };

export type Finding = { 
/**
 * Stable snake_case code, e.g. `closing_training_needed`.
 */
code: string, severity: Severity, subject: Subject, message: string, 
/**
 * The finding told to the customer's event lead, when it is one they can act on (their
 * schedule's hints); absent otherwise (and then left out of the JSON).
 */
customer?: CustomerHint, };

export type CustomerHint = { message: string, 
/**
 * How it is shown to the customer: conflicts to fix (overlaps) are warnings, what to know or
 * plan for (tight changeovers, a session without speaker) is info.
 */
severity: Severity, 
/**
 * The sessions it is about, earliest first: it is shown next to each, and under the
 * schedule's hints in the order of the first one's start.
 */
sessionIds: Array<string>, };

export type EventView = { 
/**
 * Shared with the store's copy of the event (and the window's last view): an edit
 * of a large event copies it once, not three times.
 */
data: EventData, schedule: Schedule, 
/**
 * Each shared with the view of an earlier copy of the event when its rule's inputs are
 * the same (see [`rules::Memo`]).
 */
findings: Array<Finding>, canUndo: boolean, canRedo: boolean, 
/**
 * What the actor using this copy may do (the UI shows only that).
 */
may: Permissions, 
/**
 * The branding checklist as the actor sees it.
 */
brand: BrandView, 
/**
 * The tasks were left out (`data.tasks` is empty): the app's window reads them apart, when
 * a screen that shows them opens ([`EventView::without_tasks`]).
 */
tasksOmitted: boolean, };

export type BrandView = { readiness: Readiness, 
/**
 * Readiness in whole percent, rounded down; 100 when nothing is required.
 */
readinessPercent: number, 
/**
 * One per item, in the checklist's order.
 */
actions: Array<ItemActions>, contrast: PaletteContrast, };

export type ItemActions = { id: string, attach: boolean, approve: boolean, 
/**
 * Approving needs a kept file first (the button says so).
 */
approveNeedsFile: boolean, reject: boolean, 
/**
 * Ask for the item again.
 */
reopen: boolean, 
/**
 * Take a file back off the item.
 */
removeFiles: boolean, };

export type PaletteContrast = { textOnBackground: number | null, textOnPrimary: number | null, 
/**
 * WCAG AA for body text (4.5:1).
 */
aa: number, };

export type Permissions = { 
/**
 * Add, edit and remove checklist items.
 */
shapeChecklist: boolean, 
/**
 * Approve, reject or ask again for an item.
 */
decideItems: boolean, 
/**
 * Change the checklist's lead time.
 */
leadTime: boolean, 
/**
 * Save and delete checklist presets.
 */
presets: boolean, 
/**
 * Remove a file from an approved item.
 */
removeApprovedFiles: boolean, 
/**
 * Cues, cue settings, tasks, destinations, the support kit, the live controls.
 */
production: boolean, };

export type EditResult = { view: EventView | null, changes: ViewChanges | null, created: string | null, };

export type Progress = { 
/**
 * Done so far in this stage; never goes back within a stage.
 */
done: number, 
/**
 * The whole of this stage, when known.
 */
total: number | null, unit: Unit, 
/**
 * What the job is doing: `read`, `hash`, `copy`, `rows`, `render`, `write`…
 */
stage: string, };

export type Unit = "bytes" | "rows" | "files" | "steps";

export type ViewChanges = { eventId: string, 
/**
 * The revision the changes apply to (the window must show it); `event` has the new one.
 */
fromRevision: number, event: Event, stages: Array<Splice<Stage>>, sessions: Array<Splice<Session>>, segments: Array<Splice<Segment>>, people: Array<Splice<Person>>, tasks: Array<Splice<Task>>, customCues: Array<Splice<CustomCue>>, cueSettings: Array<Splice<CueSetting>>, destinations: Array<Splice<Destination>>, brandItems: Array<Splice<BrandItem>>, 
/**
 * Present when it changed.
 */
branding?: Branding, supportWindow: SupportWindow | null, schedule: Array<Splice<SessionTimes>>, findings: Array<Splice<Finding>>, canUndo: boolean, canRedo: boolean, may: Permissions, brand: BrandView, };

export type Splice<T> = { at: number, remove: number, insert: Array<T>, };

export type TestedView = { view: EventView, result: ConnectionTest, };

export type AppInfo = { version: string, dbPath: string, lang: Lang, 
/**
 * The folder holding the database, its backups and attached files.
 */
dataFolder: string, 
/**
 * The operating system, as /etc/os-release names it.
 */
os: string | null, 
/**
 * The WebKitGTK the window runs on (once the app has found it).
 */
webkit: string | null, 
/**
 * Everything shipped with the app, with its licence.
 */
components: Array<Component>, };

export type Component = { kind: ComponentKind, name: string, version: string | null, 
/**
 * An SPDX expression (or where the licence text is).
 */
licence: string, 
/**
 * Where its source is published, when known.
 */
source: string | null, };

export type ComponentKind = "crate" | "npm" | "font";

export type EventFields = { name: string, customer: string, timeZone: string, locale: string, 
/**
 * `YYYY-MM-DD`, or empty when unknown.
 */
kitPurchaseDate: string, kitTermMonths: number, supportBudgetMinutes: number, };

export type SessionFields = { stageId: string, title: string, start: string, end: string, livestream: boolean, recording: boolean, vod: boolean, 
/**
 * Also restreamed to RTMP destinations.
 */
restream: boolean, };

export type SegmentFields = { kind: SegmentKind, title: string, durationSecs: number, presenterIds: Array<string>, notes: string, };

export type PersonFields = { name: string, role: Role, email: string, 
/**
 * Empty when the same as the event's.
 */
timeZone: string, invitationSent: boolean, techCheckDone: boolean, instructionsSent: boolean, };

export type CustomCueFields = { sessionId: string, segmentId: string | null, anchor: CueAnchor, offsetSecs: number, kind: CueKind, text: string, leadSecs: number, };

export type DestinationFields = { name: string, preset: string, serverUrl: string, backupUrl: string, sessionIds: Array<string>, status: DestinationStatus, };

export type Preset = { id: string, name: string, serverUrl: string, backupUrl: string, 
/**
 * Encoder advice in each language (`en`, `fr-CA`).
 */
advice: { [key in string]: string }, 
/**
 * Where the details come from.
 */
source: string, };

export type ConnectionTest = { ok: boolean, stages: Array<TestStage>, };

export type TestStage = { stage: string, ok: boolean, ms: number, detail: string, };

export type Edit = { "type": "updateEvent", fields: EventFields, } | { "type": "addStage", name: string, } | { "type": "renameStage", id: string, name: string, } | { "type": "deleteStage", id: string, } | { "type": "addSession", fields: SessionFields, } | { "type": "updateSession", id: string, fields: SessionFields, } | { "type": "deleteSession", id: string, } | { "type": "addSegment", sessionId: string, position: number | null, fields: SegmentFields, } | { "type": "updateSegment", id: string, fields: SegmentFields, } | { "type": "moveSegment", id: string, to: number, } | { "type": "deleteSegment", id: string, } | { "type": "addPerson", fields: PersonFields, } | { "type": "updatePerson", id: string, fields: PersonFields, } | { "type": "deletePerson", id: string, } | { "type": "setTaskStatus", id: string, status: TaskStatus, } | { "type": "addCustomCue", fields: CustomCueFields, } | { "type": "updateCustomCue", id: string, fields: CustomCueFields, } | { "type": "deleteCustomCue", id: string, } | { "type": "setCueSetting", kind: CueKind, enabled: boolean, leadSecs: number, } | { "type": "addDestination", fields: DestinationFields, } | { "type": "updateDestination", id: string, fields: DestinationFields, } | { "type": "deleteDestination", id: string, } | { "type": "addBrandItems", items: Array<PresetItem>, } | { "type": "updateBrandItem", id: string, fields: BrandItemFields, } | { "type": "deleteBrandItem", id: string, } | { "type": "setBrandStatus", id: string, status: AssetStatus, reason: string, by: string, at: string, } | { "type": "attachBrandFile", id: string, file: AssetFile, lang: Lang, } | { "type": "removeBrandFile", id: string, sha256: string, by: string, at: string, } | { "type": "updateBranding", fields: Branding, by?: string, at?: string, } | { "type": "updateTask", id: string, status: TaskStatus, link: string, doneBy: string, doneAt: string | null, };

export type BrandItemFields = { title: string, owner: Owner, required: boolean, 
/**
 * `YYYY-MM-DD`, or empty to follow the event (the default lead time).
 */
due: string, notes: string, spec: AssetSpec, };

export type AssetSpec = { 
/**
 * Accepted types: `png`, `jpeg`, `svg`, `mp4`, `mov`.
 */
types: Array<string>, width: number | null, height: number | null, minWidth: number | null, minHeight: number | null, minLongSide: number | null, 
/**
 * Longest side over shortest side, at most.
 */
maxAspect: number | null, landscape: boolean, maxBytes: number | null, 
/**
 * A PNG must carry an alpha channel (or a transparent colour).
 */
transparency: boolean, 
/**
 * Video clips: accepted video codecs as ffprobe names them (`h264`).
 */
videoCodecs: Array<string>, 
/**
 * Video clips: accepted audio codecs (`aac`); a clip without sound passes.
 */
audioCodecs: Array<string>, 
/**
 * Video clips: frames per second, at most.
 */
maxFps: number | null, };

export type AssetCheck = { 
/**
 * `readable`, `type`, `complete`, `bytes`, `dimensions`, `aspect`, `transparency`,
 * `probe`, `videoCodec`, `audioCodec`, `frameRate`, `duration`.
 */
check: string, ok: boolean, expected: string, found: string, 
/**
 * Not run (no probe installed): neither passed nor failed.
 */
skipped: boolean, };

export type AssetReport = { kind: string, fileType: string | null, bytes: number, width: number | null, height: number | null, 
/**
 * Video clips: length in milliseconds, when probed.
 */
durationMs: number | null, checks: Array<AssetCheck>, };

export type AssetKind = "logo" | "banner" | "background" | "overlay" | "video" | "colours" | "chat" | "other";

export type AssetStatus = "requested" | "received" | "approved" | "rejected";

export type AssetFile = { 
/**
 * The content's SHA-256 (for a file over the most Showcall keeps, never kept, that of its
 * first 64 KiB and its length).
 */
sha256: string, 
/**
 * The original file's name (never its folder).
 */
name: string, bytes: number, addedAt: string, addedBy: string, 
/**
 * The spec checks run when it was attached.
 */
report: AssetReport, 
/**
 * Whether a copy is kept (a file of the wrong type or far too big is only reported).
 */
stored: boolean, 
/**
 * A still picture of a video clip was made (ffmpeg), kept as `thumbs/<sha256>.jpg`.
 */
thumbnail: boolean, };

export type StatusChange = { at: string, by: string, from: AssetStatus, to: AssetStatus, reason: string, };

export type BrandItem = { id: string, eventId: string, position: number, kind: AssetKind, title: string, owner: Owner, 
/**
 * Counts towards readiness.
 */
required: boolean, 
/**
 * The due date; kept in step with the event unless `due_custom`.
 */
due: string | null, dueCustom: boolean, spec: AssetSpec, status: AssetStatus, 
/**
 * Why it was rejected (empty otherwise).
 */
reason: string, notes: string, files: Array<AssetFile>, history: Array<StatusChange>, };

export type Palette = { primary: string, secondary: string, text: string, background: string, };

export type ChatAudience = "everyone" | "attendees" | "speakers_only" | "nobody";

export type ChatRequirements = { moderated: boolean, whoMayChat: ChatAudience, 
/**
 * Pinned messages, one per entry.
 */
pinned: Array<string>, 
/**
 * Languages the chat is run in (BCP 47 tags or names).
 */
languages: Array<string>, notes: string, };

export type Branding = { palette: Palette, chat: ChatRequirements, 
/**
 * Items are due this many days before the first session.
 */
dueDaysBefore: number, 
/**
 * The speaker instructions the customer sends with invitations.
 */
speakerInstructions: string, };

export type PresetItem = { kind: AssetKind, title: string, owner: Owner, required: boolean, spec: AssetSpec, };

export type BrandPreset = { name: string, builtIn: boolean, items: Array<PresetItem>, };

export type Readiness = { approved: number, required: number, };

export type ErrorPayload = { code: string, message: string, 
/**
 * The input field at fault, for `invalid_input`.
 */
field: string | null, };

export type Pick = "ours" | "theirs";

export type Change = "added" | "changed" | "removed";

export type FieldDiff = { field: string, ours: string | null, theirs: string | null, };

export type MergeItem = { 
/**
 * `kind:id`, what a per-item pick names.
 */
key: string, 
/**
 * `event`, `stage`, `session`, `segment`, `person`, `task`, `cue`, `cueSetting`,
 * `destination`.
 */
kind: string, label: string, 
/**
 * What this side did (`None`: unchanged here).
 */
ours: Change | null, 
/**
 * What the package did (`None`: unchanged there).
 */
theirs: Change | null, 
/**
 * Both sides changed it differently: the user must pick.
 */
conflict: boolean, 
/**
 * The pick applied unless the user says otherwise (`None` for conflicts).
 */
default: Pick | null, fields: Array<FieldDiff>, };

export type MergePreview = { eventId: string, eventName: string, 
/**
 * Whether a version both sides last exchanged was found (a three-way merge).
 */
hasBase: boolean, items: Array<MergeItem>, };

export type Resolution = { 
/**
 * Applied to every conflict without a pick of its own (`--ours` / `--theirs`).
 */
conflicts: Pick | null, 
/**
 * Per item, by key; overrides defaults too.
 */
picks: Record<string, Pick>, };

export type MadeBy = "analyst" | "customer";

export type ImportPlan = { eventId: string, eventName: string, madeBy: MadeBy, createdAt: string, streamKeysIncluded: boolean, sessions: number, people: number, files: number, action: ImportAction, };

export type ImportAction = { "kind": "new" } | { "kind": "unchanged" } | { "kind": "merge", preview: MergePreview, };

export type Imported = { eventId: string, created: boolean, 
/**
 * The copy of the database taken just before (none for an in-memory store).
 */
backup: string | null, 
/**
 * Items one side removed that were kept because something kept uses them.
 */
restored: Array<string>, streamKeysSet: number, 
/**
 * Destinations whose stream key here differs from the package's: this one was kept.
 */
streamKeysKept: Array<string>, filesAdded: number, };

export type Exported = { path: string, files: number, bytes: number, streamKeys: number, };

export type CueKind = "av_check" | "speaker_prep" | "go_live" | "attendee_view_check" | "presenter_on" | "presenter_off" | "transition" | "play_clip" | "share_deck" | "time_check" | "end_stream" | "recording_download" | "overlay_on" | "overlay_off" | "background_change" | "captions_on" | "captions_off" | "custom";

export type CueState = "pending" | "notified" | "done" | "skipped" | "missed";

export type Cue = { 
/**
 * Stable identity across recomputations: what the cue is attached to.
 */
key: string, kind: CueKind, sessionId: string, segmentId: string | null, stageId: string, 
/**
 * Session title.
 */
session: string, stage: string, 
/**
 * What the cue is about: a segment title, presenters, "5 min" for a time check.
 */
detail: string, planned: string, expected: string, 
/**
 * The heads-up notification goes out this long before `expected` (plus one at the time).
 */
leadSecs: number, state: CueState, };

export type Delay = { id: string, eventId: string, stageId: string, 
/**
 * Only this session's cues when set; otherwise every later cue of the stage.
 */
sessionId: string | null, minutes: number, from: string, };

export type Actual = { sessionId: string, start: string | null, end: string | null, };

export type LiveSegment = { segmentId: string, sessionId: string, title: string, kind: SegmentKind, presenters: string, start: string, end: string, 
/**
 * Seconds until its expected end (negative: overtime).
 */
remainingSecs: number, };

export type LiveSession = { sessionId: string, title: string, start: string, end: string, 
/**
 * Seconds until its expected end (negative: overtime), at the snapshot's `now`: the window
 * counts down to `end` itself.
 */
endsInSecs: number, actualStart: string | null, actualEnd: string | null, };

export type LiveStage = { stageId: string, name: string, 
/**
 * The session in progress, or the next one when none is.
 */
session: LiveSession | null, 
/**
 * Whether `session` is in progress (false: it is the next one).
 */
onAir: boolean, current: LiveSegment | null, next: LiveSegment | null, 
/**
 * How late the stage runs now (sum of its stage-wide delays).
 */
lateMinutes: number, };

export type SupportClock = { open: boolean, start: string, end: string, usedMinutes: number, budgetMinutes: number, };

export type LiveSnapshot = { eventId: string, timeZone: string, now: string, 
/**
 * Running on the rehearsal clock (notifications tagged, real cues untouched).
 */
rehearsal: boolean, 
/**
 * The rehearsal clock's speed (simulated seconds per second), when rehearsing.
 */
rehearsalSpeed: number | null, stages: Array<LiveStage>, 
/**
 * The next cue still to act on (pending or notified), if any.
 */
nextCue: Cue | null, nextCueInSecs: number | null, 
/**
 * The instant the next cue's countdown counts to (its expected time).
 */
nextCueAt: string | null, 
/**
 * The whole cue timeline — left empty when `cues_unchanged` (see [`LiveSnapshot::since`]).
 */
cues: Array<Cue>, 
/**
 * Names this version of `cues`: a poll that already has it gets the rest only.
 */
cuesTag: string, 
/**
 * `cues` was left out because the caller has this `cues_tag` already.
 */
cuesUnchanged: boolean, support: SupportClock | null, 
/**
 * The next instant, on this snapshot's clock (simulated in a rehearsal), at which the
 * snapshot would change other than by its countdowns and clocks running: a session's or a
 * segment's start or end, the next cue leaving the list's head, a delay taking effect, the
 * support window opening or closing — and, in a rehearsal, the next cue the simulated
 * scheduler sends (it tells no one). `None`: nothing changes any more by itself. Changes
 * written to the database (delays, actual times, cue states, the plan) are pushed instead.
 */
validUntil: string | null, 
/**
 * `valid_until` on the wall clock (the same instant outside a rehearsal; converted with
 * the rehearsal's speed in one).
 */
validUntilWall: string | null, };

export type SpeakerTimer = { now: string, timeZone: string, rehearsal: boolean, 
/**
 * The rehearsal clock's speed (simulated seconds per second), when rehearsing.
 */
rehearsalSpeed: number | null, stageName: string, segmentTitle: string, presenters: string, 
/**
 * Seconds left in the current segment (negative: overtime); `None` when nothing is on.
 */
remainingSecs: number | null, 
/**
 * The instant `remaining_secs` counts to (the current segment's expected end).
 */
endsAt: string | null, 
/**
 * Between sessions: the title of the stage's next session (empty when none is to come or
 * a segment is on).
 */
nextTitle: string, 
/**
 * Between sessions: when the next session is expected to start.
 */
nextStartsAt: string | null, 
/**
 * Seconds until `next_starts_at`, at `now`.
 */
nextStartsInSecs: number | null, 
/**
 * Amber from this many seconds left.
 */
amberAtSecs: number, 
/**
 * Red from this many seconds left (and in overtime).
 */
redAtSecs: number, 
/**
 * The line the analyst sent ("wrap up", "5 min"), empty for none.
 */
message: string, 
/**
 * The analyst blacked the timer out: show nothing at all.
 */
blackout: boolean, 
/**
 * The live snapshot's `valid_until`: ask again then (on the timer's clock).
 */
validUntil: string | null, 
/**
 * The same on the wall clock.
 */
validUntilWall: string | null, };

export type ShareView = "speaker-timer" | "stage" | "run-of-show" | "closer" | "clock";

export type ShareLink = { 
/**
 * Names the link in lists and for revoking (not a secret).
 */
id: string, eventId: string, view: ShareView, stageId: string | null, personId: string | null, 
/**
 * May call the control API (mark cues, delays, messages), besides reading.
 */
control: boolean, created: string, revoked: string | null, };

export type Feedback = { eventId: string, to: string, };

export type ShareSettings = { on: boolean, 
/**
 * The address to listen on: loopback, one of the machine's addresses, or all
 * (`0.0.0.0` / `::`).
 */
bind: string, port: number, 
/**
 * The UDP port for OSC control, when wanted.
 */
oscPort: number | null, 
/**
 * Where the state of an event's next cue is sent, for a control surface's buttons (one
 * target per event).
 */
feedback: Array<Feedback>, };

export type ShareStatus = { settings: ShareSettings, 
/**
 * Listening now.
 */
running: boolean, 
/**
 * The addresses a link can use (this machine's, when listening on every interface).
 */
addresses: Array<string>, 
/**
 * Open views right now.
 */
viewers: number, 
/**
 * Why it is not running although switched on (the port is taken, …).
 */
error: string | null, };

export type SharedLink = { link: ShareLink, token: string, urls: Array<string>, qrSvg: string, };

export type ReportRow = { 
/**
 * `session` or `segment`.
 */
level: string, stage: string, session: string, 
/**
 * Empty on a session line.
 */
segment: string, plannedStart: string, plannedEnd: string, 
/**
 * Recorded (session) or last expected (segment) start.
 */
actualStart: string, actualEnd: string, 
/**
 * Whether the session line's times were recorded (false: taken from the plan and delays).
 */
recorded: boolean, 
/**
 * Actual minus planned length, in seconds (positive: ran long).
 */
overrunSecs: number, cuesDone: number, cuesSkipped: number, cuesMissed: number, cuesOpen: number, };

export type Report = { eventId: string, timeZone: string, rows: Array<ReportRow>, plannedSupportMinutes: number, actualSupportMinutes: number, budgetMinutes: number, };

export type BackupKind = "migration" | "before_import" | "manual" | "daily" | "before_restore";

export type Backup = { 
/**
 * Its file name: what the window gives back to restore it (never a path).
 */
id: string, kind: BackupKind, 
/**
 * When it was made: from its name, or for a migration's copy the file's modification time.
 */
at: string, bytes: number, 
/**
 * The schema version it holds (0 when it cannot be read).
 */
schemaVersion: number, 
/**
 * The names of the events it holds, in alphabetical order.
 */
events: Array<string>, 
/**
 * Why it cannot be restored (not a Showcall database, made by a newer Showcall), in the
 * language asked for; `None` when it can.
 */
problem: string | null, };

export type Restored = { 
/**
 * The backup put back.
 */
from: Backup, 
/**
 * The copy of the data it replaced, taken just before.
 */
saved: Backup, };
