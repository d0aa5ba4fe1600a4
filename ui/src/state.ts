// Application state: the events list, the open event's view and UI selections.
import { batch, createEffect, createSignal } from "solid-js";
import { createStore, produce, reconcile, unwrap } from "solid-js/store";
import type { ConnectionTest, Edit, EditResult, ErrorPayload, EventSummary, EventView, Lang } from "./bindings";
import * as ipc from "./ipc";
import { applyViewChanges, type ListChanges, type ListName } from "./viewChanges";
import { createViewLog } from "./viewLog";
import { markRaw } from "./raw";
import { isLang, lang, setUiLang, t } from "./i18n";
import { localDateKey } from "./time";

export type Tab =
  | "calendar"
  | "people"
  | "tasks"
  | "settings"
  | "live"
  | "report"
  | "destinations"
  | "handoff"
  | "branding"
  | "schedule"
  | "speakers";

/** Who is using Showcall: the production analyst, or the customer's event lead. */
export type Mode = "analyst" | "customer";

/** The analyst's tabs, in Alt+1 … Alt+9 order. */
export const ANALYST_TABS: Tab[] = [
  "calendar",
  "people",
  "tasks",
  "settings",
  "live",
  "report",
  "destinations",
  "handoff",
  "branding",
];
/** The customer lead's forms: no cues, no stream keys, no live mode. */
export const CUSTOMER_TABS: Tab[] = ["schedule", "speakers", "branding", "handoff"];

const [mode, setModeSignal] = createSignal<Mode>("analyst");
/** False until someone says who uses this copy (asked once on the events list). */
const [modeChosen, setModeChosen] = createSignal(true);
export { mode, modeChosen };

/** "Decide later": stop asking for this run. */
export const postponeModeChoice = () => setModeChosen(true);
/** The tabs of the current mode, in Alt+N order. */
export const tabs = (): Tab[] => (mode() === "customer" ? CUSTOMER_TABS : ANALYST_TABS);

/** Switches between analyst and customer-lead mode (remembered in the database). */
export async function setMode(m: Mode): Promise<void> {
  try {
    setModeSignal(await ipc.setMode({ mode: m }));
    setModeChosen(true);
    if (!tabs().includes(tab())) setTab(tabs()[0]);
    // What the open event offers follows who uses the copy.
    const open = view()?.data.event.id;
    if (open) {
      const next = await ipc.loadEvent({ id: open });
      if (view()?.data.event.id === open) setView(next);
    }
  } catch (e) {
    fail(e);
  }
}

// ---- errors ---------------------------------------------------------------
const [error, setError] = createSignal<ErrorPayload | null>(null);
export { error, setError };

function fail(e: unknown): ErrorPayload {
  const p = ipc.toErrorPayload(e);
  setError(p);
  return p;
}

// ---- events list ------------------------------------------------------------
const [events, setEvents] = createSignal<EventSummary[] | null>(null);
export { events };

// ---- open event -------------------------------------------------------------
const [store, setStore] = createStore<{ view: EventView | null }>({ view: null });
/** The open event, kept as a store so unchanged rows keep their identity (and focus). */
export const view = () => store.view;

/** The writes into the open view, list by list: every one goes through `writeView`. */
export const viewLog = createViewLog();

/** Writes into the store and records the write (in one batch: readers run once, after both).
 * `write` answers the rows it changed list by list; nothing, when it wrote the view whole. */
function writeView(write: () => ListChanges | void): void {
  batch(() => {
    const lists = write();
    viewLog.record(lists ?? null);
  });
}

/**
 * The open event as plain objects (no store proxies), for a reader that walks a whole list and
 * answers plain values (the days, a day's hour range): no store read per row (at 2,000 sessions
 * those reads cost more than the work). Such a reader runs again after every write into the
 * `lists` it names (into anything, with none named), so it must read only those lists from here
 * (any other field through `view()`), and stop there by comparing its answer; never hand its rows
 * to components (they would not follow an edit).
 */
export function viewRaw(...lists: ListName[]): EventView | null {
  if (lists.length) for (const l of lists) viewLog.wrote(l);
  else viewLog.wrote();
  return unwrap(store.view);
}

function setView(v: EventView | null): void {
  writeView(() => {
    if (v === null) setStore("view", null);
    else if (!store.view || store.view.data.event.id !== v.data.event.id) setStore("view", markRaw(v));
    else {
      // The findings are replaced, never merged in place (they have no key: `reconcile` would
      // merge them by position): the window reads them as plain objects (indexes.ts).
      setStore("view", "findings", markRaw(v.findings));
      setStore("view", reconcile(markRaw(v), { key: "id" }));
    }
  });
}

/** The key (`id@revision`) of the tasks being read, so one view asks once. */
let tasksAsked: string | null = null;

/**
 * For a screen that shows the open event's tasks. Views come without them (`tasksOmitted`: at
 * 2,000 sessions they are nearly half the view's JSON, and the calendar shows none): they are read
 * for the view shown, and again after a whole new view. An answer for a revision the window no
 * longer shows is dropped; this runs again at the next revision.
 */
export function useTasks(): void {
  createEffect(() => {
    const v = view();
    if (v?.tasksOmitted) void readTasks(v.data.event.id, v.data.event.revision);
  });
}

async function readTasks(eventId: string, revision: number): Promise<void> {
  const key = `${eventId}@${revision}`;
  if (tasksAsked === key) return;
  tasksAsked = key;
  const tasks = await ipc.eventTasks({ eventId, revision }).catch(() => null);
  if (tasksAsked === key) tasksAsked = null;
  const v = store.view;
  if (!tasks || !v?.tasksOmitted || v.data.event.id !== eventId || v.data.event.revision !== revision) return;
  writeView(() =>
    setStore(
      "view",
      produce((w) => {
        if (!w) return;
        w.data.tasks = markRaw(tasks);
        w.tasksOmitted = false;
      }),
    ),
  );
}

const [tab, setTab] = createSignal<Tab>("calendar");
const [selectedSessionId, setSelectedSessionId] = createSignal<string | null>(null);
const [selectedDay, setSelectedDay] = createSignal<string | null>(null);
/** A row to flash after a jump from the findings panel. */
const [highlight, setHighlight] = createSignal<{ kind: string; id: string; n: number } | null>(null);
const [helpOpen, setHelpOpen] = createSignal(false);
/** With no event open: the Handoff page (importing a package) instead of the events list. */
const [handoffPage, setHandoffPage] = createSignal(false);
export {
  handoffPage,
  tab,
  setTab,
  selectedSessionId,
  setSelectedSessionId,
  selectedDay,
  setSelectedDay,
  highlight,
  helpOpen,
  setHelpOpen,
};

// ---- clock preference -------------------------------------------------------
const CLOCK_KEY = "showcall.clock";
function readClock(): "12" | "24" | null {
  try {
    const v = globalThis.localStorage?.getItem(CLOCK_KEY);
    return v === "12" || v === "24" ? v : null;
  } catch {
    return null;
  }
}
const [clockPref, setClockPref] = createSignal<"12" | "24" | null>(readClock());
/** 12-hour clock? Defaults to 12 h in English and 24 h in French until the user picks. */
export function hour12(): boolean {
  const p = clockPref();
  return p ? p === "12" : lang() === "en";
}
export function setHour12(on: boolean): void {
  const v = on ? "12" : "24";
  setClockPref(v);
  try {
    globalThis.localStorage?.setItem(CLOCK_KEY, v);
  } catch {
    // storage unavailable: keep the choice for this run only
  }
}

// ---- actions -----------------------------------------------------------------
export async function init(): Promise<void> {
  try {
    const l = await ipc.getLang();
    if (isLang(l)) setUiLang(l);
    setModeSignal(await ipc.getMode());
    setModeChosen(await ipc.modeChosen());
  } catch (e) {
    fail(e);
  }
  await refreshEvents();
}

export async function refreshEvents(): Promise<void> {
  try {
    setEvents(await ipc.listEvents());
    // When the window first had something to show, for the scale bench's launch figure.
    if (performance.getEntriesByName("events:listed").length === 0) performance.mark("events:listed");
  } catch (e) {
    fail(e);
    if (events() === null) setEvents([]);
  }
}

async function listAction(run: () => Promise<EventSummary[]>): Promise<boolean> {
  try {
    setError(null);
    setEvents(await run());
    return true;
  } catch (e) {
    fail(e);
    return false;
  }
}

export const duplicateEvent = (id: string) => listAction(() => ipc.duplicateEvent({ id }));
export const deleteEvent = (id: string) => listAction(() => ipc.deleteEvent({ id }));
export const loadDemo = () => listAction(() => ipc.loadDemo());

function showEvent(v: EventView): void {
  batch(() => {
    setHandoffPage(false);
    setView(v);
    setTab(tabs()[0]);
    setSelectedSessionId(null);
    const first = v.data.sessions[0];
    setSelectedDay(first ? localDateKey(first.start, v.data.event.timeZone) : null);
  });
}

export async function openEvent(id: string): Promise<boolean> {
  try {
    setError(null);
    // Where an open's time goes, for the scale bench (marks cost next to nothing).
    performance.mark("open:send");
    const v = await ipc.loadEvent({ id });
    performance.mark("open:answer");
    showEvent(v);
    performance.mark("open:shown");
    return true;
  } catch (e) {
    fail(e);
    return false;
  }
}

export async function createEvent(args: {
  name: string;
  timeZone: string;
  locale: string;
}): Promise<ErrorPayload | null> {
  try {
    setError(null);
    const v = await ipc.createEvent({ ...args, stageName: t("events.defaultStage") });
    showEvent(v);
    void refreshEvents();
    return null;
  } catch (e) {
    return fail(e);
  }
}

export function closeEvent(): void {
  batch(() => {
    setHandoffPage(false);
    setView(null);
    setSelectedSessionId(null);
    setHighlight(null);
  });
  void refreshEvents();
}

export type EditOutcome = { ok: true; created: string | null } | { ok: false; error: ErrorPayload };

/** The edits sent so far, one after the other: each names the revision it was made on, so the
 * next waits for the answer to the one before (else it would name an old revision). */
let editQueue: Promise<unknown> = Promise.resolve();

/** Applies one edit to the open event and shows the returned view. The window sends the revision
 * it shows: when the event changed elsewhere meanwhile (the CLI, an import), the edit is refused
 * with a `conflict` instead of overwriting that change. */
export function applyEdit(edit: Edit): Promise<EditOutcome> {
  return queued(() => sendEdit(edit));
}

/** Runs `work` once everything already queued has settled (whatever its outcome); what is queued later waits for it. */
function queued<T>(work: () => Promise<T>): Promise<T> {
  const next = editQueue.then(work);
  editQueue = next.catch(() => undefined);
  return next;
}

async function sendEdit(edit: Edit): Promise<EditOutcome> {
  const v = view();
  if (!v) return { ok: false, error: { code: "no_event", message: "", field: null } };
  try {
    // Where an edit's time goes, for the scale bench (performance marks cost next to nothing).
    performance.mark("edit:send");
    const r = await ipc.editEvent({ eventId: v.data.event.id, edit, revision: v.data.event.revision });
    performance.mark("edit:answer");
    setError(null);
    await showAnswer(v.data.event.id, r);
    performance.mark("edit:applied");
    return { ok: true, created: r.created };
  } catch (e) {
    const error = fail(e);
    // Changed elsewhere: show it as it now stands (the refusal stays on screen), so the user
    // can make the edit again on what is there.
    if (error.code === "conflict") {
      const id = v.data.event.id;
      const now = await ipc.loadEvent({ id }).catch(() => null);
      if (now && view()?.data.event.id === id) setView(now);
    }
    return { ok: false, error };
  }
}

/** Shows an edit's answer: what changed, applied to the view shown (or the whole view when the
 * core sent it); when the two do not line up, the event is read again. Ignored when another
 * event was opened meanwhile. */
async function showAnswer(eventId: string, r: EditResult): Promise<void> {
  const shown = store.view;
  if (shown?.data.event.id !== eventId) return;
  if (r.view) {
    setView(r.view);
    return;
  }
  if (r.changes && shown.data.event.revision === r.changes.fromRevision) {
    const ch = r.changes;
    // Spliced into the store (see `spliceList`): a changed row is merged into the row it replaces,
    // a list whose rows come or go is written once. Never through `reconcile`: it merges by
    // position in place, and the new lists share their unchanged rows with the old ones.
    writeView(() => {
      let lists: ListChanges = {};
      setStore(
        "view",
        produce((v) => {
          if (v) lists = applyViewChanges(v, ch);
        }),
      );
      return lists;
    });
    return;
  }
  const again = await ipc.loadEvent({ id: eventId }).catch(() => null);
  if (again && view()?.data.event.id === eventId) setView(again);
}

/** Another connection (the CLI, a job, another app) wrote event `eventId`, now at `revision`:
 * the open view catches up with what changed (after the edits on their way), and the events
 * list is read again. */
export function catchUp(eventId: string, revision: number): Promise<void> {
  return queued(async () => {
    const v = view();
    if (!v) {
      await refreshEvents();
      return;
    }
    if (v.data.event.id !== eventId || v.data.event.revision === revision) return;
    try {
      const r = await ipc.eventChanges({ eventId, revision: v.data.event.revision });
      await showAnswer(eventId, r);
    } catch (e) {
      fail(e);
    }
  });
}

/** Shows the answer of a command that edited the open event outside `applyEdit` (attaching a
 * branding file). */
export function showEdited(eventId: string, r: EditResult): void {
  setError(null);
  void showAnswer(eventId, r);
}

/** Undo or redo: queued behind the edits on their way, answered like an edit (what changed). */
function history(run: (eventId: string) => Promise<EditResult>): Promise<void> {
  return queued(async () => {
    const v = view();
    if (!v) return;
    const id = v.data.event.id;
    try {
      const r = await run(id);
      setError(null);
      await showAnswer(id, r);
      const sel = selectedSessionId();
      if (sel && !view()?.data.sessions.some((s) => s.id === sel)) setSelectedSessionId(null);
    } catch (e) {
      fail(e);
    }
  });
}

export const undo = () => (view()?.canUndo ? history((eventId) => ipc.undo({ eventId })) : Promise.resolve());
export const redo = () => (view()?.canRedo ? history((eventId) => ipc.redo({ eventId })) : Promise.resolve());

export async function changeLang(l: Lang): Promise<void> {
  try {
    const got = await ipc.setLang({ lang: l });
    setUiLang(isLang(got) ? got : l);
    // Messages already shown were written in the old language: drop them.
    setError(null);
  } catch (e) {
    fail(e);
    return;
  }
  const v = view();
  if (v) {
    try {
      setView(await ipc.loadEvent({ id: v.data.event.id }));
    } catch (e) {
      fail(e);
    }
  }
}

// ---- handoff packages ----------------------------------------------------------------
/** Shows the Handoff tab (or, with no event open, the Handoff page) and puts the focus on the
 * package file field of its import section. */
export function openImport(): void {
  batch(() => {
    if (view()) setTab("handoff");
    else setHandoffPage(true);
  });
  requestAnimationFrame(() => {
    const input = document.querySelector<HTMLInputElement>("[data-testid=import-path]");
    input?.scrollIntoView({ block: "nearest" });
    input?.focus();
  });
}

/** Shows the Handoff tab (or, with no event open, the Handoff page) scrolled to its agenda import
 * card, with the focus on the agenda file field. */
export function openAgendaImport(): void {
  batch(() => {
    if (view()) setTab("handoff");
    else setHandoffPage(true);
  });
  requestAnimationFrame(() => {
    document.querySelector("[data-testid=handoff-agenda]")?.scrollIntoView({ block: "start" });
    document.querySelector<HTMLInputElement>("[data-testid=agenda-path]")?.focus({ preventScroll: true });
  });
}

/** After a package (or an agenda) was imported: the events list again, and the open event if it is the one
 * that changed (its undo steps are gone with the import). */
export async function reloadAfterImport(eventId: string): Promise<void> {
  await refreshEvents();
  if (view()?.data.event.id !== eventId) return;
  try {
    const next = await ipc.loadEvent({ id: eventId });
    if (view()?.data.event.id === eventId) setView(next);
  } catch (e) {
    fail(e);
  }
}

// ---- RTMP destinations: stream keys and connection tests ---------------------------
/** Stores (or with `null` removes) a destination's stream key; answers the error, if any. */
export async function saveStreamKey(destinationId: string, key: string | null): Promise<ErrorPayload | null> {
  const v = view();
  if (!v) return { code: "no_event", message: "", field: null };
  const eventId = v.data.event.id;
  try {
    const next = await ipc.setStreamKey({ eventId, destinationId, key });
    setError(null);
    if (view()?.data.event.id === eventId) setView(next);
    return null;
  } catch (e) {
    // A field error is shown under the key input, not in the banner.
    const p = ipc.toErrorPayload(e);
    if (p.field) return p;
    return fail(e);
  }
}

/** "Use the key for the new server": the destination's key may be published where it now points. */
export async function confirmKeyHost(destinationId: string): Promise<void> {
  const v = view();
  if (!v) return;
  const eventId = v.data.event.id;
  try {
    const next = await ipc.confirmKeyHost({ eventId, destinationId });
    setError(null);
    if (view()?.data.event.id === eventId) setView(next);
  } catch (e) {
    fail(e);
  }
}

/** The stream key in clear, fetched only for an explicit Reveal or Copy (never stored here). */
export async function fetchStreamKey(
  destinationId: string,
): Promise<{ ok: true; key: string | null } | { ok: false; error: ErrorPayload }> {
  const v = view();
  if (!v) return { ok: false, error: { code: "no_event", message: "", field: null } };
  try {
    return { ok: true, key: await ipc.revealStreamKey({ eventId: v.data.event.id, destinationId }) };
  } catch (e) {
    return { ok: false, error: fail(e) };
  }
}

/** Runs a destination's connection test and shows the view with the recorded result. */
export async function runDestinationTest(
  destinationId: string,
  publish: boolean,
): Promise<{ ok: true; result: ConnectionTest } | { ok: false; error: ErrorPayload }> {
  const v = view();
  if (!v) return { ok: false, error: { code: "no_event", message: "", field: null } };
  const eventId = v.data.event.id;
  try {
    const r = await ipc.testDestination({ eventId, destinationId, publish });
    // The test takes seconds: the user may have opened another event meanwhile.
    if (view()?.data.event.id === eventId) setView(r.view);
    return { ok: true, result: r.result };
  } catch (e) {
    return { ok: false, error: fail(e) };
  }
}

// ---- window -------------------------------------------------------------------
/** Hides the main window to the tray; cue notifications keep coming. */
export async function hideToTray(): Promise<boolean> {
  try {
    await ipc.hideMainWindow();
    return true;
  } catch (e) {
    fail(e);
    return false;
  }
}

export async function quitApp(): Promise<void> {
  try {
    await ipc.quitApp();
  } catch (e) {
    fail(e);
  }
}

// ---- jumps ------------------------------------------------------------------
let flashN = 0;
function flash(kind: string, id: string): void {
  setHighlight({ kind, id, n: ++flashN });
}

/** Shows a session on the Calendar tab and scrolls its block into view. */
export function focusSession(id: string, segmentId?: string): void {
  const v = view();
  const s = v?.data.sessions.find((x) => x.id === id);
  if (!v || !s) return;
  batch(() => {
    setTab("calendar");
    setSelectedDay(localDateKey(s.start, v.data.event.timeZone));
    setSelectedSessionId(id);
    flash(segmentId ? "segment" : "session", segmentId ?? id);
  });
  requestAnimationFrame(() => {
    const sel = segmentId
      ? `[data-testid=segment-row][data-segment-id="${segmentId}"]`
      : `[data-testid=session-block][data-session-id="${id}"]`;
    document.querySelector(sel)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
}

export function focusPerson(id: string): void {
  batch(() => {
    setTab("people");
    flash("person", id);
  });
  requestAnimationFrame(() => {
    document.querySelector(`[data-person-id="${id}"]`)?.scrollIntoView({ block: "nearest" });
  });
}

export function focusDestination(id: string): void {
  batch(() => {
    setTab("destinations");
    flash("destination", id);
  });
  requestAnimationFrame(() => {
    document.querySelector(`[data-testid=destination-row][data-id="${id}"]`)?.scrollIntoView({ block: "nearest" });
  });
}

/** Shows a branding checklist item and scrolls it into view. */
export function focusBrandItem(id: string): void {
  batch(() => {
    setTab("branding");
    flash("brandItem", id);
  });
  requestAnimationFrame(() => {
    document.querySelector(`[data-testid=brand-item][data-id="${id}"]`)?.scrollIntoView({ block: "nearest" });
  });
}

export function focusSubject(kind: string, id: string): void {
  const v = view();
  if (!v) return;
  if (kind === "brandItem") return focusBrandItem(id);
  if (kind === "session") focusSession(id);
  else if (kind === "segment") {
    const seg = v.data.segments.find((s) => s.id === id);
    if (seg) focusSession(seg.sessionId, id);
  } else if (kind === "person") focusPerson(id);
  else if (kind === "destination") focusDestination(id);
  else setTab("settings");
}
