import { createSignal, For, createEffect, on } from "solid-js";
import type { Person, PersonFields, Role } from "../../bindings";
import { Check, Field } from "../../components/Field";
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
        <Field label={t("people.name")} class="grow" error={errors().name}>
          <input
            name="personName"
            autocomplete="off"
            value={name()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setName(e.currentTarget.value)}
            onChange={(e) => setName(e.currentTarget.value)}
            aria-invalid={!!errors().name}
          />
        </Field>
        <Field label={t("people.role")} error={errors().role}>
          <select name="personRole" value={role()} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            <For each={ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
          </select>
        </Field>
        <Field label={t("people.email")} class="grow" error={errors().email}>
          <input
            name="personEmail"
            type="email"
            autocomplete="off"
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
            onChange={(e) => setEmail(e.currentTarget.value)}
            aria-invalid={!!errors().email}
          />
        </Field>
        <Field label={t("people.zone")} error={errors().timeZone}>
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
        </Field>
      </div>
      <div class="form-row checks">
        <Check name="personInvitation" checked={invitation()} onCheck={setInvitation}>
          {t("people.invitation")}
        </Check>
        <Check name="personTechCheck" checked={techCheck()} onCheck={setTechCheck}>
          {t("people.techCheck")}
        </Check>
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
