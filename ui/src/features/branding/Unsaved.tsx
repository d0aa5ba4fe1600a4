// What the colours and chat panels show while their form differs from what is saved.
import { Show } from "solid-js";
import { t } from "../../i18n";

/** While `dirty`: Revert (back to what is saved) and a note that the changes are not saved. */
export function Unsaved(props: { dirty: boolean; testid: string; onRevert: () => void }) {
  return (
    <Show when={props.dirty}>
      <button type="button" class="small" data-testid={props.testid} onClick={() => props.onRevert()}>
        {t("branding.revert")}
      </button>
      <span class="muted small">{t("branding.unsaved")}</span>
    </Show>
  );
}
