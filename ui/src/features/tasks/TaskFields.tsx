// The editable parts of a task row, shared by the Tasks tab and the live view's "After the
// session" panel: status, link and who did it (all saved through `updateTask`), and when.
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { Task, TaskStatus } from "../../bindings";
import { FieldError } from "../../components/ErrorBanner";
import { TASK_STATUSES } from "../../enums";
import { lang, t, type MessageKey } from "../../i18n";
import { applyEdit, hour12, view, type EditOutcome } from "../../state";
import { formatDateTime } from "../../time";
import { createKeyedQueue, taskUpdate, type TaskPatch } from "./tasks";

const enqueue = createKeyedQueue();

/**
 * Saves a change to one task. Edits of the same task go one at a time, and each is built from
 * the task as saved when it runs, so a status change never sends back a link still being saved.
 */
export function saveTask(id: string, patch: TaskPatch): Promise<EditOutcome> {
  return enqueue(id, async (): Promise<EditOutcome> => {
    const task = view()?.data.tasks.find((x) => x.id === id);
    if (!task) return { ok: false, error: { code: "not_found", message: "", field: null } };
    return applyEdit(taskUpdate(task, patch));
  });
}

export function TaskStatusSelect(props: { task: Task }) {
  return (
    <select
      class="cell-input"
      data-testid="task-status"
      aria-label={t("tasks.col.status")}
      value={props.task.status}
      onChange={async (e) => {
        const el = e.currentTarget;
        const r = await saveTask(props.task.id, { status: el.value as TaskStatus });
        if (!r.ok) el.value = props.task.status;
      }}
    >
      <For each={TASK_STATUSES}>{(st) => <option value={st}>{t(`taskStatus.${st}`)}</option>}</For>
    </select>
  );
}

type TextField = "link" | "doneBy";

/** Does an error's `field` (e.g. `task.link`, `task.done_by`) name this input? */
function isFieldOf(errorField: string | null, field: TextField): boolean {
  const last = errorField?.split(".").pop()?.replace(/_/g, "").toLowerCase();
  return last === field.toLowerCase();
}

/** A text cell that saves on Enter or when it loses the focus; Esc puts the saved value back. */
function TaskTextInput(props: {
  task: Task;
  field: TextField;
  testid: string;
  label: MessageKey;
  placeholder: MessageKey;
  type: "url" | "text";
}) {
  const saved = () => props.task[props.field];
  const [err, setErr] = createSignal<string | null>(null);
  // Messages are in the language of the moment: drop them when it changes.
  createEffect(on(lang, () => setErr(null), { defer: true }));
  const errId = () => `${props.testid}-error-${props.task.id}`;
  let inFlight: string | null = null;

  const commit = async (el: HTMLInputElement) => {
    const text = el.value.trim();
    if (text === saved()) {
      setErr(null);
      return;
    }
    if (text === inFlight) return;
    inFlight = text;
    try {
      const r = await saveTask(props.task.id, { [props.field]: text });
      if (r.ok) {
        setErr(null);
        el.value = saved();
      } else if (isFieldOf(r.error.field, props.field)) {
        setErr(r.error.message);
      }
    } finally {
      inFlight = null;
    }
  };

  return (
    <>
      <input
        class="cell-input"
        type={props.type}
        inputMode={props.type === "url" ? "url" : undefined}
        spellcheck={false}
        data-testid={props.testid}
        aria-label={t(props.label)}
        title={saved() || t(props.label)}
        placeholder={t(props.placeholder)}
        value={saved()}
        aria-invalid={err() ? true : undefined}
        aria-describedby={err() ? errId() : undefined}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.altKey && !e.ctrlKey && !e.metaKey) {
            e.preventDefault();
            void commit(e.currentTarget);
          } else if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            e.currentTarget.value = saved();
            setErr(null);
          }
        }}
        onBlur={(e) => void commit(e.currentTarget)}
      />
      <FieldError message={err()} id={errId()} />
    </>
  );
}

export function TaskLinkInput(props: { task: Task }) {
  return (
    <TaskTextInput
      task={props.task}
      field="link"
      testid="task-link"
      label="tasks.link"
      placeholder="tasks.linkPlaceholder"
      type="url"
    />
  );
}

export function TaskDoneByInput(props: { task: Task }) {
  return (
    <TaskTextInput
      task={props.task}
      field="doneBy"
      testid="task-done-by"
      label="tasks.doneBy"
      placeholder="tasks.doneByPlaceholder"
      type="text"
    />
  );
}

/** When the task was marked done, in the event's zone (blank while it is not). */
export function TaskDoneAt(props: { task: Task }) {
  return (
    <Show when={props.task.doneAt}>
      {(at) => (
        <span data-testid="task-done-at">{formatDateTime(at(), view()!.data.event.timeZone, lang(), hour12())}</span>
      )}
    </Show>
  );
}
