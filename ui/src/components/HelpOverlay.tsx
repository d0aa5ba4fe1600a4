import { For, onCleanup, onMount, Show } from "solid-js";
import { t, type MessageKey } from "../i18n";
import { helpOpen, mode, setHelpOpen } from "../state";

const ROWS: [MessageKey, MessageKey][] = [
  ["keys.undo", "shortcuts.undo"],
  ["keys.redo", "shortcuts.redo"],
  ["keys.tabs", "shortcuts.tabs"],
  ["keys.addSession", "shortcuts.addSession"],
  ["keys.addSegment", "shortcuts.addSegment"],
  ["keys.enter", "shortcuts.enterRow"],
  ["keys.enterBlur", "shortcuts.commit"],
  ["keys.moveRow", "shortcuts.moveRow"],
  ["keys.escape", "shortcuts.escape"],
  ["keys.help", "shortcuts.help"],
];

/** The live tab's one-key actions (they work while no text field has the focus). */
const LIVE_ROWS: [MessageKey, MessageKey][] = [
  ["keys.space", "shortcuts.liveDone"],
  ["keys.s", "shortcuts.liveSkip"],
  ["keys.arrows", "shortcuts.liveMove"],
  ["keys.dblclick", "shortcuts.liveSelectRow"],
  ["keys.n", "shortcuts.liveNext"],
  ["keys.d", "shortcuts.liveDelay"],
  ["keys.a", "shortcuts.liveActual"],
  ["keys.t", "shortcuts.liveTimer"],
];

export function HelpOverlay() {
  return (
    <Show when={helpOpen()}>
      <Overlay />
    </Show>
  );
}

function Overlay() {
  let closeBtn: HTMLButtonElement | undefined;
  onMount(() => {
    closeBtn?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.preventDefault();
        setHelpOpen(false);
      }
    };
    document.addEventListener("keydown", onKey);
    onCleanup(() => document.removeEventListener("keydown", onKey));
  });
  return (
    <div class="backdrop" onClick={(e) => e.target === e.currentTarget && setHelpOpen(false)}>
      <div class="dialog help" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="shortcuts">
        <h2 id="help-title">{t("shortcuts.title")}</h2>
        <table class="grid compact">
          <tbody>
            <For each={ROWS}>{(row) => <ShortcutRow row={row} />}</For>
          </tbody>
          {/* Live mode is the analyst's: the customer lead's view has no Live tab. */}
          <Show when={mode() !== "customer"}>
            <tbody data-testid="shortcuts-live">
              <tr>
                <th colspan="2" scope="colgroup">
                  {t("shortcuts.liveTitle")}
                </th>
              </tr>
              <For each={LIVE_ROWS}>{(row) => <ShortcutRow row={row} />}</For>
            </tbody>
          </Show>
        </table>
        <div class="dialog-actions">
          <button ref={closeBtn} type="button" onClick={() => setHelpOpen(false)}>
            {t("common.close")}
          </button>
        </div>
      </div>
    </div>
  );
}

/** A key (or keys) and what it does. */
function ShortcutRow(props: { row: [MessageKey, MessageKey] }) {
  return (
    <tr>
      <td class="keys">
        <kbd>{t(props.row[0])}</kbd>
      </td>
      <td>{t(props.row[1])}</td>
    </tr>
  );
}
