// The customer lead's speakers: who speaks, moderates or hosts, whether each was invited and has
// the instructions, and the instructions text the customer sends them.
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import type { Person, Role } from "../../bindings";
import { AddOrEditForm } from "../../components/AddOrEditForm";
import { askConfirm } from "../../components/Confirm";
import { EmptyState } from "../../components/Empty";
import { CheckCell, Field } from "../../components/Field";
import { DataTable, type Column } from "../../components/Table";
import { lang, t } from "../../i18n";
import { applyEdit, highlight, setError, view } from "../../state";
import { flashed } from "./focus";
import { closeOnEscape, focusFirstInvalid } from "./forms";
import { SPEAKER_ROLES, speakerPeople, speakersOf } from "./schedule";
import { isValidEmail, personFields, speakerCounts, speakerFields, validateSpeakerDraft, type SpeakerField } from "./speakers";

const COLUMNS: Column[] = [
  { label: "customer.speakers.name" },
  { label: "customer.speakers.email" },
  { label: "customer.speakers.role" },
  { label: "customer.speakers.sessions" },
  { label: "customer.speakers.invited", class: "center" },
  { label: "customer.speakers.instructed", class: "center" },
  { label: "common.actions", class: "actions-col", hidden: true },
];

export function SpeakersTab() {
  const v = () => view()!;
  const list = createMemo(() => speakerPeople(v().data.people));
  const counts = createMemo(() => speakerCounts(v().data.people));
  /** null: no form; "new": the add form; otherwise the id of the speaker being edited. */
  const [editing, setEditing] = createSignal<string | null>(null);

  /** Session titles per speaker (as presenters of the sessions' segments). */
  const sessionsOf = createMemo(() => {
    const out = new Map<string, string[]>();
    for (const s of v().data.sessions) {
      for (const pid of speakersOf(s.id, v().data.segments)) out.set(pid, [...(out.get(pid) ?? []), s.title]);
    }
    return out;
  });

  const toggle = (p: Person, patch: { invitationSent?: boolean; instructionsSent?: boolean }) =>
    applyEdit({ type: "updatePerson", id: p.id, fields: { ...personFields(p), ...patch } });

  const remove = async (p: Person) => {
    if (await askConfirm(t("customer.speakers.confirmRemove", { name: p.name }), t("customer.speakers.remove"))) {
      const r = await applyEdit({ type: "deletePerson", id: p.id });
      if (r.ok && editing() === p.id) setEditing(null);
    }
  };

  const isFlashed = (id: string) =>
    flashed()?.id === id || (highlight()?.kind === "person" && highlight()?.id === id);

  return (
    <main class="tab-page customer-page" data-testid="speakers-tab">
      <div class="page-head">
        <div class="customer-intro">
          <h2>{t("customer.speakers.title")}</h2>
          <p class="muted">{t("customer.speakers.intro")}</p>
        </div>
        <div class="toolbar">
          <button
            type="button"
            class="primary"
            data-testid="speaker-add"
            disabled={editing() === "new"}
            onClick={() => setEditing("new")}
          >
            + {t("customer.speakers.add")}
          </button>
        </div>
      </div>

      <Show when={counts().total > 0}>
        <p class="speaker-counter" data-testid="speaker-counter" aria-live="polite">
          {t("customer.speakers.counter", { ...counts() })}
        </p>
      </Show>

      <AddOrEditForm
        editing={editing()}
        items={list()}
        form={(p) => <SpeakerForm person={p} onDone={() => setEditing(null)} />}
      />

      <Show
        when={list().length > 0}
        fallback={
          <Show when={editing() !== "new"}>
            <EmptyState
              testid="speakers-empty"
              title={t("customer.speakers.emptyTitle")}
              body={t("customer.speakers.emptyBody")}
            />
          </Show>
        }
      >
        <DataTable class="grid speakers-table" columns={COLUMNS} scroll each={list()}>
          {(p) => (
            <tr data-testid="speaker-row" data-person-id={p.id} tabIndex={-1} classList={{ flash: isFlashed(p.id) }}>
              <td class="strong ellipsis" title={p.name}>
                {p.name}
              </td>
              <td class="ellipsis" classList={{ muted: !p.email }} title={p.email}>
                {p.email || t("common.none")}
              </td>
              <td>{t(`role.${p.role}`)}</td>
              <td class="ellipsis" title={(sessionsOf().get(p.id) ?? []).join(", ")}>
                <Show
                  when={(sessionsOf().get(p.id) ?? []).length > 0}
                  fallback={<em class="muted">{t("customer.speakers.noSession")}</em>}
                >
                  {(sessionsOf().get(p.id) ?? []).join(", ")}
                </Show>
              </td>
              <td class="center">
                <CheckCell
                  testid="speaker-invited"
                  label={t("customer.speakers.invitedFor", { name: p.name })}
                  checked={p.invitationSent}
                  onCheck={(on) => void toggle(p, { invitationSent: on })}
                />
              </td>
              <td class="center">
                <CheckCell
                  testid="speaker-instructed"
                  label={t("customer.speakers.instructedFor", { name: p.name })}
                  checked={p.instructionsSent}
                  onCheck={(on) => void toggle(p, { instructionsSent: on })}
                />
              </td>
              <td class="row-actions">
                <button
                  type="button"
                  class="small"
                  data-testid="speaker-edit"
                  aria-label={t("customer.speakers.editTitle", { name: p.name })}
                  title={t("customer.speakers.editTitle", { name: p.name })}
                  onClick={() => setEditing(p.id)}
                >
                  {t("common.edit")}
                </button>
                <button
                  type="button"
                  class="small danger-quiet"
                  data-testid="speaker-remove"
                  aria-label={t("customer.speakers.removeTitle", { name: p.name })}
                  title={t("customer.speakers.removeTitle", { name: p.name })}
                  onClick={() => void remove(p)}
                >
                  {t("customer.speakers.remove")}
                </button>
              </td>
            </tr>
          )}
        </DataTable>
      </Show>

      <SpeakerInstructions />
    </main>
  );
}

/** Add or edit a speaker: name (required), email (checked when given), role. */
function SpeakerForm(props: { person?: Person; onDone: () => void }) {
  const p = props.person;
  const [name, setName] = createSignal(p?.name ?? "");
  const [email, setEmail] = createSignal(p?.email ?? "");
  const [role, setRole] = createSignal<Role>(p?.role ?? "speaker");
  const [errors, setErrors] = createSignal<Partial<Record<SpeakerField, string>>>({});
  const [busy, setBusy] = createSignal(false);
  createEffect(on(lang, () => setErrors({}), { defer: true }));
  let form: HTMLFormElement | undefined;
  const uid = `speaker-form-${p?.id ?? "new"}`;
  let pressingButton = false;

  const check = (): boolean => {
    const errs = validateSpeakerDraft({ name: name(), email: email(), role: role() });
    const msgs: Partial<Record<SpeakerField, string>> = {};
    for (const [k, key] of Object.entries(errs)) msgs[k as SpeakerField] = t(key!);
    setErrors(msgs);
    return Object.keys(msgs).length === 0;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    if (!check()) {
      focusFirstInvalid(form);
      return;
    }
    const fields = speakerFields({ name: name(), email: email(), role: role() }, p);
    setBusy(true);
    const r = p ? await applyEdit({ type: "updatePerson", id: p.id, fields }) : await applyEdit({ type: "addPerson", fields });
    setBusy(false);
    if (!r.ok) {
      const last = r.error.field?.split(".").pop();
      setErrors(last === "email" ? { email: r.error.message } : last === "role" ? { role: r.error.message } : { name: r.error.message });
      // Shown next to the field: no need for the banner too.
      setError(null);
      return;
    }
    props.onDone();
  };

  return (
    <form
      ref={form}
      class="card speaker-form"
      data-testid="speaker-form"
      data-native-undo
      noValidate
      onSubmit={submit}
      onPointerDown={(e) => {
        if (!(e.target as HTMLElement).closest("button")) return;
        pressingButton = true;
        setTimeout(() => (pressingButton = false), 400);
      }}
      onKeyDown={closeOnEscape(() => props.onDone())}
    >
      <h3>{p ? t("customer.speakers.formEdit") : t("customer.speakers.formAdd")}</h3>
      <div class="form-row">
        <Field label={t("customer.speakers.name")} class="grow" error={errors().name} errorId={`${uid}-name-err`}>
          <input
            name="speakerName"
            data-testid="speaker-name"
            autocomplete="off"
            value={name()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={!!errors().name}
            aria-describedby={errors().name ? `${uid}-name-err` : undefined}
          />
        </Field>
        <Field label={t("customer.speakers.email")} class="grow" error={errors().email} errorId={`${uid}-email-err`}>
          <input
            name="speakerEmail"
            type="email"
            data-testid="speaker-email"
            autocomplete="off"
            spellcheck={false}
            placeholder={t("customer.speakers.emailPlaceholder")}
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
            // Checked as soon as the field is left, so the mistake shows next to it right away.
            onBlur={() => {
              // Leaving for a button of the form: the click checks everything, and a message
              // appearing now would move the button away from under the pointer.
              if (pressingButton) return;
              setErrors((old) => ({
                ...old,
                email: email().trim() && !isValidEmail(email()) ? t("customer.error.email") : undefined,
              }));
            }}
            aria-invalid={!!errors().email}
            aria-describedby={errors().email ? `${uid}-email-err` : undefined}
          />
        </Field>
        <Field label={t("customer.speakers.role")} error={errors().role}>
          <select
            name="speakerRole"
            data-testid="speaker-role"
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as Role)}
            aria-invalid={!!errors().role}
          >
            <For each={SPEAKER_ROLES}>{(r) => <option value={r}>{t(`role.${r}`)}</option>}</For>
          </select>
        </Field>
      </div>
      <div class="form-row checks">
        <div class="spacer" />
        <button type="button" data-testid="speaker-cancel" onClick={() => props.onDone()}>
          {t("common.cancel")}
        </button>
        <button type="submit" class="primary" data-testid="speaker-save" disabled={busy()} aria-busy={busy()}>
          {p ? t("customer.speakers.save") : t("customer.speakers.create")}
        </button>
      </div>
    </form>
  );
}

/** The instructions text the customer sends speakers (stored with the event's branding). */
function SpeakerInstructions() {
  const v = () => view()!;
  const stored = () => v().data.branding.speakerInstructions;
  const [text, setText] = createSignal(stored());
  const [status, setStatus] = createSignal<"saved" | "copied" | "copyFailed" | null>(null);
  const [busy, setBusy] = createSignal(false);
  const dirty = () => text() !== stored();
  let area: HTMLTextAreaElement | undefined;

  // Follow the stored text (undo, another window) unless the customer is typing a change.
  createEffect(
    on(stored, (now, before) => {
      if (text() === before || before === undefined) setText(now);
    }),
  );

  const save = async () => {
    if (busy() || !dirty()) return;
    setBusy(true);
    const r = await applyEdit({
      type: "updateBranding",
      fields: { ...v().data.branding, speakerInstructions: text() },
    });
    setBusy(false);
    setStatus(r.ok ? "saved" : null);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text());
      setStatus("copied");
    } catch {
      setStatus("copyFailed");
      area?.focus();
      area?.select();
    }
  };

  return (
    <section class="card instructions-card" data-testid="speaker-instructions-card" aria-labelledby="instructions-title">
      <h3 id="instructions-title">{t("customer.instructions.title")}</h3>
      <p class="muted small">{t("customer.instructions.intro")}</p>
      <Field label={t("customer.instructions.label")}>
        <textarea
          ref={area}
          name="speakerInstructions"
          class="instructions-text"
          data-testid="speaker-instructions"
          data-native-undo
          rows={10}
          placeholder={t("customer.instructions.placeholder")}
          value={text()}
          onInput={(e) => {
            setText(e.currentTarget.value);
            setStatus(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
      </Field>
      <div class="form-row checks">
        <button
          type="button"
          class="primary"
          data-testid="speaker-instructions-save"
          disabled={!dirty() || busy()}
          aria-busy={busy()}
          onClick={() => void save()}
        >
          {t("customer.instructions.save")}
        </button>
        <button
          type="button"
          data-testid="speaker-instructions-copy"
          title={t("customer.instructions.copyTitle")}
          disabled={!text().trim()}
          onClick={() => void copy()}
        >
          {t("customer.instructions.copy")}
        </button>
        <span class="small" role="status" data-testid="speaker-instructions-status">
          <Show when={dirty()}>
            <span class="unsaved">● {t("customer.instructions.unsaved")}</span>
          </Show>
          <Show when={!dirty() && status() === "saved"}>
            <span class="status-ok">✓ {t("customer.instructions.saved")}</span>
          </Show>
          <Show when={status() === "copied"}>
            {" "}
            <span class="status-ok">✓ {t("customer.instructions.copied")}</span>
          </Show>
          <Show when={status() === "copyFailed"}>
            {" "}
            <span class="field-error">{t("customer.instructions.copyFailed")}</span>
          </Show>
        </span>
      </div>
    </section>
  );
}
