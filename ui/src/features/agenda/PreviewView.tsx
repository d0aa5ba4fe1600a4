// The preview of an agenda import: the totals, the new stages and people, and every row as it will
// be imported (or why not), a page at a time: the shell keeps the rows and sends the pages asked
// for (a file may have 150,000 rows).
import { createSignal, on, createEffect, Show } from "solid-js";
import { Check } from "../../components/Field";
import { SeverityIcon } from "../../components/Severity";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import * as ipc from "../../ipc";
import { setError } from "../../state";
import { distinctMatched, shortList } from "./agenda";
import { PreviewRow } from "./PreviewRow";
import { busy, problemsOnly, setProblemsOnly, type Shown } from "./store";
import type { RowPlan, RowsPage } from "./types";

/** Rows added by "Show more" (the shell sends the first ones with the preview). */
const PAGE = 300;

/** The rows on screen: the pages asked for so far, of every row or of the rows with problems. */
type Listed = { rows: RowPlan[]; total: number; sameAs: Map<number, number> };

function listed(page: RowsPage, before?: Listed): Listed {
  const sameAs = new Map(before?.sameAs);
  for (const s of page.sameAs) sameAs.set(s.row, s.first);
  return { rows: before ? [...before.rows, ...page.rows] : page.rows, total: page.total, sameAs };
}

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

export function PreviewView(props: { shown: Shown }) {
  const plan = () => props.shown.prepared.plan;
  const counts = () => plan().counts;
  const problems = () => props.shown.first.problems;
  const [list, setList] = createSignal<Listed>(listed(props.shown.first));
  const [loading, setLoading] = createSignal(false);
  const matched = () => distinctMatched(plan().peopleMatched);
  const matchedNames = () => [...new Set(plan().peopleMatched.map((m) => m.personName))];

  // Only the answer to the latest request is shown (a re-read or a toggle meanwhile).
  let asked = 0;
  const fetchRows = async (offset: number, only: boolean, append: boolean) => {
    const mine = ++asked;
    const preview = props.shown.preview;
    setLoading(true);
    try {
      const page = await ipc.agendaRows({ preview, offset, limit: PAGE, problemsOnly: only });
      if (mine === asked) setList((l) => listed(page, append ? l : undefined));
    } catch (e) {
      if (mine === asked) setError(ipc.toErrorPayload(e));
    } finally {
      if (mine === asked) setLoading(false);
    }
  };
  const showFirst = (only: boolean) => {
    if (only) void fetchRows(0, true, false);
    else {
      asked++;
      setLoading(false);
      setList(listed(props.shown.first));
    }
  };
  // A new read of the file: its first page (or its first problems).
  createEffect(on(() => props.shown, () => showFirst(problemsOnly()), { defer: true }));

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
            showFirst(checked);
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
      <DataTable class="grid agenda-rows" columns={COLUMNS} scroll each={list().rows}>
        {(r) => <PreviewRow row={r} sameAs={list().sameAs.get(r.row) ?? null} />}
      </DataTable>
      <Show when={list().total > list().rows.length}>
        <div class="toolbar agenda-more">
          <span class="muted small">
            {t("agenda.shownOf", { shown: list().rows.length, total: list().total })}
          </span>
          <button
            type="button"
            class="small"
            data-testid="agenda-more-rows"
            disabled={loading()}
            onClick={() => void fetchRows(list().rows.length, problemsOnly(), true)}
          >
            {t("agenda.moreRows", { n: Math.min(PAGE, list().total - list().rows.length) })}
          </button>
        </div>
      </Show>
    </div>
  );
}
