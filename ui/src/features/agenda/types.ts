// The agenda import's JSON types, generated from the Rust serde types of crates/agenda into
// `bindings.ts` (`UPDATE_BINDINGS=1 cargo test -p showcall-agenda --test bindings`); this module
// re-exports them so the feature imports from one place.
//
// Dates: chrono's `DateTime<Utc>` is an RFC 3339 string ending in `Z`
// (`2027-04-15T13:00:00Z`); `NaiveDateTime` is local, without zone (`2027-04-15T09:00:00`).
// `ImportPlan` here is the agenda's, not the handoff package's of the same name in
// `ui/src/bindings.ts`.

export type {
  AgendaImported,
  AgendaTarget,
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
  Previewed,
  RowsPage,
  SameAs,
  RowIssue,
  RowPlan,
  SheetInfo,
  SourceCell,
  StageRef,
} from "./bindings";
