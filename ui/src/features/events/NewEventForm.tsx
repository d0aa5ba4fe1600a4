import { createSignal, For } from "solid-js";
import type { Lang } from "../../bindings";
import { Field } from "../../components/Field";
import { ZoneDatalist, ZONE_LIST_ID } from "../../components/ZoneDatalist";
import { LANGS } from "../../enums";
import { lang, t } from "../../i18n";
import { createEvent } from "../../state";
import { machineZone } from "../../time";

export function NewEventForm(props: { onCancel: () => void }) {
  const [name, setName] = createSignal("");
  const [zone, setZone] = createSignal(machineZone());
  const [locale, setLocale] = createSignal<Lang>(lang());
  const [fieldErr, setFieldErr] = createSignal<{ field: string | null; message: string } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const errFor = (...fields: string[]) => {
    const e = fieldErr();
    return e && e.field && fields.some((f) => e.field === f || e.field!.endsWith(`.${f}`)) ? e.message : null;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    if (!name().trim()) {
      setFieldErr({ field: "event.name", message: t("error.required") });
      return;
    }
    setBusy(true);
    const err = await createEvent({ name: name().trim(), timeZone: zone().trim(), locale: locale() });
    setBusy(false);
    setFieldErr(err ? { field: err.field, message: err.message } : null);
  };

  let nameInput: HTMLInputElement | undefined;
  queueMicrotask(() => nameInput?.focus());

  return (
    <form class="card form-grid" onSubmit={submit} data-native-undo aria-labelledby="new-event-title">
      <h2 id="new-event-title">{t("events.form.title")}</h2>
      <Field label={t("events.form.name")} error={errFor("name")}>
        <input
          ref={nameInput}
          name="eventName"
          required
          autocomplete="off"
          placeholder={t("events.form.namePlaceholder")}
          value={name()}
          onInput={(e) => setName(e.currentTarget.value)}
          onChange={(e) => setName(e.currentTarget.value)}
          aria-invalid={!!errFor("name")}
        />
      </Field>
      <Field label={t("events.form.zone")} error={errFor("timeZone", "zone")}>
        <input
          name="eventZone"
          list={ZONE_LIST_ID}
          autocomplete="off"
          spellcheck={false}
          title={t("events.form.zoneHint")}
          value={zone()}
          onInput={(e) => setZone(e.currentTarget.value)}
          onChange={(e) => setZone(e.currentTarget.value)}
          aria-invalid={!!errFor("timeZone", "zone")}
        />
      </Field>
      <Field label={t("events.form.locale")} error={errFor("locale")}>
        <select name="eventLocale" value={locale()} onChange={(e) => setLocale(e.currentTarget.value as Lang)}>
          <For each={LANGS}>{(l) => <option value={l}>{t(`lang.${l}`)}</option>}</For>
        </select>
      </Field>
      <div class="form-actions">
        <button type="submit" class="primary" data-testid="create-event" disabled={busy()}>
          {t("events.form.create")}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t("common.cancel")}
        </button>
      </div>
      <ZoneDatalist />
    </form>
  );
}
