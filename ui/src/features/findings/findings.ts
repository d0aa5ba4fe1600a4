import type { Finding, Severity } from "../../bindings";
import { SEVERITIES, SEVERITY_RANK } from "../../enums";
import { t } from "../../i18n";

/** Errors first, then warnings, then notes; stable within a severity. */
export function sortFindings(list: readonly Finding[]): Finding[] {
  return severityOrder(list).map((i) => list[i]);
}

/** The positions in `list` of its findings in `sortFindings` order (a reader of plain objects can
 * then take only the rows it shows from the store). */
export function severityOrder(list: readonly Finding[]): number[] {
  // Three ranks: each position goes into its rank's bucket, in one pass (the stable order a sort
  // gives, without its comparisons: the findings panel orders thousands after every edit of them).
  const buckets: number[][] = SEVERITIES.map(() => []);
  const last = buckets[buckets.length - 1];
  for (let i = 0; i < list.length; i++) (buckets[SEVERITY_RANK[list[i].severity]] ?? last).push(i);
  return buckets.flat();
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

export interface BadgeLook {
  severity: Severity;
  count: number;
  /** Tooltip and accessible name: the findings, listed. */
  tip: string;
}

/** The badge of a row or block with findings (none without): the worst, the count, and the
 * findings listed for its tooltip. */
export function badgeLook(findings: readonly Finding[]): BadgeLook | null {
  const severity = worstSeverity(findings);
  if (!severity) return null;
  const list = findings.map((f) => `${t(`severity.${f.severity}`)}: ${f.message}`).join(" · ");
  return { severity, count: findings.length, tip: t("findings.badgeTitle", { list }) };
}
