//! Why a package was refused or could not be written. Each error has a stable [`Error::code`]
//! (`package`, or the core's own code for a core error) and a message in English (its
//! `Display`) or Canadian French ([`Error::message`]) that names the file, and the place inside
//! it, at fault. No message ever contains a stream key.

use showcall_core::error::ErrorPayload;
use showcall_core::i18n::Lang;
use std::fmt;

mod french;
use french::io_fr;
pub(crate) use french::json_text;

/// A sentence in both languages, for reasons built where the error happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    pub en: String,
    pub fr: String,
}

impl Text {
    pub fn new(en: impl Into<String>, fr: impl Into<String>) -> Self {
        Text {
            en: en.into(),
            fr: fr.into(),
        }
    }

    /// The sentence in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::FrCa => &self.fr,
        }
    }
}

/// English, like every `Display` of this crate.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// Why a name in a package may not be written to disk (see [`crate::unsafe_name`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    Empty,
    Absolute,
    Backslash,
    DriveLetter,
    ControlCharacter,
    /// A `.` or `..` part: it would write outside the package's folder.
    DotPart,
    EmptyPart,
    /// The zip stores the name in bytes that are not UTF-8.
    NotUtf8,
}

impl NameProblem {
    /// The reason in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        let [en, fr] = match self {
            NameProblem::Empty => ["empty name", "nom vide"],
            NameProblem::Absolute => ["absolute path", "chemin absolu"],
            NameProblem::Backslash => {
                ["backslash in the name", "barre oblique inverse dans le nom"]
            }
            NameProblem::DriveLetter => ["drive letter", "lettre de lecteur"],
            NameProblem::ControlCharacter => [
                "control character in the name",
                "caractère de contrôle dans le nom",
            ],
            NameProblem::DotPart => [
                "'.' or '..' in the path (it would write outside the package's folder)",
                "« . » ou « .. » dans le chemin (il écrirait hors du dossier du paquet)",
            ],
            NameProblem::EmptyPart => ["empty path part", "partie de chemin vide"],
            NameProblem::NotUtf8 => ["not UTF-8", "pas en UTF-8"],
        };
        match lang {
            Lang::En => en,
            Lang::FrCa => fr,
        }
    }
}

impl fmt::Display for NameProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message(Lang::En))
    }
}

/// What carries a version newer than this build reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionOf {
    /// `formatVersion` in `manifest.json`.
    PackageFormat,
    /// `dataVersion` in `event.json`.
    EventData,
}

impl VersionOf {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (VersionOf::PackageFormat, Lang::En) => "package format",
            (VersionOf::PackageFormat, Lang::FrCa) => "format de paquet",
            (VersionOf::EventData, Lang::En) => "event data",
            (VersionOf::EventData, Lang::FrCa) => "données de l’événement",
        }
    }
}

impl fmt::Display for VersionOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label(Lang::En))
    }
}

/// Why a package was refused or could not be written. `Display` is the English message.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0} is not a complete zip archive (truncated, or not a Showcall package): {1}")]
    NotAZip(String, String),
    #[error("the package holds an unsafe file name {name:?}: {why}; nothing was imported")]
    UnsafeName { name: String, why: NameProblem },
    #[error("the package holds a symbolic link {0:?}; nothing was imported")]
    Symlink(String),
    /// Which name, and where it appears twice.
    #[error("the package holds the same name twice ({0}); nothing was imported")]
    Duplicate(Text),
    #[error("{name}: {why}; nothing was imported")]
    TooLarge { name: String, why: Text },
    #[error("{0}: in the package but not listed in its manifest; nothing was imported")]
    Unlisted(String),
    #[error("{0}: listed in the manifest but missing from the package; nothing was imported")]
    Missing(String),
    #[error(
        "{name}: the content does not match the manifest (SHA-256 {found}, expected {expected}): \
         the package was changed or damaged; nothing was imported"
    )]
    HashMismatch {
        name: String,
        expected: String,
        found: String,
    },
    #[error("{name}: {found} bytes, the manifest says {expected}; nothing was imported")]
    SizeMismatch {
        name: String,
        expected: u64,
        found: u64,
    },
    /// `place` is the path inside the file (`event.sessions[1].start`), or "top level".
    #[error("{file}: {place}: {message}")]
    Json {
        file: String,
        place: Text,
        message: Text,
    },
    #[error("{0}")]
    Format(Text),
    #[error(
        "this package was made by a newer Showcall ({what} version {found}); this one reads up \
         to version {supported}: update Showcall to open it"
    )]
    FutureVersion {
        what: VersionOf,
        found: u32,
        supported: u32,
    },
    /// The disk of the staging folder cannot take the attached files (`needed` includes the
    /// room left for the database).
    #[error(
        "not enough disk space in {dir} to unpack the package's attached files: needs {}, has \
         {} (with room left for the database); free some space and try again; nothing was \
         imported",
        crate::space::size_text(*needed),
        crate::space::size_text(*available)
    )]
    NoSpace {
        dir: String,
        needed: u64,
        available: u64,
    },
    /// Applying a package when none was opened (or it was already applied or cancelled).
    #[error("no package is open: open it again")]
    NothingOpen,
    #[error("{0}")]
    Core(#[from] showcall_core::Error),
}

impl Error {
    /// The stable code: `package` for every problem with a package or its files; a core error
    /// keeps its own code (`invalid_input`, `conflict`, `db`…).
    pub fn code(&self) -> &'static str {
        match self {
            Error::Core(e) => e.code(),
            _ => "package",
        }
    }

    /// A sentence for a person, naming the file (and the place in it) at fault, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        if let Error::Core(e) = self {
            return e.message(lang);
        }
        if lang == Lang::En {
            return self.to_string();
        }
        const NOTHING: &str = "rien n’a été importé";
        match self {
            Error::Io { path, source } => format!("{path} : {}", io_fr(source)),
            Error::NotAZip(file, detail) => format!(
                "{file} n’est pas une archive zip complète (elle est tronquée, ou ce n’est pas un \
                 paquet Showcall) : {detail}"
            ),
            Error::UnsafeName { name, why } => format!(
                "le paquet contient un nom de fichier dangereux « {} » : {} ; {NOTHING}",
                name.escape_debug(),
                why.message(lang)
            ),
            Error::Symlink(name) => format!(
                "le paquet contient un lien symbolique « {} » ; {NOTHING}",
                name.escape_debug()
            ),
            Error::Duplicate(what) => {
                format!(
                    "le paquet contient deux fois le même nom ({}) ; {NOTHING}",
                    what.fr
                )
            }
            Error::TooLarge { name, why } => format!("{name} : {} ; {NOTHING}", why.fr),
            Error::Unlisted(name) => {
                format!("{name} : présent dans le paquet mais absent de son manifeste ; {NOTHING}")
            }
            Error::Missing(name) => {
                format!("{name} : inscrit au manifeste mais absent du paquet ; {NOTHING}")
            }
            Error::HashMismatch {
                name,
                expected,
                found,
            } => format!(
                "{name} : le contenu ne correspond pas au manifeste (SHA-256 {found}, attendu \
                 {expected}) : le paquet a été modifié ou endommagé ; {NOTHING}"
            ),
            Error::SizeMismatch {
                name,
                expected,
                found,
            } => format!("{name} : {found} octets, le manifeste en indique {expected} ; {NOTHING}"),
            Error::Json {
                file,
                place,
                message,
            } => format!("{file} : {} : {}", place.fr, message.fr),
            Error::Format(text) => text.fr.clone(),
            Error::FutureVersion {
                what,
                found,
                supported,
            } => format!(
                "ce paquet a été créé par une version plus récente de Showcall ({}, version \
                 {found}) ; celle-ci lit jusqu’à la version {supported} : mettez Showcall à jour \
                 pour l’ouvrir",
                what.label(lang)
            ),
            Error::NoSpace {
                dir,
                needed,
                available,
            } => format!(
                "pas assez d’espace disque dans {dir} pour décompresser les fichiers joints du \
                 paquet : il faut {}, il reste {} (en gardant de la place pour la base de \
                 données) ; libérez de l’espace et réessayez ; {NOTHING}",
                crate::space::size_text(*needed).fr,
                crate::space::size_text(*available).fr
            ),
            Error::NothingOpen => "aucun paquet n’est ouvert : ouvrez-le de nouveau".into(),
            Error::Core(e) => e.message(lang),
        }
    }

    /// The `{code, message, field}` payload for the UI; `field` only for a core error naming
    /// an input field.
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        match self {
            Error::Core(e) => e.payload(lang),
            _ => ErrorPayload {
                code: self.code().to_string(),
                message: self.message(lang),
                field: None,
            },
        }
    }
}

#[cfg(test)]
mod tests;
