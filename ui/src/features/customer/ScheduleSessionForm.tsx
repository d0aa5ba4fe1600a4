// Add or edit a session in plain fields: title, stage (or a new one), date, start and end times in
// the event's zone, and who speaks. Everything is checked here before anything is sent.
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { ErrorPayload, Session, SessionFields } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { Field, FieldSet } from "../../components/Field";
import { lang, t } from "../../i18n";
import { applyEdit, hour12, setError, setTab, view } from "../../state";
import { localDateKey, toLocalInput } from "../../time";
import { suggestSlot } from "../calendar/layout";
import { closeOnEscape, focusFirstInvalid } from "./forms";
import {
  formatTimeInput,
  NEW_STAGE,
  presenterEdits,
  scheduleFieldOf,
  speakerPeople,
  speakersOf,
  validateSessionDraft,
  type ScheduleField,
} from "./schedule";

let formCount = 0;

export function ScheduleSessionForm(props: { session?: Session; onDone: () => void }) {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  const uid = `schedule-form-${++formCount}`;
  const id = (n: string) => `${uid}-${n}`;

  const [title, setTitle] = createSignal("");
  const [stageId, setStageId] = createSignal("");
  const [newStageName, setNewStageName] = createSignal("");
  const [date, setDate] = createSignal("");
  const [start, setStart] = createSignal("");
  const [end, setEnd] = createSignal("");
  const [speakers, setSpeakers] = createSignal<string[]>([]);
  const [errors, setErrors] = createSignal<Partial<Record<ScheduleField, string>>>({});
  const [serverError, setServerError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  // Messages come in the language of the moment: clear them when it changes.
  createEffect(
    on(
      lang,
      () => {
        setErrors({});
        setServerError(null);
      },
      { defer: true },
    ),
  );

  const fill = (local: string, set: (d: string) => void, setTime: (x: string) => void) => {
    set(local.slice(0, 10));
    setTime(formatTimeInput(local.slice(11, 16), hour12()));
  };

  // Edit: start from the session. Add: the first stage and a free slot after its last session.
  const s0 = props.session;
  if (s0) {
    setTitle(s0.title);
    setStageId(s0.stageId);
    fill(toLocalInput(s0.start, zone()), setDate, setStart);
    setEnd(formatTimeInput(toLocalInput(s0.end, zone()).slice(11, 16), hour12()));
    setSpeakers(speakersOf(s0.id, v().data.segments));
  } else {
    const first = v().data.stages[0]?.id ?? NEW_STAGE;
    setStageId(first);
    const sessions = v().data.sessions;
    const day = sessions.length ? localDateKey(sessions[sessions.length - 1].start, zone()) : localDateKey(new Date(), zone());
    const slot = suggestSlot(sessions, first, day, zone());
    fill(slot.start, setDate, setStart);
    setEnd(formatTimeInput(slot.end.slice(11, 16), hour12()));
  }

  const people = () => speakerPeople(v().data.people);
  const toggleSpeaker = (pid: string, on: boolean) => {
    const set = new Set(speakers());
    if (on) set.add(pid);
    else set.delete(pid);
    // Keep the speakers list's order, and presenters the list does not show (another role).
    const listed = people().map((p) => p.id);
    setSpeakers([...listed.filter((x) => set.has(x)), ...speakers().filter((x) => !listed.includes(x))]);
  };

  let form: HTMLFormElement | undefined;

  /** Shows a failed edit next to its field (or under the form) instead of the banner. */
  const showFailure = (err: ErrorPayload, addingStage: boolean) => {
    const f = scheduleFieldOf(err.field, addingStage);
    if (f) setErrors({ [f]: err.message });
    else setServerError(t("customer.form.serverError", { message: err.message }));
    setError(null);
    focusFirstInvalid(form);
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    setServerError(null);
    const checked = validateSessionDraft({
      title: title(),
      stageId: stageId(),
      newStageName: newStageName(),
      date: date(),
      start: start(),
      end: end(),
    });
    const msgs: Partial<Record<ScheduleField, string>> = {};
    for (const [k, key] of Object.entries(checked.errors)) msgs[k as ScheduleField] = t(key!);
    setErrors(msgs);
    if (!checked.value) {
      focusFirstInvalid(form);
      return;
    }
    setBusy(true);
    try {
      let stage = stageId();
      if (stage === NEW_STAGE) {
        const r = await applyEdit({ type: "addStage", name: newStageName().trim() });
        if (!r.ok) return showFailure(r.error, true);
        const created = r.created ?? view()?.data.stages.find((st) => st.name === newStageName().trim())?.id;
        if (!created) return;
        // Keep the new stage picked: a retry after a later failure must not add it twice.
        stage = created;
        setStageId(created);
        setNewStageName("");
      }
      const existing = props.session;
      const fields: SessionFields = {
        stageId: stage,
        title: checked.value.title,
        start: checked.value.start,
        end: checked.value.end,
        // The production flags are the analyst's: keep them, or the usual defaults for a new session.
        livestream: existing?.livestream ?? true,
        recording: existing?.recording ?? true,
        vod: existing?.vod ?? false,
        restream: existing?.restream ?? false,
      };
      const r = existing
        ? await applyEdit({ type: "updateSession", id: existing.id, fields })
        : await applyEdit({ type: "addSession", fields });
      if (!r.ok) return showFailure(r.error, false);
      const sessionId = existing?.id ?? r.created;
      const saved = view()?.data.sessions.find((x) => x.id === sessionId);
      if (saved) {
        for (const edit of presenterEdits(saved, view()!.data.segments, speakers())) {
          const pr = await applyEdit(edit);
          if (!pr.ok) return showFailure(pr.error, false);
        }
      }
      props.onDone();
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    const s = props.session;
    if (!s) return;
    if (await askConfirm(t("customer.form.confirmDelete", { name: s.title }), t("customer.form.delete"))) {
      const r = await applyEdit({ type: "deleteSession", id: s.id });
      if (r.ok) props.onDone();
    }
  };

  const timePlaceholder = () => (hour12() ? t("customer.form.timePlaceholder12") : t("customer.form.timePlaceholder24"));
  const invalid = (f: ScheduleField) => !!errors()[f];
  const describedBy = (f: ScheduleField) => (invalid(f) ? id(`${f}-err`) : undefined);

  return (
    <form
      ref={form}
      class="card schedule-form"
      data-testid="schedule-form"
      data-native-undo
      noValidate
      onSubmit={submit}
      onKeyDown={closeOnEscape(() => props.onDone())}
      aria-labelledby={id("heading")}
    >
      <h3 id={id("heading")}>{props.session ? t("customer.form.edit") : t("customer.form.add")}</h3>
      <div class="form-row">
        <Field label={t("customer.form.title")} class="grow" error={errors().title} errorId={id("title-err")}>
          <input
            name="scheduleTitle"
            data-testid="schedule-title"
            autocomplete="off"
            placeholder={t("customer.form.titlePlaceholder")}
            value={title()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setTitle(e.currentTarget.value)}
            aria-invalid={invalid("title")}
            aria-describedby={describedBy("title")}
          />
        </Field>
        <Field label={t("customer.form.stage")} error={errors().stage} errorId={id("stage-err")}>
          <select
            name="scheduleStage"
            data-testid="schedule-stage-select"
            value={stageId()}
            onChange={(e) => setStageId(e.currentTarget.value)}
            aria-invalid={invalid("stage")}
            aria-describedby={describedBy("stage")}
          >
            <For each={v().data.stages}>{(st) => <option value={st.id}>{st.name}</option>}</For>
            <option value={NEW_STAGE}>{t("customer.form.newStageOption")}</option>
          </select>
        </Field>
        <Show when={stageId() === NEW_STAGE}>
          <Field label={t("customer.form.newStageName")} error={errors().newStage} errorId={id("newStage-err")}>
            <input
              name="scheduleNewStage"
              data-testid="schedule-new-stage"
              autocomplete="off"
              placeholder={t("customer.form.newStagePlaceholder")}
              value={newStageName()}
              onInput={(e) => setNewStageName(e.currentTarget.value)}
              aria-invalid={invalid("newStage")}
              aria-describedby={describedBy("newStage")}
            />
          </Field>
        </Show>
      </div>
      <div class="form-row">
        <Field label={t("customer.form.date")} class="date-field" error={errors().date} errorId={id("date-err")}>
          <input
            name="scheduleDate"
            data-testid="schedule-date"
            inputmode="numeric"
            autocomplete="off"
            spellcheck={false}
            placeholder={t("customer.form.datePlaceholder")}
            value={date()}
            onInput={(e) => setDate(e.currentTarget.value)}
            aria-invalid={invalid("date")}
            aria-describedby={describedBy("date")}
          />
        </Field>
        <Field label={t("customer.form.start")} class="clock-field" error={errors().start} errorId={id("start-err")}>
          <input
            name="scheduleStart"
            data-testid="schedule-start"
            autocomplete="off"
            spellcheck={false}
            placeholder={timePlaceholder()}
            value={start()}
            onInput={(e) => setStart(e.currentTarget.value)}
            aria-invalid={invalid("start")}
            aria-describedby={describedBy("start")}
          />
        </Field>
        <Field label={t("customer.form.end")} class="clock-field" error={errors().end} errorId={id("end-err")}>
          <input
            name="scheduleEnd"
            data-testid="schedule-end"
            autocomplete="off"
            spellcheck={false}
            placeholder={timePlaceholder()}
            value={end()}
            onInput={(e) => setEnd(e.currentTarget.value)}
            aria-invalid={invalid("end")}
            aria-describedby={describedBy("end")}
          />
        </Field>
        <p class="muted small zone-line">{t("customer.form.zoneNote", { zone: zone() })}</p>
      </div>
      <FieldSet legend={t("customer.form.speakers")} class="speaker-picks" testid="schedule-speakers-field">
        <Show
          when={people().length > 0}
          fallback={
            <p class="muted small">
              {t("customer.form.noSpeakers")}{" "}
              <button type="button" class="link" onClick={() => setTab("speakers")}>
                {t("customer.form.goSpeakers")}
              </button>
            </p>
          }
        >
          <p class="muted small">{t("customer.form.speakersHelp")}</p>
          <div class="speaker-checks">
            <For each={people()}>
              {(p) => (
                <label class="check">
                  <input
                    type="checkbox"
                    data-testid="schedule-speaker"
                    data-person-id={p.id}
                    checked={speakers().includes(p.id)}
                    onChange={(e) => toggleSpeaker(p.id, e.currentTarget.checked)}
                  />
                  <span>{p.name}</span>
                  <span class="muted small">{t(`role.${p.role}`)}</span>
                </label>
              )}
            </For>
          </div>
        </Show>
      </FieldSet>
      <Show when={serverError()}>
        <p class="field-error form-error" role="alert" data-testid="schedule-form-error">
          {serverError()}
        </p>
      </Show>
      <div class="form-row checks">
        <Show when={props.session}>
          <button type="button" class="danger-quiet" data-testid="schedule-delete" onClick={() => void remove()}>
            {t("customer.form.delete")}
          </button>
        </Show>
        <div class="spacer" />
        <button type="button" data-testid="schedule-cancel" onClick={() => props.onDone()}>
          {t("common.cancel")}
        </button>
        <button type="submit" class="primary" data-testid="schedule-save" disabled={busy()} aria-busy={busy()}>
          {busy() ? t("customer.form.saving") : props.session ? t("customer.form.save") : t("customer.form.create")}
        </button>
      </div>
    </form>
  );
}
