// The writes into the open view, list by list: a reader of a whole list's plain objects runs again
// only after a write into that list (a one-segment edit need not re-measure the calendar's days
// from 2,000 sessions), and a lookup table brings up to date only the entries of the rows a write
// took out or put in (see indexes.ts).
import { createSignal, type Accessor, type Setter } from "solid-js";
import { LISTS, type ListChanges, type ListName, type RowChanges } from "./viewChanges";

/** Writes remembered for the tables; one that fell behind further builds its table again. */
const KEEP = 32;

export interface ViewLog {
  /** Records a write, in the batch that writes: the rows it changed list by list, or `null` when
   * it wrote the view whole (opening, a reload, a list read apart). */
  record(lists: ListChanges | null): void;
  /** Tracks the writes into `list` (into anything, with none named); answers the last write's
   * number. */
  wrote(list?: ListName): number;
  /** The rows each write after write `seen` changed in `list` (none when no write touched it), or
   * `null` when one of them wrote the view whole or is no longer remembered. */
  since(seen: number, list: ListName): RowChanges[] | null;
}

export function createViewLog(): ViewLog {
  const [all, setAll] = createSignal(0);
  const signals = new Map<ListName, [Accessor<number>, Setter<number>]>(
    LISTS.map((name) => [name, createSignal(0)] as const),
  );
  let n = 0;
  const kept: { n: number; lists: ListChanges | null }[] = [];
  return {
    record(lists) {
      n++;
      kept.push({ n, lists });
      if (kept.length > KEEP) kept.shift();
      setAll(n);
      for (const [name, [, set]] of signals) if (!lists || lists[name]) set(n);
    },
    wrote(list) {
      if (list) signals.get(list)![0]();
      else all();
      return n;
    },
    since(seen, list) {
      if (seen === n) return [];
      if (!kept.length || kept[0].n > seen + 1) return null;
      const out: RowChanges[] = [];
      for (const e of kept) {
        if (e.n <= seen) continue;
        if (!e.lists) return null;
        const rows = e.lists[list];
        if (rows) out.push(rows);
      }
      return out;
    },
  };
}
