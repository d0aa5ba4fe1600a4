//! The one error type of the core. Each error has a small stable [`Error::code`] the UI and the
//! CLI branch on, and a message that names the field, item or file at fault, in English or
//! French ([`Error::message`]).

use crate::i18n::Lang;
use serde::Serialize;
use ts_rs::TS;

/// Why a field's value was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    /// The field must not be empty.
    Empty,
    /// `end` is not after `start`.
    EndNotAfterStart,
    /// Not a known IANA time zone.
    UnknownZone(String),
    /// Not a supported locale.
    UnknownLocale(String),
    /// A number below zero or out of range.
    OutOfRange(String),
    /// Not a valid date/instant.
    BadInstant(String),
    /// A reference to an item that does not belong to this event.
    UnknownReference(String),
    /// Free-form explanation.
    Other(String),
    /// An explanation in both languages.
    Say { en: String, fr: String },
    /// A server URL or stream key problem (never quotes the key).
    Rtmp(RtmpProblem),
}

/// Errors from the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input refused; nothing was written.
    #[error("{field}: {reason:?}")]
    InvalidInput { field: String, reason: Invalid },
    /// No such item.
    #[error("{kind} not found: {id}")]
    NotFound { kind: &'static str, id: String },
    /// More than one item matches a name.
    #[error("{0}")]
    Conflict(String),
    /// The event changed elsewhere (another window or process) since the version an action was
    /// based on: nothing was written.
    #[error("the event “{name}” changed elsewhere since revision {seen} (it is at revision {now} now): reload it; nothing was changed")]
    Stale { name: String, seen: i64, now: i64 },
    /// The database file was written by a newer Showcall.
    #[error("database schema version {found} is newer than this Showcall ({supported})")]
    UnsupportedVersion { found: i64, supported: i64 },
    /// SQLite failed.
    #[error("database: {0}")]
    Db(#[from] rusqlite::Error),
    /// Migrating the schema failed.
    #[error("migration: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    /// A long job was cancelled ([`crate::job::Job::cancel`]) and undid what it had started.
    #[error("cancelled: nothing was changed")]
    Cancelled,
}

/// Shorthand for results of the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error as it crosses to the UI: `{code, message, field}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    /// The input field at fault, for `invalid_input`.
    pub field: Option<String>,
}

impl Error {
    /// Shorthand for an [`Error::InvalidInput`].
    pub fn invalid(field: impl Into<String>, reason: Invalid) -> Self {
        Error::InvalidInput {
            field: field.into(),
            reason,
        }
    }

    /// The field at fault, when the input was refused.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::InvalidInput { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The stable code: `invalid_input`, `not_found`, `conflict`, `unsupported_version`, `db`,
    /// `io`, `cancelled`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidInput { .. } => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::Conflict(_) | Error::Stale { .. } => "conflict",
            Error::UnsupportedVersion { .. } => "unsupported_version",
            Error::Db(_) | Error::Migration(_) => "db",
            Error::Io { .. } => "io",
            Error::Cancelled => "cancelled",
        }
    }

    /// A sentence for a person, naming the field or item, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::FrCa;
        match self {
            Error::InvalidInput { field, reason } => {
                let why = match (reason, fr) {
                    (Invalid::Empty, false) => "must not be empty".to_string(),
                    (Invalid::Empty, true) => "ne doit pas être vide".to_string(),
                    (Invalid::EndNotAfterStart, false) => "must be after the start".to_string(),
                    (Invalid::EndNotAfterStart, true) => "doit être après le début".to_string(),
                    (Invalid::UnknownZone(z), false) => format!("unknown time zone “{z}”"),
                    (Invalid::UnknownZone(z), true) => format!("fuseau horaire inconnu « {z} »"),
                    (Invalid::UnknownLocale(l), false) => {
                        format!("unknown locale “{l}” (en or fr-CA)")
                    }
                    (Invalid::UnknownLocale(l), true) => {
                        format!("langue inconnue « {l} » (en ou fr-CA)")
                    }
                    (Invalid::OutOfRange(d), false) => format!("out of range: {d}"),
                    (Invalid::OutOfRange(d), true) => format!("hors limites : {d}"),
                    (Invalid::BadInstant(v), false) => format!("not a valid date and time: “{v}”"),
                    (Invalid::BadInstant(v), true) => {
                        format!("date et heure invalides : « {v} »")
                    }
                    (Invalid::UnknownReference(v), false) => {
                        format!("“{v}” is not part of this event")
                    }
                    (Invalid::UnknownReference(v), true) => {
                        format!("« {v} » ne fait pas partie de cet événement")
                    }
                    (Invalid::Other(v), _) => v.clone(),
                    (Invalid::Say { en, .. }, false) => en.clone(),
                    (Invalid::Say { fr, .. }, true) => fr.clone(),
                    (Invalid::Rtmp(p), _) => p.message(lang),
                };
                let label = crate::i18n::field_label(field, lang);
                if fr {
                    format!("{label} : {why}")
                } else {
                    format!("{label}: {why}")
                }
            }
            Error::NotFound { kind, id } => {
                if fr {
                    format!("{} introuvable : {id}", crate::i18n::kind_label(kind, lang))
                } else {
                    format!("{} not found: {id}", crate::i18n::kind_label(kind, lang))
                }
            }
            Error::Db(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DiskFull =>
            {
                if fr {
                    "le disque de la base de données est plein : libérez de l’espace et \
                     réessayez; rien n’a été changé"
                        .into()
                } else {
                    "the disk holding the database is full: free some space and try again; \
                     nothing was changed"
                        .into()
                }
            }
            Error::Db(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::SystemIoFailure =>
            {
                if fr {
                    "la base de données n’a pas pu être lue ou écrite : le disque est peut-être \
                     plein ou défaillant; rien n’a été changé"
                        .into()
                } else {
                    "the database could not be read or written: the disk may be full or failing; \
                     nothing was changed"
                        .into()
                }
            }
            Error::Cancelled if fr => "annulé : rien n’a été modifié".into(),
            Error::Stale { name, seen, now } if fr => format!(
                "l’événement « {name} » a été modifié ailleurs depuis la révision {seen} (il est \
                 à la révision {now}) : rechargez-le; rien n’a été changé"
            ),
            other => other.to_string(),
        }
    }

    /// The `{code, message, field}` payload for the UI.
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        ErrorPayload {
            code: self.code().to_string(),
            message: self.message(lang),
            field: match self {
                Error::InvalidInput { field, .. } => Some(field.clone()),
                _ => None,
            },
        }
    }
}

/// What is wrong with a server URL or a stream key. Messages never quote a key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RtmpProblem {
    /// Not `rtmp://` or `rtmps://` (the scheme found).
    Scheme(String),
    /// Not a URL at all.
    NotAUrl,
    /// No host name.
    NoHost,
    /// No application path (`rtmp://host/` instead of `rtmp://host/app`).
    NoApp,
    /// The URL seems to end with a stream key.
    KeyInUrl,
    /// Whitespace in a key, at this 1-based character position.
    KeySpace(usize),
    /// An invisible or control character in a key: position and its name.
    KeyInvisible(usize, String),
    /// A user name or password before the host (`rtmp://user:pass@host/app`); never quoted.
    UserInfo,
    /// A query string (`?key=…`); never quoted.
    Query,
    /// A fragment (`#…`); never quoted.
    Fragment,
}

impl RtmpProblem {
    pub fn message(&self, lang: Lang) -> String {
        let fr = lang == Lang::FrCa;
        match (self, fr) {
            (RtmpProblem::Scheme(s), false) => {
                format!("must start with rtmp:// or rtmps://, not {s}://")
            }
            (RtmpProblem::Scheme(s), true) => {
                format!("doit commencer par rtmp:// ou rtmps://, pas {s}://")
            }
            (RtmpProblem::NotAUrl, false) => "is not a URL (rtmp://host/app)".into(),
            (RtmpProblem::NotAUrl, true) => "n’est pas une URL (rtmp://hôte/app)".into(),
            (RtmpProblem::NoHost, false) => "has no server name".into(),
            (RtmpProblem::NoHost, true) => "n’a pas de nom de serveur".into(),
            (RtmpProblem::NoApp, false) => {
                "has no application after the server (rtmp://host/app)".into()
            }
            (RtmpProblem::NoApp, true) => {
                "n’a pas d’application après le serveur (rtmp://hôte/app)".into()
            }
            (RtmpProblem::KeyInUrl, false) => {
                "seems to end with the stream key: put the key in its own field (Split does it)"
                    .into()
            }
            (RtmpProblem::KeyInUrl, true) => {
                "semble se terminer par la clé de diffusion : mettez la clé dans son propre champ (Séparer le fait)"
                    .into()
            }
            (RtmpProblem::KeySpace(i), false) => {
                format!("contains a space or line break at character {i}")
            }
            (RtmpProblem::KeySpace(i), true) => {
                format!("contient une espace ou un saut de ligne au caractère {i}")
            }
            (RtmpProblem::KeyInvisible(i, name), false) => {
                format!("contains an invisible character ({name}) at character {i}")
            }
            (RtmpProblem::KeyInvisible(i, name), true) => {
                format!("contient un caractère invisible ({name}) au caractère {i}")
            }
            (RtmpProblem::UserInfo, false) => {
                "has a user name or password before the host: remove it, and put a key in the stream key field"
                    .into()
            }
            (RtmpProblem::UserInfo, true) => {
                "contient un nom d’utilisateur ou un mot de passe avant l’hôte : retirez-le, et mettez une clé dans le champ Clé de diffusion"
                    .into()
            }
            (RtmpProblem::Query, false) => {
                "has a query string (?…): put a key in the stream key field".into()
            }
            (RtmpProblem::Query, true) => {
                "contient une chaîne de requête (?…) : mettez une clé dans le champ Clé de diffusion"
                    .into()
            }
            (RtmpProblem::Fragment, false) => {
                "has a fragment (#…): put a key in the stream key field".into()
            }
            (RtmpProblem::Fragment, true) => {
                "contient un fragment (#…) : mettez une clé dans le champ Clé de diffusion".into()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn payload_shape_is_pinned() {
        let e = Error::invalid("session.title", Invalid::Empty);
        let json = serde_json::to_value(e.payload(Lang::En)).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "invalid_input", "message": "Session title: must not be empty", "field": "session.title"})
        );
        let fr = e.payload(Lang::FrCa);
        assert_eq!(fr.message, "Titre de la séance : ne doit pas être vide");
    }

    #[test]
    fn a_full_disk_says_so_in_both_languages() {
        let full = Error::Db(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_FULL),
            None,
        ));
        assert_eq!(full.code(), "db");
        assert!(full
            .message(Lang::En)
            .contains("disk holding the database is full"));
        assert!(full
            .message(Lang::FrCa)
            .contains("disque de la base de données est plein"));
        let io = Error::Db(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR),
            None,
        ));
        assert!(io.message(Lang::En).contains("disk may be full"));
    }
}
