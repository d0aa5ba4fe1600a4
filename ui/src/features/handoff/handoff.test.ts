import { describe, expect, it } from "vitest";
import type { MergeItem } from "../../bindings";
import { catalogues, setUiLang } from "../../i18n";
import {
  buildResolution,
  CHANGES,
  changeLabel,
  choiceOf,
  fieldLine,
  formatBytes,
  kindLabel,
  madeByLabel,
  MERGE_KINDS,
  pickAllConflicts,
  previewSummary,
  showValue,
  sortItems,
  truncate,
  unresolvedConflicts,
  withExtension,
} from "./handoff";

const item = (key: string, over: Partial<MergeItem> = {}): MergeItem => ({
  key,
  kind: key.split(":")[0],
  label: key,
  ours: null,
  theirs: "changed",
  conflict: false,
  default: "theirs",
  fields: [],
  ...over,
});

const conflict = (key: string) => item(key, { ours: "changed", theirs: "changed", conflict: true, default: null });

/** French number formatting uses narrow no-break spaces: compare with plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

function inFrench(run: () => void): void {
  setUiLang("fr-CA");
  try {
    run();
  } finally {
    setUiLang("en");
  }
}

describe("withExtension", () => {
  it("replaces a known export extension", () => {
    expect(withExtension("/root/Downloads/Sommet Boréal 2027.pdf", "csv")).toBe(
      "/root/Downloads/Sommet Boréal 2027.csv",
    );
    expect(withExtension("C:\\Users\\ana\\Plan.XLSX", "pdf")).toBe("C:\\Users\\ana\\Plan.pdf");
    expect(withExtension("/tmp/a.showcall", "xlsx")).toBe("/tmp/a.xlsx");
  });

  it("keeps a name with dots and adds the extension", () => {
    expect(withExtension("/tmp/Town hall v2.0", "pdf")).toBe("/tmp/Town hall v2.0.pdf");
    expect(withExtension("/tmp/notes.txt", "csv")).toBe("/tmp/notes.txt.csv");
    expect(withExtension("/tmp/plan", "csv")).toBe("/tmp/plan.csv");
  });

  it("leaves empty paths, folders and dot files alone", () => {
    expect(withExtension("  ", "pdf")).toBe("");
    expect(withExtension("/tmp/out/", "pdf")).toBe("/tmp/out/");
    expect(withExtension("/tmp/.pdf", "csv")).toBe("/tmp/.pdf.csv");
  });
});

describe("formatBytes", () => {
  it("says bytes, KB, MB and GB", () => {
    expect(formatBytes(0)).toBe("0 bytes");
    expect(formatBytes(1023)).toBe("1,023 bytes");
    expect(formatBytes(1024)).toBe("1 KB");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(20 * 1024 + 300)).toBe("20 KB");
    expect(formatBytes(5.25 * 1024 * 1024)).toBe("5.3 MB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3 GB");
  });

  it("rounds up to the next unit rather than showing 1024", () => {
    expect(formatBytes(1024 * 1024 - 1)).toBe("1 MB");
  });

  it("uses French units and decimal comma", () => {
    inFrench(() => {
      expect(formatBytes(512)).toBe("512 octets");
      expect(plain(formatBytes(1536))).toBe("1,5 Ko");
      expect(plain(formatBytes(12 * 1024 * 1024))).toBe("12 Mo");
    });
  });
});

describe("labels", () => {
  it("translates every merge kind and change in both languages", () => {
    for (const l of ["en", "fr-CA"] as const) {
      const cat = catalogues[l] as Record<string, string>;
      expect(MERGE_KINDS.filter((k) => !cat[`mergeKind.${k}`])).toEqual([]);
      expect(CHANGES.filter((c) => !cat[`change.${c}`])).toEqual([]);
    }
  });

  it("words kinds and changes", () => {
    expect(kindLabel("cueSetting")).toBe("Cue setting");
    expect(kindLabel("gizmo")).toBe("gizmo");
    expect(changeLabel("added")).toBe("Added");
    expect(changeLabel(null)).toBe("—");
    expect(madeByLabel("customer")).toBe("Customer");
    inFrench(() => {
      expect(kindLabel("person")).toBe("Intervenant");
      expect(kindLabel("cue")).toBe("Signal");
      expect(changeLabel("removed")).toBe("Supprimé");
      expect(madeByLabel("analyst")).toBe("Analyste");
    });
  });

  it("sums up a preview with plurals", () => {
    expect(previewSummary({ items: [item("session:a"), conflict("session:b"), conflict("person:c")] })).toBe(
      "3 differences, 2 conflicts",
    );
    expect(previewSummary({ items: [item("session:a")] })).toBe("1 difference, 0 conflicts");
    expect(previewSummary({ items: [conflict("session:a")] })).toBe("1 difference, 1 conflict");
    inFrench(() => {
      expect(previewSummary({ items: [item("a:1"), conflict("b:2")] })).toBe("2 différences, 1 conflit");
    });
  });
});

describe("field changes", () => {
  it("shows missing values as a dash and cuts long ones", () => {
    expect(showValue(null)).toBe("—");
    expect(showValue("")).toBe("—");
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("abcdefghijkl", 6)).toBe("abcde…");
    expect(truncate("🎤🎤🎤🎤", 3)).toBe("🎤🎤…");
  });

  it("words one field: field: ours → theirs, the full line for the tooltip", () => {
    const long = "x".repeat(60);
    const l = fieldLine({ field: "title", ours: "Keynote", theirs: long }, 10);
    expect(l.short).toBe(`title: Keynote → ${"x".repeat(9)}…`);
    expect(l.full).toBe(`title: Keynote → ${long}`);
    expect(fieldLine({ field: "notes", ours: null, theirs: "Mic 2" }).short).toBe("notes: — → Mic 2");
    inFrench(() => {
      expect(fieldLine({ field: "title", ours: "A", theirs: "B" }).short).toBe("title : A → B");
    });
  });
});

describe("picks and the resolution", () => {
  const items = [
    item("event:e", { theirs: null, ours: "changed", default: "ours" }),
    conflict("session:s1"),
    item("session:s2"),
    conflict("person:p1"),
  ];

  it("lists conflicts first, otherwise in the preview's order", () => {
    expect(sortItems(items).map((i) => i.key)).toEqual(["session:s1", "person:p1", "event:e", "session:s2"]);
    expect(items.map((i) => i.key)).toEqual(["event:e", "session:s1", "session:s2", "person:p1"]);
  });

  it("follows the default until the user picks; conflicts start undecided", () => {
    expect(choiceOf(items[0], {})).toBe("ours");
    expect(choiceOf(items[1], {})).toBeNull();
    expect(choiceOf(items[2], { "session:s2": "ours" })).toBe("ours");
  });

  it("counts the conflicts left", () => {
    expect(unresolvedConflicts(items, {})).toBe(2);
    expect(unresolvedConflicts(items, { "session:s1": "theirs" })).toBe(1);
    expect(unresolvedConflicts(items, { "session:s1": "theirs", "person:p1": "ours" })).toBe(0);
  });

  it("refuses to build a resolution while a conflict is undecided", () => {
    expect(buildResolution(items, { "session:s1": "theirs" })).toBeNull();
  });

  it("sends every conflict and only the picks that differ from the default", () => {
    const picks = {
      "session:s1": "theirs",
      "person:p1": "ours",
      "event:e": "ours", // same as its default: not sent
      "session:s2": "ours", // against its default: sent
    } as const;
    expect(buildResolution(items, picks)).toEqual({
      conflicts: null,
      picks: { "session:s1": "theirs", "person:p1": "ours", "session:s2": "ours" },
    });
    expect(buildResolution([item("session:x")], {})).toEqual({ conflicts: null, picks: {} });
    expect(buildResolution([], {})).toEqual({ conflicts: null, picks: {} });
  });

  it("sets all conflicts at once and leaves other picks alone", () => {
    const next = pickAllConflicts(items, { "session:s2": "ours", "session:s1": "ours" }, "theirs");
    expect(next).toEqual({ "session:s2": "ours", "session:s1": "theirs", "person:p1": "theirs" });
    expect(unresolvedConflicts(items, next)).toBe(0);
  });
});
