// In-page confirmation for destructive actions (never window.confirm).
import { createSignal, onCleanup, onMount, Show } from "solid-js";
import { t } from "../i18n";

interface Pending {
  message: string;
  yes: string;
  resolve: (ok: boolean) => void;
}

const [pending, setPending] = createSignal<Pending | null>(null);

export const confirmOpen = () => pending() !== null;

/** Asks the user to confirm; resolves `true` on the confirm button. */
export function askConfirm(message: string, yes: string = t("common.delete")): Promise<boolean> {
  pending()?.resolve(false);
  return new Promise((resolve) => setPending({ message, yes, resolve }));
}

function answer(ok: boolean): void {
  const p = pending();
  setPending(null);
  p?.resolve(ok);
}

export function ConfirmDialog() {
  return <Show when={pending()}>{(p) => <Dialog message={p().message} yes={p().yes} />}</Show>;
}

function Dialog(props: { message: string; yes: string }) {
  let cancelBtn: HTMLButtonElement | undefined;
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.preventDefault();
      e.stopPropagation();
      answer(false);
    }
  };
  onMount(() => {
    const prev = document.activeElement as HTMLElement | null;
    cancelBtn?.focus();
    document.addEventListener("keydown", onKey, true);
    onCleanup(() => {
      document.removeEventListener("keydown", onKey, true);
      prev?.focus?.();
    });
  });
  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && answer(false)}>
      <div
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-msg"
      >
        <h2 id="confirm-title">{t("confirm.title")}</h2>
        <p id="confirm-msg">{props.message}</p>
        <div class="dialog-actions">
          <button ref={cancelBtn} type="button" data-testid="confirm-no" onClick={() => answer(false)}>
            {t("common.cancel")}
          </button>
          <button type="button" class="danger" data-testid="confirm-yes" onClick={() => answer(true)}>
            {props.yes}
          </button>
        </div>
      </div>
    </div>
  );
}
