import { Show } from "solid-js";
import type { Finding } from "../../bindings";
import { SeverityIcon } from "../../components/Severity";
import { badgeLook } from "./findings";

/** Small icon + count on a row or block that has findings; the tooltip lists them. (The
 * calendar's blocks draw the same badge without a component: `badgeNode`.) */
export function FindingBadge(props: { findings: Finding[] }) {
  return (
    <Show when={badgeLook(props.findings)}>
      {(b) => (
        <span
          class={`badge sev-${b().severity}`}
          data-testid="finding-badge"
          data-severity={b().severity}
          title={b().tip}
          aria-label={b().tip}
          role="img"
        >
          <SeverityIcon severity={b().severity} />
          <span aria-hidden="true">{b().count}</span>
        </span>
      )}
    </Show>
  );
}
