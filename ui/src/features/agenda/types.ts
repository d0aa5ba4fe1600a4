// The agenda import's JSON, written by hand from the Rust serde types (not in bindings.ts).
// Keep in step with crates/agenda/src (and src-tauri/src/commands/agenda.rs): every field name
// is the camelCase of the Rust one unless the comment says otherwise. `fixture.test.ts` types
// a realistic value against these, so a drift shows up in review.
//
// Dates: chrono's `DateTime<Utc>` is an RFC 3339 string ending in `Z`
// (`2027-04-15T13:00:00Z`); `NaiveDateTime` is local, without zone (`2027-04-15T09:00:00`).

// ---- values.rs --------------------------------------------------------------------------

/** `DateOrder` (camelCase): the order of day and month in numeric dates like `04/05/2027`. */
export type DateOrder = "dayFirst" | "monthFirst";

/** `OrderBasis` (camelCase): why numeric dates were read in the order they were. */
export type OrderBasis = "notNeeded" | "fromFile" | "assumed";

/** `DateOrderUsed`. */
export interface DateOrderUsed {
  order: DateOrder;
  basis: OrderBasis;
  /** For `fromFile`: the row (as the spreadsheet numbers it) and value that settled it. */
  evidenceRow: number | null;
  evidence: string | null;
}

// ---- mapping.rs -------------------------------------------------------------------------

/** `Field` (camelCase, single words): what a column means for the import. */
export type Field = "title" | "date" | "start" | "end" | "stage" | "speakers" | "description" | "ignore";

/** `How` (camelCase). */
export type How = "detected" | "manual" | "unmapped";

/** `MappedColumn`. */
export interface MappedColumn {
  /** 0-based. */
  index: number;
  /** `A`, `B`, … `AA`. */
  letter: string;
  /** As written in the header row (may be empty). */
  header: string;
  field: Field | null;
  how: How;
  /** Up to three values from the first rows. */
  samples: string[];
}

/** `MappingReport`. */
export interface MappingReport {
  columns: MappedColumn[];
  /** Names of the columns that hold no field (and were not set to `ignore`). */
  unmapped: string[];
  /** Required fields no column holds. */
  missing: Field[];
  hasDate: boolean;
  ready: boolean;
}

// ---- issue.rs ---------------------------------------------------------------------------

/** `IssueCode` (snake_case). */
export type IssueCode =
  // errors: the row is not imported
  | "empty_title"
  | "empty_value"
  | "bad_time"
  | "bad_date"
  | "no_time"
  | "no_date"
  | "cell_error"
  | "end_before_start"
  | "nonexistent_time"
  | "ambiguous_time"
  | "unknown_zone"
  // warnings: the row is imported
  | "overlap"
  | "weekday_mismatch"
  // skips: the row is read but adds nothing
  | "already_in_event"
  | "duplicate_row";

/** `RowIssue`. */
export interface RowIssue {
  /** The row number as the spreadsheet shows it (header = row 1). */
  row: number;
  code: IssueCode;
  field: Field | null;
  /** The header of the column at fault, as written in the file. */
  column: string | null;
  /** English, without the `row N: ` prefix. */
  message: string;
  /** French (Canada), without the `ligne N : ` prefix (Rust: `message_fr`). */
  messageFr: string;
}

// ---- rows.rs ----------------------------------------------------------------------------

/** `SourceCell`: what a mapped cell of a row says. */
export interface SourceCell {
  /** 0-based column. */
  column: number;
  field: Field;
  text: string;
}

// ---- read.rs / lib.rs -------------------------------------------------------------------

/** `FileFormat` (camelCase). */
export type FileFormat = "csv" | "xlsx";

/** `SheetInfo`. */
export interface SheetInfo {
  format: FileFormat;
  encoding: string | null;
  /** A Rust `char`: one character, e.g. `";"`. */
  delimiter: string | null;
  sheetName: string | null;
  sheetNames: string[];
  headerRow: number;
  dataRows: number;
}

// ---- plan.rs ----------------------------------------------------------------------------

/** `StageRef`: internally tagged on `kind` (camelCase variant names). */
export type StageRef = { kind: "existing"; id: string; name: string } | { kind: "new"; name: string };

/** `PersonRef`: internally tagged on `kind`; `written` is the name as the row has it. */
export type PersonRef = { kind: "existing"; id: string; name: string; written: string } | { kind: "new"; name: string };

/** `PlannedSession`. */
export interface PlannedSession {
  row: number;
  title: string;
  stage: StageRef;
  /** UTC, RFC 3339. */
  start: string;
  end: string;
  /** In the event's zone, as the row gave them (`YYYY-MM-DDTHH:MM:SS`). */
  localStart: string;
  localEnd: string;
  /** Resolved only for rows that add a session (empty on skipped rows). */
  presenters: PersonRef[];
  description: string;
}

/** `Outcome` (camelCase). */
export type Outcome = "add" | "alreadyInEvent" | "duplicateRow" | "invalid";

/** `RowPlan`: one line of the preview. */
export interface RowPlan {
  row: number;
  outcome: Outcome;
  cells: SourceCell[];
  /** Absent for invalid rows. */
  session: PlannedSession | null;
  errors: RowIssue[];
  warnings: RowIssue[];
  /** Why nothing is added, for skipped rows. */
  skipped: RowIssue | null;
}

/** `PersonMatch`. */
export interface PersonMatch {
  row: number;
  written: string;
  personId: string;
  personName: string;
}

/** `NewItem`: a stage or speaker the import creates, and the first row naming it. */
export interface NewItem {
  name: string;
  firstRow: number;
}

/** `Counts`. */
export interface Counts {
  rows: number;
  toAdd: number;
  alreadyInEvent: number;
  duplicates: number;
  invalid: number;
  warnings: number;
  newStages: number;
  newPeople: number;
  matchedPeople: number;
}

/** `ImportPlan` (the agenda's, not the handoff package's of the same name in bindings.ts). */
export interface ImportPlan {
  eventId: string;
  timeZone: string;
  dateOrder: DateOrderUsed;
  /** Every data row, in sheet order. */
  rows: RowPlan[];
  /** The sessions to add, in sheet order. */
  sessions: PlannedSession[];
  stagesToCreate: NewItem[];
  peopleToCreate: NewItem[];
  peopleMatched: PersonMatch[];
  errors: RowIssue[];
  warnings: RowIssue[];
  skipped: RowIssue[];
  counts: Counts;
}

/** `Prepared`: what `preview_agenda` answers. */
export interface Prepared {
  sheet: SheetInfo;
  mapping: MappingReport;
  plan: ImportPlan;
}

// ---- src-tauri/src/commands/agenda.rs ---------------------------------------------------------

/** `AgendaTarget`: an event by id, or a new event's name and zone (the other fields `null`). */
export interface AgendaTarget {
  eventId: string | null;
  newName: string | null;
  newTimeZone: string | null;
}

/** `AgendaImported`. */
export interface AgendaImported {
  eventId: string;
  created: boolean;
  sessionsAdded: number;
}
