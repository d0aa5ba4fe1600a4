// The import side of the Handoff tab: the package being looked at, the user's picks and the
// outcome. Kept at module level so it survives switching tabs, and opening the imported event.
import { runJob } from "../../jobs";
import { open, save, type DialogFilter } from "@tauri-apps/plugin-dialog";
import { batch, createSignal } from "solid-js";
import type { ImportPlan, Imported, Pick as Side } from "../../bindings";
import * as ipc from "../../ipc";
import { reloadAfterImport, setError } from "../../state";
import { buildResolution, type Picks } from "./handoff";

const [importPath, setImportPath] = createSignal("");
const [plan, setPlan] = createSignal<ImportPlan | null>(null);
const [picks, setPicks] = createSignal<Picks>({});
const [busy, setBusy] = createSignal<"open" | "apply" | null>(null);
/** The last import, with the event's name as the package gave it. */
const [result, setResult] = createSignal<{ imported: Imported; name: string } | null>(null);

export { importPath, setImportPath, plan, picks, setPicks, busy, result, setResult };

/** Sets one item's pick. */
export function pick(key: string, side: Side): void {
  setPicks((p) => ({ ...p, [key]: side }));
}

// Only the answer to the latest open is shown (opening twice quickly, or cancelling meanwhile).
let issued = 0;

export async function openPackage(): Promise<boolean> {
  const path = importPath().trim();
  if (!path || busy()) return false;
  const mine = ++issued;
  batch(() => {
    setBusy("open");
    setPlan(null);
    setPicks({});
    setResult(null);
  });
  try {
    const p = await runJob("open", (jobId) => ipc.openPackage({ path, jobId }));
    if (mine !== issued) return false;
    setError(null);
    setPlan(p);
    return true;
  } catch (e) {
    if (mine === issued) setError(ipc.toErrorPayload(e));
    return false;
  } finally {
    if (mine === issued) setBusy(null);
  }
}

/** Forgets the opened package (here and in the shell). */
export async function closePackage(): Promise<void> {
  issued++;
  batch(() => {
    setPlan(null);
    setPicks({});
    setBusy(null);
  });
  try {
    await ipc.cancelPackage();
  } catch (e) {
    setError(ipc.toErrorPayload(e));
  }
}

export async function applyPackage(): Promise<boolean> {
  const p = plan();
  if (!p || busy()) return false;
  const items = p.action.kind === "merge" ? p.action.preview.items : [];
  const resolution = buildResolution(items, picks());
  if (!resolution) return false;
  const mine = ++issued;
  setBusy("apply");
  try {
    const imported = await runJob("apply", (jobId) => ipc.applyPackage({ resolution, jobId }));
    if (mine !== issued) return false;
    batch(() => {
      setError(null);
      setPlan(null);
      setPicks({});
      setResult({ imported, name: p.eventName });
    });
    await reloadAfterImport(imported.eventId);
    return true;
  } catch (e) {
    if (mine !== issued) return false;
    setError(ipc.toErrorPayload(e));
    // The shell lets go of the package on a failed import: open it again so the user can
    // adjust and retry, with the picks that still apply.
    const kept = picks();
    try {
      const again = await ipc.openPackage({ path: importPath().trim(), jobId: null });
      if (mine !== issued) return false;
      const keys = new Set(again.action.kind === "merge" ? again.action.preview.items.map((i) => i.key) : []);
      batch(() => {
        setPlan(again);
        setPicks(Object.fromEntries(Object.entries(kept).filter(([k]) => keys.has(k))));
      });
    } catch {
      if (mine === issued) {
        batch(() => {
          setPlan(null);
          setPicks({});
        });
      }
    }
    return false;
  } finally {
    if (mine === issued) setBusy(null);
  }
}

// ---- native file dialogs --------------------------------------------------------------

/** The save dialog; `null` when cancelled. A failure is shown in the banner and also answers `null`. */
export async function askSavePath(defaultPath: string, filters: DialogFilter[]): Promise<string | null> {
  try {
    return await save({ defaultPath: defaultPath.trim() || undefined, filters });
  } catch (e) {
    setError(ipc.toErrorPayload(e));
    return null;
  }
}

/** The open dialog for one file; `null` when cancelled or failed (the failure goes to the banner). */
export async function askOpenPath(defaultPath: string, filters: DialogFilter[]): Promise<string | null> {
  try {
    const got = await open({
      multiple: false,
      directory: false,
      defaultPath: defaultPath.trim() || undefined,
      filters,
    });
    return typeof got === "string" ? got : null;
  } catch (e) {
    setError(ipc.toErrorPayload(e));
    return null;
  }
}
