//! Handoff packages: how the analyst and the customer's event leads exchange an event, and how
//! the analyst hands everything over after the event.
//!
//! A package (`.showcall`) is a zip holding `manifest.json` (format version, who made it, the
//! SHA-256 and size of every other file), `event.json` (the event data, versioned), attached
//! files under `files/<sha256>`, human-readable companions (run of show, calendar, destinations
//! sheet) and, only when asked for, `secrets/stream-keys.json`. The format is documented in
//! `docs/package.md`.
//!
//! Import verifies the whole package — names, sizes, hashes, versions, the data's shape and
//! rules — before anything is written; then [`import::plan`] says what the package would
//! change and [`import::apply`] writes the result in one transaction after a backup.

mod error;
pub mod import;
pub mod read;
mod space;
pub mod write;

pub use error::{Error, NameProblem, Text, VersionOf};

use serde::{Deserialize, Serialize};

/// What `manifest.json` says a package is.
pub const FORMAT: &str = "showcall-package";
/// The newest package format this build writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// The newest shape of `event.json` this build writes and reads.
pub const DATA_VERSION: u32 = 1;

pub const MANIFEST: &str = "manifest.json";
pub const EVENT_DATA: &str = "event.json";
pub const STREAM_KEYS: &str = "secrets/stream-keys.json";

pub use showcall_core::handoff::MadeBy;

/// What a file in a package is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FileRole {
    /// `event.json`.
    Data,
    /// A file attached to the event (branding asset…), named by its SHA-256.
    Asset,
    /// A human-readable copy (run of show, calendar, sheets): never read back.
    Companion,
    /// Stream keys, present only when explicitly included.
    Secret,
}

/// One file listed in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct FileEntry {
    pub path: String,
    /// Lower-case hex.
    pub sha256: String,
    pub size: u64,
    pub role: FileRole,
}

/// `manifest.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    pub format: String,
    pub format_version: u32,
    pub app_version: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub created_by: MadeBy,
    pub event_id: String,
    pub event_name: String,
    pub stream_keys_included: bool,
    pub files: Vec<FileEntry>,
}

/// `event.json`: the event data with the version of its shape.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DataFile {
    pub data_version: u32,
    pub event: showcall_core::model::EventData,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Lower-case hex SHA-256 of a finished hasher.
pub(crate) fn hex(h: sha2::Sha256) -> String {
    use sha2::Digest;
    h.finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<String>()
}

/// Why a name may not be written to disk from a package, if it may not. Names are relative,
/// `/`-separated, without `.`/`..` parts, drive letters, backslashes or control characters.
pub fn unsafe_name(name: &str) -> Option<NameProblem> {
    if name.is_empty() {
        return Some(NameProblem::Empty);
    }
    if name.starts_with('/') || name.starts_with('\\') {
        return Some(NameProblem::Absolute);
    }
    if name.contains('\\') {
        return Some(NameProblem::Backslash);
    }
    if name.len() >= 2 && name.as_bytes()[1] == b':' {
        return Some(NameProblem::DriveLetter);
    }
    if name.chars().any(char::is_control) {
        return Some(NameProblem::ControlCharacter);
    }
    if name.split('/').any(|p| p == ".." || p == ".") {
        return Some(NameProblem::DotPart);
    }
    if name.split('/').any(str::is_empty) {
        return Some(NameProblem::EmptyPart);
    }
    None
}

/// Opens and verifies the package at `path` (files unpacked beside the database's own, under
/// the default limits) and says what importing it into `store` would do. Nothing is written to
/// the event.
pub fn open_for_import(
    store: &showcall_core::Store,
    path: &std::path::Path,
) -> Result<(read::Opened, showcall_core::handoff::ImportPlan)> {
    let staging = files_dir(store);
    if let Some(dir) = &staging {
        std::fs::create_dir_all(dir).map_err(io(dir))?;
    }
    let opened = read::open(path, staging.as_deref(), &read::Limits::default())?;
    let plan = import::plan(store, &opened)?;
    Ok((opened, plan))
}

/// Where the files attached to events are kept: `files/` beside the database.
pub fn files_dir(store: &showcall_core::store::Store) -> Option<std::path::PathBuf> {
    store.path().map(showcall_core::paths::files_dir)
}

#[cfg(test)]
mod tests {
    use super::unsafe_name;

    #[test]
    fn names_that_could_escape_are_refused() {
        for bad in [
            "../../x",
            "a/../../x",
            "/etc/passwd",
            "C:/x",
            "a\\..\\x",
            "./x",
            "a//b",
            "",
        ] {
            assert!(unsafe_name(bad).is_some(), "{bad:?} accepted");
        }
        for good in ["manifest.json", "files/ab12", "run-of-show.pdf", "a..b/c"] {
            assert_eq!(unsafe_name(good), None, "{good:?} refused");
        }
    }
}
