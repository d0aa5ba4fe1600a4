import { describe, expect, it } from "vitest";
import { catalogues, setUiLang } from "../../i18n";
import {
  applyChanges,
  blockerText,
  buildMap,
  changeField,
  columnLetter,
  columnRef,
  dateOrderNote,
  distinctMatched,
  FIELDS,
  fieldLabel,
  fileFacts,
  fold,
  importBlocker,
  issueText,
  letterColumn,
  localDay,
  localRange,
  localTime,
  missingFields,
  nameFromPath,
  orderParam,
  OUTCOMES,
  outcomeLabel,
  plural,
  resolveColumnRef,
  shortList,
  shownChoice,
  shownHow,
  validRows,
  type Changes,
} from "./agenda";
import { PREPARED } from "./fixtures/prepared";
import type { DateOrderUsed, MappedColumn, RowPlan, SheetInfo } from "./types";

/** French number and time formatting use (narrow) no-break spaces: compare with plain ones. */
const plain = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ");

function inFrench(run: () => void): void {
  setUiLang("fr-CA");
  try {
    run();
  } finally {
    setUiLang("en");
  }
}

const detected: MappedColumn[] = PREPARED.mapping.columns;
const headers = detected.map((c) => c.header); // Titre, Date, De, À, Salle, Conférenciers, Notes
const rows: RowPlan[] = PREPARED.plan.rows;

describe("columns", () => {
  it("converts letters like Rust's column_letter / letter_column", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
    for (const i of [0, 7, 25, 26, 700, 702, 1000]) expect(letterColumn(columnLetter(i))).toBe(i);
    expect(letterColumn("aa")).toBe(26);
    expect(letterColumn("A1")).toBeNull();
    expect(letterColumn("ABCD")).toBeNull();
  });

  it("folds like Rust: case, accents and spaces", () => {
    expect(fold("À")).toBe("a");
    expect(fold("  Heure  de\u00a0Début ")).toBe("heure de debut");
    expect(fold("Œuvre d’art")).toBe("oeuvre d'art");
    expect(fold("Conférencier·ère·s")).toBe("conferencier·ere·s");
  });

  it("finds a column the way parse_override does: header, then letter, then number", () => {
    expect(resolveColumnRef("salle", headers)).toBe(4);
    expect(resolveColumnRef(" conferenciers ", headers)).toBe(5);
    expect(resolveColumnRef("C", headers)).toBe(2);
    expect(resolveColumnRef("g", headers)).toBe(6);
    expect(resolveColumnRef("7", headers)).toBe(6);
    // A French "À" (end) column answers to "A" before column A does.
    expect(resolveColumnRef("A", headers)).toBe(3);
    expect(resolveColumnRef("H", headers)).toBeNull();
    expect(resolveColumnRef("8", headers)).toBeNull();
    expect(resolveColumnRef("0", headers)).toBeNull();
  });

  it("names a column by its letter unless a header reads the same", () => {
    expect(columnRef(2, headers)).toBe("C");
    expect(columnRef(3, headers)).toBe("D");
    expect(columnRef(6, headers)).toBe("G");
    // Column A: "A" would be the À column, so its number.
    expect(columnRef(0, headers)).toBe("1");
    // Letter and number both taken by other headers: its own header.
    expect(columnRef(0, ["Quoi", "A", "1"])).toBe("Quoi");
    for (const hs of [headers, ["Quoi", "A", "1"], ["b", "a", "c"]]) {
      hs.forEach((_, i) => expect(resolveColumnRef(columnRef(i, hs), hs)).toBe(i));
    }
  });
});

describe("the user's column choices", () => {
  const pick = (changes: Changes, letter: string, choice: Parameters<typeof changeField>[2]) =>
    changeField(changes, letter, choice, detected);

  it("records a change and drops one back to what the headers gave", () => {
    const c = pick({}, "G", "description");
    expect(c).toEqual({ G: "description" });
    expect(pick(c, "G", "")).toEqual({});
    expect(pick({}, "C", "start")).toEqual({});
  });

  it("keeps a single-valued field on one column: the column that had it from you loses it", () => {
    // G takes start from C (detected): C loses it on the Rust side, nothing to send for it.
    let c = pick({}, "G", "start");
    expect(c).toEqual({ G: "start" });
    // F takes it from G: G (nothing detected) goes back to nothing.
    c = pick(c, "F", "start");
    expect(c).toEqual({ F: "start" });
    // C takes it back: F must not hold it any more (F's own detected field was speakers).
    c = pick(c, "C", "start");
    expect(c).toEqual({ F: "" });
    expect(buildMap(c, headers)).toEqual(["F=ignore"]);
  });

  it("never sends one single-valued field twice (Rust refuses that)", () => {
    let c = pick({}, "C", "title");
    c = pick(c, "D", "title");
    expect(c).toEqual({ C: "", D: "title" });
    const map = buildMap(c, headers);
    expect(map).toEqual(["C=ignore", "D=title"]);
    const fields = map.map((m) => m.split("=")[1]).filter((f) => f !== "ignore");
    expect(new Set(fields).size).toBe(fields.length);
  });

  it("lets several columns hold speakers, description or ignore", () => {
    let c = pick({}, "G", "speakers");
    c = pick(c, "B", "ignore");
    c = pick(c, "E", "ignore");
    expect(c).toEqual({ G: "speakers", B: "ignore", E: "ignore" });
  });

  it("builds the map overrides in column order, with a safe column name", () => {
    const c: Changes = { G: "description", A: "ignore", C: "" };
    expect(buildMap(c, headers)).toEqual(["1=ignore", "C=ignore", "G=description"]);
    expect(buildMap({}, headers)).toEqual([]);
    // A column past the sheet (a stale change) is not sent.
    expect(buildMap({ Z: "title" }, headers)).toEqual([]);
  });

  it("maps the columns as Rust will, for display while no preview says it", () => {
    const cols = applyChanges(detected, { G: "start" });
    expect(cols.find((c) => c.letter === "C")).toMatchObject({ field: null, how: "unmapped" });
    expect(cols.find((c) => c.letter === "G")).toMatchObject({ field: "start", how: "manual" });
    expect(missingFields(cols)).toEqual([]);
    expect(missingFields(applyChanges(detected, { C: "", D: "" }))).toEqual(["start", "end"]);
    expect(detected.find((c) => c.letter === "C")?.field).toBe("start"); // not changed in place
  });

  it("shows the user's pick, else the report's field, and who set it", () => {
    const c = detected[2];
    expect(shownChoice(c, {})).toBe("start");
    expect(shownHow(c, {})).toBe("detected");
    expect(shownChoice(c, { C: "" })).toBe("");
    expect(shownHow(c, { C: "" })).toBe("manual");
    expect(shownChoice(detected[6], {})).toBe("");
    expect(shownHow(detected[6], {})).toBe("unmapped");
  });
});

describe("counting", () => {
  it("counts valid rows and people of the event", () => {
    expect(validRows(PREPARED.plan.counts)).toBe(5);
    expect(PREPARED.plan.counts.matchedPeople).toBe(2);
    expect(distinctMatched(PREPARED.plan.peopleMatched)).toBe(1);
  });

  it("says what blocks the import", () => {
    const counts = PREPARED.plan.counts;
    const base = { ready: true, counts, acceptValid: false, changed: false };
    expect(importBlocker(base)).toBe("invalid");
    expect(importBlocker({ ...base, acceptValid: true })).toBeNull();
    expect(importBlocker({ ...base, acceptValid: true, changed: true })).toBe("reread");
    expect(importBlocker({ ...base, ready: false })).toBe("mapping");
    expect(importBlocker({ ...base, counts: { rows: 7, toAdd: 7, invalid: 0 } })).toBeNull();
    expect(importBlocker({ ...base, counts: { rows: 2, toAdd: 0, invalid: 2 } })).toBe("allInvalid");
    expect(importBlocker({ ...base, counts: { rows: 3, toAdd: 0, invalid: 1 } })).toBe("nothing");
    expect(importBlocker({ ...base, counts: { rows: 0, toAdd: 0, invalid: 0 } })).toBe("nothing");
  });
});

describe("labels in both languages", () => {
  it("say which of the workbook's sheets was read", () => {
    const ods: SheetInfo = {
      format: "ods",
      encoding: null,
      delimiter: null,
      sheetName: "Programme",
      sheetNames: ["Notes", "Programme"],
      headerRow: 1,
      dataRows: 4,
    };
    expect(plain(fileFacts(ods))).toBe("OpenDocument sheet “Programme” (2 of 2 sheets) · column names on row 1, 4 data rows");
    expect(plain(fileFacts({ ...ods, sheetName: "Notes" }))).toContain("“Notes” (1 of 2 sheets)");
    expect(fileFacts({ ...ods, sheetNames: ["Programme"] })).not.toContain("sheets");
    inFrench(() => expect(plain(fileFacts(ods))).toContain("« Programme » (2 de 2 feuilles)"));
  });

  it("has every field, outcome, blocker and date pattern in both catalogues", () => {
    const keys = [
      ...FIELDS.map((f) => `agendaField.${f}`),
      ...OUTCOMES.map((o) => `agenda.outcome.${o}`),
      ...["mapping", "allInvalid", "nothing", "invalid", "invalid1", "reread"].map((b) => `agenda.blocked.${b}`),
      "agenda.pattern.dayFirst",
      "agenda.pattern.monthFirst",
    ];
    for (const l of ["en", "fr-CA"] as const) {
      const cat = catalogues[l] as Record<string, string>;
      expect(
        keys.filter((k) => !cat[k]),
        l,
      ).toEqual([]);
    }
  });

  it("words fields and outcomes", () => {
    expect(FIELDS.map(fieldLabel)).toEqual([
      "Title",
      "Date",
      "Start",
      "End",
      "Stage",
      "Speakers",
      "Description",
      "Ignore",
    ]);
    expect(fieldLabel("")).toBe("—");
    expect(outcomeLabel("add")).toBe("Add");
    expect(outcomeLabel("alreadyInEvent")).toBe("Already in the event");
    expect(outcomeLabel("duplicateRow", 2)).toBe("Same as row 2");
    expect(outcomeLabel("duplicateRow")).toBe("Same as an earlier row");
    expect(outcomeLabel("invalid")).toBe("Invalid");
    inFrench(() => {
      expect(FIELDS.map(fieldLabel)).toEqual([
        "Titre",
        "Date",
        "Début",
        "Fin",
        "Salle",
        "Conférenciers",
        "Description",
        "Ignorer",
      ]);
      expect(outcomeLabel("add")).toBe("Ajouter");
      expect(outcomeLabel("alreadyInEvent")).toBe("Déjà dans l’événement");
      expect(outcomeLabel("duplicateRow", 2)).toBe("Comme la ligne 2");
      expect(outcomeLabel("invalid")).toBe("Invalide");
    });
  });

  it("shows row problems in the UI language", () => {
    const e = rows[2].errors[0];
    expect(issueText(e)).toBe('start (De): cannot read "9h7x" as a time');
    inFrench(() => expect(issueText(e)).toBe("début (De) : impossible de lire « 9h7x » comme une heure"));
  });

  it("counts with the right plural (French: 0 and 1 are singular)", () => {
    expect(plural(3, "agenda.import1", "agenda.import")).toBe("Import 3 sessions");
    expect(plural(1, "agenda.import1", "agenda.import")).toBe("Import 1 session");
    expect(plural(0, "agenda.import1", "agenda.import")).toBe("Import 0 sessions");
    expect(plural(3, "agenda.added1", "agenda.added", { name: "Sommet" })).toBe("3 sessions added to Sommet");
    expect(plural(5, "agenda.acceptValid1", "agenda.acceptValid")).toBe(
      "Import the 5 valid rows and leave the invalid ones out",
    );
    expect(plain(plural(1234, "agenda.import1", "agenda.import"))).toBe("Import 1,234 sessions");
    inFrench(() => {
      expect(plural(3, "agenda.import1", "agenda.import")).toBe("Importer 3 séances");
      expect(plural(1, "agenda.import1", "agenda.import")).toBe("Importer 1 séance");
      expect(plural(0, "agenda.import1", "agenda.import")).toBe("Importer 0 séance");
      expect(plural(1, "agenda.added1", "agenda.added", { name: "Sommet" })).toBe("1 séance ajoutée à Sommet");
      expect(plain(plural(1234, "agenda.import1", "agenda.import"))).toBe("Importer 1 234 séances");
    });
  });

  it("explains a blocked import", () => {
    expect(blockerText("invalid", 2)).toBe(
      "2 invalid rows: correct them in the file and read it again, or leave them out.",
    );
    expect(blockerText("invalid", 1)).toBe("1 invalid row: correct it in the file and read it again, or leave it out.");
    expect(blockerText("mapping", 0)).toBe("Choose a column for each required field first.");
    inFrench(() => {
      expect(blockerText("invalid", 2)).toBe(
        "2 lignes invalides : corrigez-les dans le fichier et relisez-le, ou laissez-les de côté.",
      );
    });
  });

  it("lists a few names and says how many more", () => {
    expect(shortList(["a", "b"])).toBe("a, b");
    expect(shortList(["a", "b", "c", "d", "e", "f"])).toBe("a, b, c, d +2 more");
    inFrench(() => expect(shortList(["a", "b", "c"], 1)).toBe("a +2 autres"));
  });
});

describe("the date order", () => {
  const used = (over: Partial<DateOrderUsed>): DateOrderUsed => ({
    order: "dayFirst",
    basis: "notNeeded",
    evidenceRow: null,
    evidence: null,
    ...over,
  });

  it("sends null for automatic", () => {
    expect(orderParam("auto")).toBeNull();
    expect(orderParam("dayFirst")).toBe("dayFirst");
    expect(orderParam("monthFirst")).toBe("monthFirst");
  });

  it("says the file settled it, with the row, and that a contrary choice changes nothing", () => {
    const u = PREPARED.plan.dateOrder;
    expect(dateOrderNote(u, "auto")).toEqual({
      tone: "plain",
      text: "Dates read as day/month/year: row 2 has “15/04/2027”, which reads only that way.",
    });
    expect(dateOrderNote(u, "dayFirst").text).not.toContain("changes nothing");
    expect(dateOrderNote(u, "monthFirst").text).toContain("The file settles the order, so your choice changes nothing.");
    inFrench(() => {
      expect(dateOrderNote(u, "auto").text).toBe(
        "Dates lues en jour/mois/année : la ligne 2 contient « 15/04/2027 », qui ne se lit que de cette façon.",
      );
    });
  });

  it("warns when every date was ambiguous and the order was assumed", () => {
    const u = used({ order: "monthFirst", basis: "assumed" });
    const note = dateOrderNote(u, "auto");
    expect(note.tone).toBe("warning");
    expect(note.text).toContain("read as month/day/year");
    // The user chose it: no longer an assumption.
    expect(dateOrderNote(u, "monthFirst")).toEqual({
      tone: "plain",
      text: "Every date in the file reads both ways: read as month/day/year, as you chose.",
    });
    inFrench(() => expect(dateOrderNote(u, "auto").text).toContain("lues en mois/jour/année"));
  });

  it("says when the order did not matter", () => {
    expect(dateOrderNote(used({}), "auto")).toEqual({
      tone: "plain",
      text: "No date in the file depends on this order.",
    });
  });
});

describe("local times", () => {
  it("shows the day, and the times as the row gave them in the event's zone", () => {
    expect(localDay("2027-04-15T09:00:00", "en")).toBe("Thu, Apr 15, 2027");
    expect(plain(localTime("2027-04-15T13:05:00", "en", true))).toMatch(/^1:05 PM$/i);
    expect(plain(localRange("2027-04-15T09:00:00", "2027-04-15T09:30:00", "en", false))).toBe("09:00 – 09:30");
    expect(plain(localRange("2027-04-15T23:00:00", "2027-04-16T01:00:00", "en", false))).toBe(
      "23:00 – Fri, Apr 16, 2027 01:00",
    );
    expect(plain(localTime("2027-04-15T13:05:00", "fr-CA", false))).toMatch(/^13 h 05$|^13:05$/);
    expect(localTime("not a time", "en", true)).toBe("not a time");
  });
});

describe("the new event's name", () => {
  it("comes from the file name", () => {
    expect(nameFromPath("/home/ana/Sommet Boréal 2027 - programme.xlsx")).toBe("Sommet Boréal 2027 - programme");
    expect(nameFromPath("C:\\Users\\ana\\Agenda v2.0.CSV")).toBe("Agenda v2.0");
    expect(nameFromPath("  ")).toBe("");
    expect(nameFromPath("/tmp/notes")).toBe("notes");
  });
});
