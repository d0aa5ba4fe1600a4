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
    batch(() => {
      // Stages first, matched by id (they carry no `key`), then the rest matched by cue key;
      // the second pass finds the stages already in place.
      setStore("snap", "stages", reconcile(s.stages, { key: "stageId" }));
      setStore("snap", reconcile(s, { key: "key" }));
    });
  };
  return { snap: () => store.snap, apply };
}
