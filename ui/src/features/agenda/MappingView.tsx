// The file read and how its columns map to session fields: a field per column (detected or picked)
// and the order of day and month in its dates.
import { createEffect, createMemo, For, Index, onMount, Show } from "solid-js";
import { SeverityIcon } from "../../components/Severity";
import { Table, type Column } from "../../components/Table";
import { t } from "../../i18n";
import {
  applyChanges,
  dateOrderNote,
  FIELDS,
  fileFacts,
  fieldLabel,
  missingFields,
  ORDER_CHOICES,
  shownChoice,
  shownHow,
  type Choice,
  type OrderChoice,
} from "./agenda";
import {
  busy,
  changes,
  chooseField,
  chooseSheet,
  order,
  resetChanges,
  setOrder,
  sheetChoice,
  sheetFailed,
  stale,
  takeSheetFocus,
} from "./store";
import type { Field, How, MappedColumn, Prepared, SheetInfo } from "./types";

const COLUMNS: Column[] = [
  { col: "c-letter", label: "agenda.col.letter", class: "center" },
  { col: "c-header", label: "agenda.col.header" },
  { col: "c-samples", label: "agenda.col.samples" },
  { col: "c-field", label: "agenda.col.field" },
];

export function MappingView(props: { prepared: Prepared; base: MappedColumn[] }) {
  // While a re-read failed, the columns as the choices make them (Rust would map them so).
  const cols = createMemo(() => (stale() ? applyChanges(props.base, changes()) : props.prepared.mapping.columns));
  const missing = () => (stale() ? missingFields(cols()) : props.prepared.mapping.missing);
  const hasDate = () => cols().some((c) => c.field === "date");
  const changed = () => Object.keys(changes()).length > 0;
  let heading: HTMLHeadingElement | undefined;
  let sheetSelect: HTMLSelectElement | undefined;
  // Shown after a fresh read: take the reader there (re-reads after a choice keep the focus; after
  // another sheet was read, the focus goes back to its select).
  onMount(() => {
    const el = takeSheetFocus() && sheetSelect ? sheetSelect : heading;
    el?.focus();
  });

  return (
    <div
      class="agenda-block"
      data-testid="agenda-mapping"
      data-ready={String(missing().length === 0)}
      aria-busy={busy() === "read"}
    >
      <div class="agenda-block-head">
        <h4 ref={heading} tabindex="-1">
          {t("agenda.mapping.title")}
        </h4>
        {/* Facts of the sheet read before, while the one picked is refused: not shown. */}
        <Show when={!sheetFailed()}>
          <span class="muted small" data-testid="agenda-file">
            {fileFacts(props.prepared.sheet)}
          </span>
        </Show>
        <Show when={props.prepared.sheet.sheetNames.length > 1}>
          <SheetPick sheet={props.prepared.sheet} ref={(el) => (sheetSelect = el)} />
        </Show>
        <Show when={changed()}>
          <button
            type="button"
            class="small"
            data-testid="agenda-reset-mapping"
            disabled={busy() === "import"}
            onClick={() => void resetChanges()}
          >
            {t("agenda.mapping.reset")}
          </button>
        </Show>
      </div>
      {/* The sheet picked holds no agenda (the refusal is shown above): no columns to map. */}
      <Show when={!sheetFailed()}>
        <MappingBody prepared={props.prepared} cols={cols()} missing={missing()} hasDate={hasDate()} />
      </Show>
    </div>
  );
}

/** The workbook's sheets, the one read selected: picking another reads that one. */
function SheetPick(props: { sheet: SheetInfo; ref: (el: HTMLSelectElement) => void }) {
  let select: HTMLSelectElement | undefined;
  const value = () => sheetChoice() ?? props.sheet.sheetName ?? "";
  createEffect(() => {
    const v = value();
    if (select && select.value !== v) select.value = v;
  });
  return (
    <label class="agenda-sheet-pick small" title={t("agenda.sheetTitle")}>
      <span>{t("agenda.sheet")}</span>
      <select
        ref={(el) => {
          select = el;
          props.ref(el);
        }}
        name="agendaSheet"
        data-testid="agenda-sheet"
        disabled={busy() === "import"}
        onChange={(e) => void chooseSheet(e.currentTarget.value)}
      >
        <For each={props.sheet.sheetNames}>{(n) => <option value={n}>{n}</option>}</For>
      </select>
    </label>
  );
}

function MappingBody(props: { prepared: Prepared; cols: MappedColumn[]; missing: Field[]; hasDate: boolean }) {
  const cols = () => props.cols;
  const missing = () => props.missing;
  const hasDate = () => props.hasDate;
  return (
    <>
      <p class="muted small agenda-block-hint">{t("agenda.mapping.hint")}</p>
      <Table class="grid agenda-map-table" columns={COLUMNS} scroll>
        <tbody>
          {/* By position: a re-read keeps each row (and the focused select) in place. */}
          <Index each={cols()}>{(c) => <ColumnRow col={c()} />}</Index>
        </tbody>
      </Table>
      <Show when={missing().length > 0}>
        <p class="agenda-missing" data-testid="agenda-missing" role="status">
          <SeverityIcon severity="error" />
          <span>
            <strong>{t("agenda.missing", { fields: missing().map((f) => fieldLabel(f)).join(", ") })}</strong>{" "}
            {t("agenda.missingHint")}
          </span>
        </p>
      </Show>
      <Show when={missing().length === 0 && !hasDate()}>
        <p class="muted small">{t("agenda.noDateColumn")}</p>
      </Show>
      <DateOrderControl prepared={props.prepared} />
    </>
  );
}

function ColumnRow(props: { col: MappedColumn }) {
  const c = () => props.col;
  const choice = () => shownChoice(c(), changes());
  const how = () => shownHow(c(), changes());
  const header = () => c().header.trim();
  const samples = () => c().samples.join(" · ");
  let select: HTMLSelectElement | undefined;
  // Set once the options exist (and again whenever a preview or a pick changes the choice).
  createEffect(() => {
    const v = choice();
    if (select && select.value !== v) select.value = v;
  });
  return (
    <tr
      data-testid="agenda-column"
      data-letter={c().letter}
      data-field={choice()}
      data-how={how()}
      classList={{ "col-unread": choice() === "" || choice() === "ignore" }}
    >
      <td class="center mono strong">{c().letter}</td>
      <td class="ellipsis" title={header()}>
        <Show when={header()} fallback={<span class="muted">{t("agenda.noHeader")}</span>}>
          {header()}
        </Show>
      </td>
      <td class="ellipsis agenda-samples" title={samples()}>
        {samples() || t("common.none")}
      </td>
      <td class="agenda-field-cell">
        <div class="field-pick">
          <select
            ref={select}
            name={`agendaField${c().letter}`}
            data-testid="agenda-field"
            aria-label={t("agenda.fieldFor", { letter: c().letter, header: header() || t("agenda.noHeader") })}
            disabled={busy() === "import"}
            onChange={(e) => void chooseField(c().letter, e.currentTarget.value as Choice)}
          >
            <option value="">{t("common.none")}</option>
            {FIELDS.map((f) => (
              <option value={f}>{fieldLabel(f)}</option>
            ))}
          </select>
          <HowTag how={how()} />
        </div>
      </td>
    </tr>
  );
}

function HowTag(props: { how: How }) {
  return (
    <Show when={props.how !== "unmapped"}>
      <span
        class={`how-tag how-${props.how}`}
        data-testid="agenda-how"
        title={t(props.how === "manual" ? "agenda.how.manualTitle" : "agenda.how.detectedTitle")}
      >
        {props.how === "manual" ? "✎ " : ""}
        {t(props.how === "manual" ? "agenda.how.manual" : "agenda.how.detected")}
      </span>
    </Show>
  );
}

const ORDER_LABEL = {
  auto: "agenda.order.auto",
  dayFirst: "agenda.order.dayFirst",
  monthFirst: "agenda.order.monthFirst",
} as const;

function DateOrderControl(props: { prepared: Prepared }) {
  const used = () => props.prepared.plan.dateOrder;
  const note = () => dateOrderNote(used(), order());
  return (
    <fieldset class="agenda-order" data-testid="agenda-date-order" data-basis={used().basis} data-order={used().order}>
      <legend>{t("agenda.order.legend")}</legend>
      <div class="pick-group">
        <For each={ORDER_CHOICES}>
          {(c) => (
            <label class="check pick" title={c === "auto" ? t("agenda.order.autoTitle") : undefined}>
              <input
                type="radio"
                name="agendaDateOrder"
                value={c}
                data-testid={`date-order-${c}`}
                checked={order() === c}
                disabled={busy() === "import"}
                onChange={() => void setOrder(c as OrderChoice)}
              />
              {t(ORDER_LABEL[c])}
            </label>
          )}
        </For>
      </div>
      <Show when={!stale()}>
        <p
          class="agenda-note"
          classList={{ warn: note().tone === "warning" }}
          data-testid="agenda-date-note"
          data-tone={note().tone}
        >
          <Show when={note().tone === "warning"}>
            <SeverityIcon severity="warning" />
            <strong>{t("agenda.order.assumedLead")}</strong>{" "}
          </Show>
          <span>{note().text}</span>
        </p>
      </Show>
    </fieldset>
  );
}
