// Importing a customer's agenda spreadsheet (CSV or XLSX, English or French): read the file,
// check which column holds what, look at every row as it will be imported, import. Into the open
// event, or — on the Handoff page with no event open — into a new one.
import { createEffect, createMemo, createSignal, For, Index, on, onMount, Show } from "solid-js";
import { FieldError } from "../../components/ErrorBanner";
import { SeverityIcon } from "../../components/Severity";
import { ZoneDatalist, ZONE_LIST_ID } from "../../components/ZoneDatalist";
import { lang, t } from "../../i18n";
import { hour12, openEvent, view } from "../../state";
import { Notice, PathField, Section } from "../handoff/parts";
import { askOpenPath } from "../handoff/store";
import {
  applyChanges,
  blockerText,
  dateOrderNote,
  distinctMatched,
  FIELDS,
  fieldLabel,
  importBlocker,
  isProblem,
  issueText,
  localDay,
  localRange,
  missingFields,
  ORDER_CHOICES,
  outcomeLabel,
  plural,
  problemCount,
  sameAsRows,
  shortList,
  shownChoice,
  shownHow,
  validRows,
  type Choice,
  type OrderChoice,
} from "./agenda";
import {
  acceptValid,
  busy,
  changedSinceRead,
  changes,
  chooseField,
  detected,
  enter,
  failure,
  fieldError,
  newName,
  newZone,
  order,
  path,
  problemsOnly,
  readFile,
  resetChanges,
  result,
  runImport,
  setAcceptValid,
  setNewName,
  setNewZone,
  setOrder,
  setPath,
  setProblemsOnly,
  setResult,
  shown,
  stale,
  zoneCommitted,
} from "./store";
import type { How, MappedColumn, Outcome, PersonRef, Prepared, RowIssue, RowPlan, SheetInfo, SourceCell } from "./types";

/** Rows shown at first, and added by "Show more" (a file may have thousands). */
const PAGE = 300;

const FILTERS = () => [{ name: t("agenda.filterName"), extensions: ["csv", "xlsx"] }];

export function AgendaSection(props: { eventId: string | null; eventName: string | null }) {
  // A preview made for another event (or for a new one) is dropped before anything renders.
  enter(props.eventId);
  createEffect(on(() => props.eventId, (id) => enter(id), { defer: true }));

  const browse = async () => {
    const got = await askOpenPath(path(), FILTERS());
    if (got) setPath(got);
  };

  const submit = (e: Event) => {
    e.preventDefault();
    void readFile(t("error.required"));
  };

  const errFor = (field: string) => (fieldError()?.field === field ? fieldError()!.message : null);

  return (
    <Section id="handoff-agenda" title={t("agenda.title")} testid="handoff-agenda">
      <form class="handoff-form" onSubmit={submit}>
        <p class="muted small">{t("agenda.hint")}</p>
        <PathField
          label={t("agenda.path")}
          testid="agenda-path"
          name="agendaPath"
          value={path()}
          onValue={setPath}
          onBrowse={() => void browse()}
          browseTestid="browse-agenda"
          browseTitle={t("agenda.browseTitle")}
          placeholder={t("agenda.placeholder")}
        />
        <Show
          when={!props.eventId}
          fallback={
            <p class="agenda-target" data-testid="agenda-into-event">
              {t("agenda.intoEvent", { name: props.eventName ?? "" })}
            </p>
          }
        >
          <p class="agenda-target">{t("agenda.intoNew")}</p>
          <div class="form-row agenda-new">
            <label class="field agenda-new-name">
              <span>{t("agenda.newName")}</span>
              <input
                name="agendaNewName"
                data-testid="agenda-new-name"
                autocomplete="off"
                placeholder={t("events.form.namePlaceholder")}
                value={newName()}
                onInput={(e) => setNewName(e.currentTarget.value)}
                onChange={(e) => setNewName(e.currentTarget.value)}
                aria-invalid={!!errFor("event.name")}
                aria-describedby={errFor("event.name") ? "agenda-name-error" : undefined}
              />
              <FieldError message={errFor("event.name")} id="agenda-name-error" />
            </label>
            <label class="field agenda-new-zone">
              <span>{t("agenda.newZone")}</span>
              <input
                name="agendaNewZone"
                data-testid="agenda-new-tz"
                list={ZONE_LIST_ID}
                autocomplete="off"
                spellcheck={false}
                title={t("agenda.newZoneHint")}
                value={newZone()}
                onInput={(e) => setNewZone(e.currentTarget.value)}
                onChange={(e) => {
                  setNewZone(e.currentTarget.value);
                  void zoneCommitted();
                }}
                aria-invalid={!!errFor("event.timeZone")}
                aria-describedby={errFor("event.timeZone") ? "agenda-zone-error" : undefined}
              />
              <FieldError message={errFor("event.timeZone")} id="agenda-zone-error" />
            </label>
          </div>
          <ZoneDatalist />
        </Show>
        <div class="form-actions">
          <button
            type="submit"
            class="primary"
            data-testid="read-agenda"
            title={t("agenda.readTitle")}
            disabled={busy() === "import" || !path().trim()}
            aria-busy={busy() === "read"}
          >
            {busy() === "read" ? t("agenda.reading") : t("agenda.read")}
          </button>
        </div>
      </form>

      <Show when={failure()}>
        {(f) => (
          <div class="agenda-error" role="alert" data-testid="agenda-error" data-code={f().code}>
            <SeverityIcon severity="error" />
            <span>
              <strong>{t("agenda.errorLead")}</strong> <span class="agenda-error-message">{f().message}</span>
            </span>
          </div>
        )}
      </Show>

      <Show when={detected()} keyed>
        {(base) => (
          <Show when={shown()}>
            {(s) => (
              <>
                <MappingView prepared={s().prepared} base={base} />
                <Show when={!stale()}>
                  <PreviewView prepared={s().prepared} />
                  <ImportBar prepared={s().prepared} eventId={props.eventId} eventName={props.eventName} />
                </Show>
              </>
            )}
          </Show>
        )}
      </Show>

      <Show when={result()}>
        {(r) => (
          <Notice testid="agenda-result" onDismiss={() => setResult(null)}>
            <div
              class="strong"
              data-testid="agenda-result-text"
              data-created={String(r().imported.created)}
              data-event-id={r().imported.eventId}
            >
              {plural(r().imported.sessionsAdded, "agenda.added1", "agenda.added", { name: r().name })}
              <Show when={r().imported.created}> {t("agenda.createdNote")}</Show>
            </div>
            <Show when={!r().imported.created}>
              <div data-testid="agenda-undo-hint">{t("agenda.undoHint")}</div>
            </Show>
            <Show when={view()?.data.event.id !== r().imported.eventId}>
              <div class="result-actions">
                <button
                  type="button"
                  class="small primary"
                  data-testid="open-agenda-event"
                  title={t("handoff.openImportedTitle", { name: r().name })}
                  onClick={() => void openEvent(r().imported.eventId)}
                >
                  {t("handoff.openImported")}
                </button>
              </div>
            </Show>
          </Notice>
        )}
      </Show>
    </Section>
  );
}

// ---- the file and its columns ------------------------------------------------------------------

function fileFacts(s: SheetInfo): string {
  const what =
    s.format === "xlsx"
      ? `${t("agenda.fileXlsx", { sheet: s.sheetName ?? "" })}${
          s.sheetNames.length > 1 ? ` ${t("agenda.fileSheets", { n: s.sheetNames.length })}` : ""
        }`
      : t("agenda.fileCsv", {
          encoding: s.encoding ?? "UTF-8",
          delimiter: s.delimiter === "\t" ? t("agenda.tab") : (s.delimiter ?? ","),
        });
  const rows = plural(s.dataRows, "agenda.fileRows1", "agenda.fileRows", { header: s.headerRow });
  return `${what} · ${rows}`;
}

function MappingView(props: { prepared: Prepared; base: MappedColumn[] }) {
  // While a re-read failed, the columns as the choices make them (Rust would map them so).
  const cols = createMemo(() => (stale() ? applyChanges(props.base, changes()) : props.prepared.mapping.columns));
  const missing = () => (stale() ? missingFields(cols()) : props.prepared.mapping.missing);
  const hasDate = () => cols().some((c) => c.field === "date");
  const changed = () => Object.keys(changes()).length > 0;
  let heading: HTMLHeadingElement | undefined;
  // Shown after a fresh read: take the reader there (re-reads after a choice keep the focus).
  onMount(() => heading?.focus());

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
        <span class="muted small" data-testid="agenda-file">
          {fileFacts(props.prepared.sheet)}
        </span>
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
      <p class="muted small agenda-block-hint">{t("agenda.mapping.hint")}</p>
      <div class="table-scroll">
        <table class="grid agenda-map-table">
          <colgroup>
            <col class="c-letter" />
            <col class="c-header" />
            <col class="c-samples" />
            <col class="c-field" />
          </colgroup>
          <thead>
            <tr>
              <th class="center">{t("agenda.col.letter")}</th>
              <th>{t("agenda.col.header")}</th>
              <th>{t("agenda.col.samples")}</th>
              <th>{t("agenda.col.field")}</th>
            </tr>
          </thead>
          <tbody>
            {/* By position: a re-read keeps each row (and the focused select) in place. */}
            <Index each={cols()}>{(c) => <ColumnRow col={c()} />}</Index>
          </tbody>
        </table>
      </div>
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
    </div>
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

// ---- the preview -------------------------------------------------------------------------------

/** One total of the preview's header; errors and warnings get their icon when not zero. */
function Count(props: { id: string; label: string; value: number; tone?: "error" | "warning"; title?: string }) {
  const flagged = () => (props.tone && props.value > 0 ? props.tone : null);
  return (
    <div
      data-count={props.id}
      data-value={props.value}
      classList={{ "count-error": flagged() === "error", "count-warn": flagged() === "warning" }}
      title={props.title}
    >
      <dt>{props.label}</dt>
      <dd class="num">
        <Show when={flagged()}>
          {(tone) => (
            <>
              <SeverityIcon severity={tone()} />{" "}
            </>
          )}
        </Show>
        {new Intl.NumberFormat(lang()).format(props.value)}
      </dd>
    </div>
  );
}

const OUTCOME_MARK: Record<Outcome, string> = { add: "+", alreadyInEvent: "=", duplicateRow: "↑", invalid: "" };

function PreviewView(props: { prepared: Prepared }) {
  const plan = () => props.prepared.plan;
  const counts = () => plan().counts;
  const problems = createMemo(() => problemCount(plan().rows));
  const rows = createMemo(() => (problemsOnly() ? plan().rows.filter(isProblem) : plan().rows));
  const sameAs = createMemo(() => sameAsRows(plan().rows));
  const [limit, setLimit] = createSignal(PAGE);
  const visible = createMemo(() => rows().slice(0, limit()));
  const matched = () => distinctMatched(plan().peopleMatched);
  const matchedNames = () => [...new Set(plan().peopleMatched.map((m) => m.personName))];

  return (
    <div class="agenda-block" data-testid="agenda-preview" aria-busy={busy() === "read"}>
      <div class="agenda-block-head">
        <h4>{t("agenda.preview.title")}</h4>
        <span class="muted small">{t("event.zone", { zone: plan().timeZone })}</span>
      </div>
      <dl class="plan-facts agenda-counts" data-testid="agenda-counts">
        <Count id="rows" label={t("agenda.count.rows")} value={counts().rows} />
        <Count id="toAdd" label={t("agenda.count.toAdd")} value={counts().toAdd} />
        <Count id="alreadyInEvent" label={t("agenda.count.alreadyInEvent")} value={counts().alreadyInEvent} />
        <Show when={counts().duplicates > 0}>
          <Count id="duplicates" label={t("agenda.count.duplicates")} value={counts().duplicates} />
        </Show>
        <Count id="invalid" label={t("agenda.count.invalid")} value={counts().invalid} tone="error" />
        <Show when={counts().warnings > 0}>
          <Count id="warnings" label={t("agenda.count.warnings")} value={counts().warnings} tone="warning" />
        </Show>
        <Count id="newStages" label={t("agenda.count.newStages")} value={counts().newStages} />
        <Count id="newPeople" label={t("agenda.count.newPeople")} value={counts().newPeople} />
        <Count
          id="matchedPeople"
          label={t("agenda.count.matchedPeople")}
          value={matched()}
          title={[t("agenda.matchedPeopleTitle"), ...matchedNames()].join("\n")}
        />
      </dl>
      <Show when={plan().stagesToCreate.length > 0 || plan().peopleToCreate.length > 0}>
        <p class="muted small agenda-new-lists">
          <Show when={plan().stagesToCreate.length > 0}>
            <span data-testid="agenda-new-stages" title={plan().stagesToCreate.map((s) => s.name).join("\n")}>
              {t("agenda.newStagesList", { list: shortList(plan().stagesToCreate.map((s) => s.name)) })}
            </span>
          </Show>
          <Show when={plan().peopleToCreate.length > 0}>
            <span data-testid="agenda-new-people" title={plan().peopleToCreate.map((s) => s.name).join("\n")}>
              {t("agenda.newPeopleList", { list: shortList(plan().peopleToCreate.map((s) => s.name)) })}
            </span>
          </Show>
        </p>
      </Show>
      <div class="toolbar agenda-preview-tools">
        <label class="check">
          <input
            type="checkbox"
            data-testid="agenda-problems-only"
            checked={problemsOnly()}
            disabled={problems() === 0 && !problemsOnly()}
            onChange={(e) => {
              setProblemsOnly(e.currentTarget.checked);
              setLimit(PAGE);
            }}
          />
          {t("agenda.problemsOnly", { n: problems() })}
        </label>
        <Show when={problems() === 0}>
          <span class="ok-line small" data-testid="agenda-no-problems">
            <span aria-hidden="true">✓</span> {t("agenda.noProblems")}
          </span>
        </Show>
      </div>
      <div class="table-scroll">
        <table class="grid agenda-rows">
          <colgroup>
            <col class="c-row" />
            <col class="c-outcome" />
            <col class="c-date" />
            <col class="c-time" />
            <col class="c-stage" />
            <col class="c-title" />
            <col class="c-people" />
            <col class="c-notes" />
          </colgroup>
          <thead>
            <tr>
              <th class="num">{t("agenda.col.row")}</th>
              <th>{t("agenda.col.outcome")}</th>
              <th>{t("agenda.col.date")}</th>
              <th>{t("agenda.col.time")}</th>
              <th>{t("agenda.col.stage")}</th>
              <th>{t("agenda.col.title")}</th>
              <th>{t("agenda.col.presenters")}</th>
              <th>{t("agenda.col.notes")}</th>
            </tr>
          </thead>
          <tbody>
            <For each={visible()}>{(r) => <PreviewRow row={r} sameAs={sameAs().get(r.row) ?? null} />}</For>
          </tbody>
        </table>
      </div>
      <Show when={rows().length > visible().length}>
        <div class="toolbar agenda-more">
          <span class="muted small">
            {t("agenda.shownOf", { shown: visible().length, total: rows().length })}
          </span>
          <button
            type="button"
            class="small"
            data-testid="agenda-more-rows"
            onClick={() => setLimit((n) => n + PAGE)}
          >
            {t("agenda.moreRows", { n: Math.min(PAGE, rows().length - visible().length) })}
          </button>
        </div>
      </Show>
    </div>
  );
}

function PreviewRow(props: { row: RowPlan; sameAs: number | null }) {
  const r = () => props.row;
  const skipped = () => r().outcome === "alreadyInEvent" || r().outcome === "duplicateRow";
  const locale = () => lang();
  return (
    <tr
      data-testid="agenda-row"
      data-row={r().row}
      data-outcome={r().outcome}
      classList={{
        "row-invalid": r().outcome === "invalid",
        "row-warn": r().outcome !== "invalid" && r().warnings.length > 0,
        "row-skip": skipped(),
      }}
    >
      <td class="num mono">{r().row}</td>
      <td>
        <span class={`outcome outcome-${r().outcome}`} title={r().skipped ? issueText(r().skipped!) : undefined}>
          <Show when={r().outcome === "invalid"} fallback={<span class="outcome-mark" aria-hidden="true">{OUTCOME_MARK[r().outcome]}</span>}>
            <SeverityIcon severity="error" />
          </Show>
          {outcomeLabel(r().outcome, props.sameAs)}
        </span>
      </td>
      <Show
        when={r().session}
        fallback={
          <td colspan="5" class="agenda-source" title={sourceLine(r().cells)}>
            <span class="muted">{t("agenda.inFile")}</span> {sourceLine(r().cells) || t("common.none")}
          </td>
        }
      >
        {(s) => (
          <>
            <td class="nowrap">{localDay(s().localStart, locale())}</td>
            <td class="nowrap">{localRange(s().localStart, s().localEnd, locale(), hour12())}</td>
            <td class="agenda-stage" title={s().stage.name}>
              <span class="ellipsis">{s().stage.name}</span>
              <Show when={s().stage.kind === "new" && r().outcome === "add"}>
                <NewTag title={t("agenda.newStageTitle")} />
              </Show>
            </td>
            <td class="ellipsis strong-title" title={s().description ? `${s().title}\n\n${s().description}` : s().title}>
              {s().title}
            </td>
            <td class="agenda-people">
              <For each={s().presenters}>{(p) => <Presenter person={p} />}</For>
            </td>
          </>
        )}
      </Show>
      <td class="agenda-notes">
        <Show when={r().errors.length > 0 || r().warnings.length > 0}>
          <ul class="agenda-issues">
            <For each={r().errors}>{(i) => <Issue issue={i} severity="error" />}</For>
            <For each={r().warnings}>{(i) => <Issue issue={i} severity="warning" />}</For>
          </ul>
        </Show>
      </td>
    </tr>
  );
}

/** An unreadable row as the file has it: `Title: Panel · Start: 9h7x`. */
function sourceLine(cells: readonly SourceCell[]): string {
  const sep = lang() === "fr-CA" ? " : " : ": ";
  return cells
    .filter((c) => c.text.trim() !== "")
    .map((c) => `${fieldLabel(c.field)}${sep}${c.text}`)
    .join(" · ");
}

function Issue(props: { issue: RowIssue; severity: "error" | "warning" }) {
  return (
    <li
      class={`agenda-issue issue-${props.severity}`}
      data-testid={props.severity === "error" ? "agenda-row-error" : "agenda-row-warning"}
      data-code={props.issue.code}
    >
      <SeverityIcon severity={props.severity} />
      <span class="sr-only">
        {t(`severity.${props.severity}`)}
        {lang() === "fr-CA" ? " : " : ": "}
      </span>
      <span>{issueText(props.issue)}</span>
    </li>
  );
}

function NewTag(props: { title: string }) {
  return (
    <span class="new-tag" title={props.title} data-testid="agenda-new-tag">
      {t("agenda.new")}
    </span>
  );
}

type Matched = Extract<PersonRef, { kind: "existing" }>;

function Presenter(props: { person: PersonRef }) {
  const p = () => props.person;
  const matched = (): Matched | null => {
    const x = p();
    return x.kind === "existing" ? x : null;
  };
  return (
    <Show
      when={matched()}
      fallback={
        <span class="presenter presenter-new" data-kind="new">
          {p().name}
          <NewTag title={t("agenda.newPersonTitle")} />
        </span>
      }
    >
      {(e) => (
        <span
          class="presenter presenter-matched"
          data-kind="existing"
          title={t("agenda.matchedTitle", { name: e().name }) + (e().written !== e().name ? ` (${e().written})` : "")}
        >
          <span class="matched-mark" aria-hidden="true">
            ✓
          </span>
          {e().name}
          <span class="sr-only"> ({t("agenda.matched")})</span>
        </span>
      )}
    </Show>
  );
}

// ---- import --------------------------------------------------------------------------------------

function ImportBar(props: { prepared: Prepared; eventId: string | null; eventName: string | null }) {
  const counts = () => props.prepared.plan.counts;
  const blocker = () =>
    importBlocker({
      ready: props.prepared.mapping.ready,
      counts: counts(),
      acceptValid: acceptValid(),
      changed: changedSinceRead(),
    });
  return (
    <div class="agenda-import">
      <Show when={counts().invalid > 0 && counts().toAdd > 0}>
        <label class="check agenda-accept">
          <input
            type="checkbox"
            name="agendaAcceptValid"
            data-testid="accept-valid"
            checked={acceptValid()}
            disabled={busy() === "import"}
            onChange={(e) => setAcceptValid(e.currentTarget.checked)}
          />
          <span>{plural(validRows(counts()), "agenda.acceptValid1", "agenda.acceptValid")}</span>
        </label>
      </Show>
      <div class="form-actions apply-bar">
        <button
          type="button"
          class="primary"
          data-testid="import-agenda-rows"
          title={t(props.eventId ? "agenda.importTitle" : "agenda.importNewTitle")}
          disabled={blocker() !== null || busy() !== null}
          aria-busy={busy() === "import"}
          aria-describedby={blocker() ? "agenda-import-hint" : undefined}
          onClick={() => void runImport(t("error.required"), props.eventName)}
        >
          {busy() === "import"
            ? t("agenda.importing")
            : plural(counts().toAdd, "agenda.import1", "agenda.import")}
        </button>
        <Show when={blocker()}>
          {(b) => (
            <span class="apply-hint" id="agenda-import-hint" data-testid="agenda-import-hint" data-blocker={b()}>
              {blockerText(b(), counts().invalid)}
            </span>
          )}
        </Show>
      </div>
    </div>
  );
}
