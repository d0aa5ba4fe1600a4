import { Show } from "solid-js";
import { t } from "../i18n";
import { error, setError } from "../state";
import { SeverityIcon } from "./Severity";

/** The one visible place where a failed command's message is shown. */
export function ErrorBanner() {
  return (
    <Show when={error()}>
      {(e) => (
        <div class="error-banner" role="alert" data-testid="error" data-code={e().code}>
          <SeverityIcon severity="error" />
          <strong>{t("error.title")}:</strong>
          <span class="error-message">{e().message}</span>
          <button type="button" class="link" onClick={() => setError(null)}>
            {t("common.dismiss")}
          </button>
        </div>
      )}
    </Show>
  );
}

/** An error shown next to the form field it is about. */
export function FieldError(props: { message: string | null | undefined; id?: string }) {
  return (
    <Show when={props.message}>
      <div class="field-error" id={props.id} data-testid="field-error" role="alert">
        {props.message}
      </div>
    </Show>
  );
}
