// Generated from the Rust types in crates/agenda by `UPDATE_BINDINGS=1 cargo test -p showcall-agenda --test bindings`.
// Do not edit by hand.

export type DateOrder = "dayFirst" | "monthFirst";

export type OrderBasis = "notNeeded" | "fromFile" | "assumed";

export type DateOrderUsed = { order: DateOrder, basis: OrderBasis, 
/**
 * For `fromFile`: the row and value that settled it.
 */
evidenceRow: number | null, evidence: string | null, };

export type Field = "title" | "date" | "start" | "end" | "stage" | "speakers" | "description" | "ignore";

export type How = "detected" | "manual" | "unmapped";

export type MappedColumn = { 
/**
 * 0-based.
 */
index: number, 
/**
 * `A`, `B`, … `AA`.
 */
letter: string, 
/**
 * As written in the header row (may be empty).
 */
header: string, field: Field | null, how: How, 
/**
 * Up to three values from the first rows, for the mapping screen.
 */
samples: Array<string>, };

export type MappingReport = { columns: Array<MappedColumn>, 
/**
 * Names of the columns that hold no field (and were not set to `ignore`).
 */
unmapped: Array<string>, 
/**
 * Required fields no column holds.
 */
missing: Array<Field>, 
/**
 * Whether there is a `date` column (else start/end must carry their date).
 */
hasDate: boolean, 
/**
 * Whether rows can be read with this mapping.
 */
ready: boolean, };

export type IssueCode = "empty_title" | "empty_value" | "bad_time" | "bad_date" | "no_time" | "no_date" | "cell_error" | "end_before_start" | "nonexistent_time" | "ambiguous_time" | "unknown_zone" | "overlap" | "weekday_mismatch" | "already_in_event" | "duplicate_row";

export type RowIssue = { 
/**
 * The row number as the spreadsheet shows it (header = row 1).
 */
row: number, code: IssueCode, field: Field | null, 
/**
 * The header of the column at fault, as written in the file.
 */
column: string | null, 
/**
 * English, without the `row N: ` prefix.
 */
message: string, 
/**
 * French (Canada), without the `ligne N : ` prefix.
 */
messageFr: string, };

export type SourceCell = { 
/**
 * 0-based column.
 */
column: number, field: Field, text: string, };

export type FileFormat = "csv" | "xlsx" | "ods" | "xls";

export type SheetInfo = { format: FileFormat, encoding: string | null, delimiter: string | null, sheetName: string | null, sheetNames: Array<string>, headerRow: number, dataRows: number, };

export type StageRef = { "kind": "existing", id: string, name: string, } | { "kind": "new", name: string, };

export type PersonRef = { "kind": "existing", id: string, name: string, written: string, } | { "kind": "new", name: string, };

export type PlannedSession = { row: number, title: string, stage: StageRef, start: string, end: string, 
/**
 * Start and end in the event's zone, as the row gave them.
 */
localStart: string, localEnd: string, 
/**
 * Resolved only for rows that add a session (empty on skipped rows).
 */
presenters: Array<PersonRef>, 
/**
 * Goes to the segment's notes.
 */
description: string, };

export type Outcome = "add" | "alreadyInEvent" | "duplicateRow" | "invalid";

export type RowPlan = { row: number, outcome: Outcome, 
/**
 * The mapped cells as the file has them.
 */
cells: Array<SourceCell>, 
/**
 * The session as read (absent for invalid rows).
 */
session: PlannedSession | null, errors: Array<RowIssue>, warnings: Array<RowIssue>, 
/**
 * Why nothing is added, for skipped rows.
 */
skipped: RowIssue | null, };

export type PersonMatch = { row: number, written: string, personId: string, personName: string, };

export type NewItem = { name: string, firstRow: number, };

export type Counts = { rows: number, toAdd: number, alreadyInEvent: number, duplicates: number, invalid: number, warnings: number, newStages: number, newPeople: number, matchedPeople: number, };

export type ImportPlan = { eventId: string, timeZone: string, dateOrder: DateOrderUsed, 
/**
 * Every data row, in sheet order.
 */
rows: Array<RowPlan>, 
/**
 * The sessions to add, in sheet order.
 */
sessions: Array<PlannedSession>, stagesToCreate: Array<NewItem>, peopleToCreate: Array<NewItem>, peopleMatched: Array<PersonMatch>, 
/**
 * Every row error, in row order.
 */
errors: Array<RowIssue>, 
/**
 * Every row warning (overlaps on a stage, a weekday that does not match the date).
 */
warnings: Array<RowIssue>, 
/**
 * Rows read but skipped (already in the event, repeated in the file).
 */
skipped: Array<RowIssue>, counts: Counts, };

export type Prepared = { sheet: SheetInfo, mapping: MappingReport, plan: ImportPlan, };

export type RowsPage = { 
/**
 * Where the page starts in the list asked for.
 */
offset: number, rows: Array<RowPlan>, 
/**
 * How many rows the list asked for holds (every row, or only those with problems).
 */
total: number, 
/**
 * Rows with an error or a warning in the whole preview.
 */
problems: number, 
/**
 * For each duplicate row of the page, the earlier row that adds the same session.
 */
sameAs: Array<SameAs>, };

export type Previewed = { prepared: Prepared, first: RowsPage, };

export type SameAs = { row: number, first: number, };

export type AgendaTarget = { eventId: string | null, newName: string | null, newTimeZone: string | null, };

export type AgendaImported = { eventId: string, created: boolean, sessionsAdded: number, };
