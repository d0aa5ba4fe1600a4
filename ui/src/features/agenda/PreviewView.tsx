// The preview of an agenda import: the totals, the new stages and people, and every row as it will
// be imported (or why not), a page at a time.
import { createMemo, createSignal, Show } from "solid-js";
import { Check } from "../../components/Field";
import { SeverityIcon } from "../../components/Severity";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import { distinctMatched, isProblem, problemCount, sameAsRows, shortList } from "./agenda";
import { PreviewRow } from "./PreviewRow";
import { busy, problemsOnly, setProblemsOnly } from "./store";
import type { Prepared } from "./types";

/** Rows shown at first, and added by "Show more" (a file may have thousands). */
const PAGE = 300;

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

const COLUMNS: Column[] = [
  { col: "c-row", label: "agenda.col.row", class: "num" },
  { col: "c-outcome", label: "agenda.col.outcome" },
  { col: "c-date", label: "agenda.col.date" },
  { col: "c-time", label: "agenda.col.time" },
  { col: "c-stage", label: "agenda.col.stage" },
  { col: "c-title", label: "agenda.col.title" },
  { col: "c-people", label: "agenda.col.presenters" },
  { col: "c-notes", label: "agenda.col.notes" },
];

export function PreviewView(props: { prepared: Prepared }) {
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
        <Check
          testid="agenda-problems-only"
          checked={problemsOnly()}
          disabled={problems() === 0 && !problemsOnly()}
          onCheck={(checked) => {
            setProblemsOnly(checked);
            setLimit(PAGE);
          }}
        >
          {t("agenda.problemsOnly", { n: problems() })}
        </Check>
        <Show when={problems() === 0}>
          <span class="ok-line small" data-testid="agenda-no-problems">
            <span aria-hidden="true">✓</span> {t("agenda.noProblems")}
          </span>
        </Show>
      </div>
      <DataTable class="grid agenda-rows" columns={COLUMNS} scroll each={visible()}>
        {(r) => <PreviewRow row={r} sameAs={sameAs().get(r.row) ?? null} />}
      </DataTable>
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
