// Building the `updateTask` edit and queueing them per task so that quick successive edits
// (type a link, then change the status) each start from the saved result of the one before.
import type { Edit, Task, TaskStatus } from "../../bindings";

export interface TaskPatch {
  status?: TaskStatus;
  link?: string;
  doneBy?: string;
}

/** The `updateTask` edit for `task` with `patch` applied; Rust stamps `doneAt` itself. */
export function taskUpdate(task: Pick<Task, "id" | "status" | "link" | "doneBy">, patch: TaskPatch): Edit {
  return {
    type: "updateTask",
    id: task.id,
    status: patch.status ?? task.status,
    link: (patch.link ?? task.link).trim(),
    doneBy: (patch.doneBy ?? task.doneBy).trim(),
    doneAt: null,
  };
}

/** Runs jobs one after the other per key; each job starts once the previous one has settled. */
export function createKeyedQueue() {
  const tails = new Map<string, Promise<unknown>>();
  return function enqueue<T>(key: string, job: () => Promise<T>): Promise<T> {
    const prev = tails.get(key) ?? Promise.resolve();
    const run = prev.then(job, job);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
