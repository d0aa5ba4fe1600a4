// "After the session": the recording tasks (download, edit, upload) of the sessions that are
// over, one session open at a time (by default the one that ended last). Edits go through the
// same `updateTask` as the Tasks tab, so both show the same thing.
import { createEffect, createMemo, createSignal, For, on, Show } from "solid-js";
import type { LiveSnapshot } from "../../bindings";
import { DataTable, type Column } from "../../components/Table";
import { t } from "../../i18n";
import { useTasks, view } from "../../state";
import { TASK_EDIT_COLUMNS, TaskEditCells } from "../tasks/TaskFields";
import { endedSessions, recordedEnds, recordingTasks } from "./live";

const COLUMNS: Column[] = [
  { col: "c-kind", label: "tasks.col.kind" },
  { col: "c-session", label: "tasks.col.session" },
  ...TASK_EDIT_COLUMNS,
];

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function AfterSessionPanel(props: { snap: LiveSnapshot; now: () => number; fmt: (iso: string) => string }) {
  const data = () => view()!.data;
  useTasks();
  // Which sessions are over is looked at again at each snapshot and when the clock passes the
  // next planned end, not at every tick.
  const [checkedAt, setCheckedAt] = createSignal(Date.parse(props.snap.now));
  createEffect(on(() => props.snap.now, (n) => setCheckedAt(Date.parse(n)), { defer: true }));
  const nextEnd = createMemo(() => {
    const at = checkedAt();
    let soonest = Infinity;
    for (const s of data().sessions) {
      const e = Date.parse(s.end);
      if (e >= at && e < soonest) soonest = e;
    }
    return soonest;
  });
  createEffect(() => {
    const n = props.now();
    if (n > nextEnd()) setCheckedAt(n);
  });
  const ends = createMemo(() => recordedEnds(props.snap.stages), undefined, {
    equals: (a, b) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v),
  });
  // Ids only (compared by value): the clock ticks every second, the list rarely changes.
  const ended = createMemo(
    () =>
      endedSessions(data().sessions, new Date(checkedAt()).toISOString(), ends())
        .filter((s) => recordingTasks(data().tasks, s.id).length > 0)
        .map((s) => s.id),
    [],
    { equals: sameList },
  );
  // `undefined`: follow the session that ended last; `null`: all closed by hand.
  const [picked, setPicked] = createSignal<string | null | undefined>(undefined);
  const openId = () => {
    const p = picked();
    if (p === undefined || (p !== null && !ended().includes(p))) return ended()[0] ?? null;
    return p;
  };

  return (
    <section class="after-session" data-testid="after-session" aria-labelledby="after-session-title">
      <div class="as-head">
        <h2 class="panel-label" id="after-session-title">
          {t("live.afterSession")}
        </h2>
        <Show when={ended().length > 0} fallback={<span class="live-muted small">{t("live.afterEmpty")}</span>}>
          <div class="as-sessions" role="group" aria-labelledby="after-session-title">
            <For each={ended()}>
              {(id) => {
                const session = () => data().sessions.find((s) => s.id === id);
                const tasks = () => recordingTasks(data().tasks, id);
                const done = () => tasks().filter((x) => x.status !== "todo").length;
                const stage = () => data().stages.find((st) => st.id === session()?.stageId)?.name ?? "";
                const end = () => ends().get(id) ?? session()?.end ?? "";
                const isOpen = () => openId() === id;
                return (
                  <button
                    type="button"
                    class="small as-toggle"
                    classList={{ complete: done() === tasks().length }}
                    data-testid="after-session-toggle"
                    data-session-id={id}
                    aria-expanded={isOpen()}
                    aria-controls="after-session-tasks"
                    title={t("live.afterSessionTitle", {
                      session: session()?.title ?? "",
                      stage: stage(),
                      time: end() ? props.fmt(end()) : "",
                    })}
                    onClick={() => setPicked(isOpen() ? null : id)}
                  >
                    <span aria-hidden="true">{isOpen() ? "▾" : "▸"}</span>
                    <span class="as-title">{session()?.title}</span>
                    <span class="as-count">
                      {done() === tasks().length ? "✓ " : ""}
                      {t("live.afterProgress", { done: done(), total: tasks().length })}
                    </span>
                  </button>
                );
              }}
            </For>
          </div>
        </Show>
      </div>
      <Show when={openId()}>
        {(id) => <SessionTasks sessionId={id()} />}
      </Show>
    </section>
  );
}

function SessionTasks(props: { sessionId: string }) {
  const data = () => view()!.data;
  const session = () => data().sessions.find((s) => s.id === props.sessionId);
  const tasks = () => recordingTasks(data().tasks, props.sessionId);
  return (
    <div class="as-scroll" id="after-session-tasks">
      <DataTable class="grid as-table" label={session()?.title} columns={COLUMNS} each={tasks()}>
        {(task) => (
          <tr
            data-testid="recording-task"
            data-task-id={task.id}
            data-kind={task.kind}
            data-session-id={props.sessionId}
            data-status={task.status}
          >
            <td class="ellipsis" title={t(`taskKind.${task.kind}`)}>
              <span class="state-icon" aria-hidden="true">
                {task.status === "done" ? "✓" : task.status === "skipped" ? "⤼" : "○"}
              </span>{" "}
              {t(`taskKind.${task.kind}`)}
            </td>
            <td class="ellipsis live-muted" title={session()?.title}>
              {session()?.title}
            </td>
            <TaskEditCells task={task} />
          </tr>
        )}
      </DataTable>
    </div>
  );
}
