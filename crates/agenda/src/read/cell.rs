//! One spreadsheet cell as read (text, number, date, time, error…), and how it reads to a
//! person.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// One cell as read, before it is interpreted for a field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "camelCase")]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// An Excel date cell (or a date-time one at midnight).
    Date(NaiveDate),
    /// An Excel time cell (a fraction of a day).
    Time(NaiveTime),
    DateTime(NaiveDateTime),
    /// An Excel error value such as `#VALUE!`.
    Error(String),
}

impl Cell {
    /// Whether the cell holds nothing (or only white space).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as a person reads it: text trimmed, dates `YYYY-MM-DD`, times `HH:MM`.
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.trim().to_string(),
            Cell::Number(n) => {
                if n.fract() == 0.0 && n.abs() < 1e15 {
                    format!("{}", *n as i64)
                } else {
                    format!("{n}")
                }
            }
            Cell::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Time(t) => short_time(*t),
            Cell::DateTime(t) => format!("{} {}", t.format("%Y-%m-%d"), short_time(t.time())),
            Cell::Error(e) => e.clone(),
        }
    }
}

fn short_time(t: NaiveTime) -> String {
    if t.format("%S").to_string() == "00" {
        t.format("%H:%M").to_string()
    } else {
        t.format("%H:%M:%S").to_string()
    }
}
