import { beforeEach, describe, expect, it, vi } from "vitest";

// The commands answer as Rust would for the workbook of tests/fixtures (agenda.ods): sheet
// "Notes" first (one line, refused), then "Programme" (the agenda), read when no sheet is named.
vi.mock("../../ipc", () => ({
  previewAgenda: vi.fn(),
  importAgenda: vi.fn(),
  cancelJob: vi.fn(async () => null),
  toErrorPayload: (e: { code: string; message: string }) => ({ code: e.code, message: e.message, field: null }),
}));
vi.mock("../../state", () => ({ reloadAfterImport: vi.fn(async () => undefined), setError: vi.fn() }));

import * as ipc from "../../ipc";
import { PREPARED } from "./fixtures/prepared";
import {
  chooseField,
  chooseSheet,
  detected,
  enter,
  failure,
  readFile,
  runImport,
  setNewName,
  setPath,
  sheetChoice,
  sheetFailed,
  shown,
  stale,
} from "./store";
import type { MappedColumn, Previewed } from "./types";

const SHEETS = ["Notes", "Programme"];

/** The preview of one sheet as the shell sends it: the rows in pages, the first one with it. */
function workbookSheet(name: string, columns: MappedColumn[]): Previewed {
  const rows = PREPARED.plan.rows;
  return {
    prepared: {
      ...PREPARED,
      sheet: { ...PREPARED.sheet, format: "ods", sheetName: name, sheetNames: SHEETS },
      mapping: { ...PREPARED.mapping, columns },
      plan: { ...PREPARED.plan, rows: [] },
    },
    first: { offset: 0, rows, total: rows.length, problems: 0, sameAs: [] },
  };
}

const programme = workbookSheet("Programme", PREPARED.mapping.columns);
const refusal = { code: "agenda", message: "the file has a header row (row 1) but no agenda rows" };

type PreviewArgs = Parameters<typeof ipc.previewAgenda>[0];
const preview = vi.mocked(ipc.previewAgenda);
const sent = (): PreviewArgs => preview.mock.calls[preview.mock.calls.length - 1][0];

/** Answers as Rust: no sheet named, or "Programme", reads Programme; "Notes" is refused. */
function answerLikeRust(): void {
  preview.mockImplementation(async (args) => {
    if (args.sheet === "Notes") throw refusal;
    return programme;
  });
}

beforeEach(() => {
  preview.mockReset();
  vi.mocked(ipc.importAgenda).mockReset();
  answerLikeRust();
  enter("ev-1");
  enter(null);
  setNewName("Sommet");
  setPath("/tmp/agenda.ods");
});

describe("the workbook's sheet", () => {
  it("is left to the reader on a fresh read, then the one picked is sent with every re-read and the import", async () => {
    expect(await readFile("required")).toBe(true);
    expect(sent().sheet).toBeNull();
    expect(sheetChoice()).toBeNull();
    expect(shown()?.prepared.sheet.sheetName).toBe("Programme");

    expect(await chooseSheet("Programme")).toBe(true);
    expect(sent()).toMatchObject({ sheet: "Programme", map: [] });
    // A column choice re-reads the same sheet.
    await chooseField("G", "description");
    expect(sent().sheet).toBe("Programme");
    expect(sent().map.length).toBeGreaterThan(0);

    vi.mocked(ipc.importAgenda).mockResolvedValue({ eventId: "e", created: true, sessionsAdded: 4 } as never);
    expect(await runImport("required", null)).toBe(true);
    expect(vi.mocked(ipc.importAgenda).mock.calls[0][0].sheet).toBe("Programme");
  });

  it("picked without an agenda is refused, keeps the select on screen, and picking back reads again", async () => {
    await readFile("required");
    expect(await chooseSheet("Notes")).toBe(false);
    expect(failure()?.message).toBe(refusal.message);
    expect(stale()).toBe(true);
    expect(sheetFailed()).toBe(true);
    expect(sheetChoice()).toBe("Notes");
    // The preview (and so the sheet select) stays, but nothing can be imported from it.
    expect(shown()?.prepared.sheet.sheetName).toBe("Programme");
    expect(await runImport("required", null)).toBe(false);
    expect(ipc.importAgenda).not.toHaveBeenCalled();

    expect(await chooseSheet("Programme")).toBe(true);
    expect(failure()).toBeNull();
    expect(stale()).toBe(false);
    expect(sheetFailed()).toBe(false);
  });

  it("takes its own columns: the choices made for another sheet are dropped", async () => {
    const other = PREPARED.mapping.columns.slice(0, 3);
    preview.mockImplementation(async (args) => (args.sheet === "Notes" ? workbookSheet("Notes", other) : programme));
    await readFile("required");
    await chooseField("G", "description");
    expect(sent().map.length).toBeGreaterThan(0);
    await chooseSheet("Notes");
    expect(sent()).toMatchObject({ sheet: "Notes", map: [] });
    expect(detected()).toEqual(other);
  });

  it("goes back to the reader's choice on a fresh read", async () => {
    await readFile("required");
    await chooseSheet("Notes");
    expect(sheetChoice()).toBe("Notes");
    await readFile("required");
    expect(sent().sheet).toBeNull();
    expect(sheetChoice()).toBeNull();
    expect(failure()).toBeNull();
  });
});
