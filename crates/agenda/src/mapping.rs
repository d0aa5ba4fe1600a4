//! Which column holds which field: detected from the headers (English and French, case-,
//! accent- and space-insensitive), then adjusted by hand (`COL=FIELD`).

use crate::error::{MapError, MappingError};
use crate::read::Sheet;
use crate::text::{column_letter, fold, header_key, letter_column};
use serde::{Deserialize, Serialize};
use showcall_core::i18n::Lang;
use ts_rs::TS;

/// What a column means for the import.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Title,
    Date,
    Start,
    End,
    /// The stage (track, room) of the session.
    Stage,
    Speakers,
    Description,
    /// Deliberately left out of the import.
    Ignore,
}

impl Field {
    /// Every field, in the order messages list them.
    pub const ALL: [Field; 8] = [
        Field::Title,
        Field::Date,
        Field::Start,
        Field::End,
        Field::Stage,
        Field::Speakers,
        Field::Description,
        Field::Ignore,
    ];

    /// Fields without which no row can be read (`date` may come inside start/end instead).
    pub const REQUIRED: [Field; 3] = [Field::Title, Field::Start, Field::End];

    /// The English code used in `COL=FIELD` and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Date => "date",
            Field::Start => "start",
            Field::End => "end",
            Field::Stage => "stage",
            Field::Speakers => "speakers",
            Field::Description => "description",
            Field::Ignore => "ignore",
        }
    }

    /// The name used in messages.
    pub fn label(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.code(),
            Lang::FrCa => match self {
                Field::Title => "titre",
                Field::Date => "date",
                Field::Start => "début",
                Field::End => "fin",
                Field::Stage => "scène",
                Field::Speakers => "conférenciers",
                Field::Description => "description",
                Field::Ignore => "ignorer",
            },
        }
    }

    /// Parses a field name as typed after `=`: the English code or the French label (any case,
    /// accents optional), plus `track`/`room`/`salle` for the stage.
    pub fn parse(s: &str) -> Option<Field> {
        let key = header_key(s);
        Field::ALL
            .into_iter()
            .find(|f| key == f.code() || key == header_key(f.label(Lang::FrCa)))
            .or(match key.as_str() {
                "track" | "room" | "salle" | "piste" => Some(Field::Stage),
                "speaker" | "presenters" | "conferencier" => Some(Field::Speakers),
                "skip" | "none" => Some(Field::Ignore),
                _ => None,
            })
    }

    /// Whether several columns may hold this field (their values are combined).
    pub fn repeatable(self) -> bool {
        matches!(self, Field::Speakers | Field::Description | Field::Ignore)
    }

    /// The field a header names, if it is one of the known English or French headers.
    pub fn detect(header: &str) -> Option<Field> {
        let key = header_key(header);
        if let Some(f) = known(&key) {
            return Some(f);
        }
        // "Speaker 1", "Conférencier 2": numbered speaker columns.
        let base = key
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .trim_end();
        (base != key)
            .then(|| known(base))
            .flatten()
            .filter(|f| *f == Field::Speakers)
    }
}

fn known(key: &str) -> Option<Field> {
    let f = match key {
        "title"
        | "titre"
        | "session"
        | "nom de la session"
        | "session title"
        | "session name"
        | "titre de la session"
        | "seance"
        | "titre de la seance"
        | "nom de la seance" => Field::Title,
        "date" | "jour" | "day" | "session date" | "date de la session" => Field::Date,
        "start" | "debut" | "heure de debut" | "start time" | "from" | "de" | "begin"
        | "heure debut" | "starts" => Field::Start,
        "end" | "fin" | "heure de fin" | "end time" | "to" | "a" | "heure fin" | "ends"
        | "until" => Field::End,
        "track" | "stage" | "salle" | "room" | "scene" | "piste" => Field::Stage,
        "speakers" | "speaker" | "presenters" | "presenter" | "conferenciers" | "conferencier"
        | "conferencieres" | "conferenciere" | "conferencier ere s" | "conferencier e s"
        | "conferencier es" | "intervenants" | "intervenant" | "intervenant e s"
        | "intervenantes" | "panelistes" | "paneliste" | "panelists" | "panelist" => {
            Field::Speakers
        }
        "description" | "resume" | "abstract" | "details" | "detail" | "summary" => {
            Field::Description
        }
        _ => return None,
    };
    Some(f)
}

/// How a column got its field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum How {
    /// Recognised from its header.
    Detected,
    /// Set by hand (`COL=FIELD` or the app's mapping step).
    Manual,
    /// No field: the column is not read.
    Unmapped,
}

/// One column of the sheet and the field it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MappedColumn {
    /// 0-based.
    pub index: usize,
    /// `A`, `B`, … `AA`.
    pub letter: String,
    /// As written in the header row (may be empty).
    pub header: String,
    pub field: Option<Field>,
    pub how: How,
    /// Up to three values from the first rows, for the mapping screen.
    pub samples: Vec<String>,
}

impl MappedColumn {
    /// The header, or `column C` when it is blank.
    pub fn name(&self) -> String {
        if self.header.trim().is_empty() {
            format!("column {}", self.letter)
        } else {
            self.header.trim().to_string()
        }
    }
}

/// The field of every column of a sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    pub columns: Vec<MappedColumn>,
}

/// What the mapping step shows and the CLI prints: every column with its field, the columns
/// left unmapped, the required fields still missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MappingReport {
    pub columns: Vec<MappedColumn>,
    /// Names of the columns that hold no field (and were not set to `ignore`).
    pub unmapped: Vec<String>,
    /// Required fields no column holds.
    pub missing: Vec<Field>,
    /// Whether there is a `date` column (else start/end must carry their date).
    pub has_date: bool,
    /// Whether rows can be read with this mapping.
    pub ready: bool,
}

/// One `COL=FIELD` override, resolved against a sheet's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Override {
    /// 0-based column.
    pub column: usize,
    pub field: Field,
}

impl Mapping {
    /// Recognises each column from its header. When two columns name the same single-valued
    /// field, the first keeps it and the other stays unmapped.
    pub fn detect(sheet: &Sheet) -> Mapping {
        let mut taken: Vec<Field> = Vec::new();
        let columns = sheet
            .headers
            .iter()
            .enumerate()
            .map(|(index, header)| {
                let field = Field::detect(header)
                    .filter(|f| f.repeatable() || !taken.contains(f))
                    .inspect(|f| taken.push(*f));
                let samples = sheet
                    .rows
                    .iter()
                    .map(|r| r.cells[index].display())
                    .filter(|s| !s.is_empty())
                    .take(3)
                    .collect();
                MappedColumn {
                    index,
                    letter: column_letter(index),
                    header: header.clone(),
                    field,
                    how: if field.is_some() {
                        How::Detected
                    } else {
                        How::Unmapped
                    },
                    samples,
                }
            })
            .collect();
        Mapping { columns }
    }

    /// Sets a column's field by hand (`None`: not read). A single-valued field moves: the
    /// column that held it loses it.
    pub fn set(&mut self, column: usize, field: Option<Field>) {
        if let Some(f) = field.filter(|f| !f.repeatable()) {
            for c in &mut self.columns {
                if c.field == Some(f) && c.index != column {
                    c.field = None;
                    c.how = How::Unmapped;
                }
            }
        }
        if let Some(c) = self.columns.get_mut(column) {
            c.field = field;
            c.how = if field.is_some() {
                How::Manual
            } else {
                How::Unmapped
            };
        }
    }

    /// Applies overrides in order. A single-valued field given to two columns, or two fields
    /// given to one column, is refused.
    pub fn apply(&mut self, overrides: &[Override]) -> Result<(), MapError> {
        for (i, o) in overrides.iter().enumerate() {
            if let Some(prev) = overrides[..i]
                .iter()
                .find(|p| p.column == o.column && p.field != o.field)
            {
                return Err(MapError::ColumnTwice {
                    column: self.name(o.column),
                    first: prev.field,
                    second: o.field,
                });
            }
            if let Some(prev) = overrides[..i]
                .iter()
                .find(|p| p.field == o.field && p.column != o.column && !o.field.repeatable())
            {
                return Err(MapError::FieldTwice {
                    field: o.field,
                    first: self.name(prev.column),
                    second: self.name(o.column),
                });
            }
        }
        for o in overrides {
            self.set(o.column, Some(o.field));
        }
        Ok(())
    }

    /// Parses `COL=FIELD` arguments against this sheet's columns and applies them.
    pub fn apply_args<S: AsRef<str>>(&mut self, args: &[S]) -> Result<(), MapError> {
        let headers: Vec<String> = self.columns.iter().map(|c| c.header.clone()).collect();
        let overrides = args
            .iter()
            .map(|a| parse_override(a.as_ref(), &headers))
            .collect::<Result<Vec<_>, _>>()?;
        self.apply(&overrides)
    }

    fn name(&self, column: usize) -> String {
        self.columns
            .get(column)
            .map(MappedColumn::name)
            .unwrap_or_else(|| column_letter(column))
    }

    /// The columns holding `field`, in order.
    pub fn columns_of(&self, field: Field) -> Vec<usize> {
        self.columns
            .iter()
            .filter(|c| c.field == Some(field))
            .map(|c| c.index)
            .collect()
    }

    /// Required fields that no column holds.
    pub fn missing(&self) -> Vec<Field> {
        Field::REQUIRED
            .into_iter()
            .filter(|f| self.columns_of(*f).is_empty())
            .collect()
    }

    /// Fails when a required field has no column.
    pub fn check(&self) -> Result<(), MappingError> {
        let missing = self.missing();
        if missing.is_empty() {
            return Ok(());
        }
        Err(MappingError::Missing {
            missing,
            columns: self.columns.iter().map(MappedColumn::name).collect(),
        })
    }

    /// The mapping as the mapping step shows it.
    pub fn report(&self) -> MappingReport {
        let missing = self.missing();
        MappingReport {
            columns: self.columns.clone(),
            unmapped: self
                .columns
                .iter()
                .filter(|c| c.field.is_none())
                .map(MappedColumn::name)
                .collect(),
            has_date: !self.columns_of(Field::Date).is_empty(),
            ready: missing.is_empty(),
            missing,
        }
    }
}

/// Parses one `COL=FIELD`: COL is a header (case- and accent-insensitive), a column letter
/// (`A`, `AA`) or a 1-based column number; FIELD a [`Field`] code or its French label.
pub fn parse_override(arg: &str, headers: &[String]) -> Result<Override, MapError> {
    let (col, field) = arg
        .rsplit_once('=')
        .filter(|(c, f)| !c.trim().is_empty() && !f.trim().is_empty())
        .ok_or_else(|| MapError::Syntax(arg.to_string()))?;
    let (col, field_text) = (col.trim(), field.trim());
    let field =
        Field::parse(field_text).ok_or_else(|| MapError::UnknownField(field_text.into()))?;
    let wanted = fold(col);
    let column = headers
        .iter()
        .position(|h| fold(h) == wanted)
        .or_else(|| letter_column(col).filter(|i| *i < headers.len()))
        .or_else(|| {
            col.parse::<usize>()
                .ok()
                .filter(|n| (1..=headers.len()).contains(n))
                .map(|n| n - 1)
        })
        .ok_or_else(|| MapError::NoColumn {
            column: col.to_string(),
            columns: headers
                .iter()
                .enumerate()
                .map(|(i, h)| {
                    if h.trim().is_empty() {
                        column_letter(i)
                    } else {
                        h.trim().to_string()
                    }
                })
                .collect(),
        })?;
    Ok(Override { column, field })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_french_headers_are_recognised() {
        let cases = [
            ("Titre", Field::Title),
            ("Nom de la session", Field::Title),
            ("JOUR", Field::Date),
            ("Heure de début", Field::Start),
            ("heure de debut", Field::Start),
            ("Début", Field::Start),
            ("From", Field::Start),
            ("De", Field::Start),
            ("À", Field::End),
            ("End  time", Field::End),
            ("Scène", Field::Stage),
            ("Piste", Field::Stage),
            ("Room", Field::Stage),
            ("Conférencier·ère·s", Field::Speakers),
            ("Panélistes", Field::Speakers),
            ("Speaker 2", Field::Speakers),
            ("Résumé", Field::Description),
            ("Abstract", Field::Description),
        ];
        for (h, f) in cases {
            assert_eq!(Field::detect(h), Some(f), "{h}");
        }
        assert_eq!(Field::detect("Notes"), None);
        assert_eq!(Field::detect("Date 2"), None);
    }
}
