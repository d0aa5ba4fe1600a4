import type { Finding, Severity } from "../../bindings";
import { SEVERITY_RANK } from "../../enums";

/** Errors first, then warnings, then notes; stable within a severity. */
export function sortFindings(list: readonly Finding[]): Finding[] {
  return severityOrder(list).map((i) => list[i]);
}

/** The positions in `list` of its findings in `sortFindings` order (a reader of plain objects can
 * then take only the rows it shows from the store). */
export function severityOrder(list: readonly Finding[]): number[] {
  // Each finding's rank read once (not at each comparison: a store read costs, and thousands of
  // findings make tens of thousands of comparisons).
  const rank = list.map((f) => SEVERITY_RANK[f.severity]);
  return rank.map((_, i) => i).sort((a, b) => rank[a] - rank[b] || a - b);
}

export function findingsFor(list: readonly Finding[], kind: string, id: string): Finding[] {
  return sortFindings(list.filter((f) => f.subject.kind === kind && f.subject.id === id));
}

export function worstSeverity(list: readonly Finding[]): Severity | null {
  let best: Severity | null = null;
  for (const f of list) if (best === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[best]) best = f.severity;
  return best;
}

export function countBySeverity(list: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of list) out[f.severity]++;
  return out;
}
