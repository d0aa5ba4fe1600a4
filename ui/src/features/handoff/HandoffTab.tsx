// Handoff: export the open event as a .showcall package (and its run of show as PDF, XLSX or
// CSV), and import a package from the customer or the analyst — new, unchanged or merged.
import { JobProgress } from "../../components/JobProgress";
import { runJob } from "../../jobs";
import { createEffect, createSignal, on, Show } from "solid-js";
import type { DialogFilter } from "@tauri-apps/plugin-dialog";
import type { Exported } from "../../bindings";
import { Check } from "../../components/Field";
import { SeverityIcon } from "../../components/Severity";
import { t } from "../../i18n";
import * as ipc from "../../ipc";
import { mode, setError, view } from "../../state";
import { formatBytes, RUNSHEET_FORMATS, withExtension, type ExportExtension, type RunsheetFormat } from "./handoff";
import { AgendaSection } from "../agenda/AgendaSection";
import { ImportSection } from "./ImportSection";
import { Notice, PathField, Section } from "./parts";
import { askSavePath } from "./store";

/** Both the tab of an open event and, with no event open, a page of its own (import only). */
export function HandoffTab(props: { standalone?: boolean }) {
  const eventId = () => view()?.data.event.id ?? null;
  return (
    <main
      class={props.standalone ? "page handoff-page" : "tab-page handoff-page"}
      data-testid="handoff"
      // Ctrl+Z in the path fields undoes typing, not the last edit of the event.
      data-native-undo
    >
      <div class="page-head">
        <Show when={props.standalone} fallback={<h2>{t("handoff.title")}</h2>}>
          <h1>{t("handoff.title")}</h1>
        </Show>
      </div>
      <p class="muted handoff-intro">{t("handoff.intro")}</p>
      <ExportSection eventId={eventId()} />
      <RunsheetSection eventId={eventId()} />
      <ImportSection />
      <AgendaSection eventId={eventId()} eventName={view()?.data.event.name ?? null} />
    </main>
  );
}

// ---- path fields -----------------------------------------------------------------------

interface SavedPath {
  path: string;
  /** Typed or chosen by the user: the default no longer replaces it. */
  touched: boolean;
}

// By `eventId|slot`, so a path typed for an event is still there after a switch of tabs.
const [savedPaths, setSavedPaths] = createSignal<Record<string, SavedPath>>({});

/** A path for the open event, prefilled from `default_export_path` until the user types one. */
function createExportPath(eventId: () => string | null, slot: string, ext: () => ExportExtension) {
  const keyOf = (id: string) => `${id}|${slot}`;
  const entry = () => {
    const id = eventId();
    return id ? savedPaths()[keyOf(id)] : undefined;
  };
  const put = (id: string, value: SavedPath) => setSavedPaths((all) => ({ ...all, [keyOf(id)]: value }));

  const fillDefault = async (id: string, extension: ExportExtension): Promise<string | null> => {
    try {
      const p = await ipc.defaultExportPath({ eventId: id, extension });
      if (!savedPaths()[keyOf(id)]?.touched) put(id, { path: p, touched: false });
      return p;
    } catch (e) {
      setError(ipc.toErrorPayload(e));
      return null;
    }
  };

  // When the tab opens and when the event changes (the event's name may have changed too).
  createEffect(
    on(eventId, (id) => {
      if (id && !savedPaths()[keyOf(id)]?.touched) void fillDefault(id, ext());
    }),
  );

  return {
    path: () => entry()?.path ?? "",
    touched: () => entry()?.touched ?? false,
    /** The user typed or chose a path. */
    set: (path: string) => {
      const id = eventId();
      if (id) put(id, { path, touched: true });
    },
    /** The default path for `extension` (also put in the field while the user has not typed one). */
    fillDefault: (extension: ExportExtension) => {
      const id = eventId();
      return id ? fillDefault(id, extension) : Promise.resolve(null);
    },
  };
}

function NoEventHint() {
  return (
    <p class="hint" data-testid="handoff-no-event">
      {t("handoff.noEvent")}
    </p>
  );
}

// ---- export ---------------------------------------------------------------------------------

const PACKAGE_FILTERS = (): DialogFilter[] => [{ name: t("handoff.filterName"), extensions: ["showcall"] }];

function ExportSection(props: { eventId: string | null }) {
  const field = createExportPath(() => props.eventId, "package", () => "showcall");
  const [includeKeys, setIncludeKeys] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<Exported | null>(null);

  createEffect(
    on(
      () => props.eventId,
      () => {
        setDone(null);
        setIncludeKeys(false);
      },
      { defer: true },
    ),
  );

  const browse = async () => {
    const got = await askSavePath(field.path(), PACKAGE_FILTERS());
    if (got) field.set(got);
  };

  const run = async (e?: Event) => {
    e?.preventDefault();
    const id = props.eventId;
    const path = field.path().trim();
    if (!id || !path || busy()) return;
    setBusy(true);
    setDone(null);
    try {
      // Stream keys are the analyst's: never in a package exported from the customer lead's view.
      const includeStreamKeys = includeKeys() && mode() !== "customer";
      const r = await runJob("export", (jobId) => ipc.exportPackage({ eventId: id, path, includeStreamKeys, jobId }));
      setError(null);
      if (props.eventId === id) setDone(r);
    } catch (err) {
      setError(ipc.toErrorPayload(err));
    } finally {
      setBusy(false);
    }
  };

  const off = () => !props.eventId;

  return (
    <Section id="handoff-export" title={t("handoff.export.title")} testid="handoff-export">
      <Show when={off()}>
        <NoEventHint />
      </Show>
      <form class="handoff-form" onSubmit={run}>
        <p class="muted small">{t("handoff.export.hint")}</p>
        <PathField
          label={t("handoff.path")}
          testid="package-path"
          name="packagePath"
          value={field.path()}
          onValue={field.set}
          onBrowse={() => void browse()}
          browseTestid="browse-package"
          browseTitle={t("handoff.browseSaveTitle")}
          disabled={off()}
        />
        <Show when={mode() !== "customer"}>
          <Check
            name="includeStreamKeys"
            testid="include-keys"
            disabled={off()}
            checked={includeKeys()}
            onCheck={setIncludeKeys}
          >
            {t("handoff.includeKeys")}
          </Check>
        </Show>
        <Show when={includeKeys() && mode() !== "customer"}>
          <p class="keys-warning" data-testid="keys-warning">
            <SeverityIcon severity="warning" />
            <span>
              <strong>{t("handoff.keysWarningLead")}</strong> {t("handoff.keysWarning")}
            </span>
          </p>
        </Show>
        <div class="form-actions">
          <button
            type="submit"
            class="primary"
            data-testid="export-package"
            title={t("handoff.exportTitle")}
            disabled={off() || busy() || !field.path().trim()}
            aria-busy={busy()}
          >
            ⤓ {busy() ? t("handoff.exporting") : t("handoff.export")}
          </button>
        </div>
        <JobProgress slot="export" />
      </form>
      <Show when={done()}>
        {(r) => (
          <Notice testid="export-result" onDismiss={() => setDone(null)}>
            <div>
              {t("handoff.exported", { path: r().path })}
              {" — "}
              <span class="nowrap" data-testid="export-size">
                {t(r().files === 1 ? "handoff.files1" : "handoff.files", { n: r().files })} · {formatBytes(r().bytes)}
              </span>
              <Show when={r().streamKeys > 0}>
                {" · "}
                <strong class="keys-included nowrap" data-testid="export-keys">
                  <SeverityIcon severity="warning" />{" "}
                  {t(r().streamKeys === 1 ? "handoff.keysIncluded1" : "handoff.keysIncluded", { n: r().streamKeys })}
                </strong>
              </Show>
            </div>
          </Notice>
        )}
      </Show>
    </Section>
  );
}

// ---- run of show ---------------------------------------------------------------------------

const FORMAT_LABEL = {
  pdf: "handoff.runsheet.pdf",
  xlsx: "handoff.runsheet.xlsx",
  csv: "handoff.runsheet.csv",
} as const;

function RunsheetSection(props: { eventId: string | null }) {
  const [format, setFormat] = createSignal<RunsheetFormat>("pdf");
  const field = createExportPath(() => props.eventId, "runsheet", format);
  const [busy, setBusy] = createSignal<RunsheetFormat | null>(null);
  const [written, setWritten] = createSignal<string | null>(null);

  createEffect(on(() => props.eventId, () => setWritten(null), { defer: true }));

  const browse = async () => {
    const f = format();
    const filters = [f, ...RUNSHEET_FORMATS.filter((x) => x !== f)].map((x) => ({
      name: t(FORMAT_LABEL[x]),
      extensions: [x],
    }));
    const got = await askSavePath(field.path(), filters);
    if (!got) return;
    field.set(got);
    const ext = /\.([A-Za-z0-9]+)$/.exec(got)?.[1]?.toLowerCase();
    const picked = RUNSHEET_FORMATS.find((x) => x === ext);
    if (picked) setFormat(picked);
  };

  const write = async (f: RunsheetFormat) => {
    const id = props.eventId;
    if (!id || busy()) return;
    setBusy(f);
    setWritten(null);
    setFormat(f);
    try {
      // Next to the default place unless the user chose another: the extension follows the format.
      const path = field.touched() ? withExtension(field.path(), f) : await field.fillDefault(f);
      if (!path) return;
      if (field.touched()) field.set(path);
      const got = await runJob("runsheet", (jobId) => ipc.exportRunsheet({ eventId: id, path, format: f, jobId }));
      setError(null);
      if (props.eventId === id) setWritten(got);
    } catch (err) {
      setError(ipc.toErrorPayload(err));
    } finally {
      setBusy(null);
    }
  };

  const off = () => !props.eventId;

  return (
    <Section id="handoff-runsheet" title={t("handoff.runsheet.title")} testid="handoff-runsheet">
      <Show when={off()}>
        <NoEventHint />
      </Show>
      <div class="handoff-form">
        <p class="muted small">{t("handoff.runsheet.hint")}</p>
        <PathField
          label={t("handoff.path")}
          testid="runsheet-path"
          name="runsheetPath"
          value={field.path()}
          onValue={field.set}
          onBrowse={() => void browse()}
          browseTestid="browse-runsheet"
          browseTitle={t("handoff.browseSaveTitle")}
          disabled={off()}
        />
        <div class="form-actions" role="group" aria-label={t("handoff.runsheet.formats")}>
          {RUNSHEET_FORMATS.map((f) => (
            <button
              type="button"
              data-testid={`runsheet-${f}`}
              title={t("handoff.runsheet.writeTitle", { format: t(FORMAT_LABEL[f]) })}
              disabled={off() || busy() !== null}
              aria-busy={busy() === f}
              onClick={() => void write(f)}
            >
              ⤓ {busy() === f ? t("handoff.runsheet.writing") : t(FORMAT_LABEL[f])}
            </button>
          ))}
        </div>
        <JobProgress slot="runsheet" />
      </div>
      <Show when={written()}>
        {(p) => (
          <Notice testid="runsheet-result" onDismiss={() => setWritten(null)}>
            {t("handoff.runsheet.saved", { path: p() })}
          </Notice>
        )}
      </Show>
    </Section>
  );
}
