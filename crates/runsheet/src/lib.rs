//! The printable and portable run of show of one event, as CSV, XLSX and PDF.
//!
//! Every instant is shown on the 24-hour wall clock of the event's time zone; segment times come
//! from [`showcall_core::schedule::compute`] and cues from [`showcall_core::cues::plan`]. Output
//! is deterministic: the same event gives the same bytes.
//!
//! ```
//! use showcall_core::{demo, i18n::Lang};
//! let event = demo::event();
//! let csv = showcall_runsheet::csv(&event, Lang::FrCa);
//! assert!(csv.starts_with('\u{feff}'));
//! let pdf = showcall_runsheet::pdf(&event, Lang::En).unwrap();
//! assert!(pdf.starts_with(b"%PDF"));
//! ```

#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod csv_out;
mod labels;
mod pdf_out;
mod sheet;
mod xlsx_out;

pub use labels::duration as format_duration;
pub use showcall_core::i18n::Lang;
pub use xlsx_out::sheet_names;

use sheet::RunSheet;
use showcall_core::EventData;

/// Why a workbook or a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The event's time zone is not an IANA name chrono-tz knows.
    #[error("unknown time zone: {0}")]
    UnknownTimeZone(String),
    /// The workbook writer refused something.
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The PDF writer refused something.
    #[error("cannot write the PDF: {0}")]
    Pdf(String),
    /// Not one of the formats the run of show is written in.
    #[error("unknown format “{0}” (pdf, xlsx or csv)")]
    UnknownFormat(String),
}

impl Error {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (Error::UnknownTimeZone(z), Lang::FrCa) => format!("fuseau horaire inconnu : {z}"),
            (Error::Xlsx(e), Lang::FrCa) => format!("impossible d’écrire le classeur : {e}"),
            (Error::Pdf(e), Lang::FrCa) => format!("impossible d’écrire le PDF : {e}"),
            (Error::UnknownFormat(f), Lang::FrCa) => {
                format!("format inconnu « {f} » (pdf, xlsx ou csv)")
            }
        }
    }

    /// The `{code, message, field}` the app sends to the window: code `runsheet`.
    pub fn payload(&self, lang: Lang) -> showcall_core::error::ErrorPayload {
        showcall_core::error::ErrorPayload {
            code: "runsheet".into(),
            message: self.message(lang),
            field: None,
        }
    }
}

/// Writes the run of show of the event `event_id` in `format` to `path` (whole: a new temporary
/// file beside it, then renamed), as the app's Handoff tab and the CLI do. The path is checked
/// first ([`showcall_core::paths::export_target`]): a full path, outside the data folder, to a
/// file that is not hidden, in a folder that exists, replacing at most a regular file.
pub fn export(
    store: &showcall_core::Store,
    event_id: &str,
    format: &str,
    path: &std::path::Path,
    lang: Lang,
) -> Result<(), showcall_core::error::ErrorPayload> {
    let path =
        showcall_core::paths::export_target(path, store.path()).map_err(|e| e.payload(lang))?;
    let data = store.load(event_id).map_err(|e| e.payload(lang))?;
    let bytes = render(&data, lang, format).map_err(|e| e.payload(lang))?;
    let io = |e: std::io::Error| {
        showcall_core::Error::Io {
            path: path.display().to_string(),
            source: e,
        }
        .payload(lang)
    };
    let tmp = path.with_file_name(format!(
        ".{}.part-{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        showcall_core::model::new_id()
    ));
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .and_then(|mut f| {
            use std::io::Write;
            f.write_all(&bytes)?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, &path));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

/// The formats [`render`] writes, as their file extensions.
pub const FORMATS: [&str; 3] = ["pdf", "xlsx", "csv"];

/// The run of show in `format` (`pdf`, `xlsx` or `csv`, any case): the one place the app and the
/// CLI choose the writer.
pub fn render(data: &EventData, lang: Lang, format: &str) -> Result<Vec<u8>, Error> {
    match format.to_ascii_lowercase().as_str() {
        "pdf" => pdf(data, lang),
        "xlsx" => xlsx(data, lang),
        "csv" => Ok(csv(data, lang).into_bytes()),
        other => Err(Error::UnknownFormat(other.to_string())),
    }
}

/// The run of show as CSV: UTF-8 with a byte-order mark (so Excel reads accents right), CRLF
/// line ends, commas in English and semicolons in French (as French Excel expects), a header
/// row in `lang`, then one row per segment with its stage and session
/// columns. A session without segments gets one row with the segment columns empty. A CSV has
/// no session row, so cues bound to a session rather than a segment go on the segment running
/// at their instant. An unknown time zone falls back to UTC.
pub fn csv(data: &EventData, lang: Lang) -> String {
    let sheet = RunSheet::build(data, lang)
        .unwrap_or_else(|_| RunSheet::build_in(data, lang, chrono_tz::UTC));
    csv_out::render(&sheet, lang)
}

/// The run of show as an Excel workbook: one sheet per stage, a bold frozen header, each
/// session row (bold, shaded) followed by its segment rows, times as real date-time cells on
/// the event's wall clock and durations as `[h]:mm:ss`.
pub fn xlsx(data: &EventData, lang: Lang) -> Result<Vec<u8>, Error> {
    let sheet = RunSheet::build(data, lang)?;
    xlsx_out::render(&sheet, lang)
}

/// The run of show as a Letter-size PDF: per stage and session, a table of time, segment,
/// presenters, cues and notes that breaks across pages with its header repeated; the event's
/// name and time zone head every page and "Page N of M" ends it.
pub fn pdf(data: &EventData, lang: Lang) -> Result<Vec<u8>, Error> {
    let sheet = RunSheet::build(data, lang)?;
    pdf_out::render(&sheet, lang)
}
