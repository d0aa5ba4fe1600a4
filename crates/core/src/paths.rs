//! Where things live on disk: the app's identifier, the default database, and beside it the
//! folders of attached files (`files/<aa>/<sha256>`) and video stills (`thumbs/`).

use std::path::{Path, PathBuf};

/// The app's identifier (as in tauri.conf.json): its data lives in `<data dir>/<IDENTIFIER>`.
pub const IDENTIFIER: &str = "ca.showcall.desktop";

/// The database the app and the CLI use by default: `$SHOWCALL_DB` if set, otherwise
/// `showcall.db` in the OS app-data dir (`~/.local/share/ca.showcall.desktop/` on Linux).
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os("SHOWCALL_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join(IDENTIFIER)
        .join("showcall.db")
}

/// Where attached files are kept: `files/` beside the database.
pub fn files_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("files")
}

/// Where an attached file with this SHA-256 is kept: `files/<first two hex digits>/<sha256>`
/// (the layout handoff packages unpack into too).
pub fn blob_path(files_dir: &Path, sha256: &str) -> PathBuf {
    files_dir.join(&sha256[..2.min(sha256.len())]).join(sha256)
}

/// Where video stills are kept: `thumbs/` beside the database.
pub fn thumbs_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("thumbs")
}

/// Whether `s` is a SHA-256 in lowercase hex (the only names served from the files folder).
pub fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}
