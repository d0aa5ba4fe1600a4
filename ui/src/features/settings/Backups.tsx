// Backups of the whole database (every event in this copy): "Back up now", the list of the
// backups Showcall made (before migrations and imports, daily, manual, before a restore) with the
// events each holds, and "Restore…" on each, confirmed first. The current data is backed up before
// a restore; afterwards the events list and the open event show the restored data.
import { createEffect, createSignal, on, onMount, Show } from "solid-js";
import type { Backup } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import * as ipc from "../../ipc";
import { closeEvent, events, hour12, refreshEvents, reloadAfterImport, view } from "../../state";
import { formatDateTime, machineZone } from "../../time";
import { formatBytes } from "../handoff/handoff";

const COLUMNS: Column[] = [
  { col: "c-kind", label: "backups.col.kind" },
  { col: "c-at", label: "backups.col.at" },
  { col: "c-size", label: "backups.col.size", class: "num" },
  { col: "c-events", label: "backups.col.events" },
  { col: "c-actions", label: "backups.col.actions", class: "actions-col", hidden: true },
];

/** "3 events" / "1 event". */
function eventCount(n: number): string {
  return t(n === 1 ? "backups.events1" : "backups.events", { n });
}

const when = (b: Backup) => formatDateTime(b.at, machineZone(), lang(), hour12());

/** After a restore: the events list again, and the open event as restored (closed if the backup
 * does not hold it). */
async function showRestored(): Promise<void> {
  const open = view()?.data.event.id;
  await refreshEvents();
  if (!open) return;
  if ((events() ?? []).some((e) => e.id === open)) await reloadAfterImport(open);
  else closeEvent();
}

export function Backups() {
  const [list, setList] = createSignal<Backup[] | null>(null);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [note, setNote] = createSignal<string | null>(null);

  const load = async () => {
    try {
      setList(await ipc.listBackups());
    } catch (e) {
      setError(ipc.toErrorPayload(e).message);
      if (list() === null) setList([]);
    }
  };
  onMount(() => void load());
  // Why a backup cannot be read comes in the language of the moment.
  createEffect(on(lang, () => void load(), { defer: true }));

  const run = async (what: string, act: () => Promise<string>) => {
    if (busy()) return;
    setBusy(what);
    setError(null);
    setNote(null);
    try {
      setNote(await act());
    } catch (e) {
      setError(ipc.toErrorPayload(e).message);
    } finally {
      setBusy(null);
      await load();
    }
  };

  const backUpNow = () =>
    run("now", async () => {
      const made = await ipc.backUpNow();
      return t("backups.made", { name: made.id });
    });

  const restore = async (b: Backup) => {
    const ok = await askConfirm(
      t("backups.confirm", { when: when(b), events: eventCount(b.events.length) }),
      t("backups.restoreYes"),
    );
    if (!ok) return;
    await run(b.id, async () => {
      const done = await ipc.restoreBackup({ id: b.id });
      const text = t("backups.restored", { when: when(done.from), name: done.saved.id });
      await showRestored();
      return text;
    });
  };

  return (
    <section class="card backups-card" data-testid="backups" aria-labelledby="backups-title" aria-busy={!!busy()}>
      <div class="backups-head">
        <h3 id="backups-title">{t("backups.title")}</h3>
        <button type="button" data-testid="backup-now" disabled={!!busy()} onClick={() => void backUpNow()}>
          {busy() === "now" ? t("backups.working") : t("backups.now")}
        </button>
      </div>
      <p class="muted small">{t("backups.hint")}</p>
      <Show when={note()}>
        <p class="status-ok backups-note" role="status" data-testid="backup-status">
          ✓ {note()}
        </p>
      </Show>
      <Show when={error()}>
        <p class="status-over backups-note" role="alert" data-testid="backup-error">
          {error()}
        </p>
      </Show>
      <Show when={list()} fallback={<p class="hint">{t("common.loading")}</p>}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p class="hint">{t("backups.none")}</p>}>
            <div class="backups-scroll">
              <DataTable
                class="grid compact backups-table"
                columns={COLUMNS}
                each={items()}
                testid="backup-list"
                labelledby="backups-title"
              >
                {(b) => (
                  <tr data-testid="backup-row" data-kind={b.kind} data-id={b.id}>
                    <td data-testid="backup-kind" title={b.id}>
                      {t(`backups.kind.${b.kind}`)}
                    </td>
                    <td data-testid="backup-at">
                      {when(b)}
                    </td>
                    <td class="num">{formatBytes(b.bytes)}</td>
                    <Show
                      when={!b.problem}
                      fallback={
                        <td class="status-over" title={b.problem ?? ""} data-testid="backup-problem">
                          {b.problem}
                        </td>
                      }
                    >
                      <td data-testid="backup-events" title={b.events.join("\n")}>
                        <span class="strong">{eventCount(b.events.length)}</span>
                        <Show when={b.events.length > 0}>
                          <span class="muted"> · {b.events.join(", ")}</span>
                        </Show>
                      </td>
                    </Show>
                    <td class="row-actions">
                      <button
                        type="button"
                        class="small"
                        data-testid="backup-restore"
                        title={t("backups.restoreTitle")}
                        aria-label={`${t("backups.restore")} ${t(`backups.kind.${b.kind}`)} ${when(b)}`}
                        disabled={!!busy() || !!b.problem}
                        onClick={() => void restore(b)}
                      >
                        {busy() === b.id ? t("backups.restoring") : t("backups.restore")}
                      </button>
                    </td>
                  </tr>
                )}
              </DataTable>
            </div>
          </Show>
        )}
      </Show>
    </section>
  );
}
