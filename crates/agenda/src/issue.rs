//! Row errors and warnings: each names the row as the spreadsheet shows it, the field and the
//! column header, in English and in French.

use crate::mapping::Field;
use crate::text::header_key;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use showcall_core::i18n::Lang;
use ts_rs::TS;

/// What is wrong with (or worth knowing about) a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    // Errors: the row is not imported.
    EmptyTitle,
    EmptyValue,
    BadTime,
    BadDate,
    NoTime,
    NoDate,
    CellError,
    EndBeforeStart,
    NonexistentTime,
    AmbiguousTime,
    UnknownZone,
    // Warnings: the row is imported.
    Overlap,
    WeekdayMismatch,
    // Skips: the row is read but adds nothing.
    AlreadyInEvent,
    DuplicateRow,
}

/// One problem or note about one row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowIssue {
    /// The row number as the spreadsheet shows it (header = row 1).
    pub row: u32,
    pub code: IssueCode,
    pub field: Option<Field>,
    /// The header of the column at fault, as written in the file.
    pub column: Option<String>,
    /// English, without the `row N: ` prefix.
    pub message: String,
    /// French (Canada), without the `ligne N : ` prefix.
    pub message_fr: String,
}

impl RowIssue {
    /// The message in `lang`, without the row.
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.message,
            Lang::FrCa => &self.message_fr,
        }
    }

    /// `row 14: …` / `ligne 14 : …`, as the CLI prints it.
    pub fn line(&self, lang: Lang) -> String {
        match lang {
            Lang::En => format!("row {}: {}", self.row, self.message),
            Lang::FrCa => format!("ligne {} : {}", self.row, self.message_fr),
        }
    }
}

impl std::fmt::Display for RowIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.line(Lang::En))
    }
}

/// Builds issues for one row.
pub(crate) struct Issue {
    pub row: u32,
    pub code: IssueCode,
    pub field: Option<Field>,
    pub column: Option<String>,
}

impl Issue {
    pub fn new(row: u32, code: IssueCode) -> Issue {
        Issue {
            row,
            code,
            field: None,
            column: None,
        }
    }

    pub fn at(mut self, field: Field, column: &str) -> Issue {
        self.field = Some(field);
        self.column = Some(column.to_string());
        self
    }

    /// `start`, or `start (Début)` when the header is not the field's name in that language.
    pub fn subject(&self, lang: Lang) -> String {
        let Some(field) = self.field else {
            return String::new();
        };
        let label = field.label(lang);
        match &self.column {
            Some(c) if header_key(c) != header_key(label) => format!("{label} ({})", c.trim()),
            _ => label.to_string(),
        }
    }

    /// Finishes the issue with a message built for each language.
    pub fn say(self, message: impl Fn(&Issue, Lang) -> String) -> RowIssue {
        RowIssue {
            row: self.row,
            code: self.code,
            field: self.field,
            message: message(&self, Lang::En),
            message_fr: message(&self, Lang::FrCa),
            column: self.column,
        }
    }
}

/// A value quoted for a message: `"9h7x"` / `« 9h7x »`.
pub(crate) fn quote(v: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("\"{v}\""),
        Lang::FrCa => format!("« {v} »"),
    }
}

/// A local time for a message: `10:00` / `10 h 00`, with the date when `with_date`.
pub(crate) fn clock(t: NaiveDateTime, with_date: bool, lang: Lang) -> String {
    let time = match lang {
        Lang::En => t.format("%H:%M").to_string(),
        Lang::FrCa => t.format("%-H h %M").to_string(),
    };
    if with_date {
        format!("{} {time}", t.format("%Y-%m-%d"))
    } else {
        time
    }
}
