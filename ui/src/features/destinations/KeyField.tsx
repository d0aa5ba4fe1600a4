// A destination's stream key: typed into a password field, stored on request, shown in clear
// or copied only when the user asks (fetched on that click and not kept afterwards).
import { createEffect, createSignal, on, Show } from "solid-js";
import type { Destination } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { FieldError } from "../../components/ErrorBanner";
import { FieldSet } from "../../components/Field";
import { t } from "../../i18n";
import { fetchStreamKey, saveStreamKey } from "../../state";
import { maskedKey } from "./destinations";

export function KeyField(props: {
  /** The saved destination; `undefined` while adding one (the key is then saved with it). */
  destination: Destination | undefined;
  value: string;
  onValue: (v: string) => void;
  error: string | null;
  onError: (message: string | null) => void;
  /** Set when the key was split off the server URL. */
  splitNote: boolean;
}) {
  const [busy, setBusy] = createSignal(false);
  // The stored key in clear, only between a Reveal click and the next toggle (or closing).
  const [revealed, setRevealed] = createSignal<string | null>(null);
  const [note, setNote] = createSignal<string | null>(null);
  const d = () => props.destination;
  const hasKey = () => !!d()?.hasKey;

  // Another key stored (or the key removed): what was revealed is stale.
  createEffect(
    on(
      () => [d()?.id, d()?.hasKey, d()?.keyHint],
      () => setRevealed(null),
      { defer: true },
    ),
  );

  const start = () => {
    props.onError(null);
    setNote(null);
  };

  const save = async () => {
    const dest = d();
    if (!dest || busy()) return;
    start();
    if (props.value === "") {
      props.onError(t("error.required"));
      return;
    }
    setBusy(true);
    const err = await saveStreamKey(dest.id, props.value);
    setBusy(false);
    if (err) {
      props.onError(err.message);
      return;
    }
    props.onValue("");
    setRevealed(null);
    setNote(t("dest.keySaved"));
  };

  const remove = async () => {
    const dest = d();
    if (!dest || busy()) return;
    start();
    if (!(await askConfirm(t("dest.confirmRemoveKey", { name: dest.name }), t("dest.removeKey")))) return;
    setBusy(true);
    const err = await saveStreamKey(dest.id, null);
    setBusy(false);
    if (err) {
      props.onError(err.message);
      return;
    }
    setRevealed(null);
    setNote(t("dest.keyRemoved"));
  };

  const toggleReveal = async () => {
    const dest = d();
    if (!dest || busy()) return;
    start();
    if (revealed() !== null) {
      setRevealed(null);
      return;
    }
    setBusy(true);
    const r = await fetchStreamKey(dest.id);
    setBusy(false);
    if (!r.ok) return;
    if (r.key === null) setNote(t("dest.keyNone"));
    else setRevealed(r.key);
  };

  const copy = async () => {
    const dest = d();
    if (!dest || busy()) return;
    start();
    setBusy(true);
    const r = await fetchStreamKey(dest.id);
    setBusy(false);
    if (!r.ok) return;
    if (r.key === null) {
      setNote(t("dest.keyNone"));
      return;
    }
    try {
      await navigator.clipboard.writeText(r.key);
      setNote(t("dest.keyCopied"));
    } catch {
      props.onError(t("dest.copyFailed"));
    }
  };

  const errId = () => `dest-key-err-${d()?.id ?? "new"}`;

  return (
    <FieldSet legend={t("dest.key")} class="key-field" testid="key-field">
      <p class="small" data-testid="key-state">
        <Show when={maskedKey({ hasKey: hasKey(), keyHint: d()?.keyHint ?? "" })} fallback={t("dest.keyNone")}>
          {(mask) => t("dest.keyStored", { mask: mask() })}
        </Show>
      </p>
      <div class="form-row checks">
        <input
          class="key-input"
          type="password"
          name="destKey"
          autocomplete="off"
          spellcheck={false}
          aria-label={t("dest.key")}
          placeholder={hasKey() ? t("dest.keyPlaceholderReplace") : t("dest.keyPlaceholderNew")}
          value={props.value}
          onInput={(e) => props.onValue(e.currentTarget.value)}
          onChange={(e) => props.onValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            // Enter saves the key alone, not the whole destination.
            if (e.key === "Enter" && d()) {
              e.preventDefault();
              void save();
            }
          }}
          aria-invalid={!!props.error}
          aria-describedby={errId()}
        />
        <Show when={d()}>
          <button type="button" data-testid="save-key" disabled={busy() || props.value === ""} onClick={save}>
            {t("dest.saveKey")}
          </button>
          <button
            type="button"
            data-testid="reveal-key"
            aria-pressed={revealed() !== null}
            title={t("dest.revealTitle")}
            disabled={busy() || !hasKey()}
            onClick={toggleReveal}
          >
            {revealed() !== null ? t("dest.hide") : t("dest.reveal")}
          </button>
          <button
            type="button"
            data-testid="copy-key"
            title={t("dest.copyTitle")}
            disabled={busy() || !hasKey()}
            onClick={copy}
          >
            {t("dest.copy")}
          </button>
          <button
            type="button"
            class="danger-quiet"
            data-testid="remove-key"
            disabled={busy() || !hasKey()}
            onClick={remove}
          >
            {t("dest.removeKey")}
          </button>
        </Show>
      </div>
      <FieldError message={props.error} id={errId()} />
      <Show when={revealed()}>
        {(key) => (
          <p class="revealed-key">
            <span class="muted small">{t("dest.revealedLabel")}</span>{" "}
            <code class="mono" data-testid="revealed-key">
              {key()}
            </code>
          </p>
        )}
      </Show>
      <Show when={!d() || props.splitNote}>
        <p class="muted small">{props.splitNote ? t("dest.splitDone") : t("dest.keyWithDestination")}</p>
      </Show>
      <p class="muted small" role="status" data-testid="key-note">
        {note() ?? ""}
      </p>
    </FieldSet>
  );
}
