// Packages opened from outside the window: named on the app's command line, handed over by a
// second launch (double-click in the file manager while Showcall runs), or dropped on the
// window. Each shows the package's import preview, as if picked in the Handoff tab.
import { isTauri } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import * as ipc from "../../ipc";
import { openImport, setError } from "../../state";
import { openPackage, setImportPath } from "./store";

/** Emitted by the shell when a package waits to be opened. */
const OPEN_REQUESTED = "open-requested";

/** Whether a dropped file is a handoff package (the Branding tab takes every other file). */
export function isPackagePath(path: string): boolean {
  return /\.showcall$/i.test(path.trim());
}

/** The first package among dropped paths, if any. */
export function droppedPackage(paths: readonly string[]): string | null {
  return paths.find(isPackagePath) ?? null;
}

/** Shows the import preview of the package at `path`. */
export function showPackage(path: string): void {
  openImport();
  setImportPath(path);
  void openPackage();
}

async function takeRequest(): Promise<void> {
  try {
    const path = await ipc.takeOpenRequest();
    if (path) showPackage(path);
  } catch (e) {
    setError(ipc.toErrorPayload(e));
  }
}

/** Takes a package waiting since start-up, then listens for the next ones (a second launch, a
 * drop on the window). */
export function listenForPackages(): void {
  if (!isTauri()) return;
  void takeRequest();
  void listen(OPEN_REQUESTED, () => void takeRequest());
  try {
    void getCurrentWebview().onDragDropEvent((e) => {
      if (e.payload.type !== "drop") return;
      const path = droppedPackage(e.payload.paths);
      if (path) showPackage(path);
    });
  } catch {
    // no webview (a plain browser): nothing is dropped here
  }
}
