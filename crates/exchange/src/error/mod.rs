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
mod tests {
    use super::*;
    use showcall_core::error::Invalid;

    const FR: Lang = Lang::FrCa;

    #[test]
    fn codes_are_package_or_the_core_s_own() {
        assert_eq!(Error::NothingOpen.code(), "package");
        assert_eq!(Error::Missing("calendar.ics".into()).code(), "package");
        let io = Error::Io {
            path: "/tmp/x.showcall".into(),
            source: std::io::Error::from(std::io::ErrorKind::NotFound),
        };
        assert_eq!(io.code(), "package");

        let core = Error::from(showcall_core::Error::invalid(
            "session.title",
            Invalid::Empty,
        ));
        assert_eq!(core.code(), "invalid_input");
        let p = core.payload(FR);
        assert_eq!(p.code, "invalid_input");
        assert_eq!(p.field.as_deref(), Some("session.title"));
        assert_eq!(p.message, "Titre de la séance : ne doit pas être vide");
        assert_eq!(core.message(Lang::En), "Session title: must not be empty");

        let conflict = Error::from(showcall_core::Error::Conflict("two".into()));
        assert_eq!(conflict.code(), "conflict");

        let p = Error::NothingOpen.payload(Lang::En);
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            serde_json::json!({"code": "package", "message": "no package is open: open it again", "field": null})
        );
    }

    #[test]
    fn french_messages_name_the_file() {
        let e = Error::HashMismatch {
            name: "event.json".into(),
            expected: "ab12".into(),
            found: "cd34".into(),
        };
        assert_eq!(
            e.message(FR),
            "event.json : le contenu ne correspond pas au manifeste (SHA-256 cd34, attendu ab12) : \
             le paquet a été modifié ou endommagé ; rien n’a été importé"
        );
        assert_eq!(e.message(Lang::En), e.to_string());

        let e = Error::UnsafeName {
            name: "../../x".into(),
            why: NameProblem::DotPart,
        };
        assert_eq!(
            e.to_string(),
            "the package holds an unsafe file name \"../../x\": '.' or '..' in the path (it \
             would write outside the package's folder); nothing was imported"
        );
        assert_eq!(
            e.message(FR),
            "le paquet contient un nom de fichier dangereux « ../../x » : « . » ou « .. » dans le \
             chemin (il écrirait hors du dossier du paquet) ; rien n’a été importé"
        );

        let e = Error::FutureVersion {
            what: VersionOf::PackageFormat,
            found: 7,
            supported: 1,
        };
        assert_eq!(
            e.to_string(),
            "this package was made by a newer Showcall (package format version 7); this one \
             reads up to version 1: update Showcall to open it"
        );
        assert_eq!(
            e.message(FR),
            "ce paquet a été créé par une version plus récente de Showcall (format de paquet, \
             version 7) ; celle-ci lit jusqu’à la version 1 : mettez Showcall à jour pour \
             l’ouvrir"
        );

        assert_eq!(
            Error::NothingOpen.message(FR),
            "aucun paquet n’est ouvert : ouvrez-le de nouveau"
        );
        assert_eq!(
            Error::NothingOpen.to_string(),
            "no package is open: open it again"
        );

        let e = Error::Io {
            path: "/tmp/x.showcall".into(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert_eq!(e.message(FR), "/tmp/x.showcall : accès refusé");

        let e = Error::NoSpace {
            dir: "/data/files".into(),
            needed: 3 << 29,
            available: 1 << 20,
        };
        assert_eq!(
            e.to_string(),
            "not enough disk space in /data/files to unpack the package's attached files: needs \
             1.5 GiB, has 1 MiB (with room left for the database); free some space and try \
             again; nothing was imported"
        );
        assert_eq!(
            e.message(FR),
            "pas assez d’espace disque dans /data/files pour décompresser les fichiers joints du \
             paquet : il faut 1,5 Gio, il reste 1 Mio (en gardant de la place pour la base de \
             données) ; libérez de l’espace et réessayez ; rien n’a été importé"
        );
    }

    /// Every variant built from the crate's own reasons reads in French, with the file named.
    #[test]
    fn no_french_message_falls_back_to_english() {
        let cases = [
            Error::NotAZip("a.showcall".into(), "invalid Zip archive".into()),
            Error::UnsafeName {
                name: "a\u{7}b".into(),
                why: NameProblem::ControlCharacter,
            },
            Error::Symlink("files/link".into()),
            Error::Duplicate(Text::new(
                "manifest.json lists x",
                "manifest.json mentionne x",
            )),
            Error::TooLarge {
                name: "notes.txt".into(),
                why: Text::new("too big", "trop gros"),
            },
            Error::Unlisted("readme.txt".into()),
            Error::Missing("calendar.ics".into()),
            Error::SizeMismatch {
                name: "calendar.ics".into(),
                expected: 1,
                found: 2,
            },
            Error::Format(Text::new("event.json: en", "event.json : fr")),
            Error::NoSpace {
                dir: "/data/files".into(),
                needed: 3 << 30,
                available: 1 << 20,
            },
        ];
        for e in cases {
            let (en, fr) = (e.message(Lang::En), e.message(FR));
            assert_eq!(en, e.to_string());
            assert_ne!(en, fr);
            assert!(!fr.contains("nothing was imported"), "{fr}");
            assert!(!fr.contains('\u{7}'), "{fr}");
            assert!(fr.contains(" : ") || fr.contains(" ; "), "{fr}");
        }
    }

    #[test]
    fn json_errors_keep_english_and_read_in_french() {
        let e = serde_json::from_str::<u32>("\"x\"").unwrap_err();
        let t = json_text(&e);
        assert_eq!(
            t.en,
            "invalid type: string \"x\", expected u32 at line 1 column 3"
        );
        assert_eq!(
            t.fr,
            "type invalide : chaîne \"x\", attendu : un nombre entier (u32) à la ligne 1, colonne 3"
        );
        let e = serde_json::from_str::<serde_json::Value>("{\"a\" 1}").unwrap_err();
        assert_eq!(
            json_text(&e).fr,
            "JSON mal formé à la ligne 1, colonne 6 : « : » était attendu"
        );
        let e = serde_json::from_str::<serde_json::Value>("[1, 2").unwrap_err();
        assert_eq!(
            json_text(&e).fr,
            "le JSON s’arrête avant la fin à la ligne 1, colonne 5"
        );
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct S {
            name: String,
        }
        let e = serde_json::from_str::<S>("{}").unwrap_err();
        assert_eq!(
            json_text(&e).fr,
            "champ manquant : `name` à la ligne 1, colonne 2"
        );
    }

    /// A key pasted at the end of a server URL is refused by the core without quoting it,
    /// and stays unquoted in both languages here.
    #[test]
    fn a_key_in_a_url_is_not_quoted() {
        let key = "live_8k2p-Zq4r-77xy-secretkey";
        let core = showcall_core::rtmp::check_url(
            "destination.serverUrl",
            &format!("rtmp://a.rtmp.youtube.com/live2/{key}"),
        )
        .unwrap_err();
        let e = Error::from(core);
        for lang in [Lang::En, FR] {
            assert!(!e.message(lang).contains(key), "{}", e.message(lang));
            assert!(!e.payload(lang).message.contains(key));
        }
    }
}
