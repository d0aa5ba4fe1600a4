//! Imports a customer's agenda spreadsheet (CSV or XLSX, English or French) into a Showcall
//! event, in four pure steps the CLI and the app share:
//!
//! 1. [`read`] the bytes into a [`Sheet`] (XLSX by content, else CSV with its encoding and
//!    delimiter detected; merged XLSX cells filled; row numbers as the spreadsheet shows them);
//! 2. [`Mapping::detect`] which column holds which [`Field`], then adjust it by hand
//!    ([`Mapping::apply_args`] for `COL=FIELD`, [`Mapping::set`] for the app);
//! 3. [`interpret`] every row (dates, times, speakers), with row errors in English and French;
//! 4. [`plan`] the import into an event (zone, stages, people, skips, overlaps), then [`apply`]
//!    it to get the new snapshot the caller stores (`Store::replace` or `Store::insert`).
//!
//! [`prepare`] chains steps 1–3 and the plan for the CLI.

#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod error;
mod import;
mod issue;
mod mapping;
mod page;
mod plan;
mod read;
mod rows;
mod text;
mod values;

pub use error::{ImportError, MapError, MappingError, ReadError};
pub use import::{
    import, import_with, load, load_with, AgendaError, AgendaImported, AgendaTarget, Loaded,
};
pub use issue::{IssueCode, RowIssue};
pub use mapping::{parse_override, Field, How, MappedColumn, Mapping, MappingReport, Override};
pub use page::{is_problem, PreviewRows, Previewed, RowsPage, SameAs};
pub use plan::{
    apply, plan, Counts, ImportPlan, NewItem, Outcome, PersonMatch, PersonRef, PlannedSession,
    RowPlan, StageRef,
};
pub use read::{
    read, read_file, Cell, FileFormat, ReadOptions, Sheet, SheetRow, MAX_CELLS, MAX_COLUMNS,
    MAX_FILE_BYTES, MAX_ROWS, MAX_TEXT_BYTES,
};
pub use rows::{interpret, ReadRow, Reading, RowReading, SourceCell};
pub use text::{column_letter, fold};
pub use values::{DateOrder, DateOrderUsed, OrderBasis};

use serde::{Deserialize, Serialize};
use showcall_core::i18n::Lang;
use showcall_core::job::Job;
use showcall_core::EventData;
use ts_rs::TS;

/// A new, empty event to import into (`--new-event NAME --tz ZONE`): the core's blank event
/// ([`showcall_core::view::new_event`]), checked so a bad zone or locale is refused up front.
pub fn new_event(
    name: &str,
    time_zone: &str,
    locale: &str,
) -> Result<EventData, showcall_core::Error> {
    let d = showcall_core::view::new_event(name, time_zone, locale);
    showcall_core::validate::event_data(&d)?;
    Ok(d)
}

/// The choices of an import besides the file and the event.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportOptions {
    /// Workbooks: the worksheet to read; when `None`, the first that holds an agenda (the one
    /// read is in [`SheetInfo::sheet_name`]).
    pub sheet: Option<String>,
    /// `COL=FIELD` overrides, applied after detection.
    pub map: Vec<String>,
    /// The order of numeric dates when the file does not settle it; by default the event's
    /// language decides (French: day first, English: month first).
    pub date_order: Option<DateOrder>,
    /// For the app's mapping step: a required field without a column is not an error; the
    /// mapping comes back (`ready: false`) with an empty plan.
    #[serde(default)]
    pub mapping_step: bool,
}

/// What was read about the file, for the preview's header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SheetInfo {
    pub format: FileFormat,
    pub encoding: Option<String>,
    pub delimiter: Option<char>,
    pub sheet_name: Option<String>,
    pub sheet_names: Vec<String>,
    pub header_row: u32,
    pub data_rows: u32,
}

impl From<&Sheet> for SheetInfo {
    fn from(s: &Sheet) -> Self {
        SheetInfo {
            format: s.format,
            encoding: s.encoding.clone(),
            delimiter: s.delimiter,
            sheet_name: s.sheet_name.clone(),
            sheet_names: s.sheet_names.clone(),
            header_row: s.header_row,
            data_rows: s.rows.len() as u32,
        }
    }
}

/// Everything the CLI prints and the app's preview shows before anything is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Prepared {
    pub sheet: SheetInfo,
    pub mapping: MappingReport,
    pub plan: ImportPlan,
}

/// The date order to assume for an event: its locale's usual one.
pub fn default_date_order(data: &EventData) -> DateOrder {
    DateOrder::for_lang(Lang::parse(&data.event.locale).unwrap_or_default())
}

/// Reads `bytes`, maps the columns (detected, then `opts.map`), reads every row and plans the
/// import into `data`. Row problems are in the plan; only file and mapping problems fail.
pub fn prepare(
    bytes: &[u8],
    data: &EventData,
    opts: &ImportOptions,
) -> Result<Prepared, ImportError> {
    prepare_with(bytes, data, opts, &Job::none())
}

/// [`prepare`], counting the rows read and planned on `job`. When `job` is cancelled it stops
/// within a thousand rows with an incomplete result (or an error the cut caused): the caller
/// checks the job first and drops it.
pub(crate) fn prepare_with(
    bytes: &[u8],
    data: &EventData,
    opts: &ImportOptions,
    job: &Job,
) -> Result<Prepared, ImportError> {
    let sheet = read::read_with(
        bytes,
        &ReadOptions {
            sheet: opts.sheet.clone(),
        },
        job,
    )?;
    let mut mapping = Mapping::detect(&sheet);
    mapping.apply_args(&opts.map)?;
    let hint = opts.date_order.unwrap_or_else(|| default_date_order(data));
    let reading = match rows::interpret_with(&sheet, &mapping, hint, job) {
        Ok(r) => r,
        // The app's mapping step shows the columns so the user can name the missing ones;
        // nothing can be planned until then.
        Err(MappingError::Missing { .. }) if opts.mapping_step => Reading {
            date_order: DateOrderUsed {
                order: hint,
                basis: OrderBasis::NotNeeded,
                evidence_row: None,
                evidence: None,
            },
            columns: Vec::new(),
            rows: Vec::new(),
        },
        Err(e) => return Err(e.into()),
    };
    Ok(Prepared {
        sheet: SheetInfo::from(&sheet),
        mapping: mapping.report(),
        plan: plan::plan_with(data, &reading, job),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mapping_step_gets_the_columns_when_a_required_one_is_missing() {
        let bytes = b"Quoi,Quand,Jusqu'a\nKeynote,2027-04-15 09:00,2027-04-15 10:00\n";
        let data = new_event("Forum", "America/Toronto", "fr-CA").unwrap();
        let strict = prepare(bytes, &data, &ImportOptions::default());
        assert!(matches!(strict, Err(ImportError::Mapping(_))));
        let step = ImportOptions {
            mapping_step: true,
            ..Default::default()
        };
        let p = prepare(bytes, &data, &step).unwrap();
        assert!(!p.mapping.ready);
        assert_eq!(p.mapping.columns.len(), 3);
        assert!(p.plan.rows.is_empty());
        let fixed = ImportOptions {
            map: vec!["A=title".into(), "B=start".into(), "C=end".into()],
            mapping_step: true,
            ..Default::default()
        };
        let p = prepare(bytes, &data, &fixed).unwrap();
        assert!(p.mapping.ready);
        assert_eq!(p.plan.counts.to_add, 1);
    }
}
