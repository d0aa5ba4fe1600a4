import { createSignal, Show } from "solid-js";
import { askConfirm } from "../../components/Confirm";
import { EmptyState } from "../../components/Empty";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import {
  deleteEvent,
  duplicateEvent,
  events,
  loadDemo,
  modeChosen,
  openAgendaImport,
  openEvent,
  openImport,
  postponeModeChoice,
  setMode,
} from "../../state";
import { formatDate } from "../../time";
import { NewEventForm } from "./NewEventForm";

const COLUMNS: Column[] = [
  { label: "events.col.name" },
  { label: "events.col.customer" },
  { label: "events.col.date", class: "num" },
  { label: "events.col.zone" },
  { label: "events.col.sessions", class: "num" },
  { label: "branding.eventsColReadiness" },
  { label: "events.col.actions", class: "actions-col" },
];

export function EventsList() {
  const [formOpen, setFormOpen] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await f();
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string, name: string) => {
    if (await askConfirm(t("events.confirmDelete", { name }), t("events.confirmDeleteYes"))) {
      await run(() => deleteEvent(id));
    }
  };

  return (
    <main class="page events-page">
      <div class="page-head">
        <h1>{t("events.title")}</h1>
        <div class="toolbar">
          <button type="button" class="primary" data-testid="new-event" onClick={() => setFormOpen(true)}>
            + {t("events.new")}
          </button>
          <button
            type="button"
            data-testid="load-demo"
            title={t("events.loadDemoTitle")}
            disabled={busy()}
            onClick={() => run(loadDemo)}
          >
            {t("events.loadDemo")}
          </button>
          <button
            type="button"
            data-testid="import-package"
            title={t("events.importPackageTitle")}
            onClick={() => openImport()}
          >
            ⤒ {t("events.importPackage")}
          </button>
          <button
            type="button"
            data-testid="import-agenda"
            title={t("events.importAgendaTitle")}
            onClick={() => openAgendaImport()}
          >
            ⤒ {t("events.importAgenda")}
          </button>
        </div>
      </div>

      <Show when={!modeChosen()}>
        <section class="card mode-choice" data-testid="mode-choice" aria-labelledby="mode-choice-title">
          <h2 id="mode-choice-title">{t("customer.choice.title")}</h2>
          <p class="muted">{t("customer.choice.body")}</p>
          <div class="toolbar">
            <button type="button" class="primary" data-testid="choose-analyst" onClick={() => void setMode("analyst")}>
              {t("customer.choice.analyst")}
            </button>
            <button type="button" data-testid="choose-customer" onClick={() => void setMode("customer")}>
              {t("customer.choice.customer")}
            </button>
            <button type="button" class="link" data-testid="choose-later" onClick={() => postponeModeChoice()}>
              {t("customer.choice.later")}
            </button>
          </div>
        </section>
      </Show>

      <Show when={formOpen()}>
        <NewEventForm onCancel={() => setFormOpen(false)} />
      </Show>

      <Show when={events()} fallback={<p class="muted">{t("common.loading")}</p>}>
        {(list) => (
          <Show
            when={list().length > 0}
            fallback={
              <EmptyState testid="events-empty" title={t("events.emptyTitle")} body={t("events.emptyBody")}>
                <button type="button" class="primary" onClick={() => setFormOpen(true)}>
                  + {t("events.new")}
                </button>
                <button type="button" disabled={busy()} onClick={() => run(loadDemo)}>
                  {t("events.loadDemo")}
                </button>
                <button type="button" title={t("events.importPackageTitle")} onClick={() => openImport()}>
                  ⤒ {t("events.importPackage")}
                </button>
                <button type="button" title={t("events.importAgendaTitle")} onClick={() => openAgendaImport()}>
                  ⤒ {t("events.importAgenda")}
                </button>
              </EmptyState>
            }
          >
            <DataTable class="grid events-table" columns={COLUMNS} each={list()}>
              {(ev) => (
                <tr data-testid="event-row" data-event-id={ev.id} onDblClick={() => openEvent(ev.id)}>
                  <td class="strong ellipsis" title={ev.name}>
                    {ev.name}
                  </td>
                  <td class="ellipsis">{ev.customer || t("common.none")}</td>
                  <td class="num">
                    {ev.firstStart ? formatDate(ev.firstStart, ev.timeZone, lang()) : t("events.noDate")}
                  </td>
                  <td class="mono">{ev.timeZone}</td>
                  <td class="num">{new Intl.NumberFormat(lang()).format(ev.sessionCount)}</td>
                  <td>
                    <Show when={(ev.readiness?.required ?? 0) > 0}>
                      <ReadinessBadge approved={ev.readiness.approved} required={ev.readiness.required} />
                    </Show>
                  </td>
                  <td class="row-actions">
                    <button
                      type="button"
                      class="small primary"
                      data-testid="open-event"
                      onClick={() => openEvent(ev.id)}
                    >
                      {t("events.open")}
                    </button>
                    <button
                      type="button"
                      class="small"
                      data-testid="duplicate-event"
                      disabled={busy()}
                      onClick={() => run(() => duplicateEvent(ev.id))}
                    >
                      {t("events.duplicate")}
                    </button>
                    <button
                      type="button"
                      class="small danger-quiet"
                      data-testid="delete-event"
                      disabled={busy()}
                      onClick={() => remove(ev.id, ev.name)}
                    >
                      {t("events.delete")}
                    </button>
                  </td>
                </tr>
              )}
            </DataTable>
          </Show>
        )}
      </Show>
    </main>
  );
}

/** Branding readiness of an event: approved over required checklist items. */
function ReadinessBadge(props: { approved: number; required: number }) {
  const done = () => props.approved >= props.required;
  return (
    <span
      class="tag readiness-badge"
      classList={{ "readiness-done": done() }}
      data-testid="event-readiness"
      data-approved={props.approved}
      data-required={props.required}
      title={t("branding.eventReadinessTitle", { approved: props.approved, required: props.required })}
    >
      {done() ? "✓ " : ""}
      {t("branding.eventReadiness", { approved: props.approved, required: props.required })}
    </span>
  );
}
