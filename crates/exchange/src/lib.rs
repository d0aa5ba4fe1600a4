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

#![cfg_attr(not(test), deny(clippy::unwrap_used))]

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

/// Opens and verifies the package at `path` (attached files unpacked into a staging folder
/// beside the database, see [`staging_root`], under the default limits) and says what
/// importing it into `store` would do. Nothing is written to the event or to the files folder:
/// the attached files move there only when [`import::apply`] commits, and the staging folder
/// goes when the returned package is dropped.
pub fn open_for_import(
    store: &showcall_core::Store,
    path: &std::path::Path,
) -> Result<(read::Opened, showcall_core::handoff::ImportPlan)> {
    open_for_import_with(store, path, &showcall_core::job::Job::none())
}

/// [`open_for_import`], reporting its progress to `job` and stopping when it is cancelled
/// (see [`read::open_with`]): the staging folder goes, and nothing was written anywhere else.
pub fn open_for_import_with(
    store: &showcall_core::Store,
    path: &std::path::Path,
    job: &showcall_core::job::Job,
) -> Result<(read::Opened, showcall_core::handoff::ImportPlan)> {
    let staging = staging_root(store);
    let opened = read::open_with(path, staging.as_deref(), &read::Limits::default(), job)?;
    let plan = import::plan(store, &opened)?;
    // Dropping the package removes its staging folder.
    job.check()?;
    Ok((opened, plan))
}

/// Where the files attached to events are kept: `files/` beside the database.
pub fn files_dir(store: &showcall_core::store::Store) -> Option<std::path::PathBuf> {
    store.path().map(showcall_core::paths::files_dir)
}

/// Where a package being imported stages its attached files: the database's folder (a fresh
/// `.staging-<uuid>/` in it), outside `files/` but on the same disk, so that applying the import
/// only renames them into place.
pub fn staging_root(store: &showcall_core::store::Store) -> Option<std::path::PathBuf> {
    store.path().map(|db| {
        db.parent()
            .unwrap_or(std::path::Path::new("."))
            .to_path_buf()
    })
}

/// How the staging folders of packages being imported are named: `.staging-<uuid>`.
pub const STAGING_PREFIX: &str = ".staging-";

/// A staging folder younger than this may be another window's or process's package, opened and
/// waiting for the user's go: [`sweep_staging`] leaves it.
pub const STAGING_MIN_AGE: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Removes the staging folders a crash left behind (`.staging-*` beside the database `db`, and
/// in its `files/` where an older caller staged), once untouched for [`STAGING_MIN_AGE`].
/// Returns how many were removed. The app runs it at start-up, beside
/// `showcall_core::store::sweep`.
pub fn sweep_staging(db: &std::path::Path) -> usize {
    sweep_staging_older_than(db, STAGING_MIN_AGE)
}

fn sweep_staging_older_than(db: &std::path::Path, min_age: std::time::Duration) -> usize {
    let now = std::time::SystemTime::now();
    let data = db.parent().unwrap_or(std::path::Path::new("."));
    let mut n = 0;
    for dir in [data.to_path_buf(), showcall_core::paths::files_dir(db)] {
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in list.flatten() {
            if !e.file_name().to_string_lossy().starts_with(STAGING_PREFIX) {
                continue;
            }
            let path = e.path();
            // Never followed: a link is removed as a link.
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            // A folder's time does not change while a file in it is written: the latest of the
            // folder and what it holds.
            let mut last = meta.modified().ok();
            if meta.is_dir() {
                for f in std::fs::read_dir(&path).into_iter().flatten().flatten() {
                    let t = f.metadata().and_then(|m| m.modified()).ok();
                    last = last.max(t);
                }
            }
            let old = last.is_some_and(|t| now.duration_since(t).is_ok_and(|age| age >= min_age));
            if !old {
                continue;
            }
            let removed = if meta.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            if removed.is_ok() {
                n += 1;
            }
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::unsafe_name;

    #[test]
    fn the_staging_sweep_removes_old_leftovers_only() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("showcall.db");
        let files = showcall_core::paths::files_dir(&db);
        std::fs::create_dir_all(&files).unwrap();
        let left = dir.path().join(".staging-crashed");
        std::fs::create_dir(&left).unwrap();
        std::fs::write(left.join("ab12"), b"half").unwrap();
        std::fs::create_dir(files.join(".staging-older-caller")).unwrap();
        std::fs::write(dir.path().join("keep.txt"), b"mine").unwrap();
        // Everything is fresh: another window's package may be waiting for its go.
        assert_eq!(super::sweep_staging(&db), 0);
        assert!(left.exists());
        std::thread::sleep(std::time::Duration::from_millis(20));
        let n = super::sweep_staging_older_than(&db, std::time::Duration::from_millis(10));
        assert_eq!(n, 2);
        assert!(!left.exists());
        assert!(!files.join(".staging-older-caller").exists());
        assert!(dir.path().join("keep.txt").exists());
        assert!(files.exists());
    }

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
