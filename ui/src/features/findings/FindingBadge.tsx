import { Show } from "solid-js";
import type { Finding } from "../../bindings";
import { SeverityIcon } from "../../components/Severity";
import { t } from "../../i18n";
import { worstSeverity } from "./findings";

/** Small icon + count on a row or block that has findings; the tooltip lists them. */
export function FindingBadge(props: { findings: Finding[] }) {
  const worst = () => worstSeverity(props.findings);
  const tip = () =>
    t("findings.badgeTitle", {
      list: props.findings.map((f) => `${t(`severity.${f.severity}`)}: ${f.message}`).join(" · "),
    });
  return (
    <Show when={worst()}>
      {(sev) => (
        <span
          class={`badge sev-${sev()}`}
          data-testid="finding-badge"
          data-severity={sev()}
          title={tip()}
          aria-label={tip()}
          role="img"
        >
          <SeverityIcon severity={sev()} />
          <span aria-hidden="true">{props.findings.length}</span>
        </span>
      )}
    </Show>
  );
}
