//! One Showcall per database, and packages opened from outside the window.
//!
//! Launching Showcall again on the same database (from the menu, or by opening a `.showcall`
//! package in the file manager) does not start a second process writing the same file: the
//! running app comes to the front and is handed the package, whose import preview it shows.
//! The instance is keyed by the database, not by the app alone, so two Showcalls on two
//! databases (the end-to-end tests run several at once on one D-Bus session) stay apart.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tauri::{AppHandle, Emitter, Manager, Runtime};

/// Emitted to the main window when a package waits to be opened (the window then takes it).
pub const OPEN_REQUESTED: &str = "open-requested";

/// The package handed to the app (on its command line or by a second launch) that the window
/// has not taken yet.
#[derive(Default)]
pub struct OpenRequests(Mutex<Option<PathBuf>>);

impl OpenRequests {
    pub fn put(&self, path: PathBuf) {
        if let Ok(mut p) = self.0.lock() {
            *p = Some(path);
        }
    }

    /// The waiting package, once.
    pub fn take(&self) -> Option<PathBuf> {
        self.0.lock().ok().and_then(|mut p| p.take())
    }
}

/// The file named on a command line (`showcall-app [--db PATH] [FILE]`, as the desktop entry's
/// `%f` gives it), made absolute against the directory it was launched from. Options and their
/// values are skipped; the first word is the program.
pub fn file_arg(argv: &[String], cwd: &Path) -> Option<PathBuf> {
    let mut words = argv.iter().skip(1);
    while let Some(w) = words.next() {
        if w == "--db" {
            words.next();
            continue;
        }
        if w.starts_with('-') || w.is_empty() {
            continue;
        }
        // A file manager may hand a file:// URI instead of a path.
        let path = w
            .strip_prefix("file://")
            .map(percent_decoded)
            .unwrap_or_else(|| w.clone());
        let path = PathBuf::from(path);
        return Some(if path.is_absolute() {
            path
        } else {
            cwd.join(path)
        });
    }
    None
}

/// `%XX` escapes of a file URI's path decoded (invalid ones kept as they are).
fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The D-Bus name prefix that makes the instance one per database: the app's identifier and a
/// stable hash (FNV-1a, the same from one build to the next) of the database's absolute path.
pub fn instance_id(identifier: &str, db: &Path) -> String {
    let absolute = if db.is_absolute() {
        db.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(db)
    };
    // The same file reached through a link, or `..`, is the same database.
    let absolute = match (absolute.parent(), absolute.file_name()) {
        (Some(dir), Some(name)) => dir
            .canonicalize()
            .map(|d| d.join(name))
            .unwrap_or(absolute.clone()),
        _ => absolute,
    };
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in absolute.as_os_str().as_encoded_bytes() {
        hash ^= u64::from(*b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{identifier}.db{hash:016x}")
}

/// A second launch on this database: the main window comes to the front (even from the tray)
/// and, when a file was named, is asked to show its import preview.
pub fn handed_over<R: Runtime>(app: &AppHandle<R>, argv: Vec<String>, cwd: String) {
    let file = file_arg(&argv, Path::new(&cwd));
    log::info!(
        "Showcall was launched again on this database{}",
        if file.is_some() {
            " with a file to open"
        } else {
            ""
        }
    );
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
    if let Some(path) = file {
        app.state::<OpenRequests>().put(path);
        let _ = app.emit_to("main", OPEN_REQUESTED, ());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn the_file_is_the_first_word_that_is_not_an_option() {
        let cwd = Path::new("/home/ana/Downloads");
        assert_eq!(file_arg(&argv(&["showcall-app"]), cwd), None);
        assert_eq!(
            file_arg(&argv(&["showcall-app", "--db", "/tmp/x.db"]), cwd),
            None,
            "the database is not a file to open"
        );
        assert_eq!(
            file_arg(
                &argv(&["showcall-app", "--db", "x.db", "gala.showcall"]),
                cwd
            ),
            Some(PathBuf::from("/home/ana/Downloads/gala.showcall"))
        );
        assert_eq!(
            file_arg(
                &argv(&["/usr/bin/showcall-app", "/srv/p/gala.showcall"]),
                cwd
            ),
            Some(PathBuf::from("/srv/p/gala.showcall"))
        );
        assert_eq!(
            file_arg(
                &argv(&["showcall-app", "file:///srv/Gala%20d%C3%A9but.showcall"]),
                cwd
            ),
            Some(PathBuf::from("/srv/Gala début.showcall"))
        );
    }

    #[test]
    fn bad_escapes_in_a_uri_are_kept() {
        assert_eq!(percent_decoded("/a%2"), "/a%2");
        assert_eq!(percent_decoded("/a%zz"), "/a%zz");
        assert_eq!(percent_decoded("/a%41"), "/aA");
    }

    #[test]
    fn one_instance_per_database() {
        let dir = tempfile::tempdir().unwrap();
        let a = instance_id("ca.showcall.desktop", &dir.path().join("showcall.db"));
        let again = instance_id(
            "ca.showcall.desktop",
            &dir.path().join(".").join("showcall.db"),
        );
        let b = instance_id("ca.showcall.desktop", &dir.path().join("other.db"));
        assert_eq!(a, again);
        assert_ne!(a, b);
        // A valid D-Bus name: elements of letters, digits and _, none starting with a digit.
        assert!(a.starts_with("ca.showcall.desktop.db"));
        assert!(a.split('.').all(|e| !e.is_empty()
            && !e.starts_with(|c: char| c.is_ascii_digit())
            && e.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')));
    }
}
