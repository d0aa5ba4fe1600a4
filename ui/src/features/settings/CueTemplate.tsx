// The event's cue template: which generated cues go out and how long before each the
// heads-up comes. Each change is one `setCueSetting` edit (undoable like any other).
import { createEffect, createSignal, on } from "solid-js";
import type { CueKind } from "../../bindings";
import { commitCell, createInFlight } from "../../components/commitCell";
import { FieldError } from "../../components/ErrorBanner";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import { applyEdit, view } from "../../state";
import { formatDuration, parseDuration } from "../../time";
import { cueSettingFor, cueFieldOf, setCueSettingEdit, TEMPLATE_CUE_KINDS } from "../cues/cues";

const COLUMNS: Column[] = [
  { col: "c-kind", label: "cueTemplate.col.kind" },
  { col: "c-on", label: "cueTemplate.col.enabled", class: "center" },
  { col: "c-lead", label: "cueTemplate.col.lead", class: "num" },
];

export function CueTemplate() {
  return (
    <section class="card cue-template" data-testid="cue-template" aria-labelledby="cue-template-title">
      <h3 id="cue-template-title">{t("cueTemplate.title")}</h3>
      <p class="muted small">{t("cueTemplate.hint")}</p>
      <DataTable class="grid compact ct-table" columns={COLUMNS} each={TEMPLATE_CUE_KINDS}>
        {(kind) => <CueSettingRow kind={kind} />}
      </DataTable>
    </section>
  );
}

function CueSettingRow(props: { kind: CueKind }) {
  const setting = () => cueSettingFor(view()!.data.cueSettings, props.kind);
  const [err, setErr] = createSignal<string | null>(null);
  createEffect(on(lang, () => setErr(null), { defer: true }));
  const errId = () => `cue-setting-${props.kind}-error`;
  const label = () => t(`cueKind.${props.kind}`);

  const save = async (enabled: boolean, leadSecs: number): Promise<boolean> => {
    const r = await applyEdit(setCueSettingEdit(props.kind, enabled, leadSecs));
    if (r.ok) {
      setErr(null);
      return true;
    }
    const f = cueFieldOf(r.error.field);
    if (f === "leadSecs" || f === null) setErr(r.error.message);
    return false;
  };

  const inFlight = createInFlight();
  const savedLead = () => formatDuration(setting().leadSecs);
  const commitLead = async (el: HTMLInputElement) => {
    const text = el.value;
    const saved = savedLead();
    if (text === saved) {
      setErr(null);
      return;
    }
    if (inFlight.has(text)) return;
    const secs = parseDuration(text);
    if (secs === null) {
      setErr(t("error.invalidDuration"));
      return;
    }
    if (secs === setting().leadSecs) {
      setErr(null);
      el.value = saved;
      return;
    }
    await inFlight.run(text, async () => {
      if (await save(setting().enabled, secs)) el.value = savedLead();
    });
  };
  const leadCell = commitCell({ saved: savedLead, commit: commitLead, onRevert: () => setErr(null) });

  return (
    <tr data-testid="cue-setting-row" data-kind={props.kind} classList={{ "cue-off": !setting().enabled }}>
      <td class="ellipsis" title={label()}>
        {label()}
      </td>
      <td class="center">
        <input
          type="checkbox"
          data-testid="cue-setting-enabled"
          data-kind={props.kind}
          aria-label={t("cueTemplate.enabledFor", { kind: label() })}
          checked={setting().enabled}
          onChange={async (e) => {
            const el = e.currentTarget;
            if (!(await save(el.checked, setting().leadSecs))) el.checked = setting().enabled;
          }}
        />
      </td>
      <td>
        <input
          class="cell-input num"
          data-testid="cue-setting-lead"
          data-kind={props.kind}
          name={`cueLead-${props.kind}`}
          autocomplete="off"
          spellcheck={false}
          aria-label={t("cueTemplate.leadFor", { kind: label() })}
          title={t("cueTemplate.leadInput")}
          aria-invalid={err() ? true : undefined}
          aria-describedby={err() ? errId() : undefined}
          value={formatDuration(setting().leadSecs)}
          onKeyDown={leadCell.onKeyDown}
          onBlur={leadCell.onBlur}
        />
        <FieldError message={err()} id={errId()} />
      </td>
    </tr>
  );
}
