// Lookup tables, so that a row finds its data in O(1) instead of scanning a whole list (thousands
// of sessions × thousands of findings would be O(n²)); and `createKeyedTable`, which keeps such a
// table up to date under a reactive view and wakes, after an edit, only the readers of the keys
// whose entry changed.
import { createMemo, createSignal, getListener, getOwner, onCleanup, runWithOwner, untrack } from "solid-js";
import type { Finding } from "./bindings";
import { SEVERITY_RANK } from "./enums";
import { sortFindings } from "./features/findings/findings";

/** Items by their `id`. */
export function byId<T extends { id: string }>(list: readonly T[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const x of list) out.set(x.id, x);
  return out;
}

/** Items grouped by a key, each group in the list's order. */
export function groupBy<T, K>(list: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of list) {
    const k = key(x);
    const g = out.get(k);
    if (g) g.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** The key of a finding's subject in [`findingsBySubject`]. */
export const subjectKey = (kind: string, id: string) => `${kind}\u0000${id}`;

/** Findings per subject (errors first, as `findingsFor` sorts them). */
export function findingsBySubject(list: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  let unsorted: Set<string> | null = null;
  for (const f of list) {
    const s = f.subject;
    const k = subjectKey(s.kind, s.id);
    const g = out.get(k);
    if (!g) out.set(k, [f]);
    else {
      // Rebuilt after each edit: only a group out of severity order is sorted.
      if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[g[g.length - 1].severity]) (unsorted ??= new Set()).add(k);
      g.push(f);
    }
  }
  if (unsorted) for (const k of unsorted) out.set(k, sortFindings(out.get(k) ?? []));
  return out;
}

/** The same items in the same order (a group none of whose rows changed). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

interface Waker {
  wait: () => void;
  wake: () => void;
  readers: number;
}

/** What a table's `build` answers: the whole table, or only the entries that may have changed
 * since the last build (`undefined`: the key is gone). */
export type TableBuild<K, V> = Map<K, V> | { changed: Map<K, V | undefined> };

/**
 * A lookup table rebuilt by `build` whenever what `build` reads changes (in the window: an edit's
 * splices into the view's lists), read one key at a time. When `build` answers the whole table (a
 * few milliseconds for thousands of rows), each key's entry is compared with the one it replaces:
 * an entry that is the `same` keeps its old value (so an unchanged group stays the same array). When
 * it answers only the entries that may have changed, only those are compared. Either way only the
 * readers of keys whose entry changed, appeared or went away are woken. Reading the table itself
 * would wake every reader on every rebuild (a new Map each time), which re-rendered every visible
 * session block after each edit.
 *
 * Call under an owner (`createRoot`); the returned reader may be called anywhere: inside a
 * computation it subscribes to that key only. The table is first built when it is first read
 * (under that owner, not the reader's): opening an event then builds only the tables the shown
 * tab reads (the calendar needs no people, segments or session times).
 */
export function createKeyedTable<K, V>(
  build: () => TableBuild<K, V>,
  same: (a: V, b: V) => boolean = Object.is,
): (key: K) => V | undefined {
  let current = new Map<K, V>();
  const wakers = new Map<K, Waker>();
  const owner = getOwner();
  let table: (() => Map<K, V>) | null = null;
  const start = () =>
    createMemo(
      () => {
        const next = build();
        const changed: K[] = [];
        if (next instanceof Map) {
          for (const [k, v] of next) {
            if (current.has(k)) {
              const old = current.get(k) as V;
              if (same(old, v)) {
                next.set(k, old);
                continue;
              }
            }
            changed.push(k);
          }
          for (const k of current.keys()) if (!next.has(k)) changed.push(k);
          current = next;
        } else {
          for (const [k, v] of next.changed) {
            const had = current.has(k);
            if (v === undefined) {
              if (had) {
                current.delete(k);
                changed.push(k);
              }
            } else if (!had || !same(current.get(k) as V, v)) {
              current.set(k, v);
              changed.push(k);
            }
          }
        }
        for (const k of changed) wakers.get(k)?.wake();
        return current;
      },
      undefined,
      { equals: false },
    );
  return (key: K) => {
    // Built on the first read; then brought up to date first when an edit is being applied
    // (without subscribing to it).
    if (!table) table = untrack(() => runWithOwner(owner, start)) ?? null;
    if (table) untrack(table);
    if (getListener()) {
      let w = wakers.get(key);
      if (!w) {
        const [wait, wake] = createSignal(undefined, { equals: false });
        w = { wait, wake: () => wake(), readers: 0 };
        wakers.set(key, w);
      }
      w.wait();
      const mine = w;
      mine.readers++;
      // Forgotten with its last reader (a reader with no owner keeps it for good).
      if (getOwner()) {
        onCleanup(() => {
          if (--mine.readers === 0 && wakers.get(key) === mine) wakers.delete(key);
        });
      }
    }
    return current.get(key);
  };
}
