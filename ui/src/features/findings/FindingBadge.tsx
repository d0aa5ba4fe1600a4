import { createMemo } from "solid-js";
import type { Finding } from "../../bindings";
import { severityIconNode } from "../../components/Severity";
import { badgeLook, type BadgeLook } from "./findings";

/** Small icon + count on a row or block that has findings; the tooltip lists them. */
export function FindingBadge(props: { findings: Finding[] }) {
  const badge = createMemo(() => {
    const b = badgeLook(props.findings);
    return b && badgeNode(b);
  });
  return <>{badge()}</>;
}

/** The badge as a plain node (the calendar's lanes draw it without a component). */
export function badgeNode(b: BadgeLook): HTMLSpanElement {
  const s = document.createElement("span");
  s.className = `badge sev-${b.severity}`;
  s.dataset.testid = "finding-badge";
  s.dataset.severity = b.severity;
  s.title = b.tip;
  s.setAttribute("aria-label", b.tip);
  s.setAttribute("role", "img");
  const n = document.createElement("span");
  n.setAttribute("aria-hidden", "true");
  n.textContent = String(b.count);
  s.append(severityIconNode(b.severity), n);
  return s;
}
