import { For, Show } from "solid-js";
import { SeverityIcon, SeverityTag } from "../../components/Severity";
import { SEVERITIES } from "../../enums";
import { t } from "../../i18n";
import { focusSubject, view } from "../../state";
import { countBySeverity, sortFindings } from "./findings";

export function FindingsPanel() {
  const list = () => sortFindings(view()?.findings ?? []);
  const counts = () => countBySeverity(list());
  const subjectLabel = (kind: string) =>
    kind === "event" || kind === "session" || kind === "segment" || kind === "person" || kind === "destination"
      ? t(`subject.${kind}`)
      : kind;
  return (
    <aside class="findings-panel" data-testid="findings" aria-labelledby="findings-title">
      <div class="panel-head">
        <h2 id="findings-title">{t("findings.title")}</h2>
        <span class="finding-counts" data-testid="finding-counts">
          <For each={SEVERITIES}>
            {(sev) => (
              <span
                class={`sev sev-${sev}`}
                title={t(`severity.${sev}`)}
                aria-label={`${t(`severity.${sev}`)}: ${counts()[sev]}`}
              >
                <SeverityIcon severity={sev} />
                {counts()[sev]}
              </span>
            )}
          </For>
        </span>
      </div>
      <Show when={list().length > 0} fallback={<p class="empty-inline">✓ {t("findings.none")}</p>}>
        <ul class="findings-list">
          <For each={list()}>
            {(f) => (
              <li>
                <button
                  type="button"
                  class={`finding sev-border-${f.severity}`}
                  data-testid="finding"
                  data-code={f.code}
                  data-severity={f.severity}
                  title={t("findings.jumpTitle", { name: f.subject.name })}
                  onClick={() => focusSubject(f.subject.kind, f.subject.id)}
                >
                  <SeverityTag severity={f.severity} />
                  <span class="finding-msg">{f.message}</span>
                  <span class="finding-subject">
                    {subjectLabel(f.subject.kind)} · {f.subject.name}
                  </span>
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </aside>
  );
}
