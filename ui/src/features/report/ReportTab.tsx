// Planned vs actual: one line per session (bold, with its stage) and per segment (indented),
// the overrun of each, the session's cue tally, and the support hours used against the budget.
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import type { Report, ReportRow } from "../../bindings";
import { EmptyState } from "../../components/Empty";
import { WindowedTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import * as ipc from "../../ipc";
import { hour12, setError, view } from "../../state";
import { formatDayKey, formatTime } from "../../time";
import { formatHoursClock } from "../live/live";
import { formatOverrun, groupByDay, isOverBudget, reportLines } from "./report";

const COLUMNS: Column[] = [
  { col: "c-name", label: "report.col.name" },
  { col: "c-range", label: "report.col.planned", class: "num" },
  { col: "c-range", label: "report.col.actual", class: "num" },
  { col: "c-recorded", label: "report.col.source" },
  { col: "c-overrun", label: "report.col.overrun", class: "num", title: "report.col.overrunTitle" },
  { col: "c-cues", label: "report.col.cues" },
];

export function ReportTab() {
  const eventId = () => view()!.data.event.id;
  // A store, so that a reload after an edit re-renders only the lines that changed.
  const [store, setStore] = createStore<{ report: Report | null }>({ report: null });
  const report = () => store.report;
  const setReport = (r: Report) => setStore("report", reconcile(r));
  const [loading, setLoading] = createSignal(false);
  const [exporting, setExporting] = createSignal(false);
  const [savedPath, setSavedPath] = createSignal<string | null>(null);

  // Only the latest request is shown (switching events or refreshing twice).
  let issued = 0;
  const load = async () => {
    const mine = ++issued;
    setLoading(true);
    try {
      const r = await ipc.report({ eventId: eventId() });
      if (mine === issued) setReport(r);
    } catch (e) {
      if (mine === issued) setError(ipc.toErrorPayload(e));
    } finally {
      if (mine === issued) setLoading(false);
    }
  };
  // Shown: load; and again after any edit (undo included) changes the plan.
  createEffect(on([eventId, () => view()!.data.event.revision], () => void load()));
  createEffect(on(eventId, () => setSavedPath(null), { defer: true }));

  const exportCsv = async () => {
    setExporting(true);
    setSavedPath(null);
    try {
      setSavedPath(await ipc.exportReportCsv({ eventId: eventId() }));
      setError(null);
    } catch (e) {
      setError(ipc.toErrorPayload(e));
    } finally {
      setExporting(false);
    }
  };

  const zone = () => report()?.timeZone ?? view()!.data.event.timeZone;
  const fmt = (iso: string) => (iso ? formatTime(iso, zone(), lang(), hour12()) : "");
  const lines = createMemo(() => reportLines(groupByDay(report()?.rows ?? [], zone())));
  const range = (start: string, end: string) =>
    start || end ? `${fmt(start) || t("common.none")} – ${fmt(end) || t("common.none")}` : t("common.none");

  return (
    <main class="tab-page report-page" data-testid="report">
      <div class="page-head">
        <h2>{t("report.title")}</h2>
        <div class="toolbar">
          <button
            type="button"
            data-testid="refresh-report"
            title={t("report.refreshTitle")}
            disabled={loading()}
            onClick={() => void load()}
          >
            ⟳ {t("report.refresh")}
          </button>
          <button
            type="button"
            class="primary"
            data-testid="export-report"
            title={t("report.exportTitle")}
            disabled={exporting()}
            onClick={() => void exportCsv()}
          >
            ⤓ {t("report.export")}
          </button>
        </div>
      </div>
      <Show when={savedPath()}>
        {(path) => (
          <div class="notice" role="status" data-testid="export-path">
            <span class="notice-mark" aria-hidden="true">
              ✓
            </span>
            <span class="notice-text">{t("report.savedTo", { path: path() })}</span>
            <button type="button" class="link" onClick={() => setSavedPath(null)}>
              {t("common.dismiss")}
            </button>
          </div>
        )}
      </Show>
      <Show when={report()} fallback={<p class="hint">{loading() ? t("common.loading") : ""}</p>}>
        {(r) => (
          <>
            <SupportSummary report={r()} />
            <Show
              when={r().rows.length > 0}
              fallback={<EmptyState title={t("report.emptyTitle")} body={t("report.emptyBody")} />}
            >
              <WindowedTable
                class="grid report-table"
                columns={COLUMNS}
                scroll
                testid="report-table"
                busy={loading()}
                each={lines()}
              >
                {(line, i) =>
                  typeof line === "string" ? (
                    <tr class="report-day" data-testid="report-day" aria-rowindex={i() + 2}>
                      <td colspan={COLUMNS.length}>{formatDayKey(line, lang())}</td>
                    </tr>
                  ) : (
                    <ReportLine row={line} range={range} rowindex={i() + 2} />
                  )
                }
              </WindowedTable>
            </Show>
          </>
        )}
      </Show>
    </main>
  );
}

function SupportSummary(props: { report: Report }) {
  const over = () => isOverBudget(props.report.actualSupportMinutes, props.report.budgetMinutes);
  return (
    <div class="report-support" data-testid="report-support" data-over={over()} classList={{ over: over() }}>
      <span>
        {t("report.supportUsed", {
          used: formatHoursClock(props.report.actualSupportMinutes),
          planned: formatHoursClock(props.report.plannedSupportMinutes),
        })}
      </span>
      <span class="sep" aria-hidden="true">
        ·
      </span>
      <span>{t("report.budget", { budget: formatHoursClock(props.report.budgetMinutes) })}</span>
      <span class="sep" aria-hidden="true">
        ·
      </span>
      <span class="report-budget-state">
        {over()
          ? "⚠ " +
            t("report.overBudget", {
              over: formatHoursClock(props.report.actualSupportMinutes - props.report.budgetMinutes),
            })
          : "✓ " + t("report.withinBudget")}
      </span>
    </div>
  );
}

function ReportLine(props: { row: ReportRow; range: (start: string, end: string) => string; rowindex: number }) {
  const row = () => props.row;
  const isSession = () => row().level === "session";
  const overrun = () => formatOverrun(row().overrunSecs);
  const overrunTitle = () =>
    overrun().tone === "long"
      ? t("report.ranLong", { time: overrun().text.slice(1) })
      : overrun().tone === "short"
        ? t("report.ranShort", { time: overrun().text.slice(1) })
        : undefined;
  return (
    <tr
      aria-rowindex={props.rowindex}
      data-testid="report-row"
      data-level={row().level}
      class={`report-${isSession() ? "session" : "segment"}`}
    >
      <td class="report-name">
        <Show
          when={isSession()}
          fallback={
            <span class="report-segment-name" title={row().segment}>
              {row().segment}
            </span>
          }
        >
          <span class="report-session-name" title={`${row().session} · ${row().stage}`}>
            {row().session}
          </span>{" "}
          <span class="muted small">· {row().stage}</span>
        </Show>
      </td>
      <td class="num">{props.range(row().plannedStart, row().plannedEnd)}</td>
      <td class="num">{props.range(row().actualStart, row().actualEnd)}</td>
      <td>
        <Show when={isSession()}>
          <span
            class="report-source"
            classList={{ recorded: row().recorded }}
            data-testid="report-recorded"
            data-recorded={row().recorded}
            title={row().recorded ? t("report.recordedTitle") : t("report.estimatedTitle")}
          >
            {row().recorded ? "✓ " + t("report.recorded") : "≈ " + t("report.estimated")}
          </span>
        </Show>
      </td>
      <td class="num">
        <span class="overrun" data-tone={overrun().tone} title={overrunTitle()}>
          {overrun().text}
        </span>
      </td>
      <td>
        <Show when={isSession()}>
          <CueTally row={row()} />
        </Show>
      </td>
    </tr>
  );
}

const TALLY = [
  ["done", "✓", "report.cuesDone"],
  ["skipped", "↷", "report.cuesSkipped"],
  ["missed", "⚠", "report.cuesMissed"],
  ["open", "…", "report.cuesOpen"],
] as const;

function CueTally(props: { row: ReportRow }) {
  const count = (k: (typeof TALLY)[number][0]) =>
    ({
      done: props.row.cuesDone,
      skipped: props.row.cuesSkipped,
      missed: props.row.cuesMissed,
      open: props.row.cuesOpen,
    })[k];
  return (
    <span class="cue-tally">
      <For each={TALLY}>
        {([k, icon, label]) => (
          <span
            class={`tally tally-${k}`}
            classList={{ zero: count(k) === 0 }}
            data-kind={k}
            title={t(label, { n: count(k) })}
          >
            <span aria-hidden="true">
              {icon} {count(k)}
            </span>
            <span class="sr-only">{t(label, { n: count(k) })}</span>
          </span>
        )}
      </For>
    </span>
  );
}
