// The live view's copy of the latest `LiveSnapshot`, kept as a store so each poll only
// notifies what changed: cues keep their identity by `key`, stages by `stageId`, and
// everything inside them is merged in place. A tick then touches the clock and countdown
// text nodes, not whole rows or cards.
import { batch } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { LiveSnapshot } from "../../bindings";

export function createSnapshotStore() {
  const [store, setStore] = createStore<{ snap: LiveSnapshot | null }>({ snap: null });
  const apply = (s: LiveSnapshot) => {
    const prev = store.snap;
    if (!prev || prev.eventId !== s.eventId) {
      setStore("snap", s);
      return;
    }
    const heldTag = prev.cuesTag;
    batch(() => {
      // Stages first, matched by id (they carry no `key`), then the rest matched by cue key;
      // the second pass finds the stages already in place. A poll that left the cue list out
      // (unchanged since `cuesTag`) keeps the one held.
      setStore("snap", "stages", reconcile(s.stages, { key: "stageId" }));
      for (const k of Object.keys(s) as (keyof LiveSnapshot)[]) {
        if (k === "stages" || (k === "cues" && s.cuesUnchanged)) continue;
        setStore("snap", k, reconcile(s[k], { key: "key" }) as never);
      }
      // Left out but not the list held (cannot happen in order; be safe): ask for it whole.
      if (s.cuesUnchanged && s.cuesTag !== heldTag) setStore("snap", "cuesTag", "");
    });
  };
  /** The tag of the cue list held, for the next poll (`null`: none yet, or another event's). */
  const cuesTag = (eventId: string): string | null =>
    store.snap && store.snap.eventId === eventId ? store.snap.cuesTag : null;
  return { snap: () => store.snap, apply, cuesTag };
}
