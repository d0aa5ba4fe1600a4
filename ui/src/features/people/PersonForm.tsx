import { createSignal, For, createEffect, on } from "solid-js";
import type { Person, PersonFields, Role } from "../../bindings";
import { FieldError } from "../../components/ErrorBanner";
import { ZONE_LIST_ID } from "../../components/ZoneDatalist";
import { ROLES } from "../../enums";
import { t, lang } from "../../i18n";
import { applyEdit } from "../../state";

type FieldName = "name" | "email" | "timeZone" | "role";

/** Add or edit one person. */
export function PersonForm(props: { person?: Person; onDone: () => void }) {
  const p = props.person;
  const [name, setName] = createSignal(p?.name ?? "");
  const [role, setRole] = createSignal<Role>(p?.role ?? "speaker");
  const [email, setEmail] = createSignal(p?.email ?? "");
  const [zone, setZone] = createSignal(p?.timeZone ?? "");
  const [invitation, setInvitation] = createSignal(p?.invitationSent ?? false);
  const [techCheck, setTechCheck] = createSignal(p?.techCheckDone ?? false);
  const [errors, setErrors] = createSignal<Partial<Record<FieldName, string>>>({});
  // Field messages come in the language of the moment: clear them when it changes.
  createEffect(on(lang, () => setErrors({}), { defer: true }));
  const [busy, setBusy] = createSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    if (!name().trim()) {
      setErrors({ name: t("error.required") });
      return;
    }
    const fields: PersonFields = {
      name: name().trim(),
      role: role(),
      email: email().trim(),
      timeZone: zone().trim(),
      invitationSent: invitation(),
      techCheckDone: techCheck(),
      instructionsSent: p?.instructionsSent ?? false,
    };
    setBusy(true);
    const r = p
      ? await applyEdit({ type: "updatePerson", id: p.id, fields })
      : await applyEdit({ type: "addPerson", fields });
    setBusy(false);
    if (!r.ok) {
      const last = r.error.field?.split(".").pop();
      if (last === "name" || last === "email" || last === "timeZone" || last === "role") {
        setErrors({ [last]: r.error.message });
      }
      return;
    }
    props.onDone();
  };

  return (
    <form class="card person-form" onSubmit={submit} data-native-undo data-testid="person-form">
      <h3>{p ? t("people.formEdit") : t("people.formAdd")}</h3>
      <div class="form-row">
        <label class="field grow">
          <span>{t("people.name")}</span>
          <input
            name="personName"
            autocomplete="off"
            value={name()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setName(e.currentTarget.value)}
            onChange={(e) => setName(e.currentTarget.value)}
            aria-invalid={!!errors().name}
          />
          <FieldError message={errors().name} />
        </label>
        <label class="field">
          <span>{t("people.role")}</span>
          <select name="personRole" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
          </select>
          <FieldError message={errors().role} />
        </label>
        <label class="field grow">
          <span>{t("people.email")}</span>
          <input
            name="personEmail"
            type="email"
            autocomplete="off"
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
            onChange={(e) => setEmail(e.currentTarget.value)}
            aria-invalid={!!errors().email}
          />
          <FieldError message={errors().email} />
        </label>
        <label class="field">
          <span>{t("people.zone")}</span>
          <input
            name="personZone"
            list={ZONE_LIST_ID}
            autocomplete="off"
            spellcheck={false}
            placeholder={t("people.zonePlaceholder")}
            value={zone()}
            onInput={(e) => setZone(e.currentTarget.value)}
            onChange={(e) => setZone(e.currentTarget.value)}
            aria-invalid={!!errors().timeZone}
          />
          <FieldError message={errors().timeZone} />
        </label>
      </div>
      <div class="form-row checks">
        <label class="check">
          <input
            type="checkbox"
            name="personInvitation"
            checked={invitation()}
            onChange={(e) => setInvitation(e.currentTarget.checked)}
          />
          {t("people.invitation")}
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="personTechCheck"
            checked={techCheck()}
            onChange={(e) => setTechCheck(e.currentTarget.checked)}
          />
          {t("people.techCheck")}
        </label>
        <div class="spacer" />
        <button type="button" onClick={() => props.onDone()}>
          {t("common.cancel")}
        </button>
        <button type="submit" class="primary" data-testid="save-person" disabled={busy()}>
          {p ? t("people.save") : t("people.create")}
        </button>
      </div>
    </form>
  );
}
