//! The SQLite store: one file per installation, WAL, foreign keys on, embedded append-only
//! migrations with a backup of the file before each migration. SQL lives here only, one file
//! per table. Every user edit runs as one transaction through [`Store::edit`]: load the event,
//! apply the edit in memory, validate the whole result, sync the tasks, write — or, on any
//! error, write nothing.

pub mod backups;
mod blobs;
mod branding;
mod changes;
mod cue_plan;
mod day;
mod day_log;
mod destinations;
mod events;
mod exchange;
pub mod keys;
mod people;
mod presets;
mod segments;
mod sessions;
mod settings;
mod share;
mod stages;
mod stream_keys;
mod tasks;
mod undo;

use crate::edit::{apply_from, Edit};
use crate::error::{Error, Invalid, Result};
use crate::model::{Destination, EventData, EventSummary};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};
use rusqlite_migration::{Migrations, M};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The embedded migrations, in order. Append only: never edit one that has landed.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_day_log.sql"),
    include_str!("migrations/0003_task_details.sql"),
    include_str!("migrations/0004_custom_cues.sql"),
    include_str!("migrations/0005_destinations.sql"),
    include_str!("migrations/0006_key_place.sql"),
    include_str!("migrations/0007_exchange_base.sql"),
    include_str!("migrations/0008_branding.sql"),
    include_str!("migrations/0009_key_host.sql"),
    include_str!("migrations/0010_share.sql"),
];

pub use crate::paths::{default_path, IDENTIFIER};
pub use blobs::{store_file, store_file_with, sweep, MAX_STORED_BYTES};
pub use presets::{delete_preset, presets, save_preset};
pub use share::{LinkSet, TokenCheck};

/// The setting that says who uses this copy of Showcall (`analyst` or `customer`).
pub const MODE_SETTING: &str = "mode";

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// What an edit did.
#[derive(Debug, Clone)]
pub struct Edited {
    /// The event as it was (for undo).
    pub before: Arc<EventData>,
    /// The event as stored now: the same copy the store keeps (and the window's view can
    /// hold), not a copy of it.
    pub after: Arc<EventData>,
    /// The id of the item the edit created, if any.
    pub created: Option<String>,
    /// What it changed, both ways (for undo, and for the windows to apply).
    pub patch: crate::history::Patch,
}

/// An open Showcall database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// Opened on first use (a store that never touches a stream key creates no key file).
    vault: std::cell::OnceCell<keys::Vault>,
    /// Where new stream keys go, and (for `Auto`) whether the OS store answered.
    key_store: keys::KeyStore,
    os_works: std::cell::OnceCell<bool>,
    /// Removes a stream key from the OS store ([`keys::os::delete`]; tests watch the calls).
    os_forget: fn(&str) -> Result<()>,
    /// The event last edited through this store, as written, so that the next edit need not
    /// read it back (see [`Cached`]).
    cache: std::cell::RefCell<Option<Cached>>,
    /// What the last edit's task plan was made from: an edit that leaves those lists as they
    /// were has its tasks in line already (see [`crate::tasks::Synced`]).
    synced: std::cell::RefCell<Option<crate::tasks::Synced>>,
}

/// An event as this connection last wrote it. It stands for the stored event while the event's
/// revision is the same and no other connection has committed since (SQLite's
/// `data_version`); its destinations are always read again (their keys and tests change
/// without a revision).
struct Cached {
    data: Arc<EventData>,
    data_version: i64,
}

impl Cached {
    /// Whether this copy still is event `event_id` as stored at `revision`, with no other
    /// connection's commit since (`data_version`).
    fn stands_for(&self, event_id: &str, revision: i64, data_version: i64) -> bool {
        self.data.event.id == event_id
            && self.data.event.revision == revision
            && self.data_version == data_version
    }
}

/// The stored revision of an event and the file's `data_version`, as this connection sees them.
fn stamps(conn: &Connection, event_id: &str) -> Result<(i64, i64)> {
    let revision = events::revision(conn, event_id)?;
    let version = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
    Ok((revision, version))
}

/// The kept copy of an event with its destinations read again (their keys and tests change
/// without a revision), or, without one, the event read whole.
fn kept_or_load(
    conn: &Connection,
    kept: Option<Arc<EventData>>,
    event_id: &str,
) -> Result<Arc<EventData>> {
    match kept {
        Some(mut data) => {
            // Keys and tests are not part of an edit: the copy takes them as they now stand
            // (copied only when they moved).
            let now = read_destinations(conn, event_id)?;
            if now != data.destinations {
                Arc::make_mut(&mut data).destinations = now;
            }
            Ok(data)
        }
        None => Ok(Arc::new(load(conn, event_id)?)),
    }
}

/// The event's destinations as stored, in their canonical order.
fn read_destinations(conn: &Connection, event_id: &str) -> Result<Vec<Destination>> {
    let mut list = destinations::list(conn, event_id)?;
    crate::model::normalize_destinations(&mut list);
    Ok(list)
}

/// Each connection's page cache, in KiB (as SQLite takes a negative `cache_size`): SQLite's
/// default is 2,000 KiB, which a connection that reads a whole large event fills and keeps; the
/// store keeps the event it read itself ([`Cached`]), and the pages it reads again come from
/// the system's file cache.
const PAGE_CACHE_KIB: i64 = -512;

/// How long a write waits for another connection (another process: the app and the CLI) to
/// finish its own before giving up with `database is locked`.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

/// Begins a write transaction. `IMMEDIATE` takes the write lock at `BEGIN`, waiting (busy
/// timeout) while another connection writes. A deferred transaction would read first and
/// take the lock at its first write, and if another connection had written in between, SQLite
/// answers `SQLITE_BUSY_SNAPSHOT` at once, which no busy timeout retries.
fn write_tx(conn: &mut Connection) -> Result<Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// [`write_tx`] on a shared connection (the caller holds no other transaction on it).
fn write_tx_unchecked(conn: &Connection) -> Result<Transaction<'_>> {
    Ok(Transaction::new_unchecked(
        conn,
        TransactionBehavior::Immediate,
    )?)
}

impl Store {
    /// Opens (creating if needed) the database file at `path` and migrates it, after backing the
    /// file up beside itself (`<file>.v<N>.bak`) when it holds an older schema.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        let path = path.as_ref();
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // Before anything else: even switching to WAL waits for another process's write.
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        let mut store = Store {
            conn,
            path: Some(path.to_path_buf()),
            vault: std::cell::OnceCell::new(),
            key_store: keys::KeyStore::from_env(),
            os_works: std::cell::OnceCell::new(),
            os_forget: keys::os::delete,
            cache: Default::default(),
            synced: Default::default(),
        };
        store.prepare()?;
        Ok(store)
    }

    /// A private in-memory database (tests, benchmarks).
    pub fn open_in_memory() -> Result<Store> {
        let mut store = Store {
            conn: Connection::open_in_memory()?,
            path: None,
            vault: std::cell::OnceCell::new(),
            // Nothing of an in-memory store outlives it: keys stay in memory too.
            key_store: keys::KeyStore::File,
            os_works: std::cell::OnceCell::new(),
            os_forget: keys::os::delete,
            cache: Default::default(),
            synced: Default::default(),
        };
        store.prepare()?;
        Ok(store)
    }

    /// The file this store writes, if any.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    fn prepare(&mut self) -> Result<()> {
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        self.conn
            .pragma_update(None, "cache_size", PAGE_CACHE_KIB)?;
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        upgrade(&mut self.conn, self.path.as_deref(), MIGRATIONS)
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// The event list, soonest first (events without sessions last).
    pub fn list_events(&self) -> Result<Vec<EventSummary>> {
        events::list(&self.conn)
    }

    /// Everything stored about one event, read in one transaction (a consistent snapshot). The
    /// event this connection last read or wrote is kept (see [`Cached`]): while nothing changed
    /// it since, only its destinations are read again.
    pub fn load(&self, event_id: &str) -> Result<EventData> {
        self.load_shared(event_id).map(Arc::unwrap_or_clone)
    }

    /// [`Store::load`], answering the copy the store keeps (shared, not copied: a 2,000-session
    /// event takes milliseconds to copy and as long to free).
    pub fn load_shared(&self, event_id: &str) -> Result<Arc<EventData>> {
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let (revision, version) = stamps(&tx, event_id)?;
        let kept = self.cache.borrow().as_ref().and_then(|c| {
            c.stands_for(event_id, revision, version)
                .then(|| Arc::clone(&c.data))
        });
        let data = kept_or_load(&tx, kept, event_id)?;
        *self.cache.borrow_mut() = Some(Cached {
            data: Arc::clone(&data),
            data_version: version,
        });
        tx.commit()?;
        Ok(data)
    }

    /// Every event's id and revision (what a watcher compares to see which event changed).
    pub fn revisions(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, revision FROM events ORDER BY id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Finds an event by id or exact name (`conflict` when two events share the name).
    pub fn find_event(&self, id_or_name: &str) -> Result<String> {
        events::find(&self.conn, id_or_name)
    }

    /// Stores a whole new event (created, duplicated, demo) after validating it.
    pub fn insert(&mut self, data: &EventData) -> Result<()> {
        self.insert_with(data, &crate::job::Job::none())
    }

    /// [`Store::insert`], checking `job` between its steps, the last time just before the
    /// commit: cancelled, it answers [`Error::Cancelled`] and nothing is written.
    pub fn insert_with(&mut self, data: &EventData, job: &crate::job::Job) -> Result<()> {
        self.cache.take();
        crate::validate::event_data(data)?;
        job.check()?;
        let tx = write_tx(&mut self.conn)?;
        if events::exists(&tx, &data.event.id)? {
            return Err(Error::Conflict(format!(
                "event {} already exists",
                data.event.id
            )));
        }
        write(&tx, data)?;
        job.check()?;
        tx.commit()?;
        Ok(())
    }

    /// Replaces everything stored about an event with `data` in one transaction, whatever it
    /// became meanwhile (an import that has just merged it). Undo and redo go through
    /// [`Store::replace_if`], which refuses when the event changed elsewhere.
    pub fn replace(&mut self, data: &EventData) -> Result<EventData> {
        let done = self.replace_checked(data, None, &crate::job::Job::none())?;
        Ok(Arc::unwrap_or_clone(done.after))
    }

    /// [`Store::replace`], only if the stored event is still at `expected_revision` (checked in
    /// the same transaction as the write). When another process (or another window on the same
    /// file) changed it since, this is a `conflict` and nothing is written: an undo then would
    /// silently throw their change away.
    pub fn replace_if(&mut self, data: &EventData, expected_revision: i64) -> Result<Edited> {
        self.replace_checked(data, Some(expected_revision), &crate::job::Job::none())
    }

    /// [`Store::replace_if`], checking `job` between its steps, the last time just before the
    /// commit: cancelled, it answers [`Error::Cancelled`] and nothing is written.
    pub fn replace_if_with(
        &mut self,
        data: &EventData,
        expected_revision: i64,
        job: &crate::job::Job,
    ) -> Result<Edited> {
        self.replace_checked(data, Some(expected_revision), job)
    }

    fn replace_checked(
        &mut self,
        data: &EventData,
        expected: Option<i64>,
        job: &crate::job::Job,
    ) -> Result<Edited> {
        self.cache.take();
        crate::validate::event_data(data)?;
        job.check()?;
        let tx = write_tx(&mut self.conn)?;
        let before = load(&tx, &data.event.id)?;
        if let Some(expected) = expected.filter(|&r| r != before.event.revision) {
            return Err(changed_elsewhere(&before, expected));
        }
        job.check()?;
        let mut data = data.clone();
        data.event.revision = before.event.revision + 1;
        rewrite(&tx, &data)?;
        job.check()?;
        let gone = destinations::tidy(&tx, Some(&before), &data)?;
        // Keys and tests are not part of a snapshot: read them back as they now stand.
        let after = load(&tx, &data.event.id)?;
        job.check()?;
        tx.commit()?;
        self.forget_os_keys(gone);
        Ok(Edited {
            patch: crate::history::Patch::between(&before, &after),
            before: Arc::new(before),
            after: Arc::new(after),
            created: None,
        })
    }

    /// Applies one user edit in one transaction; on error nothing is written.
    pub fn edit(&mut self, event_id: &str, edit: &Edit) -> Result<Edited> {
        self.edit_guarded(event_id, edit, |_| Ok(()))
    }

    /// [`Store::edit`], once `guard` has accepted the event as it stands (in the same
    /// transaction, so nothing changes between the check and the write).
    pub fn edit_guarded(
        &mut self,
        event_id: &str,
        edit: &Edit,
        guard: impl FnOnce(&EventData) -> Result<()>,
    ) -> Result<Edited> {
        let synced = self.synced.take();
        let mut now_synced = None;
        let done = self.change(event_id, |before| {
            guard(before)?;
            let (mut after, created) = apply_from(before, edit)?;
            crate::validate::event_data_since(before, &after)?;
            if !synced.as_ref().is_some_and(|s| s.holds_for(&after)) {
                crate::tasks::sync(&mut after);
            }
            crate::branding::sync(&mut after);
            now_synced = Some(crate::tasks::Synced::of(&after));
            Ok((after, created))
        })?;
        *self.synced.borrow_mut() = now_synced;
        Ok(done)
    }

    /// Writes one change of an event in one `IMMEDIATE` transaction: `make` gets the event as
    /// stored and answers it changed (checked; and the id of what it created, if any); only the
    /// rows that differ are written, and the revision goes up by one.
    fn change(
        &mut self,
        event_id: &str,
        make: impl FnOnce(&EventData) -> Result<(EventData, Option<String>)>,
    ) -> Result<Edited> {
        let cached = self.cache.take();
        let tx = write_tx(&mut self.conn)?;
        let (revision, version) = stamps(&tx, event_id)?;
        let kept = cached
            .filter(|c| c.stands_for(event_id, revision, version))
            .map(|c| c.data);
        let before = kept_or_load(&tx, kept, event_id)?;
        let (mut after, created) = make(&before)?;
        after.event.revision = before.event.revision + 1;
        // `before` is in canonical order (read so, or an edit's result).
        after.normalize_since(&before);
        let patch = crate::history::Patch::between(&before, &after);
        changes::write(&tx, &patch)?;
        let gone = destinations::tidy(&tx, Some(&before), &after)?;
        // Keys and tests are not part of an edit: read them back as they now stand.
        after.destinations = read_destinations(&tx, event_id)?;
        if cfg!(debug_assertions) {
            // Every test and debug run proves that what the edit holds is what is stored.
            let stored = load(&tx, event_id)?;
            assert!(
                stored == after,
                "the edit's event differs from the stored one"
            );
        }
        tx.commit()?;
        let after = Arc::new(after);
        *self.cache.borrow_mut() = Some(Cached {
            data: Arc::clone(&after),
            data_version: version,
        });
        self.forget_os_keys(gone);
        Ok(Edited {
            before,
            after,
            created,
            patch,
        })
    }

    /// Applies `patch` (an undo's or a redo's) to the stored event, only if it is still at
    /// `expected_revision` (checked in the same transaction as the write): when another process
    /// or window changed it since, this is a `conflict` and nothing is written.
    pub fn apply_patch(
        &mut self,
        event_id: &str,
        patch: &crate::history::Patch,
        expected_revision: i64,
    ) -> Result<Edited> {
        self.change(event_id, |now| {
            if now.event.revision != expected_revision {
                return Err(changed_elsewhere(now, expected_revision));
            }
            let after = patch.apply_to(now);
            // The rows the patch put back stay in their places: only they are read.
            crate::validate::event_data_since(now, &after)?;
            Ok((after, None))
        })
    }

    /// Copies the whole database, as it stands, to a new file at `to` (SQLite's online backup).
    pub fn backup_to(&self, to: &Path) -> Result<()> {
        if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| Error::Io {
                path: dir.display().to_string(),
                source,
            })?;
        }
        self.conn.backup(rusqlite::MAIN_DB, to, None)?;
        Ok(())
    }

    /// Whether an event with this id is stored.
    pub fn has_event(&self, event_id: &str) -> Result<bool> {
        events::exists(&self.conn, event_id)
    }

    /// The version of the event last exchanged through a handoff package, if any.
    pub fn exchange_base(&self, event_id: &str) -> Result<Option<EventData>> {
        exchange::get(&self.conn, event_id)
    }

    /// Remembers `data` as the version last exchanged (after an export or an import).
    pub fn set_exchange_base(&mut self, data: &EventData, at: DateTime<Utc>) -> Result<()> {
        exchange::set(&self.conn, data, at)
    }

    /// Stores an event received in a package — new (`insert`) or merged (`replace`) — and
    /// remembers `base` as the version last exchanged, all in one transaction.
    pub fn import_event(
        &mut self,
        data: &EventData,
        base: &EventData,
        at: DateTime<Utc>,
    ) -> Result<EventData> {
        crate::validate::event_data(data)?;
        self.cache.take();
        let tx = write_tx(&mut self.conn)?;
        let mut data = data.clone();
        let before = if events::exists(&tx, &data.event.id)? {
            let before = load(&tx, &data.event.id)?;
            data.event.revision = before.event.revision + 1;
            rewrite(&tx, &data)?;
            Some(before)
        } else {
            write(&tx, &data)?;
            None
        };
        let gone = destinations::tidy(&tx, before.as_ref(), &data)?;
        exchange::set(&tx, base, at)?;
        let after = load(&tx, &data.event.id)?;
        tx.commit()?;
        self.forget_os_keys(gone);
        Ok(after)
    }

    /// Deletes an event and everything in it, its stream keys included: the sealed ones go
    /// with its rows (`ON DELETE CASCADE`), those in the OS store are removed from there once
    /// the deletion has committed.
    pub fn delete_event(&mut self, event_id: &str) -> Result<()> {
        self.cache.take();
        let tx = write_tx(&mut self.conn)?;
        if !events::exists(&tx, event_id)? {
            return Err(Error::NotFound {
                kind: "event",
                id: event_id.into(),
            });
        }
        let os_keys = destinations::os_keys_of_event(&tx, event_id)?;
        events::delete(&tx, event_id)?;
        tx.commit()?;
        self.forget_os_keys(os_keys);
        Ok(())
    }

    /// Removes stream keys from the OS store, after the transaction that dropped their rows has
    /// committed (never before: a transaction that then failed would leave destinations whose
    /// keys are gone). Best effort: the change is already stored, so a keyring that refuses now
    /// (locked, gone) must not make it look failed; the entry stays behind, unreferenced.
    fn forget_os_keys(&self, ids: Vec<String>) {
        for id in ids {
            let _ = (self.os_forget)(&id);
        }
    }
}

/// The `conflict` of an undo or redo over a change made elsewhere.
fn changed_elsewhere(now: &EventData, expected: i64) -> Error {
    Error::Stale {
        name: now.event.name.clone(),
        seen: expected,
        now: now.event.revision,
    }
}

/// Brings the schema to the newest version one migration at a time. Before each migration of
/// a file that already holds data (version > 0), the file is copied to `<file>.v<N>.bak`, N
/// being the version it had. A file from a newer Showcall is refused untouched.
fn upgrade(conn: &mut Connection, path: Option<&Path>, steps: &[&'static str]) -> Result<()> {
    let latest = steps.len() as i64;
    let migrations = Migrations::new(steps.iter().map(|sql| M::up(sql)).collect());
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > latest {
        return Err(Error::UnsupportedVersion {
            found,
            supported: latest,
        });
    }
    for version in found..latest {
        // A new file (version 0) has nothing to lose; an existing one is saved before each step.
        if let (Some(path), true) = (path, found > 0) {
            let backup = PathBuf::from(format!("{}.v{version}.bak", path.display()));
            let _ = std::fs::remove_file(&backup);
            conn.execute("VACUUM INTO ?1", [backup.display().to_string()])?;
        }
        migrations.to_version(conn, (version + 1) as usize)?;
    }
    Ok(())
}

fn load(conn: &Connection, event_id: &str) -> Result<EventData> {
    let event = events::get(conn, event_id)?;
    let mut data = EventData {
        stages: stages::list(conn, event_id)?,
        sessions: sessions::list(conn, event_id)?.into(),
        segments: segments::list(conn, event_id)?.into(),
        people: people::list(conn, event_id)?.into(),
        tasks: tasks::list(conn, event_id)?.into(),
        custom_cues: cue_plan::list_custom(conn, event_id)?,
        cue_settings: cue_plan::list_settings(conn, event_id)?,
        destinations: destinations::list(conn, event_id)?,
        brand_items: branding::list(conn, event_id)?,
        branding: branding::get(conn, event_id)?,
        event,
    };
    data.normalize();
    Ok(data)
}

/// Replaces a stored event's row and everything in its plan. What hangs off the event alone
/// (the day's log: delays, actual times, cue states) is kept.
fn rewrite(tx: &Transaction, d: &EventData) -> Result<()> {
    events::update(tx, &d.event)?;
    for table in [
        "brand_items",
        "destinations",
        "custom_cues",
        "cue_settings",
        "tasks",
        "stages",
        "people",
    ] {
        tx.execute(
            &format!("DELETE FROM {table} WHERE event_id = ?1"),
            [&d.event.id],
        )?;
    }
    write_plan(tx, d)
}

fn write(tx: &Transaction, d: &EventData) -> Result<()> {
    events::insert(tx, &d.event)?;
    write_plan(tx, d)
}

fn write_plan(tx: &Transaction, d: &EventData) -> Result<()> {
    for s in &d.stages {
        stages::insert(tx, s)?;
    }
    for p in &d.people {
        people::insert(tx, p)?;
    }
    for s in &d.sessions {
        sessions::insert(tx, s)?;
    }
    for s in &d.segments {
        segments::insert(tx, s)?;
    }
    for t in &d.tasks {
        tasks::insert(tx, t)?;
    }
    for c in &d.custom_cues {
        cue_plan::insert_custom(tx, &d.event.id, c)?;
    }
    for c in &d.cue_settings {
        cue_plan::insert_setting(tx, &d.event.id, c)?;
    }
    for x in &d.destinations {
        destinations::insert(tx, x)?;
    }
    for it in &d.brand_items {
        branding::insert(tx, it)?;
    }
    branding::set(tx, &d.event.id, &d.branding)?;
    Ok(())
}

/// Instants are stored as RFC 3339 UTC text with a `Z`, which sorts chronologically.
pub(crate) fn instant_to_sql(t: &DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub(crate) fn instant_from_sql(s: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Error::invalid("stored instant", Invalid::BadInstant(s.into())))
}

/// Reads a snake_case code column back into its enum, or reports the bad value.
pub(crate) fn code<T>(
    col: &str,
    value: String,
    parse: fn(&str) -> Option<T>,
) -> rusqlite::Result<T> {
    parse(&value).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("unknown {col} “{value}”").into(),
        )
    })
}

#[cfg(test)]
mod tests;
