import { createSignal, For, onCleanup, onMount, Show } from "solid-js";
import { t, type MessageKey } from "../i18n";
import { About } from "./About";
import * as ipc from "../ipc";
import { helpOpen, mode, setError, setHelpOpen } from "../state";

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
  // The diagnostics text last fetched (kept on the button), and whether it reached the
  // clipboard: "Copied" for a moment, else the text shown selected to copy by hand.
  const [about, setAbout] = createSignal(false);
  const [diag, setDiag] = createSignal<{ text: string; copied: boolean } | null>(null);
  let copiedTimer: ReturnType<typeof setTimeout> | undefined;
  let diagText: HTMLTextAreaElement | undefined;
  onCleanup(() => clearTimeout(copiedTimer));
  const openLogFolder = () => {
    ipc.openLogFolder().catch((e) => setError(ipc.toErrorPayload(e)));
  };
  const copyDiagnostics = async () => {
    let text: string;
    try {
      text = await ipc.diagnostics();
    } catch (e) {
      setError(ipc.toErrorPayload(e));
      return;
    }
    clearTimeout(copiedTimer);
    try {
      await navigator.clipboard.writeText(text);
      setDiag({ text, copied: true });
      copiedTimer = setTimeout(() => setDiag((d) => (d?.copied ? null : d)), 3000);
    } catch {
      setDiag({ text, copied: false });
      diagText?.focus();
      diagText?.select();
    }
  };
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
        <Show when={!about()} fallback={<About onBack={() => setAbout(false)} />}>
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
        <Show when={diag() && !diag()?.copied}>
          <p class="muted small" role="status" data-testid="diagnostics-copy-failed">
            {t("help.copyFailed")}
          </p>
          <textarea ref={diagText} readonly rows={8} class="diagnostics-text" data-testid="diagnostics-text" value={diag()?.text ?? ""} />
        </Show>
        <div class="dialog-actions">
          <button type="button" data-testid="open-log-folder" title={t("help.openLogFolderTitle")} onClick={openLogFolder}>
            {t("help.openLogFolder")}
          </button>
          <button
            type="button"
            data-testid="copy-diagnostics"
            title={t("help.copyDiagnosticsTitle")}
            data-diagnostics={diag()?.text}
            onClick={() => void copyDiagnostics()}
          >
            {t("help.copyDiagnostics")}
          </button>
          <Show when={diag()?.copied}>
            <span role="status" data-testid="diagnostics-copied">
              {t("help.copied")}
            </span>
          </Show>
          <button type="button" data-testid="open-about" onClick={() => setAbout(true)}>
            {t("about.open")}
          </button>
          <button ref={closeBtn} type="button" onClick={() => setHelpOpen(false)}>
            {t("common.close")}
          </button>
        </div>
        </Show>
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
