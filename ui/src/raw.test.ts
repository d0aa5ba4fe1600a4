import { describe, expect, it } from "vitest";
import { createRoot, createMemo } from "solid-js";
import { createStore, reconcile, unwrap } from "solid-js/store";
import { markRaw } from "./raw";

/** A tree like a view's: lists of rows keyed by id, with nested lists. */
function tree(n: number, title = (i: number) => `Talk ${i}`) {
  return {
    data: {
      event: { id: "e", revision: 1 },
      sessions: Array.from({ length: n }, (_, i) => ({ id: `s${i}`, title: title(i), tags: [`t${i}`] })),
    },
  };
}

describe("markRaw", () => {
  it("lets unwrap return the object without walking it, and stays out of its keys and JSON", () => {
    // A walk copies each frozen list it meets into its parent: seen by identity.
    const frozen = Object.freeze(["a"]);
    const plain = { ...tree(3), frozen };
    unwrap(plain);
    expect(plain.frozen).not.toBe(frozen);
    const v = markRaw({ ...tree(3), frozen });
    expect(unwrap(v)).toBe(v);
    expect(v.frozen).toBe(frozen);
    expect(Object.keys(v)).toEqual(["data", "frozen"]);
    expect(JSON.parse(JSON.stringify(v)).data.sessions).toHaveLength(3);
    // Marking twice is harmless.
    expect(markRaw(v)).toBe(v);
  });

  it("a store set with a marked view reads it, and reconcile with a marked one still moves what changed", () => {
    createRoot((dispose) => {
      const [store, setStore] = createStore<{ view: ReturnType<typeof tree> | null }>({ view: null });
      setStore("view", markRaw(tree(50)));
      const titles = createMemo(() => store.view?.data.sessions.map((s) => s.title).join("|") ?? "");
      const seventh = createMemo(() => store.view?.data.sessions[7].title);
      expect(seventh()).toBe("Talk 7");
      setStore("view", reconcile(markRaw(tree(50, (i) => (i === 7 ? "Changed" : `Talk ${i}`))), { key: "id" }));
      expect(seventh()).toBe("Changed");
      expect(titles().split("|")[8]).toBe("Talk 8");
      // The store's proxy still yields the raw rows underneath.
      expect(unwrap(store.view!.data.sessions[7]).title).toBe("Changed");
      dispose();
    });
  });
});
