//! Reading dates and times as customers write them, in English and French: ISO, numeric
//! (day/month or month/day, settled per file), month names, `9 h 30`, `1:30 pm`, Excel serials.
//!
//! This module owns the order numeric dates are read in ([`DateOrder`]) and how a file settled
//! it ([`DateOrderUsed`]); `dates` reads dates, `times` times of day and date-times, `excel`
//! Excel's serial numbers.

mod dates;
mod excel;
mod times;

pub(crate) use dates::{is_ambiguous, order_evidence, parse_date, weekday_name, NotDate};
pub(crate) use excel::{day_fraction, serial};
pub(crate) use times::{parse_time, parse_when, When};

use serde::{Deserialize, Serialize};
use showcall_core::i18n::Lang;
use ts_rs::TS;

/// The order of day and month in numeric dates such as `04/05/2027`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DateOrder {
    /// `15/04/2027`
    DayFirst,
    /// `04/15/2027`
    MonthFirst,
}

impl DateOrder {
    /// The usual order for a language: day first in French, month first in English.
    pub fn for_lang(lang: Lang) -> DateOrder {
        match lang {
            Lang::FrCa => DateOrder::DayFirst,
            Lang::En => DateOrder::MonthFirst,
        }
    }

    /// The order spelt out for messages: `day/month/year`, `jour/mois/année`…
    pub(crate) fn pattern(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (DateOrder::DayFirst, Lang::En) => "day/month/year",
            (DateOrder::MonthFirst, Lang::En) => "month/day/year",
            (DateOrder::DayFirst, Lang::FrCa) => "jour/mois/année",
            (DateOrder::MonthFirst, Lang::FrCa) => "mois/jour/année",
        }
    }

    fn other(self) -> DateOrder {
        match self {
            DateOrder::DayFirst => DateOrder::MonthFirst,
            DateOrder::MonthFirst => DateOrder::DayFirst,
        }
    }
}

/// Why numeric dates were read in the order they were.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OrderBasis {
    /// The file has no numeric day/month dates: the order did not matter.
    NotNeeded,
    /// A value in the file can only be read one way (`15/04/2027`).
    FromFile,
    /// Every value could be read both ways: the caller's hint was used.
    Assumed,
}

/// The order numeric dates of a file were read in, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DateOrderUsed {
    pub order: DateOrder,
    pub basis: OrderBasis,
    /// For `fromFile`: the row and value that settled it.
    pub evidence_row: Option<u32>,
    pub evidence: Option<String>,
}

impl DateOrderUsed {
    /// A sentence for the preview, or `None` when the order did not matter.
    pub fn note(&self, lang: Lang) -> Option<String> {
        let fr = lang == Lang::FrCa;
        let pattern = self.order.pattern(lang);
        match self.basis {
            OrderBasis::NotNeeded => None,
            OrderBasis::FromFile => {
                let (row, value) = (self.evidence_row.unwrap_or(0), self.evidence.as_deref());
                let value = value.unwrap_or_default();
                Some(if fr {
                    format!("dates lues {pattern} (ligne {row} : « {value} »)")
                } else {
                    format!("dates read as {pattern} (row {row}: \"{value}\")")
                })
            }
            OrderBasis::Assumed => {
                Some(if fr {
                    format!("chaque date du fichier peut se lire jour/mois ou mois/jour : lues {pattern} par hypothèse")
                } else {
                    format!("every date in the file reads both day/month and month/day: assumed {pattern}")
                })
            }
        }
    }
}
