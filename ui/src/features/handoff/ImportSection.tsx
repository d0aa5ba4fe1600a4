// Importing a handoff package: open (verified, nothing written), look at what it would do,
// pick a side for each conflict, import; then the outcome and a way to the event.
import { JobProgress } from "../../components/JobProgress";
import { createMemo, For, Match, onMount, Show, Switch } from "solid-js";
import type { Change, FieldDiff, ImportPlan, Imported, MergeItem, MergePreview, Pick as Side } from "../../bindings";
import { SeverityIcon } from "../../components/Severity";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import { hour12, openEvent, view } from "../../state";
import { formatDateTime, machineZone } from "../../time";
import {
  changeLabel,
  choiceOf,
  fieldLine,
  kindLabel,
  madeByLabel,
  pickAllConflicts,
  previewSummary,
  sortItems,
  unresolvedConflicts,
} from "./handoff";
import { Notice, PathField, Section } from "./parts";
import {
  applyPackage,
  askOpenPath,
  busy,
  closePackage,
  importPath,
  openPackage,
  pick,
  picks,
  plan,
  result,
  setImportPath,
  setPicks,
  setResult,
} from "./store";

const MERGE_COLUMNS: Column[] = [
  { col: "c-kind", label: "handoff.col.kind" },
  { col: "c-label", label: "handoff.col.label" },
  { col: "c-change", label: "handoff.col.ours", title: "handoff.col.oursTitle" },
  { col: "c-change", label: "handoff.col.theirs", title: "handoff.col.theirsTitle" },
  { col: "c-fields", label: "handoff.col.fields" },
  { col: "c-choice", label: "handoff.col.choice" },
];

export function ImportSection() {
  const browse = async () => {
    const got = await askOpenPath(importPath(), [{ name: t("handoff.filterName"), extensions: ["showcall"] }]);
    if (got) setImportPath(got);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    void openPackage();
  };

  return (
    <Section id="handoff-import" title={t("handoff.import.title")} testid="handoff-import">
      <form class="handoff-form" onSubmit={submit}>
        <p class="muted small">{t("handoff.import.hint")}</p>
        <PathField
          label={t("handoff.import.path")}
          testid="import-path"
          name="importPath"
          value={importPath()}
          onValue={setImportPath}
          onBrowse={() => void browse()}
          browseTestid="browse-import"
          browseTitle={t("handoff.browseOpenTitle")}
          placeholder={t("handoff.import.placeholder")}
        />
        <div class="form-actions">
          <button
            type="submit"
            class="primary"
            data-testid="open-package"
            title={t("handoff.openTitle")}
            disabled={busy() !== null || !importPath().trim()}
            aria-busy={busy() === "open"}
          >
            {busy() === "open" ? t("handoff.opening") : t("handoff.open")}
          </button>
        </div>
        <JobProgress slot="open" />
      </form>
      <Show when={plan()} keyed>
        {(p) => <PlanView plan={p} />}
      </Show>
      <Show when={result()}>{(r) => <ImportResult imported={r().imported} name={r().name} />}</Show>
    </Section>
  );
}

function PlanView(props: { plan: ImportPlan }) {
  const p = () => props.plan;
  const preview = () => {
    const a = p().action;
    return a.kind === "merge" ? a.preview : null;
  };
  let heading: HTMLHeadingElement | undefined;
  onMount(() => heading?.focus());

  return (
    <div class="import-plan" data-testid="import-plan" data-action={p().action.kind}>
      <div class="plan-head">
        <h4 ref={heading} tabindex="-1" class="ellipsis" title={p().eventName} data-testid="plan-event">
          {p().eventName}
        </h4>
        <Show when={p().streamKeysIncluded}>
          <span class="keys-badge" data-testid="plan-keys">
            <SeverityIcon severity="warning" />
            {t("handoff.plan.keys")}
          </span>
        </Show>
      </div>
      <dl class="plan-facts">
        <div>
          <dt>{t("handoff.plan.madeBy")}</dt>
          <dd data-testid="plan-made-by" data-made-by={p().madeBy}>
            {madeByLabel(p().madeBy)}
          </dd>
        </div>
        <div>
          <dt>{t("handoff.plan.createdAt")}</dt>
          <dd data-testid="plan-created">{formatDateTime(p().createdAt, machineZone(), lang(), hour12())}</dd>
        </div>
        <div>
          <dt>{t("handoff.plan.sessions")}</dt>
          <dd class="num" data-testid="plan-sessions">
            {new Intl.NumberFormat(lang()).format(p().sessions)}
          </dd>
        </div>
        <div>
          <dt>{t("handoff.plan.people")}</dt>
          <dd class="num" data-testid="plan-people">
            {new Intl.NumberFormat(lang()).format(p().people)}
          </dd>
        </div>
        <div>
          <dt>{t("handoff.plan.files")}</dt>
          <dd class="num" data-testid="plan-files">
            {new Intl.NumberFormat(lang()).format(p().files)}
          </dd>
        </div>
      </dl>
      <Switch>
        <Match when={p().action.kind === "new"}>
          <p class="plan-action" data-testid="plan-new">
            {t("handoff.new")}
          </p>
          <ApplyBar unresolved={0} />
        </Match>
        <Match when={p().action.kind === "unchanged"}>
          <p class="plan-action" data-testid="plan-unchanged">
            <span class="notice-mark ok-mark" aria-hidden="true">
              ✓
            </span>{" "}
            {t("handoff.unchanged")}
          </p>
          <div class="form-actions">
            <button type="button" data-testid="close-package" onClick={() => void closePackage()}>
              {t("common.close")}
            </button>
          </div>
        </Match>
        <Match when={preview()}>{(pv) => <MergeView preview={pv()} />}</Match>
      </Switch>
    </div>
  );
}

/** Import and Cancel, with what still blocks the import. */
function ApplyBar(props: { unresolved: number; nothingNew?: boolean }) {
  return (
    <div class="form-actions apply-bar">
      <button
        type="button"
        class="primary"
        data-testid="apply-package"
        title={t("handoff.applyTitle")}
        disabled={props.unresolved > 0 || busy() !== null}
        aria-busy={busy() === "apply"}
        aria-describedby={props.unresolved > 0 ? "apply-hint" : undefined}
        onClick={() => void applyPackage()}
      >
        {busy() === "apply" ? t("handoff.applying") : t("handoff.apply")}
      </button>
      <JobProgress slot="apply" />
      <button
        type="button"
        data-testid="cancel-package"
        disabled={busy() === "apply"}
        onClick={() => void closePackage()}
      >
        {t("common.cancel")}
      </button>
      <Show when={props.unresolved > 0}>
        <span class="apply-hint" id="apply-hint" data-testid="apply-hint">
          {t(props.unresolved === 1 ? "handoff.left1" : "handoff.left", { n: props.unresolved })}
        </span>
      </Show>
      <Show when={props.unresolved === 0 && props.nothingNew}>
        <span class="muted small" data-testid="nothing-new">
          {t("handoff.nothingNew")}
        </span>
      </Show>
    </div>
  );
}

function MergeView(props: { preview: MergePreview }) {
  const items = createMemo(() => sortItems(props.preview.items));
  const conflicts = () => props.preview.items.filter((i) => i.conflict).length;
  const unresolved = () => unresolvedConflicts(props.preview.items, picks());
  // Every item keeps what is here: importing changes nothing.
  const nothingNew = () => props.preview.items.every((i) => choiceOf(i, picks()) === "ours");
  const allTo = (side: Side) => setPicks((p) => pickAllConflicts(props.preview.items, p, side));

  return (
    <div class="merge" data-has-base={String(props.preview.hasBase)}>
      <p class="merge-summary" data-testid="merge-summary">
        <strong>{previewSummary(props.preview)}</strong>
        <span class="muted"> — {t(props.preview.hasBase ? "handoff.hasBase" : "handoff.noBase")}</span>
      </p>
      <div class="toolbar merge-tools">
        <button
          type="button"
          class="small"
          data-testid="all-ours"
          disabled={conflicts() === 0 || busy() !== null}
          onClick={() => allTo("ours")}
        >
          {t("handoff.allOurs")}
        </button>
        <button
          type="button"
          class="small"
          data-testid="all-theirs"
          disabled={conflicts() === 0 || busy() !== null}
          onClick={() => allTo("theirs")}
        >
          {t("handoff.allTheirs")}
        </button>
      </div>
      <DataTable class="grid merge-table" columns={MERGE_COLUMNS} scroll testid="merge-preview" each={items()}>
        {(item) => <MergeRow item={item} />}
      </DataTable>
      <ApplyBar unresolved={unresolved()} nothingNew={nothingNew()} />
    </div>
  );
}

function MergeRow(props: { item: MergeItem }) {
  const item = () => props.item;
  const choice = () => choiceOf(item(), picks());
  const group = () => `pick:${item().key}`;
  return (
    <tr
      data-testid="merge-item"
      data-key={item().key}
      data-kind={item().kind}
      data-conflict={String(item().conflict)}
      data-choice={choice() ?? ""}
      classList={{ "merge-conflict": item().conflict, unresolved: item().conflict && !choice() }}
    >
      <td class="merge-kind">{kindLabel(item().kind)}</td>
      <td class="merge-label">
        <div class="label-line">
          <Show when={item().conflict}>
            <span class="conflict-badge" data-testid="conflict-badge" title={t("handoff.conflictTitle")}>
              <SeverityIcon severity="error" />
              {t("handoff.conflict")}
            </span>
          </Show>
          <span class="ellipsis" title={item().label}>
            {item().label || t("common.none")}
          </span>
        </div>
      </td>
      <td>
        <ChangeTag change={item().ours} testid="change-ours" />
      </td>
      <td>
        <ChangeTag change={item().theirs} testid="change-theirs" />
      </td>
      <td class="merge-fields">
        <FieldList fields={item().fields} />
      </td>
      <td class="merge-choice">
        <div class="pick-group" role="radiogroup" aria-label={t("handoff.pickFor", { label: item().label })}>
          <label class="check pick">
            <input
              type="radio"
              name={group()}
              value="ours"
              data-testid="pick-ours"
              checked={choice() === "ours"}
              disabled={busy() !== null}
              onChange={() => pick(item().key, "ours")}
            />
            {t("handoff.pickOurs")}
          </label>
          <label class="check pick">
            <input
              type="radio"
              name={group()}
              value="theirs"
              data-testid="pick-theirs"
              checked={choice() === "theirs"}
              disabled={busy() !== null}
              onChange={() => pick(item().key, "theirs")}
            />
            {t("handoff.pickTheirs")}
          </label>
        </div>
      </td>
    </tr>
  );
}

const CHANGE_MARK: Record<Change, string> = { added: "+", changed: "✎", removed: "−" };

function ChangeTag(props: { change: Change | null; testid: string }) {
  return (
    <span class="change" data-change={props.change ?? "none"} data-testid={props.testid}>
      <Show when={props.change}>
        {(c) => (
          <span class="change-mark" aria-hidden="true">
            {CHANGE_MARK[c()]}
          </span>
        )}
      </Show>
      {changeLabel(props.change)}
    </span>
  );
}

/** How many changed fields a row shows before "+N more". */
const FIELDS_SHOWN = 3;

function FieldList(props: { fields: FieldDiff[] }) {
  const lines = () => props.fields.map((f) => fieldLine(f));
  const rest = () => lines().slice(FIELDS_SHOWN);
  return (
    <Show when={lines().length > 0} fallback={<span class="muted">{t("common.none")}</span>}>
      <ul class="field-diffs">
        <For each={lines().slice(0, FIELDS_SHOWN)}>
          {(l) => (
            <li class="mono ellipsis" title={l.full}>
              {l.short}
            </li>
          )}
        </For>
        <Show when={rest().length > 0}>
          <li class="muted small" title={rest().map((l) => l.full).join("\n")}>
            {t("handoff.moreFields", { n: rest().length })}
          </li>
        </Show>
      </ul>
    </Show>
  );
}

function ImportResult(props: { imported: Imported; name: string }) {
  const r = () => props.imported;
  // The new event (or a merged one that is not the event open now) can be opened from here.
  const canOpen = () => view()?.data.event.id !== r().eventId;
  return (
    <Notice testid="import-result" onDismiss={() => setResult(null)}>
      <div class="strong" data-testid="import-outcome" data-created={String(r().created)}>
        {t(r().created ? "handoff.resultNew" : "handoff.resultMerged", { name: props.name })}
      </div>
      <Show when={r().backup}>
        {(b) => <div data-testid="import-backup">{t("handoff.backup", { path: b() })}</div>}
      </Show>
      <Show when={r().restored.length > 0}>
        <div data-testid="import-restored">{t("handoff.restored", { list: r().restored.join(", ") })}</div>
      </Show>
      <Show when={r().streamKeysSet > 0}>
        <div data-testid="import-keys-set">
          {t(r().streamKeysSet === 1 ? "handoff.keysSet1" : "handoff.keysSet", { n: r().streamKeysSet })}
        </div>
      </Show>
      <Show when={r().streamKeysKept.length > 0}>
        <div data-testid="import-keys-kept">{t("handoff.keysKept", { list: r().streamKeysKept.join(", ") })}</div>
      </Show>
      <Show when={r().filesAdded > 0}>
        <div data-testid="import-files">
          {t(r().filesAdded === 1 ? "handoff.filesAdded1" : "handoff.filesAdded", { n: r().filesAdded })}
        </div>
      </Show>
      <Show when={canOpen()}>
        <div class="result-actions">
          <button
            type="button"
            class="small primary"
            data-testid="open-imported"
            title={t("handoff.openImportedTitle", { name: props.name })}
            onClick={() => void openEvent(r().eventId)}
          >
            {t("handoff.openImported")}
          </button>
        </div>
      </Show>
    </Notice>
  );
}
