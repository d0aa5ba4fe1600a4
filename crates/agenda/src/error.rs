//! Errors that stop an import before any row is read: the file, the mapping. Each has an
//! English [`std::fmt::Display`] and a French one through `message(Lang::FrCa)`.

use crate::mapping::Field;
use crate::read::{FileFormat, MAX_CELLS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_TEXT_BYTES};
use showcall_core::i18n::Lang;

/// The file could not be read as a spreadsheet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("cannot read {path}: {detail}")]
    Io { path: String, detail: String },
    #[error("the file is empty")]
    Empty,
    #[error("no header row: every row of the file is empty")]
    NoHeaderRow,
    #[error("the file has a header row (row {header_row}) but no agenda rows")]
    NoDataRows { header_row: u32 },
    /// The file is a workbook of `format` (told by its content) that cannot be read.
    #[error("{}", self.message(Lang::En))]
    Damaged { format: FileFormat, detail: String },
    /// The workbook is encrypted: it needs a password to open.
    #[error("{}", self.message(Lang::En))]
    Encrypted { format: FileFormat },
    /// A zip archive holding neither an XLSX workbook nor an OpenDocument spreadsheet (a Word
    /// document, an OpenDocument text…); `mimetype` is what an OpenDocument file declares.
    #[error("{}", self.message(Lang::En))]
    ZipNotSpreadsheet { mimetype: Option<String> },
    /// A cell of the sheet names a place no spreadsheet has (a column of ten letters…).
    #[error("not a valid XLSX workbook: a cell reference in the sheet is out of range")]
    BadCellReference,
    #[error("no worksheet named “{name}” (worksheets: {})", sheets.join(", "))]
    NoSuchSheet { name: String, sheets: Vec<String> },
    #[error("not a CSV, XLSX, ODS or XLS file: it holds binary data")]
    Binary,
    #[error("row {row}: unreadable CSV: {detail}")]
    Csv { row: u32, detail: String },
    /// The sheet spans more rows, columns or cells than an agenda may (see [`MAX_ROWS`],
    /// [`MAX_COLUMNS`], [`MAX_CELLS`]).
    #[error("{}", self.message(Lang::En))]
    TooLarge { rows: u64, columns: u64 },
    /// The cells of a workbook hold more text than an agenda may ([`MAX_TEXT_BYTES`]).
    #[error("{}", self.message(Lang::En))]
    TooMuchText,
    /// The file is larger than an agenda file may be ([`MAX_FILE_BYTES`]).
    #[error("{}", self.message(Lang::En))]
    FileTooLarge { bytes: u64 },
}

impl ReadError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::FrCa;
        match self {
            ReadError::TooLarge { rows, columns } => too_large(*rows, *columns, lang),
            ReadError::Damaged { format, detail } if fr => {
                format!("{} invalide ({detail})", workbook(*format, lang))
            }
            ReadError::Damaged { format, detail } => {
                format!("not a valid {} ({detail})", workbook(*format, lang))
            }
            ReadError::Encrypted { format } if fr => format!(
                "un {} protégé par un mot de passe : enregistrez-en d’abord une copie sans mot de passe",
                workbook(*format, lang)
            ),
            ReadError::Encrypted { format } => format!(
                "a password-protected {}: save a copy without the password first",
                workbook(*format, lang)
            ),
            ReadError::ZipNotSpreadsheet { mimetype } => {
                let what = mimetype.as_ref().map_or(String::new(), |m| format!(" ({m})"));
                if fr {
                    format!("une archive zip{what}, pas un chiffrier : enregistrez le programme en .xlsx, .ods, .xls ou CSV")
                } else {
                    format!("a zip archive{what}, not a spreadsheet: save the agenda as .xlsx, .ods, .xls or CSV")
                }
            }
            ReadError::TooMuchText if fr => format!(
                "les cellules de la feuille contiennent plus de {} de texte, le maximum pour un programme",
                megabytes(MAX_TEXT_BYTES, lang)
            ),
            ReadError::TooMuchText => format!(
                "the cells of the sheet hold more than {} of text, the most an agenda may hold",
                megabytes(MAX_TEXT_BYTES, lang)
            ),
            ReadError::FileTooLarge { bytes } if fr => format!(
                "le fichier fait {} ; un fichier de programme peut faire au plus {}",
                megabytes(*bytes, lang),
                megabytes(MAX_FILE_BYTES, lang)
            ),
            ReadError::FileTooLarge { bytes } => format!(
                "the file is {}; an agenda file may be at most {}",
                megabytes(*bytes, lang),
                megabytes(MAX_FILE_BYTES, lang)
            ),
            _ if !fr => self.to_string(),
            ReadError::Io { path, detail } => format!("impossible de lire {path} : {detail}"),
            ReadError::Empty => "le fichier est vide".into(),
            ReadError::NoHeaderRow => {
                "aucune ligne d’en-tête : toutes les lignes du fichier sont vides".into()
            }
            ReadError::NoDataRows { header_row } => format!(
                "le fichier a une ligne d’en-tête (ligne {header_row}) mais aucune ligne de programme"
            ),
            ReadError::BadCellReference => {
                "classeur XLSX invalide : une référence de cellule de la feuille est hors limites"
                    .into()
            }
            ReadError::NoSuchSheet { name, sheets } => format!(
                "aucune feuille nommée « {name} » (feuilles : {})",
                sheets.join(", ")
            ),
            ReadError::Binary => {
                "ce n’est pas un fichier CSV, XLSX, ODS ni XLS : il contient des données binaires"
                    .into()
            }
            ReadError::Csv { row, detail } => format!("ligne {row} : CSV illisible : {detail}"),
        }
    }
}

/// How messages name a kind of workbook (the CSV name is never used: a CSV is not damaged).
fn workbook(format: FileFormat, lang: Lang) -> &'static str {
    match (format, lang) {
        (FileFormat::Xlsx, Lang::En) => "XLSX workbook",
        (FileFormat::Xlsx, Lang::FrCa) => "classeur XLSX",
        (FileFormat::Ods, Lang::En) => "OpenDocument spreadsheet",
        (FileFormat::Ods, Lang::FrCa) => "classeur OpenDocument (.ods)",
        (FileFormat::Xls, Lang::En) => "Excel 97–2003 (.xls) workbook",
        (FileFormat::Xls, Lang::FrCa) => "classeur Excel 97–2003 (.xls)",
        (FileFormat::Csv, Lang::En) => "CSV file",
        (FileFormat::Csv, Lang::FrCa) => "fichier CSV",
    }
}

/// What a sheet spans, and the limit it passes: rows and columns, or else cells.
fn too_large(rows: u64, columns: u64, lang: Lang) -> String {
    let n = |v: u64| thousands(v, lang);
    let cells = n(rows.saturating_mul(columns));
    let within = rows <= MAX_ROWS && columns <= MAX_COLUMNS;
    match (lang, within) {
        (Lang::En, false) => format!(
            "the sheet spans {} rows and {} columns; an agenda may have at most {} rows and {} columns",
            n(rows),
            n(columns),
            n(MAX_ROWS),
            n(MAX_COLUMNS)
        ),
        (Lang::En, true) => format!(
            "the sheet spans {} rows and {} columns ({cells} cells); an agenda may have at most {} cells",
            n(rows),
            n(columns),
            n(MAX_CELLS)
        ),
        (Lang::FrCa, false) => format!(
            "la feuille s’étend sur {} lignes et {} colonnes ; un programme peut compter au plus {} lignes et {} colonnes",
            n(rows),
            n(columns),
            n(MAX_ROWS),
            n(MAX_COLUMNS)
        ),
        (Lang::FrCa, true) => format!(
            "la feuille s’étend sur {} lignes et {} colonnes ({cells} cellules) ; un programme peut compter au plus {} cellules",
            n(rows),
            n(columns),
            n(MAX_CELLS)
        ),
    }
}

/// `1,048,576` in English, `1 048 576` (no-break spaces) in French.
fn thousands(v: u64, lang: Lang) -> String {
    let sep = if lang == Lang::FrCa { '\u{a0}' } else { ',' };
    let digits = v.to_string();
    let mut out = String::with_capacity(digits.len() * 4 / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(d);
    }
    out
}

/// Bytes in megabytes (10⁶), rounded up to a tenth when not whole, so a size past a limit
/// never reads as the limit: `50 MB`, `50.1 MB`; `50 Mo`, `50,1 Mo` in French.
fn megabytes(bytes: u64, lang: Lang) -> String {
    let tenths = bytes.div_ceil(100_000);
    let (whole, tenth) = (tenths / 10, tenths % 10);
    let (point, space, unit) = match lang {
        Lang::En => ('.', ' ', "MB"),
        Lang::FrCa => (',', '\u{a0}', "Mo"),
    };
    let whole = thousands(whole, lang);
    match tenth {
        0 => format!("{whole}{space}{unit}"),
        t => format!("{whole}{point}{t}{space}{unit}"),
    }
}

/// A `COL=FIELD` override that cannot be used. Displayed with the CLI's `--map: ` prefix;
/// [`MapError::message`] gives the bare sentence for the app.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("--map: {}", self.message(Lang::En))]
pub enum MapError {
    /// Not of the form `COL=FIELD`.
    Syntax(String),
    /// No column by that header, letter or number.
    NoColumn {
        column: String,
        columns: Vec<String>,
    },
    /// Not a field name.
    UnknownField(String),
    /// Two fields given to one column.
    ColumnTwice {
        column: String,
        first: Field,
        second: Field,
    },
    /// The same field given to two columns (only `speakers`, `description` and `ignore` may
    /// take several).
    FieldTwice {
        field: Field,
        first: String,
        second: String,
    },
}

impl MapError {
    /// The message in `lang`, without the `--map: ` prefix.
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::FrCa;
        match self {
            MapError::Syntax(arg) if fr => format!("attendu COL=CHAMP, reçu « {arg} »"),
            MapError::Syntax(arg) => format!("expected COL=FIELD, got '{arg}'"),
            MapError::NoColumn { column, columns } if fr => format!(
                "aucune colonne « {column} » (colonnes : {})",
                columns.join(", ")
            ),
            MapError::NoColumn { column, columns } => {
                format!("no column '{column}' (columns: {})", columns.join(", "))
            }
            MapError::UnknownField(f) if fr => format!(
                "champ inconnu « {f} » (champs : {})",
                field_list(Lang::FrCa)
            ),
            MapError::UnknownField(f) => {
                format!("unknown field '{f}' (fields: {})", field_list(Lang::En))
            }
            MapError::ColumnTwice {
                column,
                first,
                second,
            } if fr => format!(
                "la colonne « {column} » reçoit deux champs : {} et {}",
                first.label(lang),
                second.label(lang)
            ),
            MapError::ColumnTwice {
                column,
                first,
                second,
            } => format!(
                "column '{column}' given two fields: {} and {}",
                first.code(),
                second.code()
            ),
            MapError::FieldTwice {
                field,
                first,
                second,
            } if fr => format!(
                "le champ « {} » est donné à deux colonnes : {first} et {second}",
                field.label(lang)
            ),
            MapError::FieldTwice {
                field,
                first,
                second,
            } => format!(
                "field '{}' given to two columns: {first} and {second}",
                field.code()
            ),
        }
    }
}

fn field_list(lang: Lang) -> String {
    Field::ALL
        .iter()
        .map(|f| match lang {
            Lang::En => f.code(),
            Lang::FrCa => f.label(lang),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The columns cannot be read as an agenda.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    /// Required fields have no column.
    #[error("no column for {} (columns: {}); name one with COL=FIELD", fields_en(.missing), .columns.join(", "))]
    Missing {
        missing: Vec<Field>,
        columns: Vec<String>,
    },
    /// The first non-empty row holds times or dates: the file has no header row.
    #[error("row {row} looks like agenda data (“{value}”), not column names: the first row must name the columns")]
    HeaderLooksLikeData { row: u32, value: String },
}

fn fields_en(f: &[Field]) -> String {
    f.iter().map(|f| f.code()).collect::<Vec<_>>().join(", ")
}

impl MappingError {
    /// The message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            MappingError::Missing { missing, columns } => format!(
                "aucune colonne pour : {} (colonnes : {}) ; indiquez-en une avec COL=CHAMP",
                missing
                    .iter()
                    .map(|f| f.label(lang))
                    .collect::<Vec<_>>()
                    .join(", "),
                columns.join(", ")
            ),
            MappingError::HeaderLooksLikeData { row, value } => format!(
                "la ligne {row} ressemble à des données (« {value} ») et non à des noms de colonnes : la première ligne doit nommer les colonnes"
            ),
        }
    }
}

/// Anything that stops [`crate::prepare`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Read(#[from] ReadError),
    #[error(transparent)]
    Map(#[from] MapError),
    #[error(transparent)]
    Mapping(#[from] MappingError),
}

impl ImportError {
    /// The message in `lang` (a `--map` error keeps its prefix).
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::Read(e) => e.message(lang),
            ImportError::Map(e) if lang == Lang::En => e.to_string(),
            ImportError::Map(e) => format!("--map : {}", e.message(lang)),
            ImportError::Mapping(e) => e.message(lang),
        }
    }

    /// A stable code for the UI: `read`, `map` or `mapping`.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::Read(_) => "read",
            ImportError::Map(_) => "map",
            ImportError::Mapping(_) => "mapping",
        }
    }
}
