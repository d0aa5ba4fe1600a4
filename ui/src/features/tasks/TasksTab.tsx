import { For, Show } from "solid-js";
import type { Owner, TaskStatus } from "../../bindings";
import { OWNERS } from "../../enums";
import { lang, t } from "../../i18n";
import { hour12, view } from "../../state";
import { formatDateTime } from "../../time";
import { TaskEditCells } from "./TaskFields";

const STATUS_MARK: Record<TaskStatus, string> = { todo: "○", done: "✓", skipped: "⤼" };

export function TasksTab() {
  const v = () => view()!;
  const sessionTitle = (id: string | null) =>
    id ? (v().data.sessions.find((s) => s.id === id)?.title ?? t("common.none")) : t("tasks.event");
  const tasksOf = (owner: Owner) => v().data.tasks.filter((x) => x.owner === owner);

  return (
    <main class="tab-page tasks-page">
      <div class="page-head">
        <h2>{t("tasks.title")}</h2>
      </div>
      <Show
        when={v().data.tasks.length > 0}
        fallback={
          <div class="empty">
            <h2>{t("tasks.emptyTitle")}</h2>
            <p>{t("tasks.emptyBody")}</p>
          </div>
        }
      >
        <For each={OWNERS}>
          {(owner) => {
            const list = () => tasksOf(owner);
            const done = () => list().filter((x) => x.status !== "todo").length;
            return (
              <section class="task-group" data-testid={`tasks-${owner}`}>
                <h3>
                  {t(`owner.${owner}`)}{" "}
                  <span class="muted small">{t("tasks.progress", { done: done(), total: list().length })}</span>
                </h3>
                <Show when={list().length > 0} fallback={<p class="empty-inline">{t("tasks.groupEmpty")}</p>}>
                  <div class="table-scroll">
                    <table class="grid tasks-table">
                      <colgroup>
                        <col class="c-task" />
                        <col class="c-session" />
                        <col class="c-due" />
                        <col class="c-status" />
                        <col class="c-link" />
                        <col class="c-done-by" />
                        <col class="c-done-at" />
                      </colgroup>
                      <thead>
                        <tr>
                          <th>{t("tasks.col.kind")}</th>
                          <th>{t("tasks.col.session")}</th>
                          <th class="num">{t("tasks.col.due")}</th>
                          <th>{t("tasks.col.status")}</th>
                          <th>{t("tasks.col.link")}</th>
                          <th>{t("tasks.col.doneBy")}</th>
                          <th class="num">{t("tasks.col.doneAt")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={list()}>
                          {(task) => (
                            <tr data-testid="task-row" data-task-id={task.id} class={`task-${task.status}`}>
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
                        </For>
                      </tbody>
                    </table>
                  </div>
                </Show>
              </section>
            );
          }}
        </For>
      </Show>
    </main>
  );
}
