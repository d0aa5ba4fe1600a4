import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { EventFields } from "../../bindings";
import { Field, FieldSet } from "../../components/Field";
import { SeverityIcon } from "../../components/Severity";
import { ZoneDatalist, ZONE_LIST_ID } from "../../components/ZoneDatalist";
import { LANGS } from "../../enums";
import { lang, t } from "../../i18n";
import { applyEdit, hour12, view } from "../../state";
import { addMonthsToDate, formatDate, formatDateTime, formatHoursMinutes } from "../../time";
import { Backups } from "./Backups";
import { CueTemplate } from "./CueTemplate";

type FieldName =
  "name" | "customer" | "timeZone" | "locale" | "kitPurchaseDate" | "kitTermMonths" | "supportBudgetMinutes";
const FIELD_NAMES: FieldName[] = [
  "name",
  "customer",
  "timeZone",
  "locale",
  "kitPurchaseDate",
  "kitTermMonths",
  "supportBudgetMinutes",
];

export function SettingsTab() {
  const v = () => view()!;
  const ev = () => v().data.event;

  const [name, setName] = createSignal("");
  const [customer, setCustomer] = createSignal("");
  const [zone, setZone] = createSignal("");
  const [locale, setLocale] = createSignal("");
  const [purchase, setPurchase] = createSignal("");
  const [term, setTerm] = createSignal("");
  const [hours, setHours] = createSignal("");
  const [minutes, setMinutes] = createSignal("");
  const [errors, setErrors] = createSignal<Partial<Record<FieldName, string>>>({});
  // Field messages come in the language of the moment: clear them when it changes.
  createEffect(on(lang, () => setErrors({}), { defer: true }));
  const [saved, setSaved] = createSignal(false);

  createEffect(
    on(
      () => ev().revision,
      () => {
        const e = ev();
        setName(e.name);
        setCustomer(e.customer);
        setZone(e.timeZone);
        setLocale(e.locale);
        setPurchase(e.kitPurchaseDate ?? "");
        setTerm(String(e.kitTermMonths));
        setHours(String(Math.floor(e.supportBudgetMinutes / 60)));
        setMinutes(String(e.supportBudgetMinutes % 60));
      },
    ),
  );

  const int = (s: string) => (/^\s*\d+\s*$/.test(s) ? Number(s) : null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    const errs: Partial<Record<FieldName, string>> = {};
    const termN = int(term());
    const h = int(hours() || "0");
    const m = int(minutes() || "0");
    if (!name().trim()) errs.name = t("error.required");
    if (termN === null) errs.kitTermMonths = t("error.invalidNumber");
    if (h === null || m === null) errs.supportBudgetMinutes = t("error.invalidNumber");
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const fields: EventFields = {
      name: name().trim(),
      customer: customer().trim(),
      timeZone: zone().trim(),
      locale: locale(),
      kitPurchaseDate: purchase().trim(),
      kitTermMonths: termN!,
      supportBudgetMinutes: h! * 60 + m!,
    };
    const r = await applyEdit({ type: "updateEvent", fields });
    if (!r.ok) {
      const last = r.error.field?.split(".").pop() as FieldName | undefined;
      if (last && FIELD_NAMES.includes(last)) setErrors({ [last]: r.error.message });
      return;
    }
    setSaved(true);
  };

  const windowInfo = () => {
    const w = v().schedule.supportWindow;
    if (!w) return null;
    const budget = ev().supportBudgetMinutes;
    return { w, budget, over: w.minutes - budget };
  };
  const termEnd = () => {
    const d = ev().kitPurchaseDate;
    const end = d ? addMonthsToDate(d, ev().kitTermMonths) : null;
    return end ? formatDate(`${end}T12:00:00Z`, "UTC", lang()) : null;
  };

  return (
    <main class="tab-page settings-page">
      <div class="page-head">
        <h2>{t("settings.title")}</h2>
      </div>
      <div class="settings-grid">
        <form class="card form-grid" onSubmit={submit} data-native-undo data-testid="settings-form">
          <Field label={t("settings.name")} error={errors().name}>
            <input
              name="eventName"
              value={name()}
              onInput={(e) => setName(e.currentTarget.value)}
              onChange={(e) => setName(e.currentTarget.value)}
              aria-invalid={!!errors().name}
            />
          </Field>
          <Field label={t("settings.customer")} error={errors().customer}>
            <input
              name="eventCustomer"
              value={customer()}
              onInput={(e) => setCustomer(e.currentTarget.value)}
              onChange={(e) => setCustomer(e.currentTarget.value)}
            />
          </Field>
          <Field label={t("settings.zone")} error={errors().timeZone}>
            <input
              name="eventZone"
              list={ZONE_LIST_ID}
              spellcheck={false}
              autocomplete="off"
              value={zone()}
              onInput={(e) => setZone(e.currentTarget.value)}
              onChange={(e) => setZone(e.currentTarget.value)}
              aria-invalid={!!errors().timeZone}
            />
          </Field>
          <Field label={t("settings.locale")} error={errors().locale}>
            <select name="eventLocale" value={locale()} onChange={(e) => setLocale(e.currentTarget.value)}>
              <For each={LANGS}>{(l) => <option value={l}>{t(`lang.${l}`)}</option>}</For>
            </select>
          </Field>
          <Field label={t("settings.kitPurchase")} error={errors().kitPurchaseDate}>
            <input
              name="kitPurchaseDate"
              placeholder={t("settings.datePlaceholder")}
              inputmode="numeric"
              value={purchase()}
              onInput={(e) => setPurchase(e.currentTarget.value)}
              onChange={(e) => setPurchase(e.currentTarget.value)}
              aria-invalid={!!errors().kitPurchaseDate}
            />
          </Field>
          <Field label={t("settings.termMonths")} error={errors().kitTermMonths}>
            <input
              name="kitTermMonths"
              class="num short"
              inputmode="numeric"
              value={term()}
              onInput={(e) => setTerm(e.currentTarget.value)}
              onChange={(e) => setTerm(e.currentTarget.value)}
              aria-invalid={!!errors().kitTermMonths}
            />
          </Field>
          <FieldSet legend={t("settings.budget")} class="budget" error={errors().supportBudgetMinutes}>
            <label class="inline">
              <input
                name="budgetHours"
                class="num short"
                inputmode="numeric"
                value={hours()}
                onInput={(e) => setHours(e.currentTarget.value)}
                onChange={(e) => setHours(e.currentTarget.value)}
                aria-invalid={!!errors().supportBudgetMinutes}
              />
              <span>{t("settings.budgetHours")}</span>
            </label>
            <label class="inline">
              <input
                name="budgetMinutes"
                class="num short"
                inputmode="numeric"
                value={minutes()}
                onInput={(e) => setMinutes(e.currentTarget.value)}
                onChange={(e) => setMinutes(e.currentTarget.value)}
                aria-invalid={!!errors().supportBudgetMinutes}
              />
              <span>{t("settings.budgetMinutes")}</span>
            </label>
          </FieldSet>
          <div class="form-actions">
            <button type="submit" class="primary" data-testid="save-settings">
              {t("settings.save")}
            </button>
            <Show when={saved()}>
              <span class="status-ok" role="status">
                ✓ {t("settings.saved")}
              </span>
            </Show>
          </div>
        </form>

        <section class="card support-card" data-testid="support-window">
          <h3>{t("settings.supportWindow")}</h3>
          <Show when={windowInfo()} fallback={<p class="muted">{t("settings.windowNone")}</p>}>
            {(info) => (
              <>
                <p class="big num">
                  {t("settings.windowRange", {
                    start: formatDateTime(info().w.start, ev().timeZone, lang(), hour12()),
                    end: formatDateTime(info().w.end, ev().timeZone, lang(), hour12()),
                  })}
                </p>
                <p class="num">
                  {t("settings.windowLength", {
                    length: formatHoursMinutes(info().w.minutes, lang()),
                    budget: formatHoursMinutes(info().budget, lang()),
                  })}
                </p>
                <Show when={info().over > 0} fallback={<p class="status-ok">✓ {t("settings.windowFits")}</p>}>
                  <p class="status-over">
                    <SeverityIcon severity="warning" />{" "}
                    {t("settings.windowOver", { over: formatHoursMinutes(info().over, lang()) })}
                  </p>
                </Show>
              </>
            )}
          </Show>
          <p class="muted">{termEnd() ? t("settings.termEnds", { date: termEnd()! }) : t("settings.termUnknown")}</p>
        </section>
        <CueTemplate />
        <Backups />
      </div>
      <ZoneDatalist />
    </main>
  );
}
