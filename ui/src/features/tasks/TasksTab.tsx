import { createMemo, For, Show } from "solid-js";
import type { Owner, TaskStatus } from "../../bindings";
import { EmptyState } from "../../components/Empty";
import { WindowedTable, type Column } from "../../components/Table";
import { sessionById } from "../../indexes";
import { OWNERS } from "../../enums";
import { lang, t } from "../../i18n";
import { hour12, useTasks, view } from "../../state";
import { formatDateTime } from "../../time";
import { TASK_EDIT_COLUMNS, TaskEditCells } from "./TaskFields";

const STATUS_MARK: Record<TaskStatus, string> = { todo: "○", done: "✓", skipped: "⤼" };

const COLUMNS: Column[] = [
  { col: "c-task", label: "tasks.col.kind" },
  { col: "c-session", label: "tasks.col.session" },
  { col: "c-due", label: "tasks.col.due", class: "num" },
  ...TASK_EDIT_COLUMNS,
];

export function TasksTab() {
  const v = () => view()!;
  useTasks();
  const sessionTitle = (id: string | null) =>
    id ? (sessionById(id)?.title ?? t("common.none")) : t("tasks.event");
  const tasksOf = (owner: Owner) => v().data.tasks.filter((x) => x.owner === owner);

  return (
    <main class="tab-page tasks-page">
      <div class="page-head">
        <h2>{t("tasks.title")}</h2>
      </div>
      <Show
        when={v().data.tasks.length > 0}
        fallback={
          <Show
            when={!v().tasksOmitted}
            fallback={
              <p class="muted" data-testid="tasks-loading" role="status">
                {t("common.loading")}
              </p>
            }
          >
            <EmptyState title={t("tasks.emptyTitle")} body={t("tasks.emptyBody")} />
          </Show>
        }
      >
        <For each={OWNERS}>
          {(owner) => {
            const list = createMemo(() => tasksOf(owner));
            const done = () => list().filter((x) => x.status !== "todo").length;
            return (
              <section class="task-group" data-testid={`tasks-${owner}`}>
                <h3>
                  {t(`owner.${owner}`)}{" "}
                  <span class="muted small">{t("tasks.progress", { done: done(), total: list().length })}</span>
                </h3>
                <Show when={list().length > 0} fallback={<p class="empty-inline">{t("tasks.groupEmpty")}</p>}>
                  <WindowedTable
                    class="grid tasks-table"
                    columns={COLUMNS}
                    scroll
                    each={list()}
                    label={t(`owner.${owner}`)}
                  >
                    {(task, i) => (
                      <tr
                        aria-rowindex={i() + 2}
                        data-testid="task-row"
                        data-task-id={task.id}
                        class={`task-${task.status}`}
                      >
                        <td class="task-kind">
                          <span class="status-mark" aria-hidden="true">
                            {STATUS_MARK[task.status]}
                          </span>
                          <span class="ellipsis" title={t(`taskKind.${task.kind}`)}>
                            {t(`taskKind.${task.kind}`)}
                          </span>
                        </td>
                        <td class="ellipsis">{sessionTitle(task.sessionId)}</td>
                        <td class="num">{formatDateTime(task.due, v().data.event.timeZone, lang(), hour12())}</td>
                        <TaskEditCells task={task} />
                      </tr>
                    )}
                  </WindowedTable>
                </Show>
              </section>
            );
          }}
        </For>
      </Show>
    </main>
  );
}
