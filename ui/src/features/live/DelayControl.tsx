// The tiny inline delay control on a stage card: minutes, scope, confirm.
import { createSignal, onMount, Show } from "solid-js";
import { t } from "../../i18n";
import { parseDelayMinutes } from "./live";

export type DelayScope = "stage" | "session";

export function DelayControl(props: {
  hasSession: boolean;
  onApply: (scope: DelayScope, minutes: number) => Promise<boolean>;
  onClose: () => void;
}) {
  const [minutes, setMinutes] = createSignal("5");
  const [scope, setScope] = createSignal<DelayScope>("stage");
  const [invalid, setInvalid] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  let input: HTMLInputElement | undefined;
  onMount(() => {
    input?.focus();
    input?.select();
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    const n = parseDelayMinutes(minutes());
    setInvalid(n === null);
    if (n === null || busy()) return;
    setBusy(true);
    const ok = await props.onApply(props.hasSession ? scope() : "stage", n);
    setBusy(false);
    if (ok) props.onClose();
  };

  return (
    <form
      class="delay-control"
      data-testid="delay-control"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          props.onClose();
        }
      }}
    >
      <label class="live-field">
        <span>{t("live.delayMinutes")}</span>
        <input
          ref={input}
          name="delayMinutes"
          type="number"
          step="1"
          class="minutes-input"
          value={minutes()}
          aria-invalid={invalid()}
          onInput={(e) => {
            setMinutes(e.currentTarget.value);
            setInvalid(false);
          }}
        />
      </label>
      <fieldset class="live-field delay-scope">
        <legend>{t("live.delayScope")}</legend>
        <label class="check">
          <input
            type="radio"
            name="delayScope"
            value="stage"
            checked={scope() === "stage"}
            onChange={() => setScope("stage")}
          />
          {t("live.delayScopeStage")}
        </label>
        <label class="check">
          <input
            type="radio"
            name="delayScope"
            value="session"
            disabled={!props.hasSession}
            checked={scope() === "session"}
            onChange={() => setScope("session")}
          />
          {t("live.delayScopeSession")}
        </label>
      </fieldset>
      <div class="delay-actions">
        <button type="submit" class="primary" data-testid="confirm-delay" disabled={busy()}>
          {t("live.delayConfirm")}
        </button>
        <button type="button" data-testid="cancel-delay" onClick={() => props.onClose()}>
          {t("common.cancel")}
        </button>
      </div>
      <Show when={invalid()}>
        <div class="live-field-error" role="alert">
          {t("live.delayInvalid")}
        </div>
      </Show>
    </form>
  );
}
