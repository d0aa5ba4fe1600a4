// Long jobs (packages, the run of show, agendas) as the window follows them: each gets an id the
// core reports its progress under (`job-progress` events) and that `cancel_job` stops. A slot
// ("export", "open", "apply", "runsheet", "agenda", "attach:<item>") holds the job running there,
// if any.
import { listen } from "@tauri-apps/api/event";
import { isTauri } from "@tauri-apps/api/core";
import { createStore } from "solid-js/store";
import type { Progress } from "./bindings";
import * as ipc from "./ipc";

/** `attach:<item id>`: a file being copied into a branding item (one per item). */
export type Slot = "export" | "open" | "apply" | "runsheet" | "agenda" | `attach:${string}`;

export interface Running {
  id: string;
  progress: Progress | null;
  cancelling: boolean;
}

const [running, setRunning] = createStore<Partial<Record<Slot, Running>>>({});
export { running };

let seq = 0;
let listening = false;

/** Follows `job-progress` (once per window). */
function listenOnce(): void {
  if (listening || !isTauri()) return;
  listening = true;
  void listen<{ jobId: string; progress: Progress }>("job-progress", (e) => {
    for (const slot of Object.keys(running) as Slot[]) {
      if (running[slot]?.id === e.payload.jobId) setRunning(slot, "progress", e.payload.progress);
    }
  });
}

/** Runs `start` (a command given the job's id) as the job of `slot`; the slot is free again
 * when it ends, however it ends. */
export async function runJob<T>(slot: Slot, start: (jobId: string) => Promise<T>): Promise<T> {
  listenOnce();
  seq += 1;
  const id = `${slot}-${Date.now().toString(36)}-${seq}`;
  setRunning(slot, { id, progress: null, cancelling: false });
  try {
    return await start(id);
  } finally {
    if (running[slot]?.id === id) setRunning(slot, undefined);
  }
}

/** Asks the job of `slot` to stop: it undoes what it started and its command answers
 * `cancelled`. */
export async function cancelJob(slot: Slot): Promise<void> {
  const job = running[slot];
  if (!job || job.cancelling) return;
  setRunning(slot, "cancelling", true);
  await ipc.cancelJob({ jobId: job.id });
}

/** How far a job is, 0–1, or null while its size is unknown. */
export function fraction(p: Progress | null): number | null {
  if (!p || p.total === null || p.total <= 0) return null;
  return Math.max(0, Math.min(1, p.done / p.total));
}
