// Views come to the window without their tasks (`tasksOmitted`); a screen that shows tasks reads
// them (`useTasks`) for the revision it shows. Task splices of an edit wait until then.
import { describe, expect, it } from "vitest";
import { createRoot } from "solid-js";
import type { EventView, Task, ViewChanges } from "./bindings";
import { changesWith, fakeShell, viewWith, type Answers } from "./testViews";

function task(id: string): Task {
  return { id, eventId: "e1", sessionId: null, kind: "vod_upload", owner: "analyst", status: "todo" } as unknown as Task;
}

function viewOf(revision: number, omitted: boolean): EventView {
  const event = { id: "e1", name: "E", customer: "", timeZone: "UTC", locale: "en", revision };
  return viewWith({ event }, { tasksOmitted: omitted });
}

/** An edit's answer from `from` to `from + 1` that splices `tasks` in at the top. */
function changes(from: number, tasks: Task[]): ViewChanges {
  return changesWith({
    eventId: "e1",
    fromRevision: from,
    event: viewOf(from + 1, true).data.event,
    tasks: tasks.length ? [{ at: 0, remove: 0, insert: tasks }] : [],
  });
}

let answers: Answers = {};
const asked: { eventId: unknown; revision: unknown }[] = [];
fakeShell(() => answers);

const settle = () => new Promise((r) => setTimeout(r, 0));

describe("tasks read apart from the view", () => {
  it("are read once for the revision shown, after edits that came before, and follow edits after", async () => {
    const state = await import("./state");
    answers = { load_event: () => viewOf(0, true) };
    expect(await state.openEvent("e1")).toBe(true);
    expect(state.view()?.tasksOmitted).toBe(true);

    // An edit whose answer adds a task: the window holds none yet, so the splice waits.
    answers.edit_event = () => ({ view: null, changes: changes(0, [task("new")]), created: null });
    expect((await state.applyEdit({ type: "renameStage", id: "st1", name: "A" })).ok).toBe(true);
    expect(state.view()?.data.event.revision).toBe(1);
    expect(state.view()?.data.tasks).toEqual([]);

    // The first read is refused (the event moved on meanwhile); the next revision reads again.
    let refuse = true;
    answers.event_tasks = (args) => {
      asked.push({ eventId: args.eventId, revision: args.revision });
      if (refuse) throw { code: "conflict", message: "changed elsewhere", field: null };
      return [task("new"), task("t1"), task("t2")];
    };
    const dispose = createRoot((dispose) => {
      state.useTasks();
      state.useTasks(); // a second screen showing tasks asks nothing more
      return dispose;
    });
    await settle();
    expect(asked).toEqual([{ eventId: "e1", revision: 1 }]);
    expect(state.view()?.tasksOmitted).toBe(true);

    refuse = false;
    answers.edit_event = () => ({ view: null, changes: changes(1, []), created: null });
    expect((await state.applyEdit({ type: "renameStage", id: "st1", name: "B" })).ok).toBe(true);
    await settle();
    expect(asked).toEqual([
      { eventId: "e1", revision: 1 },
      { eventId: "e1", revision: 2 },
    ]);
    expect(state.view()?.tasksOmitted).toBe(false);
    expect(state.view()?.data.tasks.map((t) => t.id)).toEqual(["new", "t1", "t2"]);

    // Loaded: an edit's task splice now applies, and nothing is read again.
    answers.edit_event = () => ({ view: null, changes: changes(2, [task("later")]), created: null });
    expect((await state.applyEdit({ type: "renameStage", id: "st1", name: "C" })).ok).toBe(true);
    await settle();
    expect(state.view()?.data.tasks.map((t) => t.id)).toEqual(["later", "new", "t1", "t2"]);
    expect(asked.length).toBe(2);

    // A whole new view (a reload) comes without tasks again: they are read again for it.
    answers.load_event = () => viewOf(5, true);
    answers.set_lang = (args) => args.lang;
    await state.changeLang("en");
    await settle();
    expect(asked.at(-1)).toEqual({ eventId: "e1", revision: 5 });
    expect(state.view()?.tasksOmitted).toBe(false);

    dispose();
    state.closeEvent();
  });
});
