// The hand-written types of types.ts against a realistic `preview_agenda` answer
// (fixtures/prepared.json: a French CSV in Windows-1252 with `;`, as `showcall import agenda
// FILE --json` prints it). The schema below is typed by types.ts — a field added to or removed
// from a TS type without the schema fails `npm run check` — and checked key by key against the
// JSON here, so a drift between the Rust serde output, the JSON and the types fails one of them.
import { describe, expect, it } from "vitest";
import { PREPARED, PREPARED_JSON as json } from "./fixtures/prepared";
import type {
  Counts,
  DateOrder,
  DateOrderUsed,
  Field,
  FileFormat,
  How,
  ImportPlan,
  IssueCode,
  MappedColumn,
  MappingReport,
  NewItem,
  OrderBasis,
  Outcome,
  PersonMatch,
  PersonRef,
  PlannedSession,
  Prepared,
  RowIssue,
  RowPlan,
  SheetInfo,
  SourceCell,
  StageRef,
} from "./types";

type Check = (v: unknown, at: string, out: string[]) => void;
/** One check per field of `T`, no more, no less. */
type Shape<T> = { [K in keyof T]-?: Check };

const str: Check = (v, at, out) => {
  if (typeof v !== "string") out.push(`${at}: expected a string, got ${JSON.stringify(v)}`);
};
const count: Check = (v, at, out) => {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) out.push(`${at}: expected a count, got ${JSON.stringify(v)}`);
};
const bool: Check = (v, at, out) => {
  if (typeof v !== "boolean") out.push(`${at}: expected a boolean, got ${JSON.stringify(v)}`);
};
/** chrono `DateTime<Utc>`. */
const utc: Check = (v, at, out) => {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v)) {
    out.push(`${at}: expected an RFC 3339 UTC instant, got ${JSON.stringify(v)}`);
  }
};
/** chrono `NaiveDateTime`. */
const naive: Check = (v, at, out) => {
  if (typeof v !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?$/.test(v)) {
    out.push(`${at}: expected a local date-time without zone, got ${JSON.stringify(v)}`);
  }
};
/** A Rust `char`. */
const char: Check = (v, at, out) => {
  if (typeof v !== "string" || [...v].length !== 1) out.push(`${at}: expected one character, got ${JSON.stringify(v)}`);
};
const nullable =
  (c: Check): Check =>
  (v, at, out) => {
    if (v !== null) c(v, at, out);
  };
const list =
  (c: Check): Check =>
  (v, at, out) => {
    if (!Array.isArray(v)) out.push(`${at}: expected a list`);
    else v.forEach((x, i) => c(x, `${at}[${i}]`, out));
  };

/** Every value of the string union `T` must be listed (else a type error naming the missing ones). */
type Exhaustive<T, A extends readonly unknown[]> = [Exclude<T, A[number]>] extends [never]
  ? unknown
  : { missing: Exclude<T, A[number]> };
function oneOf<T extends string>() {
  return <const A extends readonly T[]>(values: A & Exhaustive<T, A>): Check =>
    (v, at, out) => {
      if (!(values as readonly unknown[]).includes(v)) out.push(`${at}: ${JSON.stringify(v)} is not one of ${values.join(" | ")}`);
    };
}

function obj<T>(shape: Shape<T>): Check {
  return (v, at, out) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) {
      out.push(`${at}: expected an object`);
      return;
    }
    const o = v as Record<string, unknown>;
    const want = Object.keys(shape) as (keyof T & string)[];
    for (const k of Object.keys(o)) if (!(want as string[]).includes(k)) out.push(`${at}.${k}: in the JSON, not in the TS type`);
    for (const k of want) {
      if (!(k in o)) out.push(`${at}.${k}: in the TS type, not in the JSON`);
      else shape[k](o[k], `${at}.${k}`, out);
    }
  };
}

/** A serde internally tagged enum (`#[serde(tag = "kind")]`). */
function tagged<T extends { kind: string }>(variants: { [K in T["kind"]]: Shape<Extract<T, { kind: K }>> }): Check {
  return (v, at, out) => {
    const kind = (v as { kind?: unknown } | null)?.kind;
    if (typeof kind !== "string" || !(kind in variants)) {
      out.push(`${at}.kind: ${JSON.stringify(kind)} is not one of ${Object.keys(variants).join(" | ")}`);
      return;
    }
    obj(variants[kind as T["kind"]] as Shape<unknown>)(v, at, out);
  };
}

// ---- the schema, one entry per Rust type ------------------------------------------------------

const field = oneOf<Field>()(["title", "date", "start", "end", "stage", "speakers", "description", "ignore"]);
const issueCode = oneOf<IssueCode>()([
  "empty_title",
  "empty_value",
  "bad_time",
  "bad_date",
  "no_time",
  "no_date",
  "cell_error",
  "end_before_start",
  "nonexistent_time",
  "ambiguous_time",
  "unknown_zone",
  "overlap",
  "weekday_mismatch",
  "already_in_event",
  "duplicate_row",
]);

const sheetInfo = obj<SheetInfo>({
  format: oneOf<FileFormat>()(["csv", "xlsx", "ods", "xls"]),
  encoding: nullable(str),
  delimiter: nullable(char),
  sheetName: nullable(str),
  sheetNames: list(str),
  headerRow: count,
  dataRows: count,
});

const mappedColumn = obj<MappedColumn>({
  index: count,
  letter: str,
  header: str,
  field: nullable(field),
  how: oneOf<How>()(["detected", "manual", "unmapped"]),
  samples: list(str),
});

const mappingReport = obj<MappingReport>({
  columns: list(mappedColumn),
  unmapped: list(str),
  missing: list(field),
  hasDate: bool,
  ready: bool,
});

const rowIssue = obj<RowIssue>({
  row: count,
  code: issueCode,
  field: nullable(field),
  column: nullable(str),
  message: str,
  messageFr: str,
});

const sourceCell = obj<SourceCell>({ column: count, field, text: str });

const stageRef = tagged<StageRef>({
  existing: { kind: str, id: str, name: str },
  new: { kind: str, name: str },
});

const personRef = tagged<PersonRef>({
  existing: { kind: str, id: str, name: str, written: str },
  new: { kind: str, name: str },
});

const plannedSession = obj<PlannedSession>({
  row: count,
  title: str,
  stage: stageRef,
  start: utc,
  end: utc,
  localStart: naive,
  localEnd: naive,
  presenters: list(personRef),
  description: str,
});

const rowPlan = obj<RowPlan>({
  row: count,
  outcome: oneOf<Outcome>()(["add", "alreadyInEvent", "duplicateRow", "invalid"]),
  cells: list(sourceCell),
  session: nullable(plannedSession),
  errors: list(rowIssue),
  warnings: list(rowIssue),
  skipped: nullable(rowIssue),
});

const dateOrderUsed = obj<DateOrderUsed>({
  order: oneOf<DateOrder>()(["dayFirst", "monthFirst"]),
  basis: oneOf<OrderBasis>()(["notNeeded", "fromFile", "assumed"]),
  evidenceRow: nullable(count),
  evidence: nullable(str),
});

const newItem = obj<NewItem>({ name: str, firstRow: count });
const personMatch = obj<PersonMatch>({ row: count, written: str, personId: str, personName: str });
const counts = obj<Counts>({
  rows: count,
  toAdd: count,
  alreadyInEvent: count,
  duplicates: count,
  invalid: count,
  warnings: count,
  newStages: count,
  newPeople: count,
  matchedPeople: count,
});

const importPlan = obj<ImportPlan>({
  eventId: str,
  timeZone: str,
  dateOrder: dateOrderUsed,
  rows: list(rowPlan),
  sessions: list(plannedSession),
  stagesToCreate: list(newItem),
  peopleToCreate: list(newItem),
  peopleMatched: list(personMatch),
  errors: list(rowIssue),
  warnings: list(rowIssue),
  skipped: list(rowIssue),
  counts,
});

const prepared = obj<Prepared>({ sheet: sheetInfo, mapping: mappingReport, plan: importPlan });

describe("the Prepared fixture", () => {
  it("has exactly the fields and values the TS types say", () => {
    const out: string[] = [];
    prepared(json, "prepared", out);
    expect(out).toEqual([]);
  });

  it("catches a drift", () => {
    const drifted = structuredClone(json) as Record<string, Record<string, unknown>>;
    drifted.plan.date_order = drifted.plan.dateOrder; // snake_case sneaking in
    delete drifted.plan.dateOrder;
    const row = (drifted.plan.rows as Record<string, unknown>[])[0];
    row.outcome = "added";
    (row.session as Record<string, unknown>).stage = { kind: "Existing", id: "x", name: "y" };
    const out: string[] = [];
    prepared(drifted, "prepared", out);
    expect(out).toEqual([
      "prepared.plan.date_order: in the JSON, not in the TS type",
      "prepared.plan.dateOrder: in the TS type, not in the JSON",
      'prepared.plan.rows[0].outcome: "added" is not one of add | alreadyInEvent | duplicateRow | invalid',
      'prepared.plan.rows[0].session.stage.kind: "Existing" is not one of existing | new',
    ]);
  });

  it("is consistent: counts, sessions and issues agree with the rows", () => {
    const p = PREPARED.plan;
    const by = (o: Outcome) => p.rows.filter((r) => r.outcome === o).length;
    expect(p.counts).toMatchObject({
      rows: p.rows.length,
      toAdd: by("add"),
      alreadyInEvent: by("alreadyInEvent"),
      duplicates: by("duplicateRow"),
      invalid: by("invalid"),
      warnings: p.warnings.length,
      newStages: p.stagesToCreate.length,
      newPeople: p.peopleToCreate.length,
      matchedPeople: p.peopleMatched.length,
    });
    expect(p.sessions).toEqual(p.rows.filter((r) => r.outcome === "add").map((r) => r.session));
    expect(p.errors).toEqual(p.rows.flatMap((r) => r.errors));
    expect(p.skipped).toEqual(p.rows.flatMap((r) => (r.skipped ? [r.skipped] : [])));
    expect(PREPARED.sheet.dataRows).toBe(p.rows.length);
    expect(PREPARED.mapping.columns.map((c) => c.letter)).toEqual(["A", "B", "C", "D", "E", "F", "G"]);
  });
});
