// What closing the main window means: Rust keeps the app running and asks us (the
// `close-requested` event); the user picks "keep running in the tray" (the default), quit or cancel.
import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { t } from "../i18n";
import { hideToTray, quitApp } from "../state";

const [asking, setAsking] = createSignal(false);

/** The close prompt is showing (global shortcuts stand aside). */
export const closePromptOpen = asking;

export function askClose(): void {
  setAsking(true);
}

export function CloseDialog() {
  return (
    <Show when={asking()}>
      <Prompt />
    </Show>
  );
}

function Prompt() {
  let keepBtn: HTMLButtonElement | undefined;
  const [busy, setBusy] = createSignal(false);
  const cancel = () => setAsking(false);
  const run = async (action: () => Promise<unknown>) => {
    if (busy()) return;
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  };
  onMount(() => {
    const prev = document.activeElement as HTMLElement | null;
    keepBtn?.focus();
    document.addEventListener("keydown", onKey, true);
    onCleanup(() => {
      document.removeEventListener("keydown", onKey, true);
      prev?.focus?.();
    });
  });
  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && cancel()}>
      <div
        class="dialog close-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="close-title"
        aria-describedby="close-msg"
        data-testid="close-dialog"
      >
        <h2 id="close-title">{t("close.title")}</h2>
        <p id="close-msg">{t("close.body")}</p>
        <div class="dialog-actions">
          <button type="button" data-testid="close-cancel" disabled={busy()} onClick={cancel}>
            {t("common.cancel")}
          </button>
          <button
            type="button"
            class="danger-quiet"
            data-testid="quit-app"
            title={t("close.quitTitle")}
            disabled={busy()}
            onClick={() => void run(quitApp)}
          >
            {t("close.quit")}
          </button>
          <button
            ref={keepBtn}
            type="button"
            class="primary"
            data-testid="keep-running"
            title={t("close.keepTitle")}
            disabled={busy()}
            onClick={() => void run(hideToTray)}
          >
            {t("close.keep")}
          </button>
        </div>
      </div>
    </div>
  );
}
