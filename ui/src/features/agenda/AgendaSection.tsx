// Importing a customer's agenda spreadsheet (CSV, XLSX, ODS or XLS, English or French): read the file,
// check which column holds what, look at every row as it will be imported, import. Into the open
// event, or — on the Handoff page with no event open — into a new one.
import { JobProgress } from "../../components/JobProgress";
import { createEffect, on, Show } from "solid-js";
import { Field } from "../../components/Field";
import { SeverityIcon } from "../../components/Severity";
import { ZoneDatalist, ZONE_LIST_ID } from "../../components/ZoneDatalist";
import { t } from "../../i18n";
import { openEvent, view } from "../../state";
import { Notice, PathField, Section } from "../handoff/parts";
import { askOpenPath } from "../handoff/store";
import { plural } from "./agenda";
import { ImportBar } from "./ImportBar";
import { MappingView } from "./MappingView";
import { PreviewView } from "./PreviewView";
import {
  busy,
  detected,
  enter,
  failure,
  fieldError,
  newName,
  newZone,
  path,
  readFile,
  result,
  setNewName,
  setNewZone,
  setPath,
  setResult,
  shown,
  stale,
  zoneCommitted,
} from "./store";

const FILTERS = () => [{ name: t("agenda.filterName"), extensions: ["csv", "xlsx", "ods", "xls"] }];

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
            <Field
              label={t("agenda.newName")}
              class="agenda-new-name"
              error={errFor("event.name")}
              errorId="agenda-name-error"
            >
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
            </Field>
            <Field
              label={t("agenda.newZone")}
              class="agenda-new-zone"
              error={errFor("event.timeZone")}
              errorId="agenda-zone-error"
            >
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
            </Field>
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
        <JobProgress slot="agenda" />
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
                  <PreviewView shown={s()} />
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
