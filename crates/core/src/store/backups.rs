//! The backups the user sees and puts back (Settings → Backups). Showcall copies its database
//! beside itself before each migration (`showcall.db.v<N>.bak`), and into `backups/` beside it
//! before each package import, on "Back up now", once a day and before each restore
//! (`<stem>-<YYYYMMDD-HHMMSS.mmm>-<kind>.db`, the time in UTC). [`list`] names them with what
//! they hold, read through SQLite's `immutable` mode (nothing is written to a backup, not even a
//! lock or a `-wal`); [`Store::restore`] puts one back in one step or not at all, after backing
//! up what it replaces. Only a file [`list`] finds can be restored: the window names it by its
//! file name, never by a path.

use super::{upgrade, Store, MIGRATIONS, SCHEMA_VERSION};
use crate::error::{Error, Invalid, Result};
use crate::i18n::Lang;
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use rusqlite::backup::{Backup as SqlBackup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use std::path::{Path, PathBuf};
use ts_rs::TS;

/// How many daily backups are kept (the oldest go; backups of other kinds are never pruned).
pub const DAILY_KEPT: usize = 7;

/// Why a backup was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// Before a migration of the schema (`<db>.v<N>.bak` beside the database).
    Migration,
    /// Before a handoff package was imported.
    BeforeImport,
    /// "Back up now".
    Manual,
    /// The first start (or write) of a calendar day.
    Daily,
    /// Before another backup was restored.
    BeforeRestore,
}

impl BackupKind {
    /// The kinds written into `backups/`, with the end of their file names.
    const IN_FOLDER: [(BackupKind, &'static str); 4] = [
        (BackupKind::BeforeImport, "before-import"),
        (BackupKind::Manual, "manual"),
        (BackupKind::Daily, "daily"),
        (BackupKind::BeforeRestore, "before-restore"),
    ];

    fn suffix(self) -> &'static str {
        Self::IN_FOLDER
            .iter()
            .find(|(k, _)| *k == self)
            .map_or("migration", |(_, s)| s)
    }
}

/// One backup as the Backups list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Backup {
    /// Its file name: what the window gives back to restore it (never a path).
    pub id: String,
    pub kind: BackupKind,
    /// When it was made: from its name, or for a migration's copy the file's modification time.
    pub at: DateTime<Utc>,
    #[ts(type = "number")]
    pub bytes: u64,
    /// The schema version it holds (0 when it cannot be read).
    #[ts(type = "number")]
    pub schema_version: i64,
    /// The names of the events it holds, in alphabetical order.
    pub events: Vec<String>,
    /// Why it cannot be restored (not a Showcall database, made by a newer Showcall), in the
    /// language asked for; `None` when it can.
    pub problem: Option<String>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Restored {
    /// The backup put back.
    pub from: Backup,
    /// The copy of the data it replaced, taken just before.
    pub saved: Backup,
}

/// A backup file found on disk, before it is opened.
#[derive(Debug, Clone)]
struct Found {
    id: String,
    path: PathBuf,
    kind: BackupKind,
    at: DateTime<Utc>,
    bytes: u64,
}

/// The folder backups are written to: `backups/` beside the database.
pub fn folder(db: &Path) -> PathBuf {
    db.with_file_name("backups")
}

/// The database's file stem (`showcall` for `showcall.db`): the start of its backups' names.
fn stem(db: &Path) -> String {
    db.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "showcall".into())
}

/// The name of a backup of `db` of this kind made at `at`.
fn name_for(db: &Path, kind: BackupKind, at: DateTime<Utc>) -> String {
    format!(
        "{}-{}-{}.db",
        stem(db),
        at.format("%Y%m%d-%H%M%S%.3f"),
        kind.suffix()
    )
}

/// The kind and time of a backup in `backups/` named `name`, if it is one of `db`'s.
fn parse_name(db: &Path, name: &str) -> Option<(BackupKind, DateTime<Utc>)> {
    let rest = name
        .strip_prefix(&format!("{}-", stem(db)))?
        .strip_suffix(".db")?;
    BackupKind::IN_FOLDER.iter().find_map(|(kind, suffix)| {
        let stamp = rest.strip_suffix(suffix)?.strip_suffix('-')?;
        let at = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S%.f").ok()?;
        Some((*kind, at.and_utc()))
    })
}

/// The schema version a migration's copy named `name` was taken at, if it is one of `db`'s.
fn migration_version(db: &Path, name: &str) -> Option<i64> {
    let db_name = db.file_name()?.to_string_lossy().into_owned();
    let v = name
        .strip_prefix(&format!("{db_name}.v"))?
        .strip_suffix(".bak")?;
    v.bytes()
        .all(|b| b.is_ascii_digit())
        .then(|| v.parse().ok())
        .flatten()
}

/// The regular files (not links) of `dir`, with their metadata; none when it does not exist.
fn files_in(dir: &Path) -> Vec<(String, PathBuf, std::fs::Metadata)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            let name = e.file_name().into_string().ok()?;
            Some((name, e.path(), meta))
        })
        .collect()
}

/// Every backup of `db` on disk, newest first, without opening them.
fn found(db: &Path) -> Vec<Found> {
    let mut out: Vec<Found> = files_in(&folder(db))
        .into_iter()
        .filter_map(|(name, path, meta)| {
            let (kind, at) = parse_name(db, &name)?;
            Some(Found {
                id: name,
                path,
                kind,
                at,
                bytes: meta.len(),
            })
        })
        .collect();
    let beside = db.parent().unwrap_or(Path::new("."));
    let beside = if beside.as_os_str().is_empty() {
        Path::new(".")
    } else {
        beside
    };
    out.extend(
        files_in(beside)
            .into_iter()
            .filter_map(|(name, path, meta)| {
                migration_version(db, &name)?;
                let at = meta.modified().map(DateTime::<Utc>::from).ok()?;
                Some(Found {
                    id: name,
                    path,
                    kind: BackupKind::Migration,
                    at,
                    bytes: meta.len(),
                })
            }),
    );
    out.sort_by(|a, b| b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id)));
    out
}

/// Every backup of the database `db`, newest first, with the events each holds. A backup that
/// cannot be read is listed with its `problem` (in `lang`). Nothing is written to any of them.
pub fn list(db: &Path, lang: Lang) -> Vec<Backup> {
    found(db)
        .into_iter()
        .map(|f| match peek(&f) {
            Ok((schema_version, events)) => describe(f, schema_version, events, None),
            Err(e) => describe(f, 0, Vec::new(), Some(e.message(lang))),
        })
        .collect()
}

fn describe(f: Found, schema_version: i64, events: Vec<String>, problem: Option<String>) -> Backup {
    Backup {
        id: f.id,
        kind: f.kind,
        at: f.at,
        bytes: f.bytes,
        schema_version,
        events,
        problem,
    }
}

/// A `file:` URI for `path` (SQLite decodes `%HH`; `?` and `#` would end the path).
fn uri(path: &Path) -> String {
    let mut p = path.to_string_lossy().replace('\\', "/");
    if !p.starts_with('/') {
        p.insert(0, '/');
    }
    let mut out = String::from("file:");
    for c in p.chars() {
        match c {
            '%' | '?' | '#' => out.push_str(&format!("%{:02X}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// Opens a backup to read it, in SQLite's `immutable` mode: no lock, no journal, no `-wal` or
/// `-shm` beside it, nothing written.
fn open_read_only(path: &Path) -> rusqlite::Result<Connection> {
    Connection::open_with_flags(
        format!("{}?immutable=1", uri(path)),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
}

/// The refusal of a backup, naming its file, in both languages.
fn refuse(en: String, fr: String) -> Error {
    Error::invalid("file", Invalid::Say { en, fr })
}

fn not_showcall(name: &str) -> Error {
    refuse(
        format!("“{name}” is not a Showcall database (damaged, or another program’s file): it cannot be restored"),
        format!("« {name} » n’est pas une base de données Showcall (endommagée, ou le fichier d’un autre programme) : elle ne peut pas être restaurée"),
    )
}

/// Checks that `conn` (opened on the backup `name`) holds a Showcall database this build can
/// read, and answers its schema version.
fn check(conn: &Connection, name: &str) -> Result<i64> {
    let read = || -> rusqlite::Result<(i64, bool)> {
        let version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let events: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('events', 'settings')",
            [],
            |r| r.get(0),
        )?;
        Ok((version, events == 2))
    };
    let (version, tables) = read().map_err(|_| not_showcall(name))?;
    if version < 1 || !tables {
        return Err(not_showcall(name));
    }
    if version > SCHEMA_VERSION {
        return Err(refuse(
            format!(
                "“{name}” was written by a newer Showcall (schema version {version}; this one \
                 reads up to {SCHEMA_VERSION}): update Showcall to restore it"
            ),
            format!(
                "« {name} » a été écrite par une version plus récente de Showcall (schéma \
                 {version}; celle-ci lit jusqu’à {SCHEMA_VERSION}) : mettez Showcall à jour \
                 pour la restaurer"
            ),
        ));
    }
    Ok(version)
}

/// The schema version of a backup and the names of the events it holds.
fn peek(f: &Found) -> Result<(i64, Vec<String>)> {
    let conn = open_read_only(&f.path).map_err(|_| not_showcall(&f.id))?;
    let version = check(&conn, &f.id)?;
    let names = || -> rusqlite::Result<Vec<String>> {
        let mut stmt = conn.prepare("SELECT name FROM events ORDER BY name COLLATE NOCASE, id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect()
    };
    let names = names().map_err(|_| not_showcall(&f.id))?;
    Ok((version, names))
}

/// The refusal of an id that is not one of the listed backups.
fn unknown(id: &str) -> Error {
    refuse(
        format!("“{id}” is not one of Showcall’s backups of this database"),
        format!("« {id} » n’est pas une des sauvegardes de cette base de données Showcall"),
    )
}

fn in_memory() -> Error {
    refuse(
        "this database is in memory: it has no backups".into(),
        "cette base de données est en mémoire : elle n’a pas de sauvegardes".into(),
    )
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

impl Store {
    /// Writes a backup of this kind into `backups/` (SQLite's online backup into a `.part`
    /// file, then renamed: a backup that did not finish is never listed).
    fn write_backup(&self, kind: BackupKind, now: DateTime<Utc>) -> Result<Found> {
        let db = self.path.as_deref().ok_or_else(in_memory)?;
        let dir = folder(db);
        std::fs::create_dir_all(&dir).map_err(io(&dir))?;
        // Two backups within the same millisecond get names a millisecond apart.
        let mut at = now;
        let (name, to) = loop {
            let name = name_for(db, kind, at);
            let to = dir.join(&name);
            if std::fs::symlink_metadata(&to).is_err() {
                break (name, to);
            }
            at += chrono::Duration::milliseconds(1);
        };
        let part = dir.join(format!(".{name}.part"));
        let written = self
            .backup_to(&part)
            .and_then(|()| {
                std::fs::File::open(&part)
                    .and_then(|f| f.sync_all())
                    .map_err(io(&part))
            })
            .and_then(|()| std::fs::rename(&part, &to).map_err(io(&to)));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&part);
            return Err(e);
        }
        let bytes = std::fs::metadata(&to).map_err(io(&to))?.len();
        Ok(Found {
            id: name,
            path: to,
            kind,
            at,
            bytes,
        })
    }

    /// The copy a package import makes first (`backups/<stem>-<time>-before-import.db`): its
    /// path, or `None` for an in-memory store, which has no file to copy.
    pub fn back_up_before_import(&self, now: DateTime<Utc>) -> Result<Option<PathBuf>> {
        if self.path.is_none() {
            return Ok(None);
        }
        Ok(Some(self.write_backup(BackupKind::BeforeImport, now)?.path))
    }

    /// "Back up now": a copy of the database as it stands in `backups/<stem>-<time>-manual.db`.
    pub fn back_up_now(&self, now: DateTime<Utc>) -> Result<Backup> {
        let f = self.write_backup(BackupKind::Manual, now)?;
        let (version, events) = peek(&f)?;
        Ok(describe(f, version, events, None))
    }

    /// The day's backup: written when no daily backup was made yet on `now`'s calendar day (in
    /// `now`'s time zone), keeping the [`DAILY_KEPT`] newest daily backups (no other kind is
    /// ever removed). Answers the backup written, if one was. An in-memory store has none.
    pub fn back_up_daily<Tz: TimeZone>(&self, now: &DateTime<Tz>) -> Result<Option<Backup>> {
        let Some(db) = self.path.as_deref() else {
            return Ok(None);
        };
        let today = now.date_naive();
        let zone = now.timezone();
        let daily = || {
            found(db)
                .into_iter()
                .filter(|f| f.kind == BackupKind::Daily)
        };
        if daily().any(|f| f.at.with_timezone(&zone).date_naive() == today) {
            return Ok(None);
        }
        let f = self.write_backup(BackupKind::Daily, now.with_timezone(&Utc))?;
        for old in daily().skip(DAILY_KEPT) {
            let _ = std::fs::remove_file(&old.path);
        }
        let (version, events) = peek(&f)?;
        Ok(Some(describe(f, version, events, None)))
    }

    /// Puts back the backup [`list`] names `id`, in one step or not at all: the backup is read
    /// (never written) into memory, checked (a Showcall database, not from a newer Showcall,
    /// whole), brought to this build's schema, given this copy's current settings (language,
    /// mode, muted cues: preferences, not data); then the data it replaces is backed up
    /// (`…-before-restore.db`) and the copy goes into the open database with SQLite's backup
    /// API, as one write transaction that other connections (the scheduler, another process)
    /// see whole or not at all. On any failure nothing changed (and the before-restore copy is
    /// removed again).
    pub fn restore(&mut self, id: &str, now: DateTime<Utc>) -> Result<Restored> {
        let db = self.path.clone().ok_or_else(in_memory)?;
        let from = found(&db)
            .into_iter()
            .find(|f| f.id == id)
            .ok_or_else(|| unknown(id))?;
        let (version, events) = peek(&from)?;
        let staged = self.stage(&from)?;
        let saved = self.write_backup(BackupKind::BeforeRestore, now)?;
        if let Err(e) = self.copy_in(&staged) {
            let _ = std::fs::remove_file(&saved.path);
            return Err(e);
        }
        self.cache.take();
        let (saved_version, saved_events) = peek(&saved)?;
        Ok(Restored {
            from: describe(from, version, events, None),
            saved: describe(saved, saved_version, saved_events, None),
        })
    }

    /// The backup `from`, read into memory, checked, migrated and given the current settings.
    fn stage(&self, from: &Found) -> Result<Connection> {
        let src = open_read_only(&from.path).map_err(|_| not_showcall(&from.id))?;
        check(&src, &from.id)?;
        let mut staged = Connection::open_in_memory()?;
        {
            let copy = SqlBackup::new(&src, &mut staged)?;
            if copy.step(-1).map_err(|_| not_showcall(&from.id))? != StepResult::Done {
                return Err(not_showcall(&from.id));
            }
        }
        let whole: String = staged
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|_| not_showcall(&from.id))?;
        if whole != "ok" {
            return Err(not_showcall(&from.id));
        }
        upgrade(&mut staged, None, MIGRATIONS)?;
        let settings: Vec<(String, String)> = {
            let mut stmt = self.conn.prepare("SELECT key, value FROM settings")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let tx = staged.transaction()?;
        tx.execute("DELETE FROM settings", [])?;
        for (key, value) in &settings {
            tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)",
                [key, value],
            )?;
        }
        tx.commit()?;
        Ok(staged)
    }

    /// Copies `staged` over the open database in one backup step (one write transaction: whole
    /// or not at all), waiting while another connection writes.
    fn copy_in(&mut self, staged: &Connection) -> Result<()> {
        let copy = SqlBackup::new(staged, &mut self.conn)?;
        for _ in 0..3 {
            match copy.step(-1)? {
                StepResult::Done => return Ok(()),
                _ => std::thread::sleep(std::time::Duration::from_millis(100)),
            }
        }
        Err(Error::Db(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some("the database stayed busy: nothing was restored".into()),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{event, utc};

    /// A store on a file in a fresh folder, holding the events named `names`.
    fn store_with(names: &[&str]) -> (tempfile::TempDir, Store, Vec<String>) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path().join("showcall.db")).unwrap();
        let mut ids = Vec::new();
        for name in names {
            let mut e = event("America/Toronto");
            e.event.name = (*name).into();
            ids.push(e.event.id.clone());
            store.insert(&e).unwrap();
        }
        (dir, store, ids)
    }

    fn db(store: &Store) -> PathBuf {
        store.path().unwrap().to_path_buf()
    }

    fn names(store: &Store) -> Vec<String> {
        let mut n: Vec<String> = store
            .list_events()
            .unwrap()
            .into_iter()
            .map(|e| e.name)
            .collect();
        n.sort();
        n
    }

    fn messages(e: &Error) -> (String, String) {
        (e.message(Lang::En), e.message(Lang::FrCa))
    }

    /// Every file under `dir` with its bytes (to prove a listing wrote nothing).
    fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut out = Vec::new();
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(snapshot(&p));
            } else {
                out.push((p.display().to_string(), std::fs::read(&p).unwrap()));
            }
        }
        out.sort();
        out
    }

    #[test]
    fn back_up_now_writes_a_manual_copy_listed_with_its_events() {
        let (_dir, store, _) = store_with(&["Spring summit", "Annual meeting"]);
        let now = utc("2027-05-04T13:45:10.250Z");
        let made = store.back_up_now(now).unwrap();
        assert_eq!(made.id, "showcall-20270504-134510.250-manual.db");
        assert!(folder(&db(&store)).join(&made.id).is_file());
        let listed = list(&db(&store), Lang::En);
        assert_eq!(
            listed,
            vec![made.clone()],
            "the list shows what was written"
        );
        let b = &listed[0];
        assert_eq!(b.kind, BackupKind::Manual);
        assert_eq!(b.at, now);
        assert_eq!(b.schema_version, SCHEMA_VERSION);
        assert_eq!(b.events, ["Annual meeting", "Spring summit"]);
        assert!(b.bytes > 0 && b.problem.is_none());
        // A second one within the same millisecond gets a name of its own.
        let again = store.back_up_now(now).unwrap();
        assert_ne!(again.id, made.id);
        assert_eq!(list(&db(&store), Lang::En).len(), 2);
    }

    #[test]
    fn the_list_finds_every_kind_newest_first_and_writes_nothing() {
        let (dir, store, _) = store_with(&["Summit"]);
        let db = db(&store);
        let backups = folder(&db);
        std::fs::create_dir_all(&backups).unwrap();
        // As the migrations and the package import name theirs.
        store
            .backup_to(&db.with_file_name("showcall.db.v8.bak"))
            .unwrap();
        let migrated = utc("2027-01-04T08:00:00Z");
        std::fs::File::options()
            .write(true)
            .open(db.with_file_name("showcall.db.v8.bak"))
            .unwrap()
            .set_modified(migrated.into())
            .unwrap();
        store
            .backup_to(&backups.join("showcall-20270101-080000.000-before-import.db"))
            .unwrap();
        store.back_up_now(utc("2027-01-02T08:00:00Z")).unwrap();
        store.back_up_daily(&utc("2027-01-03T08:00:00Z")).unwrap();
        // Not backups of this database: another database's, a half-written one, anything else.
        store
            .backup_to(&backups.join("other-20270101-080000.000-manual.db"))
            .unwrap();
        std::fs::write(
            backups.join(".showcall-20270104-080000.000-manual.db.part"),
            b"x",
        )
        .unwrap();
        std::fs::write(backups.join("notes.txt"), b"x").unwrap();
        std::fs::write(dir.path().join("showcall.db.vX.bak"), b"x").unwrap();
        let before = snapshot(&backups);
        let listed = list(&db, Lang::En);
        let after = snapshot(&backups);
        let names_of = |s: &[(String, Vec<u8>)]| {
            s.iter()
                .map(|(n, b)| format!("{n} {}", b.len()))
                .collect::<Vec<_>>()
        };
        assert_eq!(names_of(&before), names_of(&after));
        assert!(before == after, "listing wrote nothing into the backups");
        let kinds: Vec<BackupKind> = listed.iter().map(|b| b.kind).collect();
        // The migration's copy is dated by its file.
        assert_eq!(
            kinds,
            [
                BackupKind::Migration,
                BackupKind::Daily,
                BackupKind::Manual,
                BackupKind::BeforeImport
            ]
        );
        assert_eq!(listed[0].id, "showcall.db.v8.bak");
        assert_eq!(
            (listed[0].at, listed[0].schema_version),
            (migrated, SCHEMA_VERSION)
        );
        assert!(listed.iter().all(|b| b.events == ["Summit"]), "{listed:?}");
        // Opening them left no lock, journal or WAL files behind.
        let stray: Vec<_> = std::fs::read_dir(&backups)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with("-wal") || n.ends_with("-shm") || n.ends_with("-journal"))
            .collect();
        assert!(stray.is_empty(), "{stray:?}");
        // A damaged one is listed with why it cannot be restored, in the language asked for.
        std::fs::write(
            backups.join("showcall-20270105-080000.000-manual.db"),
            b"not sqlite",
        )
        .unwrap();
        let listed = list(&db, Lang::FrCa);
        let bad = listed
            .iter()
            .find(|b| b.id.starts_with("showcall-20270105"))
            .unwrap();
        assert!(bad.events.is_empty());
        assert!(
            bad.problem
                .as_deref()
                .is_some_and(|p| p.contains("n’est pas une base de données Showcall")),
            "{bad:?}"
        );
        // An in-memory store has none and makes none.
        let mem = Store::open_in_memory().unwrap();
        assert!(mem
            .back_up_daily(&utc("2027-01-03T08:00:00Z"))
            .unwrap()
            .is_none());
        assert_eq!(
            mem.back_up_now(utc("2027-01-03T08:00:00Z"))
                .unwrap_err()
                .code(),
            "invalid_input"
        );
    }

    #[test]
    fn the_daily_backup_is_made_once_a_day_and_only_the_last_seven_are_kept() {
        let (_dir, store, _) = store_with(&["Summit"]);
        let db = db(&store);
        let manual = store.back_up_now(utc("2027-01-01T00:00:00Z")).unwrap();
        let zone = chrono::FixedOffset::west_opt(5 * 3600).unwrap();
        let mut made = Vec::new();
        for day in 1..=10 {
            // 23:30 one evening in the zone is the next day in UTC: still one calendar day.
            let morning = zone.with_ymd_and_hms(2027, 3, day, 8, 0, 0).unwrap();
            let evening = zone.with_ymd_and_hms(2027, 3, day, 23, 30, 0).unwrap();
            let first = store.back_up_daily(&morning).unwrap();
            assert!(
                first.is_some(),
                "the first start of 2027-03-{day:02} backs up"
            );
            made.push(first.unwrap().id);
            assert!(
                store.back_up_daily(&evening).unwrap().is_none(),
                "a second start on 2027-03-{day:02} does not"
            );
        }
        let listed = list(&db, Lang::En);
        let daily: Vec<String> = listed
            .iter()
            .filter(|b| b.kind == BackupKind::Daily)
            .map(|b| b.id.clone())
            .collect();
        let mut newest: Vec<String> = made[made.len() - DAILY_KEPT..].to_vec();
        newest.reverse();
        assert_eq!(daily, newest, "the seven newest daily backups are kept");
        assert!(
            listed.iter().any(|b| b.id == manual.id),
            "pruning never removes another kind"
        );
    }

    #[test]
    fn restoring_brings_back_a_deleted_event_after_saving_the_current_data() {
        let (_dir, mut store, ids) = store_with(&["Summit", "Gala"]);
        let db = db(&store);
        store.set_setting("ui.lang", "en").unwrap();
        let backup = store.back_up_now(utc("2027-01-01T08:00:00Z")).unwrap();
        store.delete_event(&ids[1]).unwrap();
        let mut renamed = store.load(&ids[0]).unwrap();
        renamed.event.name = "Summit 2".into();
        store.replace(&renamed).unwrap();
        // A preference changed since the backup stays as it is now.
        store.set_setting("ui.lang", "fr-CA").unwrap();
        let watcher = Store::open(&db).unwrap();
        assert_eq!(names(&watcher), ["Summit 2"]);

        let done = store
            .restore(&backup.id, utc("2027-01-02T08:00:00Z"))
            .unwrap();
        assert_eq!(
            names(&store),
            ["Gala", "Summit"],
            "the backup's events are back"
        );
        assert_eq!(
            names(&watcher),
            ["Gala", "Summit"],
            "another connection sees the restored data"
        );
        assert_eq!(
            store.load(&ids[0]).unwrap().event.name,
            "Summit",
            "not the cached copy"
        );
        assert_eq!(store.setting("ui.lang").unwrap().as_deref(), Some("fr-CA"));
        assert_eq!(done.from.id, backup.id);
        assert_eq!(done.saved.kind, BackupKind::BeforeRestore);
        assert_eq!(done.saved.events, ["Summit 2"], "what was replaced is kept");
        let mode: String = store
            .conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        // The backup itself is untouched, and the data can be edited again.
        assert_eq!(
            list(&db, Lang::En).iter().find(|b| b.id == backup.id),
            Some(&backup)
        );
        let mut again = store.load(&ids[1]).unwrap();
        again.event.name = "Gala night".into();
        store.replace(&again).unwrap();
        // Restoring the before-restore copy undoes the restore.
        store
            .restore(&done.saved.id, utc("2027-01-03T08:00:00Z"))
            .unwrap();
        assert_eq!(names(&store), ["Summit 2"]);
    }

    #[test]
    fn a_backup_from_an_older_schema_is_migrated_as_it_is_restored() {
        let (dir, mut store, _) = store_with(&["Current"]);
        let old = dir.path().join("showcall.db.v1.bak");
        {
            let mut conn = Connection::open(&old).unwrap();
            upgrade(&mut conn, None, &MIGRATIONS[..1]).unwrap();
            conn.execute(
                "INSERT INTO events (id, name, time_zone) VALUES ('e1', 'Old show', 'UTC')",
                [],
            )
            .unwrap();
        }
        let bytes = std::fs::read(&old).unwrap();
        let listed = list(&db(&store), Lang::En);
        let b = listed
            .iter()
            .find(|b| b.id == "showcall.db.v1.bak")
            .unwrap();
        assert_eq!((b.kind, b.schema_version), (BackupKind::Migration, 1));
        assert_eq!(b.events, ["Old show"]);
        store
            .restore("showcall.db.v1.bak", utc("2027-01-02T08:00:00Z"))
            .unwrap();
        assert_eq!(names(&store), ["Old show"]);
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        assert!(store.load("e1").is_ok(), "readable with today's schema");
        assert_eq!(
            std::fs::read(&old).unwrap(),
            bytes,
            "the backup was not migrated in place"
        );
    }

    #[test]
    fn a_file_that_is_not_a_showcall_database_or_is_newer_is_refused_naming_it() {
        let (_dir, mut store, _) = store_with(&["Summit"]);
        let db = db(&store);
        let backups = folder(&db);
        std::fs::create_dir_all(&backups).unwrap();
        let garbage = "showcall-20270101-080000.000-manual.db";
        std::fs::write(backups.join(garbage), b"this is not a database at all").unwrap();
        let other = "showcall-20270101-090000.000-manual.db";
        Connection::open(backups.join(other))
            .unwrap()
            .execute_batch("CREATE TABLE notes (x TEXT); PRAGMA user_version = 3;")
            .unwrap();
        let newer = store.back_up_now(utc("2027-01-01T10:00:00Z")).unwrap();
        Connection::open(backups.join(&newer.id))
            .unwrap()
            .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        for id in [garbage, other] {
            let e = store.restore(id, utc("2027-01-02T08:00:00Z")).unwrap_err();
            let (en, fr) = messages(&e);
            assert_eq!(e.code(), "invalid_input");
            assert!(
                en.contains(&format!("“{id}” is not a Showcall database")),
                "{en}"
            );
            assert!(
                fr.contains(&format!("« {id} » n’est pas une base de données Showcall")),
                "{fr}"
            );
        }
        let e = store
            .restore(&newer.id, utc("2027-01-02T08:00:00Z"))
            .unwrap_err();
        let (en, fr) = messages(&e);
        assert!(
            en.contains(&newer.id) && en.contains("newer Showcall"),
            "{en}"
        );
        assert!(
            fr.contains(&newer.id) && fr.contains("plus récente"),
            "{fr}"
        );
        assert_eq!(names(&store), ["Summit"], "nothing changed");
        assert!(
            list(&db, Lang::En)
                .iter()
                .all(|b| b.kind != BackupKind::BeforeRestore),
            "no before-restore copy of a refused restore"
        );
    }

    #[test]
    fn only_a_listed_backup_can_be_restored_never_a_path() {
        let (dir, mut store, _) = store_with(&["Summit"]);
        let db = db(&store);
        let elsewhere = dir.path().join("elsewhere.db");
        store.backup_to(&elsewhere).unwrap();
        store.backup_to(&folder(&db).join("copy.db")).unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(
            &elsewhere,
            folder(&db).join("showcall-20270101-080000.000-manual.db"),
        )
        .unwrap();
        for id in [
            elsewhere.display().to_string(),
            "../elsewhere.db".into(),
            "copy.db".into(),
            "showcall.db".into(),
            "showcall-20270101-080000.000-manual.db".into(),
        ] {
            let e = store.restore(&id, utc("2027-01-02T08:00:00Z")).unwrap_err();
            let (en, fr) = messages(&e);
            assert!(
                en.contains("is not one of Showcall’s backups"),
                "{id}: {en}"
            );
            assert!(fr.contains("n’est pas une des sauvegardes"), "{id}: {fr}");
        }
        assert!(
            list(&db, Lang::En).is_empty(),
            "a link is not listed either"
        );
    }

    #[test]
    fn a_restore_that_cannot_finish_changes_nothing() {
        let (_dir, mut store, ids) = store_with(&["Summit", "Gala"]);
        let db = db(&store);
        let backup = store.back_up_now(utc("2027-01-01T08:00:00Z")).unwrap();
        store.delete_event(&ids[1]).unwrap();
        store
            .conn
            .busy_timeout(std::time::Duration::from_millis(20))
            .unwrap();
        // Another process holds the write lock for the whole attempt.
        let other = Connection::open(&db).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        let e = store
            .restore(&backup.id, utc("2027-01-02T08:00:00Z"))
            .unwrap_err();
        assert_eq!(e.code(), "db");
        other.execute_batch("ROLLBACK").unwrap();
        assert_eq!(names(&store), ["Summit"], "nothing half-restored");
        assert!(
            list(&db, Lang::En)
                .iter()
                .all(|b| b.kind != BackupKind::BeforeRestore),
            "the before-restore copy of a restore that did not happen is removed"
        );
        // Once the other writer is done, it goes through.
        store
            .restore(&backup.id, utc("2027-01-02T08:00:01Z"))
            .unwrap();
        assert_eq!(names(&store), ["Gala", "Summit"]);
    }

    #[test]
    fn a_path_with_uri_characters_is_opened_as_a_path() {
        let dir = tempfile::tempdir().unwrap();
        let odd = dir.path().join("a #1 ?100%");
        let store = Store::open(odd.join("showcall.db")).unwrap();
        let b = store.back_up_now(utc("2027-01-01T08:00:00Z")).unwrap();
        assert_eq!(b.schema_version, SCHEMA_VERSION);
    }
}
