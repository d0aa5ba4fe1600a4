import { createMemo, For, Show } from "solid-js";
import type { Severity } from "../../bindings";
import { createWindow } from "../../components/createWindow";
import { SeverityIcon, SeverityTag } from "../../components/Severity";
import { SEVERITIES } from "../../enums";
import { t } from "../../i18n";
import { focusSubject, mode, view, viewRaw } from "../../state";
import { customerCanJump, focusForCustomer } from "../customer/focus";
import { spacers } from "../../components/window";
import { sameItems } from "../../lookup";
import { countBySeverity, severityOrder } from "./findings";

/** One entry's height in px, the gap below it included (entries are windowed: fixed height). */
export const FINDING_PX = 112;

export function FindingsPanel() {
  // Sorted and counted from the plain objects (2,000 findings read through the store cost more
  // than the sort), again after every write into the findings: the same order stops there. Only
  // the entries shown are then taken from the store (they follow an edit).
  const order = createMemo(() => severityOrder(viewRaw("findings")?.findings ?? []), undefined, { equals: sameItems });
  const counts = createMemo(() => countBySeverity(viewRaw("findings")?.findings ?? []), undefined, {
    equals: (a: Record<Severity, number>, b: Record<Severity, number>) =>
      a.error === b.error && a.warning === b.warning && a.info === b.info,
  });
  // Thousands of findings on a big event: only the entries in the panel's viewport are rendered.
  const win = createWindow({ count: () => order().length, rowHeight: FINDING_PX, overscan: 4, renderAll: 100 });
  const shown = createMemo(() => {
    const r = win.range();
    const all = view()?.findings ?? [];
    return order()
      .slice(r.start, r.end)
      .map((i) => all[i]);
  });
  const gap = () => spacers(win.range(), FINDING_PX, order().length);
  const subjectLabel = (kind: string) =>
    kind === "event" || kind === "session" || kind === "segment" || kind === "person" || kind === "destination"
      ? t(`subject.${kind}`)
      : kind === "brandItem"
        ? t("branding.subjectLabel")
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
      <Show when={order().length > 0} fallback={<p class="empty-inline">✓ {t("findings.none")}</p>}>
        <ul
          class="findings-list"
          ref={win.ref}
          style={{ "padding-top": `${6 + gap().before}px`, "padding-bottom": `${6 + gap().after}px` }}
        >
          <For each={shown()}>
            {(f, i) => (
              <li aria-setsize={order().length} aria-posinset={win.range().start + i() + 1}>
                {/* In customer-lead mode a jump goes to the nearest customer tab, or is left out. */}
                <button
                  type="button"
                  class={`finding sev-border-${f.severity}`}
                  data-testid="finding"
                  data-code={f.code}
                  data-severity={f.severity}
                  title={`${f.message}\n${t("findings.jumpTitle", { name: f.subject.name })}`}
                  disabled={mode() === "customer" && !customerCanJump(f.subject.kind)}
                  onClick={() =>
                    mode() === "customer"
                      ? focusForCustomer(f.subject.kind, f.subject.id)
                      : focusSubject(f.subject.kind, f.subject.id)
                  }
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
