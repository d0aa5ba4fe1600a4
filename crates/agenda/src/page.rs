//! The preview's rows a page at a time. A file of 150,000 rows makes a plan of hundreds of MB of
//! JSON: the window is sent the totals and one page, and asks for the next pages (or only the
//! rows with problems) as the user scrolls on, while the whole list stays with the caller.

use crate::plan::{Outcome, RowPlan};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every row of one preview, kept by the app while the preview is on screen.
#[derive(Debug, Default)]
pub struct PreviewRows {
    rows: Vec<RowPlan>,
    /// Indexes (into `rows`) of the rows with an error or a warning.
    problems: Vec<usize>,
}

/// One page of a preview's rows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RowsPage {
    /// Where the page starts in the list asked for.
    pub offset: u32,
    pub rows: Vec<RowPlan>,
    /// How many rows the list asked for holds (every row, or only those with problems).
    pub total: u32,
    /// Rows with an error or a warning in the whole preview.
    pub problems: u32,
    /// For each duplicate row of the page, the earlier row that adds the same session.
    pub same_as: Vec<SameAs>,
}

/// What the window is sent of a preview: everything but the rows (`prepared.plan.rows` is
/// empty), and the first page of them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Previewed {
    pub prepared: crate::Prepared,
    pub first: RowsPage,
}

impl Previewed {
    /// Splits `prepared` into what the window is sent now (with the first `limit` rows) and
    /// the rows kept for the next pages.
    pub fn split(mut prepared: crate::Prepared, limit: usize) -> (Previewed, PreviewRows) {
        let rows = PreviewRows::new(std::mem::take(&mut prepared.plan.rows));
        let first = rows.page(0, limit, false);
        (Previewed { prepared, first }, rows)
    }
}

/// A duplicate row and the row it repeats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SameAs {
    pub row: u32,
    pub first: u32,
}

/// Whether the preview flags a row (an error or a warning).
pub fn is_problem(r: &RowPlan) -> bool {
    !r.errors.is_empty() || !r.warnings.is_empty()
}

impl PreviewRows {
    /// Keeps `rows` (a plan's, in sheet order) and finds the ones with problems, once.
    pub fn new(rows: Vec<RowPlan>) -> PreviewRows {
        let problems = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| is_problem(r))
            .map(|(i, _)| i)
            .collect();
        PreviewRows { rows, problems }
    }

    /// How many rows the preview holds.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Up to `limit` rows from `offset` of every row, or of the rows with problems only.
    pub fn page(&self, offset: usize, limit: usize, problems_only: bool) -> RowsPage {
        let rows: Vec<RowPlan> = if problems_only {
            self.problems
                .iter()
                .skip(offset)
                .take(limit)
                .map(|&i| self.rows[i].clone())
                .collect()
        } else {
            self.rows.iter().skip(offset).take(limit).cloned().collect()
        };
        let same_as = rows
            .iter()
            .filter(|r| r.outcome == Outcome::DuplicateRow)
            .filter_map(|r| r.same_as.map(|first| SameAs { row: r.row, first }))
            .collect();
        let total = if problems_only {
            self.problems.len()
        } else {
            self.rows.len()
        };
        RowsPage {
            offset: u32::try_from(offset).unwrap_or(u32::MAX),
            rows,
            total: u32::try_from(total).unwrap_or(u32::MAX),
            problems: u32::try_from(self.problems.len()).unwrap_or(u32::MAX),
            same_as,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{prepare, ImportOptions};
    use showcall_core::demo;

    /// A CSV with a problem every tenth row and a duplicate of row 2 at the end.
    fn preview() -> PreviewRows {
        let mut csv = String::from("Date,Start,End,Stage,Title\n");
        for i in 0..95 {
            let end = if i % 10 == 3 { "08:00" } else { "10:00" };
            csv.push_str(&format!("2027-04-15,09:00,{end},Salle {i},Session {i}\n"));
        }
        csv.push_str("2027-04-15,09:00,10:00,Salle 0,Session 0\n");
        let data = demo::event();
        let prepared = prepare(csv.as_bytes(), &data, &ImportOptions::default()).unwrap();
        PreviewRows::new(prepared.plan.rows)
    }

    #[test]
    fn pages_walk_every_row_in_order_and_end_short() {
        let p = preview();
        assert_eq!(p.len(), 96);
        let mut seen = Vec::new();
        let mut offset = 0;
        loop {
            let page = p.page(offset, 40, false);
            assert_eq!(page.total, 96);
            assert_eq!(page.offset as usize, offset);
            if page.rows.is_empty() {
                break;
            }
            seen.extend(page.rows.iter().map(|r| r.row));
            offset += page.rows.len();
        }
        // Sheet rows 2..=97 (row 1 is the header), each once, in order.
        assert_eq!(seen, (2..=97).collect::<Vec<u32>>());
    }

    #[test]
    fn problems_only_pages_hold_only_flagged_rows_and_count_them() {
        let p = preview();
        let all = p.page(0, 1000, false);
        let flagged: Vec<u32> = all
            .rows
            .iter()
            .filter(|r| is_problem(r))
            .map(|r| r.row)
            .collect();
        assert!(flagged.len() >= 9, "{flagged:?}");
        let first = p.page(0, 5, true);
        assert_eq!(first.total as usize, flagged.len());
        assert_eq!(first.problems as usize, flagged.len());
        assert_eq!(all.problems as usize, flagged.len());
        let rest = p.page(5, 100, true);
        let got: Vec<u32> = first.rows.iter().chain(&rest.rows).map(|r| r.row).collect();
        assert_eq!(got, flagged);
    }

    #[test]
    fn a_duplicate_row_names_the_row_it_repeats() {
        let p = preview();
        let last = p.page(95, 10, false);
        assert_eq!(last.rows.len(), 1);
        assert_eq!(last.rows[0].outcome, Outcome::DuplicateRow);
        assert_eq!(last.same_as, vec![SameAs { row: 97, first: 2 }]);
        assert!(p.page(0, 10, false).same_as.is_empty());
    }

    #[test]
    fn a_split_preview_sends_no_rows_but_the_first_page() {
        let mut csv = String::from("Date,Start,End,Stage,Title\n");
        for i in 0..10 {
            csv.push_str(&format!("2027-04-15,09:00,10:00,Salle {i},Session {i}\n"));
        }
        let prepared = prepare(csv.as_bytes(), &demo::event(), &ImportOptions::default()).unwrap();
        let counts = prepared.plan.counts;
        let (sent, kept) = Previewed::split(prepared, 4);
        assert!(sent.prepared.plan.rows.is_empty());
        assert_eq!(
            sent.prepared.plan.counts, counts,
            "the totals are the whole file's"
        );
        assert_eq!(sent.first.rows.len(), 4);
        assert_eq!(sent.first.total, 10);
        assert_eq!(kept.len(), 10);
    }
}
