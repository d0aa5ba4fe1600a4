//! Where things live on disk: the app's identifier, the default database, and beside it the
//! folders of attached files (`files/<aa>/<sha256>`) and video stills (`thumbs/`).

use crate::error::{Error, Invalid, Result};
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

/// The folders beside the database that hold Showcall's own data.
const APP_FOLDERS: [&str; 3] = ["files", "thumbs", "backups"];

/// Whether writing `name` into `folder` (resolved) would touch the data of the database `db`:
/// anywhere in the app's own data folder (the OS app-data dir); beside a database kept
/// elsewhere (`--db`), the database file and its companions (`showcall.db-wal`, `.secret`,
/// `.v3.bak`…) and the app's folders (files/, thumbs/, backups/, staging folders).
fn writes_app_data(folder: &Path, name: &str, db: &Path) -> bool {
    let canon = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
    let data = canon(db.parent().unwrap_or(Path::new(".")));
    let app_dir = dirs::data_dir().map(|d| canon(&d.join(IDENTIFIER)));
    if app_dir.is_some_and(|a| folder.starts_with(&a) && data.starts_with(&a)) {
        return true;
    }
    let db_name = db.file_name().map(|n| n.to_string_lossy().into_owned());
    if folder == data && db_name.is_some_and(|d| name.starts_with(&d)) {
        return true;
    }
    folder.strip_prefix(&data).is_ok_and(|rel| {
        rel.components().next().is_some_and(|c| {
            let c = c.as_os_str().to_string_lossy();
            APP_FOLDERS.contains(&c.as_ref()) || c.starts_with(".staging-")
        })
    })
}

/// Checks a path a file is to be attached from (chosen in the window's file dialog or typed in
/// its field) and returns it resolved (links and `..` followed). Refused, naming the field
/// `brandItem.file`: a relative path; a hidden file (a name starting with `.`, also behind a
/// link); Showcall's own data (see
/// `writes_app_data`: its database, keys, attached files and backups). A path that does not
/// exist is answered as it is (the file checks say it cannot be read).
pub fn attach_source(path: &Path, db: &Path) -> Result<PathBuf> {
    let shown = path.display().to_string();
    let refuse = |en: String, fr: String| Error::invalid("brandItem.file", Invalid::Say { en, fr });
    if !path.is_absolute() {
        return Err(refuse(
            format!("“{shown}” is not a full path (it must start at the root of a drive)"),
            format!(
                "« {shown} » n’est pas un chemin complet (il doit partir de la racine d’un disque)"
            ),
        ));
    }
    let Ok(real) = std::fs::canonicalize(path) else {
        return Ok(path.to_path_buf());
    };
    let name = real
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if name.starts_with('.') {
        return Err(refuse(
            format!(
                "“{name}” starts with a dot: Showcall does not attach hidden files; copy it under \
                 a visible name first"
            ),
            format!(
                "« {name} » commence par un point : Showcall ne joint pas de fichiers cachés ; \
                 copiez-le d’abord sous un nom visible"
            ),
        ));
    }
    let folder = real.parent().unwrap_or(Path::new("/"));
    if writes_app_data(folder, &name, db) {
        let d = db.parent().unwrap_or(Path::new("")).display();
        return Err(refuse(
            format!(
                "“{shown}” is one of Showcall’s own files ({d}): attach the file as the customer \
                 delivered it"
            ),
            format!(
                "« {shown} » est un des fichiers de Showcall ({d}) : joignez le fichier tel que \
                 le client l’a livré"
            ),
        ));
    }
    Ok(real)
}

/// Checks a path an export is to be written to (a package, a run of show, a report), chosen in
/// the window or on the command line, and returns it with its folder resolved (links and `..`
/// followed). Refused, naming the field `export.path`: a relative path; a path without a file
/// name, or whose name starts with `.` (no hidden files, no dotfiles overwritten); a folder that
/// does not exist; Showcall's own data when `db` is given (see `writes_app_data`: the whole
/// app-data folder, or beside a database kept elsewhere its file, companions and folders); an
/// existing path that is not a regular file (a folder, a device, a pipe, or a link
/// to one). Nothing is written.
pub fn export_target(path: &Path, db: Option<&Path>) -> Result<PathBuf> {
    let shown = path.display().to_string();
    let refuse = |en: String, fr: String| Error::invalid("export.path", Invalid::Say { en, fr });
    if !path.is_absolute() {
        return Err(refuse(
            format!("“{shown}” is not a full path (it must start at the root of a drive)"),
            format!(
                "« {shown} » n’est pas un chemin complet (il doit partir de la racine d’un disque)"
            ),
        ));
    }
    let Some(name) = path.file_name().filter(|_| !ends_in_dots(path)) else {
        return Err(refuse(
            format!("“{shown}” does not end with a file name"),
            format!("« {shown} » ne se termine pas par un nom de fichier"),
        ));
    };
    let name_text = name.to_string_lossy();
    if name_text.starts_with('.') {
        return Err(refuse(
            format!("“{name_text}” starts with a dot: Showcall does not write hidden files"),
            format!(
                "« {name_text} » commence par un point : Showcall n’écrit pas de fichiers cachés"
            ),
        ));
    }
    let parent = path.parent().unwrap_or(Path::new(""));
    let folder = match std::fs::canonicalize(parent) {
        Ok(f) if f.is_dir() => f,
        _ => {
            let p = parent.display();
            return Err(refuse(
                format!("the folder “{p}” does not exist"),
                format!("le dossier « {p} » n’existe pas"),
            ));
        }
    };
    if let Some(db) = db {
        if writes_app_data(&folder, &name_text, db) {
            let d = db.parent().unwrap_or(Path::new("")).display();
            return Err(refuse(
                format!(
                    "“{shown}” is in Showcall’s data folder ({d}) and would touch its own files: \
                     choose another folder or name, such as Documents"
                ),
                format!(
                    "« {shown} » est dans le dossier de données de Showcall ({d}) et toucherait \
                     ses propres fichiers : choisissez un autre dossier ou un autre nom, comme \
                     Documents"
                ),
            ));
        }
    }
    let target = folder.join(name);
    // Followed: a link to a folder or a device is refused like the folder or device itself.
    if let Ok(meta) = std::fs::metadata(&target) {
        if !meta.is_file() {
            let what = if meta.is_dir() {
                ["a folder", "un dossier"]
            } else {
                ["not an ordinary file", "pas un fichier ordinaire"]
            };
            return Err(refuse(
                format!(
                    "“{shown}” is {} and cannot be replaced by an export",
                    what[0]
                ),
                format!(
                    "« {shown} » est {} et ne peut pas être remplacé par une exportation",
                    what[1]
                ),
            ));
        }
    } else if std::fs::symlink_metadata(&target).is_ok() {
        return Err(refuse(
            format!("“{shown}” is a link to nothing and cannot be replaced by an export"),
            format!(
                "« {shown} » est un lien vers rien et ne peut pas être remplacé par une exportation"
            ),
        ));
    }
    Ok(target)
}

/// Whether `path` ends with a separator, `.` or `..` (which [`Path::file_name`] skips or hides).
fn ends_in_dots(path: &Path) -> bool {
    let s = path.as_os_str().to_string_lossy();
    let last = s
        .rsplit(['/', std::path::MAIN_SEPARATOR])
        .next()
        .unwrap_or("");
    matches!(last, "" | "." | "..")
}

#[cfg(test)]
mod tests {
    use super::{attach_source, export_target};
    use crate::i18n::Lang;
    use std::path::Path;

    /// The refusal's field and its English and French words.
    fn refused(path: &Path, db: Option<&Path>) -> (String, String, String) {
        let e = export_target(path, db).expect_err("refused");
        let field = match &e {
            crate::Error::InvalidInput { field, .. } => field.clone(),
            other => panic!("not an input error: {other:?}"),
        };
        (field, e.message(Lang::En), e.message(Lang::FrCa))
    }

    fn data_folder() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("data").join("showcall.db");
        std::fs::create_dir_all(db.parent().unwrap()).unwrap();
        (dir, db)
    }

    #[test]
    fn export_to_an_ordinary_path_is_allowed() {
        let (dir, db) = data_folder();
        let out = dir.path().join("event.showcall");
        let got = export_target(&out, Some(&db)).unwrap();
        assert_eq!(
            got,
            dir.path().canonicalize().unwrap().join("event.showcall")
        );
        // An existing regular file may be replaced.
        std::fs::write(&out, b"old").unwrap();
        assert!(export_target(&out, Some(&db)).is_ok());
        assert!(export_target(&out, None).is_ok());
    }

    #[test]
    fn export_to_a_relative_path_is_refused() {
        let (field, en, fr) = refused(Path::new("event.showcall"), None);
        assert_eq!(field, "export.path");
        assert!(en.contains("not a full path"), "{en}");
        assert!(fr.contains("pas un chemin complet"), "{fr}");
    }

    #[test]
    fn export_inside_the_data_folder_is_refused() {
        let (_dir, db) = data_folder();
        let data = db.parent().unwrap();
        std::fs::create_dir_all(data.join("files").join("ab")).unwrap();
        for p in [
            data.join("showcall.db"),
            data.join("showcall.db.secret"),
            data.join("files").join("ab").join("x"),
            // Through `..`, still the database's companion.
            data.join("files").join("..").join("showcall.db-wal"),
        ] {
            let (field, en, fr) = refused(&p, Some(&db));
            assert_eq!(field, "export.path");
            assert!(en.contains("data folder"), "{en}");
            assert!(fr.contains("dossier de données"), "{fr}");
        }
        // Beside a database kept in a folder of the user's (`--db`), another file is theirs.
        assert!(export_target(&data.join("copy.showcall"), Some(&db)).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn export_through_a_link_into_the_data_folder_is_refused() {
        let (dir, db) = data_folder();
        let link = dir.path().join("innocent");
        std::os::unix::fs::symlink(db.parent().unwrap(), &link).unwrap();
        let (_, en, _) = refused(&link.join("showcall.db"), Some(&db));
        assert!(en.contains("data folder"), "{en}");
    }

    #[test]
    fn export_to_a_dotfile_is_refused() {
        let (dir, db) = data_folder();
        let (field, en, fr) = refused(&dir.path().join(".bashrc"), Some(&db));
        assert_eq!(field, "export.path");
        assert!(en.contains("“.bashrc” starts with a dot"), "{en}");
        assert!(fr.contains("commence par un point"), "{fr}");
        for p in ["..", ".", ""] {
            let (_, en, _) = refused(&dir.path().join("x").join(p), None);
            assert!(en.contains("does not end with a file name"), "{p:?}: {en}");
        }
    }

    #[test]
    fn export_into_a_missing_folder_is_refused() {
        let (dir, db) = data_folder();
        let out = dir.path().join("nowhere").join("event.showcall");
        let (field, en, fr) = refused(&out, Some(&db));
        assert_eq!(field, "export.path");
        assert!(en.contains("does not exist"), "{en}");
        assert!(fr.contains("n’existe pas"), "{fr}");
        assert!(!dir.path().join("nowhere").exists());
    }

    #[test]
    fn export_over_something_not_a_regular_file_is_refused() {
        let (dir, db) = data_folder();
        let folder = dir.path().join("a-folder.showcall");
        std::fs::create_dir(&folder).unwrap();
        let (field, en, fr) = refused(&folder, Some(&db));
        assert_eq!(field, "export.path");
        assert!(en.contains("is a folder"), "{en}");
        assert!(fr.contains("est un dossier"), "{fr}");
        #[cfg(unix)]
        {
            let (_, en, _) = refused(Path::new("/dev/null"), Some(&db));
            assert!(en.contains("not an ordinary file"), "{en}");
            let to_folder = dir.path().join("link-to-folder");
            std::os::unix::fs::symlink(&folder, &to_folder).unwrap();
            let (_, en, _) = refused(&to_folder, Some(&db));
            assert!(en.contains("is a folder"), "{en}");
            let to_device = dir.path().join("link-to-device");
            std::os::unix::fs::symlink("/dev/null", &to_device).unwrap();
            let (_, en, _) = refused(&to_device, Some(&db));
            assert!(en.contains("not an ordinary file"), "{en}");
            let dangling = dir.path().join("dangling");
            std::os::unix::fs::symlink(dir.path().join("gone"), &dangling).unwrap();
            let (_, en, _) = refused(&dangling, Some(&db));
            assert!(en.contains("link to nothing"), "{en}");
        }
    }

    fn attach_refused(path: &Path, db: &Path) -> (String, String, String) {
        let e = attach_source(path, db).expect_err("refused");
        let field = match &e {
            crate::Error::InvalidInput { field, .. } => field.clone(),
            other => panic!("not an input error: {other:?}"),
        };
        (field, e.message(Lang::En), e.message(Lang::FrCa))
    }

    #[test]
    fn attaching_an_ordinary_file_is_allowed_and_a_missing_one_left_to_the_checks() {
        let (dir, db) = data_folder();
        let logo = dir.path().join("logo.png");
        std::fs::write(&logo, b"png").unwrap();
        assert_eq!(
            attach_source(&logo, &db).unwrap(),
            std::fs::canonicalize(&logo).unwrap()
        );
        // Beside a database kept in a folder of the user's, another file is theirs.
        let beside = db.parent().unwrap().join("banner.png");
        std::fs::write(&beside, b"png").unwrap();
        assert!(attach_source(&beside, &db).is_ok());
        let gone = dir.path().join("gone.png");
        assert_eq!(attach_source(&gone, &db).unwrap(), gone);
    }

    #[test]
    fn attaching_a_relative_path_a_hidden_file_or_showcalls_own_files_is_refused() {
        let (dir, db) = data_folder();
        let data = db.parent().unwrap();
        let (field, en, fr) = attach_refused(Path::new("logo.png"), &db);
        assert_eq!(field, "brandItem.file");
        assert!(en.contains("not a full path"), "{en}");
        assert!(fr.contains("chemin complet"), "{fr}");

        let hidden = dir.path().join(".env");
        std::fs::write(&hidden, b"SECRET=1").unwrap();
        let (field, en, fr) = attach_refused(&hidden, &db);
        assert_eq!(field, "brandItem.file");
        assert!(en.contains("“.env” starts with a dot"), "{en}");
        assert!(fr.contains("« .env » commence par un point"), "{fr}");

        std::fs::write(&db, b"db").unwrap();
        std::fs::write(data.join("showcall.db.secret"), b"key").unwrap();
        std::fs::create_dir_all(data.join("files").join("ab")).unwrap();
        std::fs::write(data.join("files").join("ab").join("abcd"), b"blob").unwrap();
        for p in [
            db.clone(),
            data.join("showcall.db.secret"),
            data.join("files").join("ab").join("abcd"),
            data.join("files").join("..").join("showcall.db"),
        ] {
            let (field, en, fr) = attach_refused(&p, &db);
            assert_eq!(field, "brandItem.file");
            assert!(en.contains("one of Showcall’s own files"), "{p:?}: {en}");
            assert!(fr.contains("un des fichiers de Showcall"), "{fr}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn attaching_through_a_link_is_judged_by_what_it_points_to() {
        let (dir, db) = data_folder();
        std::fs::write(&db, b"db").unwrap();
        let dot = dir.path().join(".netrc");
        std::fs::write(&dot, b"machine x password y").unwrap();
        let innocent = dir.path().join("logo.png");
        std::os::unix::fs::symlink(&dot, &innocent).unwrap();
        let (_, en, _) = attach_refused(&innocent, &db);
        assert!(en.contains("starts with a dot"), "{en}");
        let to_db = dir.path().join("banner.png");
        std::os::unix::fs::symlink(&db, &to_db).unwrap();
        let (_, en, _) = attach_refused(&to_db, &db);
        assert!(en.contains("one of Showcall’s own files"), "{en}");
    }
}
