// RTMP destinations: where restreamed sessions also go, their stream keys and connection tests.
import { createSignal, For, Show } from "solid-js";
import type { ConnectionTest, Destination } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { EmptyState } from "../../components/Empty";
import { Check } from "../../components/Field";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import { applyEdit, confirmKeyHost, highlight, hour12, runDestinationTest, view } from "../../state";
import { FindingBadge } from "../findings/FindingBadge";
import { findingsOf } from "../../indexes";
import { lastTestLine, maskedKey, sessionTitles, stageLines, testSummary } from "./destinations";
import { DestinationForm } from "./DestinationForm";
import { ensurePresets, presetName } from "./presets";

interface TestRun {
  running: boolean;
  result: ConnectionTest | null;
  error: string | null;
}

const COLUMNS: Column[] = [
  { col: "c-name", label: "dest.col.name" },
  { col: "c-platform", label: "dest.col.platform" },
  { col: "c-url", label: "dest.col.server" },
  { col: "c-sessions", label: "dest.col.sessions" },
  { col: "c-key", label: "dest.col.key" },
  { col: "c-status", label: "dest.col.status" },
  { col: "c-actions", label: "common.actions", class: "actions-col" },
];

export function DestinationsTab() {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  ensurePresets();

  // null: no form; otherwise the destination edited (id null: a new one). `n` opens a fresh form.
  const [editing, setEditing] = createSignal<{ id: string | null; n: number } | null>(null);
  let formN = 0;
  const openForm = (id: string | null) => setEditing({ id, n: ++formN });

  const [publish, setPublish] = createSignal(false);
  const [tests, setTests] = createSignal<Record<string, TestRun>>({});
  const setTest = (id: string, run: TestRun | null) =>
    setTests((all) => {
      const next = { ...all };
      if (run) next[id] = run;
      else delete next[id];
      return next;
    });

  const runTest = async (d: Destination) => {
    if (tests()[d.id]?.running) return;
    setTest(d.id, { running: true, result: null, error: null });
    const r = await runDestinationTest(d.id, publish());
    setTest(
      d.id,
      r.ok
        ? { running: false, result: r.result, error: null }
        : { running: false, result: null, error: r.error.message },
    );
  };

  const remove = async (d: Destination) => {
    if (await askConfirm(t("dest.confirmDelete", { name: d.name }), t("common.delete"))) {
      const r = await applyEdit({ type: "deleteDestination", id: d.id });
      if (r.ok) {
        setTest(d.id, null);
        if (editing()?.id === d.id) setEditing(null);
      }
    }
  };

  const flashed = (id: string) => highlight()?.kind === "destination" && highlight()?.id === id;

  return (
    <main class="tab-page destinations-page" data-testid="destinations">
      <div class="page-head">
        <h2>{t("dest.title")}</h2>
        <div class="toolbar">
          <button type="button" class="primary" data-testid="add-destination" onClick={() => openForm(null)}>
            + {t("dest.add")}
          </button>
        </div>
      </div>
      <Show when={editing()} keyed>
        {(e) => <DestinationForm id={e.id} onDone={() => setEditing(null)} />}
      </Show>
      <Show
        when={v().data.destinations.length > 0}
        fallback={<EmptyState testid="destinations-empty" title={t("dest.emptyTitle")} body={t("dest.emptyBody")} />}
      >
        <div class="toolbar dest-test-bar">
          <Check title={t("dest.testPublishHint")} name="testPublish" checked={publish()} onCheck={setPublish}>
            {t("dest.testPublish")}
          </Check>
          <span class="muted small">{t("dest.testPublishHint")}</span>
        </div>
        <DataTable class="grid destinations-table" columns={COLUMNS} scroll each={v().data.destinations}>
          {(d) => {
            const titles = () => sessionTitles(d, v().data.sessions);
            const mask = () => maskedKey(d);
            const last = () => lastTestLine(d.lastTest, zone(), new Date(), lang(), hour12());
            const run = () => tests()[d.id];
            return (
              <>
                <tr data-testid="destination-row" data-id={d.id} classList={{ flash: flashed(d.id) }}>
                  <td class="strong dest-name">
                    {d.name} <FindingBadge findings={findingsOf("destination", d.id)} />
                  </td>
                  <td data-testid="destination-platform">{presetName(d.preset)}</td>
                  <td class="mono ellipsis dest-url" title={d.serverUrl}>
                    {d.serverUrl || t("common.none")}
                  </td>
                  <td class="ellipsis dest-sessions-cell" title={titles().join(", ")}>
                    <Show when={titles().length > 0} fallback={<span class="muted">{t("dest.noSessions")}</span>}>
                      {titles().join(", ")}
                    </Show>
                  </td>
                  <td data-testid="destination-key" classList={{ mono: !!mask(), muted: !mask() }}>
                    {mask() ?? t("dest.noKey")}
                  </td>
                  <td class="dest-status" data-testid="destination-status" data-status={d.status}>
                    <div>{t(`destStatus.${d.status}`)}</div>
                    <div
                      class={`small test-line test-${last().tone}`}
                      data-testid="destination-last-test"
                      data-tone={last().tone}
                      title={last().text}
                    >
                      {last().tone === "ok" ? "✓ " : last().tone === "fail" ? "✗ " : ""}
                      {last().text}
                    </div>
                    <Show when={d.keyEnteredFor}>
                      {(host) => (
                        <div class="small key-host-moved" data-testid="destination-key-host">
                          <span class="test-fail">{t("dest.keyHostMoved", { host: host() })}</span>{" "}
                          <button
                            type="button"
                            class="small"
                            data-testid="confirm-key-host"
                            onClick={() => void confirmKeyHost(d.id)}
                          >
                            {t("dest.keyHostConfirm")}
                          </button>
                        </div>
                      )}
                    </Show>
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="small"
                      data-testid="test-destination"
                      title={t("dest.testTitle", { name: d.name })}
                      aria-busy={run()?.running ?? false}
                      disabled={run()?.running ?? false}
                      onClick={() => void runTest(d)}
                    >
                      {run()?.running ? t("dest.testing") : t("dest.test")}
                    </button>
                    <button
                      type="button"
                      class="small"
                      data-testid="edit-destination"
                      onClick={() => openForm(d.id)}
                    >
                      {t("common.edit")}
                    </button>
                    <button
                      type="button"
                      class="small danger-quiet"
                      data-testid="delete-destination"
                      onClick={() => void remove(d)}
                    >
                      {t("common.delete")}
                    </button>
                  </td>
                </tr>
                <Show when={run()}>
                  {(r) => (
                    <tr class="dest-test-row" data-testid="destination-test" data-id={d.id}>
                      <td colspan={COLUMNS.length}>
                        <TestResult name={d.name} run={r()} onClose={() => setTest(d.id, null)} />
                      </td>
                    </tr>
                  )}
                </Show>
              </>
            );
          }}
        </DataTable>
      </Show>
    </main>
  );
}

function TestResult(props: { name: string; run: TestRun; onClose: () => void }) {
  return (
    <div class="dest-test">
      <div role="status" aria-live="polite" aria-busy={props.run.running}>
        <Show when={props.run.running}>
          <p class="muted" data-testid="test-running">
            <span class="spinner" aria-hidden="true" /> {t("dest.testingLong", { name: props.name })}
          </p>
        </Show>
        <Show when={props.run.error}>
          {(msg) => (
            <p class="field-error" data-testid="test-error">
              {msg()}
            </p>
          )}
        </Show>
        <Show when={props.run.result}>
          {(res) => (
            <>
              <p
                class={`test-summary test-${res().ok ? "ok" : "fail"}`}
                data-testid="test-summary"
                data-ok={String(res().ok)}
              >
                {res().ok ? "✓ " : "✗ "}
                {testSummary(res())}
              </p>
              <ol class="test-stages" data-testid="test-stages">
                <For each={stageLines(res())}>
                  {(s) => (
                    <li data-stage={s.stage} data-ok={String(s.ok)} class={s.ok ? "test-ok" : "test-fail"}>
                      <span class="stage-mark" aria-hidden="true">
                        {s.mark}
                      </span>
                      <span class="sr-only">{s.ok ? t("dest.stageOk") : t("dest.stageFailed")}</span>
                      <span class="stage-name">{s.label}</span>
                      <span class="stage-ms num">{t("dest.ms", { ms: s.ms })}</span>
                      <span class="stage-detail mono">{s.detail}</span>
                    </li>
                  )}
                </For>
              </ol>
            </>
          )}
        </Show>
      </div>
      <Show when={!props.run.running}>
        <button type="button" class="small" data-testid="close-test" onClick={() => props.onClose()}>
          {t("dest.testClose")}
        </button>
      </Show>
    </div>
  );
}
