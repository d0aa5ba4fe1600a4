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
use showcall_core::job::{Job, Unit};
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
    /// The job was cancelled ([`Job::cancel`]) before the file was in place: nothing was
    /// written.
    #[error("cancelled: nothing was changed")]
    Cancelled,
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
            (Error::Cancelled, lang) => showcall_core::Error::Cancelled.message(lang),
        }
    }

    /// The `{code, message, field}` the app sends to the window: code `runsheet` (the core's
    /// `cancelled` for a cancelled job).
    pub fn payload(&self, lang: Lang) -> showcall_core::error::ErrorPayload {
        if let Error::Cancelled = self {
            return showcall_core::Error::Cancelled.payload(lang);
        }
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
    export_with(store, event_id, format, path, lang, &Job::none())
}

/// [`export`], reporting to `job` its steps (stage `render`: load, build, then the writer's
/// own steps) and the bytes written (stage `write`), and checking it between the steps, per
/// MiB written and just before the rename: when cancelled, the temporary file is removed and
/// `path` is as it was.
pub fn export_with(
    store: &showcall_core::Store,
    event_id: &str,
    format: &str,
    path: &std::path::Path,
    lang: Lang,
    job: &Job,
) -> Result<(), showcall_core::error::ErrorPayload> {
    let core = |e: showcall_core::Error| e.payload(lang);
    let path = showcall_core::paths::export_target(path, store.path()).map_err(core)?;
    job.check().map_err(core)?;
    let format = format.to_ascii_lowercase();
    let writer_steps = match format.as_str() {
        "pdf" => 3,
        "xlsx" | "csv" => 1,
        other => return Err(Error::UnknownFormat(other.to_string()).payload(lang)),
    };
    let mut steps = job.meter(Unit::Steps, "render", Some(2 + writer_steps));
    let mut step = || -> Result<(), Error> {
        steps.add(1);
        job.check().map_err(|_| Error::Cancelled)
    };
    let data = store.load(event_id).map_err(core)?;
    step().map_err(|e| e.payload(lang))?;
    let bytes = render_steps(&data, lang, &format, &mut step).map_err(|e| e.payload(lang))?;
    drop(data);
    steps.finish();
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
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)
        .map_err(io)?;
    // From here on the temporary file goes unless it was renamed into place.
    let written = (|| -> Result<(), showcall_core::error::ErrorPayload> {
        use std::io::Write;
        let mut meter = job.meter(Unit::Bytes, "write", Some(bytes.len() as u64));
        for chunk in bytes.chunks(1 << 20) {
            job.check().map_err(core)?;
            file.write_all(chunk).map_err(io)?;
            meter.add(chunk.len() as u64);
        }
        file.sync_all().map_err(io)?;
        drop(file);
        // The last moment to stop: after the rename the file is there, whole.
        job.check().map_err(core)?;
        std::fs::rename(&tmp, &path).map_err(io)?;
        meter.finish();
        Ok(())
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The formats [`render`] writes, as their file extensions.
pub const FORMATS: [&str; 3] = ["pdf", "xlsx", "csv"];

/// The run of show in `format` (`pdf`, `xlsx` or `csv`, any case): the one place the app and the
/// CLI choose the writer.
pub fn render(data: &EventData, lang: Lang, format: &str) -> Result<Vec<u8>, Error> {
    render_steps(data, lang, format, &mut || Ok(()))
}

/// [`render`], calling `step` after building the sheet and after each of the writer's steps
/// (one for CSV and XLSX; layout, page decoration and writing for PDF): an error from `step`
/// stops it there.
fn render_steps(
    data: &EventData,
    lang: Lang,
    format: &str,
    step: &mut dyn FnMut() -> Result<(), Error>,
) -> Result<Vec<u8>, Error> {
    let format = format.to_ascii_lowercase();
    let sheet = match format.as_str() {
        // A CSV falls back to UTC (see [`csv`]); the others refuse an unknown zone.
        "csv" => RunSheet::build(data, lang)
            .unwrap_or_else(|_| RunSheet::build_in(data, lang, chrono_tz::UTC)),
        "pdf" | "xlsx" => RunSheet::build(data, lang)?,
        other => return Err(Error::UnknownFormat(other.to_string())),
    };
    step()?;
    let bytes = match format.as_str() {
        "pdf" => pdf_out::render(&sheet, lang, step)?,
        "xlsx" => xlsx_out::render(&sheet, lang)?,
        _ => csv_out::render(&sheet, lang).into_bytes(),
    };
    if format != "pdf" {
        step()?;
    }
    Ok(bytes)
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
    pdf_out::render(&sheet, lang, &mut || Ok(()))
}
