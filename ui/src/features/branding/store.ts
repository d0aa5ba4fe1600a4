// The Branding tab's shared state: the presets, per-item messages and busy flags, attaching files
// (by path, from the dialog or dropped) and the item edits that report their error on the row.
import { createSignal } from "solid-js";
import { open } from "@tauri-apps/plugin-dialog";
import type { AssetStatus, BrandItem, BrandPreset, Edit, ErrorPayload } from "../../bindings";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { runJob, type Slot } from "../../jobs";
import { applyEdit, mode, setError, showEdited, view } from "../../state";
import { dialogFilters } from "./branding";

// ---- presets ------------------------------------------------------------------------

const [presets, setPresets] = createSignal<BrandPreset[]>([]);
export { presets };

/** (Re)loads the presets: the built-in one is in the UI language. */
export async function loadPresets(): Promise<void> {
  try {
    setPresets(await ipc.brandPresets());
  } catch (e) {
    setError(ipc.toErrorPayload(e));
  }
}

/** Saves the open event's checklist as a preset; answers the error, if any. */
export async function savePreset(name: string): Promise<ErrorPayload | null> {
  const v = view();
  if (!v) return { code: "no_event", message: "", field: null };
  try {
    setPresets(await ipc.saveBrandPreset({ eventId: v.data.event.id, name }));
    setError(null);
    return null;
  } catch (e) {
    return ipc.toErrorPayload(e);
  }
}

export async function deletePreset(name: string): Promise<boolean> {
  try {
    setPresets(await ipc.deleteBrandPreset({ name }));
    setError(null);
    return true;
  } catch (e) {
    setError(ipc.toErrorPayload(e));
    return false;
  }
}

// ---- per-item messages and flags -----------------------------------------------------

const [rowErrors, setRowErrors] = createSignal<Record<string, string>>({});
const [busyItems, setBusyItems] = createSignal<Record<string, boolean>>({});
const [openDetails, setOpenDetails] = createSignal<Record<string, boolean>>({});

function put<T>(set: (f: (all: Record<string, T>) => Record<string, T>) => void, id: string, value: T | null): void {
  set((all) => {
    const next = { ...all };
    if (value === null) delete next[id];
    else next[id] = value;
    return next;
  });
}

/** The last failure of an action on the item, in the language it happened in. */
export const rowError = (id: string): string | null => rowErrors()[id] ?? null;
export const setRowError = (id: string, message: string | null) => put(setRowErrors, id, message);
/** Messages are written in one language: drop them when it changes. */
export const clearRowErrors = () => setRowErrors({});

export const itemBusy = (id: string): boolean => busyItems()[id] ?? false;
export const detailsOpen = (id: string): boolean => openDetails()[id] ?? false;
export const setDetailsOpen = (id: string, on: boolean) => put(setOpenDetails, id, on ? true : null);

/** Who is acting: the role code the shell records (it stamps who and when itself). */
export function actorCode(): string {
  return mode();
}

/** How a recorded actor reads: the role in the UI language, or the text as stored. */
export function actorName(by: string): string {
  if (by === "analyst") return t("branding.by.analyst");
  if (by === "customer") return t("branding.by.customer");
  return by;
}

/** Applies an edit of one item; a failure is also shown on its row. */
export async function itemEdit(id: string, edit: Edit): Promise<boolean> {
  const r = await applyEdit(edit);
  setRowError(id, r.ok ? null : r.error.message || r.error.code);
  return r.ok;
}

export function setStatus(item: Pick<BrandItem, "id">, status: AssetStatus, reason = ""): Promise<boolean> {
  return itemEdit(item.id, {
    type: "setBrandStatus",
    id: item.id,
    status,
    reason,
    by: actorCode(),
    at: new Date().toISOString(),
  });
}

// ---- attaching files ------------------------------------------------------------------

/**
 * Attaches files to an item one by one (the core copies each by SHA-256, checks it and moves the
 * item to received or rejected). Stops at the first failure, which is shown on the row.
 */
export async function attachPaths(itemId: string, paths: readonly string[]): Promise<boolean> {
  const list = paths.map((p) => p.trim()).filter((p) => p !== "");
  if (list.length === 0 || itemBusy(itemId)) return false;
  put(setBusyItems, itemId, true);
  try {
    for (const path of list) {
      const eventId = view()?.data.event.id;
      if (!eventId) return false;
      try {
        const r = await runJob(attachSlot(itemId), (jobId) => ipc.attachBrandFile({ eventId, itemId, path, jobId }));
        showEdited(eventId, r);
        setRowError(itemId, null);
        setDetailsOpen(itemId, true);
      } catch (e) {
        const p = ipc.toErrorPayload(e);
        // Cancelled by the user: nothing was kept, nothing to say.
        if (p.code === "cancelled") {
          setRowError(itemId, null);
          return false;
        }
        setRowError(itemId, p.message);
        setError(p);
        return false;
      }
    }
    return true;
  } finally {
    put(setBusyItems, itemId, null);
  }
}

/** The job slot of a file being attached to item `itemId`. */
export const attachSlot = (itemId: string): Slot => `attach:${itemId}`;

/** The open dialog for an item's files; null when cancelled (a failure goes to the row). */
export async function pickFiles(item: Pick<BrandItem, "id" | "kind">): Promise<string[] | null> {
  try {
    const got = await open({
      multiple: true,
      directory: false,
      filters: dialogFilters(item.kind).map((f) => ({ name: t(f.name), extensions: f.extensions })),
    });
    if (got === null) return null;
    return Array.isArray(got) ? got : [got];
  } catch (e) {
    setRowError(item.id, ipc.toErrorPayload(e).message);
    return null;
  }
}
