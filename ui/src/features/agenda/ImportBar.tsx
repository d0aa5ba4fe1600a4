// The agenda import's last step: accept leaving out the invalid rows, and import.
import { Show } from "solid-js";
import { Check } from "../../components/Field";
import { t } from "../../i18n";
import { blockerText, importBlocker, plural, validRows } from "./agenda";
import { acceptValid, busy, changedSinceRead, runImport, setAcceptValid } from "./store";
import type { Prepared } from "./types";

export function ImportBar(props: { prepared: Prepared; eventId: string | null; eventName: string | null }) {
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
        <Check
          class="agenda-accept"
          name="agendaAcceptValid"
          testid="accept-valid"
          checked={acceptValid()}
          disabled={busy() === "import"}
          onCheck={setAcceptValid}
        >
          <span>{plural(validRows(counts()), "agenda.acceptValid1", "agenda.acceptValid")}</span>
        </Check>
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
