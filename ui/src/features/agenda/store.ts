// The agenda import's state: the file, the new event's name and zone, the user's column choices,
// the preview on screen and the outcome. Kept at module level so it survives switching tabs.
import { runJob } from "../../jobs";
import { batch, createSignal } from "solid-js";
import type { ErrorPayload } from "../../bindings";
import * as ipc from "../../ipc";
import { reloadAfterImport, setError } from "../../state";
import { machineZone } from "../../time";
import { buildMap, changeField, nameFromPath, orderParam, type Changes, type Choice, type OrderChoice } from "./agenda";
import type { AgendaImported, AgendaTarget, DateOrder, MappedColumn, Prepared, RowsPage } from "./types";

/** What a preview was asked with: the import sends the same. */
export interface PreviewArgs {
  path: string;
  target: AgendaTarget;
  /** The workbook's sheet to read; `null`: the first that holds an agenda. */
  sheet: string | null;
  map: string[];
  dateOrder: DateOrder | null;
}

const [path, setPathSignal] = createSignal("");
const [newName, setNewNameSignal] = createSignal("");
/** The user typed the name: the file name no longer replaces it. */
const [nameTouched, setNameTouched] = createSignal(false);
const [newZone, setNewZone] = createSignal(machineZone());
const [order, setOrderSignal] = createSignal<OrderChoice>("auto");
/** The sheet the user picked; `null` until then (the reader finds the agenda's sheet). */
const [sheetChoice, setSheetChoice] = createSignal<string | null>(null);
const [changes, setChanges] = createSignal<Changes>({});
/** The file's own mapping (read with no override): what the user's choices are relative to. */
const [detected, setDetected] = createSignal<MappedColumn[] | null>(null);
/** The preview on screen: its totals and mapping (`prepared`, whose `plan.rows` is left empty),
 * its first page of rows, and the id it was read under (to ask for the next pages). */
export type Shown = { prepared: Prepared; first: RowsPage; preview: string | null; args: PreviewArgs };
const [shown, setShown] = createSignal<Shown | null>(null);
/** The last re-read failed: the preview on screen no longer matches the choices. */
const [stale, setStale] = createSignal(false);
/** A file or mapping problem (`code: "agenda"`), shown whole in the card. */
const [failure, setFailure] = createSignal<ErrorPayload | null>(null);
/** A problem with the new event's name or zone, shown under the field. */
const [fieldError, setFieldError] = createSignal<{ field: string; message: string } | null>(null);
const [busy, setBusy] = createSignal<"read" | "import" | null>(null);
const [acceptValid, setAcceptValid] = createSignal(false);
const [problemsOnly, setProblemsOnly] = createSignal(false);
const [result, setResult] = createSignal<{ imported: AgendaImported; name: string } | null>(null);
/** The open event's id, or `"new"` on the Handoff page: a preview belongs to one. */
let context: string | null = null;
let eventId: string | null = null;

export {
  path,
  newName,
  newZone,
  setNewZone,
  order,
  sheetChoice,
  changes,
  detected,
  shown,
  stale,
  failure,
  fieldError,
  busy,
  acceptValid,
  setAcceptValid,
  problemsOnly,
  setProblemsOnly,
  result,
  setResult,
};

export function setPath(p: string): void {
  batch(() => {
    setPathSignal(p);
    if (!nameTouched()) setNewNameSignal(nameFromPath(p));
  });
}

export function setNewName(name: string): void {
  batch(() => {
    setNewNameSignal(name);
    setNameTouched(name.trim() !== "");
    if (fieldError()?.field === "event.name") setFieldError(null);
  });
}

function clearPreview(): void {
  batch(() => {
    setShown(null);
    setDetected(null);
    setChanges({});
    setSheetChoice(null);
    setStale(false);
    setFailure(null);
    setAcceptValid(false);
  });
}

/** The card is shown for the open event (`id`) or for a new one (`null`): a preview made for
 * another one is dropped (the file path stays). */
export function enter(id: string | null): void {
  const key = id ?? "new";
  if (key === context) return;
  context = key;
  eventId = id;
  issued++;
  batch(() => {
    clearPreview();
    setResult(null);
    setFieldError(null);
    setBusy(null);
  });
}

function target(): AgendaTarget {
  return eventId
    ? { eventId, newName: null, newTimeZone: null }
    : { eventId: null, newName: newName().trim(), newTimeZone: newZone().trim() };
}

/** Whether the path (or a new event's zone) was changed since the preview was read. */
export function changedSinceRead(): boolean {
  const s = shown();
  if (!s) return false;
  if (s.args.path !== path().trim()) return true;
  return s.args.target.eventId === null && s.args.target.newTimeZone !== newZone().trim();
}

/** Checks the new event's fields; answers whether they can be sent. */
function checkNewEvent(required: string): boolean {
  if (eventId) return true;
  if (!newName().trim()) {
    setFieldError({ field: "event.name", message: required });
    return false;
  }
  if (!newZone().trim()) {
    setFieldError({ field: "event.timeZone", message: required });
    return false;
  }
  return true;
}

/** An error of a command: file and mapping problems in the card, a new event's field under it,
 * anything else in the banner. */
function show(e: unknown): void {
  const p = ipc.toErrorPayload(e);
  if (p.code === "agenda") {
    setFailure(p);
  } else if (p.field === "event.name" || p.field === "event.timeZone") {
    setFieldError({ field: p.field, message: p.message });
  } else {
    setError(p);
  }
}

// Only the answer to the latest request is shown (a select changed twice quickly, a tab switch).
let issued = 0;
/** The mapping on screen was just replaced by another sheet's: its sheet select takes the focus. */
let sheetFocus = false;

/** Whether the sheet select should take the focus (once, after another sheet was read). */
export function takeSheetFocus(): boolean {
  const was = sheetFocus;
  sheetFocus = false;
  return was;
}

/** How a preview is asked for: a fresh read of the file (nothing kept), another sheet of it (its
 * own columns; the preview stays on screen until the answer), or another choice for the same
 * columns. */
type ReadKind = "fresh" | "sheet" | "choice";

async function preview(args: PreviewArgs, kind: ReadKind): Promise<boolean> {
  const fresh = kind === "fresh";
  const mine = ++issued;
  batch(() => {
    setBusy("read");
    setFailure(null);
    setFieldError(null);
    if (fresh) {
      clearPreview();
      setResult(null);
    }
  });
  try {
    let preview: string | null = null;
    const answer = await runJob("agenda", (jobId) => {
      preview = jobId;
      return ipc.previewAgenda({ ...args, jobId });
    });
    const prepared = answer.prepared;
    if (mine !== issued) return false;
    batch(() => {
      const before = shown()?.prepared.plan.counts;
      const counts = prepared.plan.counts;
      // The rows left out are not the same any more: ask again.
      if (!before || before.invalid !== counts.invalid || before.toAdd !== counts.toAdd) setAcceptValid(false);
      if (kind !== "choice") setDetected(prepared.mapping.columns);
      if (kind === "sheet") sheetFocus = true;
      setShown({ prepared, first: answer.first, preview, args });
      setStale(false);
      setError(null);
    });
    return true;
  } catch (e) {
    if (mine !== issued) return false;
    batch(() => {
      show(e);
      if (!fresh) setStale(true);
    });
    return false;
  } finally {
    if (mine === issued) setBusy(null);
  }
}

/** "Read file": a fresh read with the file's own mapping (the user's column choices are for the
 * columns of the file read before). `required` is the "field required" message. */
export function readFile(required: string): Promise<boolean> {
  const p = path().trim();
  if (!p || busy() === "import") return Promise.resolve(false);
  if (!checkNewEvent(required)) return Promise.resolve(false);
  return preview({ path: p, target: target(), sheet: null, map: [], dateOrder: orderParam(order()) }, "fresh");
}

/** Reads the file again with the current choices (after a column, the date order or the zone changed). */
function reread(): Promise<boolean> {
  const cols = detected();
  const s = shown();
  if (!cols || !s || busy() === "import") return Promise.resolve(false);
  if (!eventId && (!newName().trim() || !newZone().trim())) return Promise.resolve(false);
  const headers = cols.map((c) => c.header);
  return preview(
    {
      path: s.args.path,
      target: target(),
      sheet: sheetChoice(),
      map: buildMap(changes(), headers),
      dateOrder: orderParam(order()),
    },
    "choice",
  );
}

/** The user picked a sheet of the workbook: it is read with its own columns (the column choices
 * made for another sheet are dropped). */
export function chooseSheet(name: string): Promise<boolean> {
  const s = shown();
  if (!s || busy() === "import") return Promise.resolve(false);
  if (!eventId && (!newName().trim() || !newZone().trim())) return Promise.resolve(false);
  batch(() => {
    setSheetChoice(name);
    setChanges({});
  });
  return preview(
    { path: s.args.path, target: target(), sheet: name, map: [], dateOrder: orderParam(order()) },
    "sheet",
  );
}

/** The sheet picked could not be read (no agenda on it): the columns on screen are another
 * sheet's. */
export function sheetFailed(): boolean {
  const s = shown();
  const picked = sheetChoice();
  return !!s && stale() && picked !== null && picked !== s.prepared.sheet.sheetName;
}

/** The user picked a field for a column. */
export function chooseField(letter: string, choice: Choice): Promise<boolean> {
  const cols = detected();
  if (!cols) return Promise.resolve(false);
  setChanges((c) => changeField(c, letter, choice, cols));
  return reread();
}

/** Back to the mapping the headers gave. */
export function resetChanges(): Promise<boolean> {
  setChanges({});
  return reread();
}

export function setOrder(o: OrderChoice): Promise<boolean> {
  setOrderSignal(o);
  return reread();
}

/** The new event's zone was committed: the times depend on it. */
export function zoneCommitted(): Promise<boolean> {
  if (fieldError()?.field === "event.timeZone") setFieldError(null);
  const s = shown();
  // Also after a failed re-read (a bad zone put back as it was).
  return s && (changedSinceRead() || stale()) && path().trim() === s.args.path ? reread() : Promise.resolve(false);
}

/** Imports what the preview shows. `required` is the "field required" message; `eventName` the
 * open event's name, for the outcome line. */
export async function runImport(required: string, eventName: string | null): Promise<boolean> {
  const s = shown();
  if (!s || busy() || stale() || changedSinceRead()) return false;
  if (!checkNewEvent(required)) return false;
  // The name does not change the plan: the one in the field now is used.
  const tgt: AgendaTarget = s.args.target.eventId ? s.args.target : { ...s.args.target, newName: newName().trim() };
  const name = tgt.newName ?? eventName ?? "";
  const mine = ++issued;
  batch(() => {
    setBusy("import");
    setFailure(null);
    setFieldError(null);
  });
  try {
    const imported = await runJob("agenda", (jobId) =>
      ipc.importAgenda({ ...s.args, target: tgt, acceptValid: acceptValid(), jobId }),
    );
    if (mine !== issued) return false;
    batch(() => {
      setError(null);
      clearPreview();
      setResult({ imported, name });
      // A next file starts with a fresh name.
      setNameTouched(false);
    });
    await reloadAfterImport(imported.eventId);
    return true;
  } catch (e) {
    if (mine === issued) show(e);
    return false;
  } finally {
    if (mine === issued) setBusy(null);
  }
}
