import type { Finding, Severity } from "../../bindings";
import { SEVERITY_RANK } from "../../enums";

/** Errors first, then warnings, then notes; stable within a severity. */
export function sortFindings(list: readonly Finding[]): Finding[] {
  return list
    .map((f, i) => [f, i] as const)
    .sort((a, b) => SEVERITY_RANK[a[0].severity] - SEVERITY_RANK[b[0].severity] || a[1] - b[1])
    .map(([f]) => f);
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
