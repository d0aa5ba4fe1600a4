// The RTMP platform presets, fetched once from the app and shared by every form.
import { createSignal } from "solid-js";
import type { Preset } from "../../bindings";
import * as ipc from "../../ipc";
import { setError } from "../../state";

const [presets, setPresets] = createSignal<Preset[]>([]);
let loading: Promise<void> | null = null;

export { presets };

/** Loads the presets unless they are loaded or on their way. */
export function ensurePresets(): void {
  if (loading) return;
  loading = ipc
    .rtmpPresets()
    .then((list) => {
      setPresets(list);
    })
    .catch((e) => {
      loading = null;
      setError(ipc.toErrorPayload(e));
    });
}

export function presetById(id: string): Preset | undefined {
  return presets().find((p) => p.id === id);
}

/** A preset's display name (its id while the presets are loading or for an unknown one). */
export function presetName(id: string): string {
  return presetById(id)?.name ?? id;
}
