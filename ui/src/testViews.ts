// Test fixtures (imported by tests only): views and edit answers with every list present and
// empty unless given, and the shell's `invoke` answered from a table, as the window calls it.
import { afterAll } from "vitest";
import type { EventView, ViewChanges } from "./bindings";

type Loose = Record<string, unknown>;

/** A view whose lists are empty unless `data` gives them; `rest` sets its other fields. */
export function viewWith(data: Loose & { event: Loose }, rest: Loose = {}): EventView {
  return {
    data: {
      stages: [],
      sessions: [],
      segments: [],
      people: [],
      tasks: [],
      customCues: [],
      cueSettings: [],
      destinations: [],
      brandItems: [],
      branding: {},
      ...data,
    },
    schedule: { supportWindow: null, sessions: [] },
    findings: [],
    canUndo: false,
    canRedo: false,
    may: {},
    brand: {},
    ...rest,
  } as unknown as EventView;
}

/** An edit's answer from `fromRevision` that splices nothing unless `parts` says so. */
export function changesWith(parts: Loose & { eventId: string; fromRevision: number; event: Loose }): ViewChanges {
  return {
    stages: [],
    sessions: [],
    segments: [],
    people: [],
    tasks: [],
    customCues: [],
    cueSettings: [],
    destinations: [],
    brandItems: [],
    supportWindow: null,
    schedule: [],
    findings: [],
    canUndo: true,
    canRedo: false,
    may: {},
    brand: {},
    ...parts,
  } as unknown as ViewChanges;
}

export type Answers = Record<string, (args: Record<string, unknown>) => unknown>;

/** Answers the window's commands from `answers()` (a command it lacks rejects, as the shell
 * does with an error payload), until the test file ends. */
export function fakeShell(answers: () => Answers): void {
  const g = globalThis as unknown as { window?: unknown };
  const hadWindow = "window" in g;
  g.window = {
    __TAURI_INTERNALS__: {
      invoke: async (cmd: string, args: Record<string, unknown>) => {
        const answer = answers()[cmd];
        if (!answer) throw { code: "internal", message: `no answer for ${cmd}` };
        return answer(args);
      },
    },
  };
  afterAll(() => {
    if (!hadWindow) delete g.window;
  });
}
