// Lookup tables built once per view change, so that a row finds its data in O(1) instead of
// scanning a whole list (thousands of sessions × thousands of findings would be O(n²)).
import type { Finding } from "./bindings";
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
  const out = groupBy(list, (f) => subjectKey(f.subject.kind, f.subject.id));
  for (const [k, g] of out) if (g.length > 1) out.set(k, sortFindings(g));
  return out;
}
