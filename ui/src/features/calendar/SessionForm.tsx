// Add / edit a session. Start and end are plain text in the event zone ("2027-04-15 09:00").
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { Session, SessionFields } from "../../bindings";
import { askConfirm } from "../../components/Confirm";
import { Check, Field } from "../../components/Field";
import { t, lang } from "../../i18n";
import { applyEdit, selectedDay, setSelectedDay, setSelectedSessionId, view } from "../../state";
import { localDateKey, normalizeLocalInput, toLocalDisplay } from "../../time";
import { suggestSlot } from "./layout";

type FieldName = "title" | "stageId" | "start" | "end";

const display = (local: string) => local.replace("T", " ");

export function SessionForm(props: { session?: Session; onDone?: () => void }) {
  const v = () => view()!;
  const zone = () => v().data.event.timeZone;
  const editing = () => !!props.session;

  const [title, setTitle] = createSignal("");
  const [stageId, setStageId] = createSignal("");
  const [start, setStart] = createSignal("");
  const [end, setEnd] = createSignal("");
  const [livestream, setLivestream] = createSignal(true);
  const [recording, setRecording] = createSignal(true);
  const [vod, setVod] = createSignal(false);
  const [restream, setRestream] = createSignal(false);
  const [timesTouched, setTimesTouched] = createSignal(false);
  const [errors, setErrors] = createSignal<Partial<Record<FieldName, string>>>({});
  // Field messages come in the language of the moment: clear them when it changes.
  createEffect(on(lang, () => setErrors({}), { defer: true }));
  const [busy, setBusy] = createSignal(false);

  const suggest = (stage: string) => {
    const day = selectedDay() ?? localDateKey(new Date(), zone());
    const slot = suggestSlot(v().data.sessions, stage, day, zone());
    setStart(display(slot.start));
    setEnd(display(slot.end));
  };

  // Edit mode: follow the session (also after undo/redo). Add mode: sensible defaults once.
  createEffect(
    on(
      () => {
        const s = props.session;
        return s ? [s.id, s.title, s.stageId, s.start, s.end, s.livestream, s.recording, s.vod, s.restream] : null;
      },
      () => {
        const s = props.session;
        setErrors({});
        if (s) {
          setTitle(s.title);
          setStageId(s.stageId);
          setStart(toLocalDisplay(s.start, zone()));
          setEnd(toLocalDisplay(s.end, zone()));
          setLivestream(s.livestream);
          setRecording(s.recording);
          setVod(s.vod);
          setRestream(s.restream);
        } else {
          const first = v().data.stages[0]?.id ?? "";
          setStageId(first);
          suggest(first);
        }
      },
    ),
  );

  const fieldOf = (f: string | null): FieldName | null => {
    if (!f) return null;
    const last = f.split(".").pop()!;
    if (last === "title" || last === "start" || last === "end") return last;
    if (last === "stageId" || last === "stage") return "stageId";
    return null;
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy()) return;
    const errs: Partial<Record<FieldName, string>> = {};
    const s = normalizeLocalInput(start());
    const en = normalizeLocalInput(end());
    if (!title().trim()) errs.title = t("error.required");
    if (!s) errs.start = t("error.invalidTime");
    if (!en) errs.end = t("error.invalidTime");
    if (!stageId()) errs.stageId = t("error.required");
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const fields: SessionFields = {
      stageId: stageId(),
      title: title().trim(),
      start: s!,
      end: en!,
      livestream: livestream(),
      recording: recording(),
      vod: vod(),
      restream: restream(),
    };
    setBusy(true);
    const r = props.session
      ? await applyEdit({ type: "updateSession", id: props.session.id, fields })
      : await applyEdit({ type: "addSession", fields });
    setBusy(false);
    if (!r.ok) {
      const f = fieldOf(r.error.field);
      if (f) setErrors({ [f]: r.error.message });
      return;
    }
    if (!props.session && r.created) {
      const created = v().data.sessions.find((x) => x.id === r.created);
      if (created) setSelectedDay(localDateKey(created.start, zone()));
      setSelectedSessionId(r.created);
    }
    props.onDone?.();
  };

  const remove = async () => {
    const s = props.session;
    if (!s) return;
    if (await askConfirm(t("session.confirmDelete", { name: s.title }), t("session.delete"))) {
      const r = await applyEdit({ type: "deleteSession", id: s.id });
      if (r.ok) setSelectedSessionId(null);
    }
  };

  const id = (n: string) => `${editing() ? "edit" : "add"}-session-${n}`;

  return (
    <form class="card session-form" onSubmit={submit} data-native-undo data-testid="session-form">
      <h3>{editing() ? t("session.formEdit") : t("session.formAdd")}</h3>
      <div class="form-row">
        <Field label={t("session.title")} class="grow" error={errors().title} errorId={id("title-err")}>
          <input
            name="sessionTitle"
            autocomplete="off"
            placeholder={t("session.titlePlaceholder")}
            value={title()}
            onInput={(e) => setTitle(e.currentTarget.value)}
            onChange={(e) => setTitle(e.currentTarget.value)}
            aria-invalid={!!errors().title}
            aria-describedby={id("title-err")}
          />
        </Field>
        <Field label={t("session.stage")} error={errors().stageId}>
          <select
            name="sessionStage"
            value={stageId()}
            onChange={(e) => {
              setStageId(e.currentTarget.value);
              if (!editing() && !timesTouched()) suggest(e.currentTarget.value);
            }}
            aria-invalid={!!errors().stageId}
          >
            <For each={v().data.stages}>{(st) => <option value={st.id}>{st.name}</option>}</For>
          </select>
        </Field>
        <TimeField
          which="start"
          value={start()}
          onValue={setStart}
          onTyped={() => setTimesTouched(true)}
          error={errors().start}
          errorId={id("start-err")}
          zone={zone()}
        />
        <TimeField
          which="end"
          value={end()}
          onValue={setEnd}
          onTyped={() => setTimesTouched(true)}
          error={errors().end}
          errorId={id("end-err")}
          zone={zone()}
        />
      </div>
      <div class="form-row checks">
        <Check name="sessionLivestream" checked={livestream()} onCheck={setLivestream}>
          {t("session.livestream")}
        </Check>
        <Check name="sessionRecording" checked={recording()} onCheck={setRecording}>
          {t("session.recording")}
        </Check>
        <Check name="sessionVod" checked={vod()} onCheck={setVod}>
          {t("session.vod")}
        </Check>
        <Check title={t("session.restreamTitle")} name="sessionRestream" checked={restream()} onCheck={setRestream}>
          {t("session.restream")}
        </Check>
        <span class="muted small">{t("session.timeHint", { zone: zone() })}</span>
        <div class="spacer" />
        <Show when={editing()}>
          <button type="button" class="danger-quiet" data-testid="delete-session" onClick={remove}>
            {t("session.delete")}
          </button>
        </Show>
        <Show when={!editing()}>
          <button type="button" onClick={() => props.onDone?.()}>
            {t("common.cancel")}
          </button>
        </Show>
        <button type="submit" class="primary" data-testid="save-session" disabled={busy()}>
          {editing() ? t("session.save") : t("session.create")}
        </button>
      </div>
    </form>
  );
}

/** The start or the end: a time typed in the event's zone. */
function TimeField(props: {
  which: "start" | "end";
  value: string;
  onValue: (v: string) => void;
  /** The user typed in it: times are no longer suggested. */
  onTyped: () => void;
  error: string | undefined;
  errorId: string;
  zone: string;
}) {
  return (
    <Field
      label={props.which === "start" ? t("session.start") : t("session.end")}
      class="time-field"
      error={props.error}
      errorId={props.errorId}
    >
      <input
        name={props.which === "start" ? "sessionStart" : "sessionEnd"}
        type="text"
        inputmode="numeric"
        autocomplete="off"
        spellcheck={false}
        placeholder={t("session.timePlaceholder")}
        title={t("session.timeHint", { zone: props.zone })}
        value={props.value}
        onInput={(e) => {
          props.onValue(e.currentTarget.value);
          props.onTyped();
        }}
        onChange={(e) => props.onValue(e.currentTarget.value)}
        aria-invalid={!!props.error}
        aria-describedby={props.errorId}
      />
    </Field>
  );
}
