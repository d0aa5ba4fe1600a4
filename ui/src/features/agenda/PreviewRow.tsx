// One row of the agenda preview: its outcome, the session it makes (or the file's text when it
// makes none), its presenters and its problems.
import { For, Show } from "solid-js";
import { SeverityIcon } from "../../components/Severity";
import { lang, t } from "../../i18n";
import { hour12 } from "../../state";
import { fieldLabel, issueText, localDay, localRange, outcomeLabel } from "./agenda";
import type { Outcome, PersonRef, RowIssue, RowPlan, SourceCell } from "./types";

const OUTCOME_MARK: Record<Outcome, string> = { add: "+", alreadyInEvent: "=", duplicateRow: "↑", invalid: "" };

export function PreviewRow(props: { row: RowPlan; sameAs: number | null }) {
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
