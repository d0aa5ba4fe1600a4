// The editable parts of a task row, shared by the Tasks tab and the live view's "After the
// session" panel: status, link and who did it (all saved through `updateTask`), and when.
import { createEffect, createSignal, For, on, Show } from "solid-js";
import type { Task, TaskStatus } from "../../bindings";
import { commitCell, createInFlight } from "../../components/commitCell";
import { FieldError } from "../../components/ErrorBanner";
import type { Column } from "../../components/Table";
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

function TaskStatusSelect(props: { task: Task }) {
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

const TEXT_INPUTS: Record<TextField, { testid: string; label: MessageKey; placeholder: MessageKey; type: "url" | "text" }> = {
  link: { testid: "task-link", label: "tasks.link", placeholder: "tasks.linkPlaceholder", type: "url" },
  doneBy: { testid: "task-done-by", label: "tasks.doneBy", placeholder: "tasks.doneByPlaceholder", type: "text" },
};

/** A text cell that saves on Enter or when it loses the focus; Esc puts the saved value back. */
function TaskTextInput(props: { task: Task; field: TextField }) {
  const input = () => TEXT_INPUTS[props.field];
  const saved = () => props.task[props.field];
  const [err, setErr] = createSignal<string | null>(null);
  // Messages are in the language of the moment: drop them when it changes.
  createEffect(on(lang, () => setErr(null), { defer: true }));
  const errId = () => `${input().testid}-error-${props.task.id}`;
  const inFlight = createInFlight();

  const commit = async (el: HTMLInputElement) => {
    const text = el.value.trim();
    if (text === saved()) {
      setErr(null);
      return;
    }
    if (inFlight.has(text)) return;
    await inFlight.run(text, async () => {
      const r = await saveTask(props.task.id, { [props.field]: text });
      if (r.ok) {
        setErr(null);
        el.value = saved();
      } else if (isFieldOf(r.error.field, props.field)) {
        setErr(r.error.message);
      }
    });
  };
  const cell = commitCell({ saved, commit, onRevert: () => setErr(null) });

  return (
    <>
      <input
        class="cell-input"
        type={input().type}
        inputMode={input().type === "url" ? "url" : undefined}
        spellcheck={false}
        data-testid={input().testid}
        aria-label={t(input().label)}
        title={saved() || t(input().label)}
        placeholder={t(input().placeholder)}
        value={saved()}
        aria-invalid={err() ? true : undefined}
        aria-describedby={err() ? errId() : undefined}
        onKeyDown={cell.onKeyDown}
        onBlur={cell.onBlur}
      />
      <FieldError message={err()} id={errId()} />
    </>
  );
}

/** When the task was marked done, in the event's zone (blank while it is not). */
function TaskDoneAt(props: { task: Task }) {
  return (
    <Show when={props.task.doneAt}>
      {(at) => (
        <span data-testid="task-done-at">{formatDateTime(at(), view()!.data.event.timeZone, lang(), hour12())}</span>
      )}
    </Show>
  );
}

/** The columns of `TaskEditCells`, for the heads of the tables that show them. */
export const TASK_EDIT_COLUMNS: readonly Column[] = [
  { col: "c-status", label: "tasks.col.status" },
  { col: "c-link", label: "tasks.col.link" },
  { col: "c-done-by", label: "tasks.col.doneBy" },
  { col: "c-done-at", label: "tasks.col.doneAt", class: "num" },
];

/** The editable cells of a task row, in the Tasks tab and the live view's "After the session"
 * panel: status, link, who did it, and when. */
export function TaskEditCells(props: { task: Task }) {
  return (
    <>
      <td>
        <TaskStatusSelect task={props.task} />
      </td>
      <td class="task-text-cell">
        <TaskTextInput task={props.task} field="link" />
      </td>
      <td class="task-text-cell">
        <TaskTextInput task={props.task} field="doneBy" />
      </td>
      <td class="num">
        <TaskDoneAt task={props.task} />
      </td>
    </>
  );
}
