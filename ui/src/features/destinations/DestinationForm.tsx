// Add / edit one RTMP destination, with its stream key.
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { DestinationFields, DestinationStatus } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { FieldError } from "../../components/ErrorBanner";
import { Field, FieldSet } from "../../components/Field";
import { DESTINATION_STATUSES } from "../../enums";
import { lang, t } from "../../i18n";
import * as ipc from "../../ipc";
import { applyEdit, hour12, saveStreamKey, view } from "../../state";
import { formatDateTime } from "../../time";
import { NEW_PRESET, orderedSessionIds, presetAdvice, presetFill, presetSource } from "./destinations";
import { KeyField } from "./KeyField";
import { presetById, presets } from "./presets";

type FieldName = "name" | "preset" | "serverUrl" | "backupUrl" | "sessionIds" | "status";
const FIELD_NAMES: readonly string[] = ["name", "preset", "serverUrl", "backupUrl", "sessionIds", "status"];

export function DestinationForm(props: { id: string | null; onDone: () => void }) {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  // Becomes the new destination's id once it is created (the form then edits it).
  const [destId, setDestId] = createSignal(props.id);
  const dest = () => {
    const id = destId();
    return id ? v().data.destinations.find((d) => d.id === id) : undefined;
  };
  const d0 = dest();

  const [name, setName] = createSignal(d0?.name ?? "");
  const [preset, setPreset] = createSignal(d0?.preset ?? NEW_PRESET);
  const [serverUrl, setServerUrl] = createSignal(d0?.serverUrl ?? "");
  const [backupUrl, setBackupUrl] = createSignal(d0?.backupUrl ?? "");
  const [sessionIds, setSessionIds] = createSignal<string[]>(d0?.sessionIds ? [...d0.sessionIds] : []);
  const [status, setStatus] = createSignal<DestinationStatus>(d0?.status ?? "requested");
  // The key being typed (or split off the URL): only ever in the password field.
  const [key, setKey] = createSignal("");
  const [keyError, setKeyError] = createSignal<string | null>(null);
  // [URL without the key, key] when the server URL seems to end with a key. Never rendered.
  const [split, setSplit] = createSignal<[string, string] | null>(null);
  const [splitDone, setSplitDone] = createSignal(false);
  const [errors, setErrors] = createSignal<Partial<Record<FieldName, string>>>({});
  const [busy, setBusy] = createSignal(false);
  let saveBtn: HTMLButtonElement | undefined;

  // Field messages come in the language of the moment: clear them when it changes.
  createEffect(
    on(
      lang,
      () => {
        setErrors({});
        setKeyError(null);
      },
      { defer: true },
    ),
  );
  // The destination went away (deleted, or its creation undone): close the form.
  createEffect(() => {
    if (destId() && !dest()) props.onDone();
  });

  const currentPreset = () => presetById(preset());
  const presetOptions = () => {
    const list = presets().map((p) => ({ id: p.id, name: p.name }));
    return list.some((p) => p.id === preset()) ? list : [...list, { id: preset(), name: preset() }];
  };

  const pickPreset = (id: string) => {
    const filled = presetFill(currentPreset(), presetById(id), { serverUrl: serverUrl(), backupUrl: backupUrl() });
    setPreset(id);
    setServerUrl(filled.serverUrl);
    setBackupUrl(filled.backupUrl);
    setSplit(null);
  };

  const toggleSession = (id: string, on: boolean) =>
    setSessionIds((ids) => (on ? [...ids.filter((x) => x !== id), id] : ids.filter((x) => x !== id)));

  const fieldOf = (f: string | null): FieldName | null => {
    if (!f) return null;
    const last = f.split(".").pop()!;
    return FIELD_NAMES.includes(last) ? (last as FieldName) : null;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    setSplit(null);
    setKeyError(null);
    if (!name().trim()) {
      setErrors({ name: t("error.required") });
      return;
    }
    setErrors({});
    const fields: DestinationFields = {
      name: name().trim(),
      preset: preset(),
      serverUrl: serverUrl().trim(),
      backupUrl: backupUrl().trim(),
      sessionIds: orderedSessionIds(sessionIds(), v().data.sessions),
      status: status(),
    };
    setBusy(true);
    const id = destId();
    const r = id
      ? await applyEdit({ type: "updateDestination", id, fields })
      : await applyEdit({ type: "addDestination", fields });
    if (!r.ok) {
      const f = fieldOf(r.error.field);
      if (f) setErrors({ [f]: r.error.message });
      if (r.error.field?.endsWith("streamKey")) setKeyError(r.error.message);
      if (f === "serverUrl") {
        // A pasted "URL/key": offer to move the key where it belongs.
        const pair = await ipc.splitServerUrl({ url: fields.serverUrl }).catch(() => null);
        if (pair && serverUrl().trim() === fields.serverUrl) setSplit(pair);
      }
      setBusy(false);
      return;
    }
    const savedId = id ?? r.created;
    if (!id && savedId) setDestId(savedId);
    if (savedId && key() !== "") {
      const err = await saveStreamKey(savedId, key());
      setBusy(false);
      if (err) {
        // The destination is saved; the form stays open on it with the key's problem.
        setKeyError(err.message);
        return;
      }
      setKey("");
    } else {
      setBusy(false);
    }
    props.onDone();
  };

  const splitOff = () => {
    const pair = split();
    if (!pair) return;
    setServerUrl(pair[0]);
    setKey(pair[1]);
    setSplit(null);
    setSplitDone(true);
    setErrors((e) => ({ ...e, serverUrl: undefined }));
    saveBtn?.focus();
  };

  const remove = async () => {
    const d = dest();
    if (!d) return;
    if (await askConfirm(t("dest.confirmDelete", { name: d.name }), t("dest.delete"))) {
      const r = await applyEdit({ type: "deleteDestination", id: d.id });
      if (r.ok) props.onDone();
    }
  };

  const uid = () => destId() ?? "new";

  return (
    <form class="card destination-form" onSubmit={submit} data-native-undo data-testid="destination-form">
      <h3>{dest() ? t("dest.formEdit") : t("dest.formAdd")}</h3>
      <div class="form-row">
        <Field label={t("dest.name")} class="grow" error={errors().name} errorId={`dest-name-err-${uid()}`}>
          <input
            name="destName"
            autocomplete="off"
            placeholder={t("dest.namePlaceholder")}
            value={name()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setName(e.currentTarget.value)}
            onChange={(e) => setName(e.currentTarget.value)}
            aria-invalid={!!errors().name}
            aria-describedby={`dest-name-err-${uid()}`}
          />
        </Field>
        <Field label={t("dest.preset")} error={errors().preset}>
          <select
            name="destPreset"
            value={preset()}
            onChange={(e) => pickPreset(e.currentTarget.value)}
            aria-invalid={!!errors().preset}
            aria-describedby="dest-advice"
          >
            <For each={presetOptions()}>
              {(p) => (
                <option value={p.id} selected={p.id === preset()}>
                  {p.name}
                </option>
              )}
            </For>
          </select>
        </Field>
        <Field label={t("dest.status")} error={errors().status}>
          <select
            name="destStatus"
            value={status()}
            onChange={(e) => setStatus(e.currentTarget.value as DestinationStatus)}
            aria-invalid={!!errors().status}
          >
            <For each={DESTINATION_STATUSES}>
              {(s) => (
                <option value={s} selected={s === status()}>
                  {t(`destStatus.${s}`)}
                </option>
              )}
            </For>
          </select>
        </Field>
      </div>
      <Show when={presetAdvice(currentPreset(), lang())}>
        {(advice) => (
          <div class="dest-advice" id="dest-advice" data-testid="preset-advice">
            <strong>{t("dest.advice")}</strong> {advice()}
            <Show when={presetSource(currentPreset())}>
              {(source) => <div class="muted small">{t("dest.source", { source: source() })}</div>}
            </Show>
          </div>
        )}
      </Show>
      <div class="form-row">
        <div class="field grow">
          <Field label={t("dest.serverUrl")}>
            <input
              name="destServerUrl"
              class="mono"
              autocomplete="off"
              spellcheck={false}
              placeholder={t("dest.serverUrlPlaceholder")}
              value={serverUrl()}
              onInput={(e) => {
                setServerUrl(e.currentTarget.value);
                setSplit(null);
              }}
              onChange={(e) => setServerUrl(e.currentTarget.value)}
              aria-invalid={!!errors().serverUrl}
              aria-describedby={`dest-url-err-${uid()}`}
            />
          </Field>
          <FieldError message={errors().serverUrl} id={`dest-url-err-${uid()}`} />
          <Show when={split()}>
            <div>
              <button
                type="button"
                class="small"
                data-testid="split-key"
                title={t("dest.splitKeyTitle")}
                onClick={splitOff}
              >
                {t("dest.splitKey")}
              </button>
            </div>
          </Show>
        </div>
        <Field label={t("dest.backupUrl")} class="grow" error={errors().backupUrl} errorId={`dest-backup-err-${uid()}`}>
          <input
            name="destBackupUrl"
            class="mono"
            autocomplete="off"
            spellcheck={false}
            placeholder={t("dest.serverUrlPlaceholder")}
            value={backupUrl()}
            onInput={(e) => setBackupUrl(e.currentTarget.value)}
            onChange={(e) => setBackupUrl(e.currentTarget.value)}
            aria-invalid={!!errors().backupUrl}
            aria-describedby={`dest-backup-err-${uid()}`}
          />
        </Field>
      </div>
      <div class="form-row">
        <FieldSet legend={t("dest.sessions")} class="dest-sessions" error={errors().sessionIds}>
          <Show
            when={v().data.sessions.length > 0}
            fallback={<span class="muted small">{t("dest.sessionsNone")}</span>}
          >
            <div class="check-list">
              <For each={v().data.sessions}>
                {(s) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      name="destSession"
                      value={s.id}
                      checked={sessionIds().includes(s.id)}
                      onChange={(e) => toggleSession(s.id, e.currentTarget.checked)}
                    />
                    <span class="ellipsis">{s.title}</span>
                    <span class="muted small">{formatDateTime(s.start, zone(), lang(), hour12())}</span>
                    <Show when={s.livestream && s.restream}>
                      <span class="tag">{t("dest.restreamed")}</span>
                    </Show>
                  </label>
                )}
              </For>
            </div>
          </Show>
        </FieldSet>
      </div>
      <div class="form-row">
        <KeyField
          destination={dest()}
          value={key()}
          onValue={setKey}
          error={keyError()}
          onError={setKeyError}
          splitNote={splitDone() && key() !== ""}
        />
      </div>
      <div class="form-row checks">
        <div class="spacer" />
        <Show when={dest()}>
          <button type="button" class="danger-quiet" data-testid="delete-destination-form" onClick={remove}>
            {t("dest.delete")}
          </button>
        </Show>
        <button type="button" data-testid="cancel-destination" onClick={() => props.onDone()}>
          {t("common.cancel")}
        </button>
        <button ref={saveBtn} type="submit" class="primary" data-testid="save-destination" disabled={busy()}>
          {dest() ? t("dest.save") : t("dest.create")}
        </button>
      </div>
    </form>
  );
}
