//! Writing a package: streamed into a temporary file beside the target, renamed when complete.

use crate::{
    hex, io, DataFile, Error, FileEntry, FileRole, MadeBy, Manifest, Result, Text, DATA_VERSION,
    EVENT_DATA, FORMAT, FORMAT_VERSION, MANIFEST, STREAM_KEYS,
};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use showcall_core::i18n::Lang;
use showcall_core::job::{Job, Meter, Unit};
use showcall_core::model::EventData;
use showcall_core::store::Store;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

/// A human-readable copy written into the package.
pub struct Companion {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// A stored file to carry, named by its SHA-256.
pub struct Attachment {
    pub sha256: String,
    pub path: PathBuf,
}

/// How to export.
#[derive(Debug, Clone)]
pub struct Options {
    pub made_by: MadeBy,
    /// Put the stream keys in the package (an explicit choice; off by default).
    pub include_stream_keys: bool,
    /// The language of the companions.
    pub lang: Lang,
    pub now: DateTime<Utc>,
}

impl Options {
    /// How whoever uses `store` exports: made by them, and with the stream keys only when asked
    /// and theirs to send (the customer's lead never sees keys, so never sends them).
    pub fn of(store: &Store, include_stream_keys: bool, lang: Lang, now: DateTime<Utc>) -> Self {
        let made_by = store.actor();
        let may = showcall_core::edit::may(made_by, showcall_core::edit::Act::ExportStreamKeys);
        Options {
            made_by,
            include_stream_keys: include_stream_keys && may.is_ok(),
            lang,
            now,
        }
    }
}

pub use showcall_core::handoff::Exported as Written;

/// The human-readable copies of an event: run of show, calendar, destinations sheet.
pub fn companions(
    store: &Store,
    data: &EventData,
    lang: Lang,
    now: DateTime<Utc>,
) -> Result<Vec<Companion>> {
    companions_with(store, data, lang, now, &Job::none())
}

/// [`companions`], one step each (stage `companions`), stopping between them when `job` is
/// cancelled.
pub fn companions_with(
    store: &Store,
    data: &EventData,
    lang: Lang,
    now: DateTime<Utc>,
    job: &Job,
) -> Result<Vec<Companion>> {
    let runsheet = |e: showcall_runsheet::Error| Error::Format(runsheet_text(&e));
    let steps = if data.destinations.is_empty() { 4 } else { 5 };
    let mut meter = job.meter(Unit::Steps, "companions", Some(steps));
    let mut out = Vec::with_capacity(steps as usize);
    let mut made = |path: &str, bytes: Vec<u8>| -> Result<()> {
        out.push(Companion {
            path: path.into(),
            bytes,
        });
        meter.add(1);
        Ok(job.check()?)
    };
    job.check()?;
    made(
        "run-of-show.pdf",
        showcall_runsheet::pdf(data, lang).map_err(runsheet)?,
    )?;
    made(
        "run-of-show.xlsx",
        showcall_runsheet::xlsx(data, lang).map_err(runsheet)?,
    )?;
    made(
        "run-of-show.csv",
        showcall_runsheet::csv(data, lang).into_bytes(),
    )?;
    let cues = store.cue_timeline(&data.event.id)?;
    made(
        "calendar.ics",
        showcall_core::ics::calendar(data, Some(&cues), lang, now).into_bytes(),
    )?;
    if !data.destinations.is_empty() {
        made(
            "destinations.html",
            showcall_core::rtmp_sheet::sheet_html(data, lang).into_bytes(),
        )?;
    }
    meter.finish();
    Ok(out)
}

/// A run-of-show writer's refusal, in both languages.
fn runsheet_text(e: &showcall_runsheet::Error) -> Text {
    use showcall_runsheet::Error as R;
    #[allow(unreachable_patterns)]
    let fr = match e {
        R::UnknownTimeZone(z) => format!("fuseau horaire inconnu : {z}"),
        R::Xlsx(x) => format!("impossible d’écrire le classeur : {x}"),
        R::Pdf(p) => format!("impossible d’écrire le PDF : {p}"),
        R::UnknownFormat(f) => format!("format inconnu « {f} » (pdf, xlsx ou csv)"),
        // A reason added to the run-of-show crate later reads in English until translated here.
        other => other.to_string(),
    };
    Text::new(format!("run of show: {e}"), format!("déroulement : {fr}"))
}

/// Exports an event to `out`, and remembers what was sent as the base of the next merge. The
/// path is checked first ([`showcall_core::paths::export_target`]): a full path, outside the
/// data folder, to a file that is not hidden, in a folder that exists, replacing at most a
/// regular file (whole, through a temporary file renamed when complete).
pub fn export(store: &mut Store, event_id: &str, out: &Path, opts: &Options) -> Result<Written> {
    export_with(store, event_id, out, opts, &Job::none())
}

/// [`export`], reporting its progress to `job` (the companions as steps, then the bytes put in
/// the package) and stopping when it is cancelled: before the package is renamed into place
/// and the base of the next merge remembered, the temporary file is removed and nothing is
/// changed.
pub fn export_with(
    store: &mut Store,
    event_id: &str,
    out: &Path,
    opts: &Options,
    job: &Job,
) -> Result<Written> {
    let out = &showcall_core::paths::export_target(out, store.path())?;
    job.check()?;
    let data = store.load(event_id)?;
    job.check()?;
    let companions = companions_with(store, &data, opts.lang, opts.now, job)?;
    let keys = if opts.include_stream_keys {
        let mut keys = BTreeMap::new();
        for d in data.destinations.iter().filter(|d| d.has_key) {
            if let Some(k) = store.stream_key(&d.id)? {
                keys.insert(d.id.clone(), k);
            }
        }
        Some(keys)
    } else {
        None
    };
    let head = Head {
        made_by: opts.made_by,
        created_at: opts.now,
    };
    // The checklist's stored files travel under `files/<sha256>` (one missing from the data
    // folder, removed by hand, is left out rather than blocking the handoff).
    let attachments: Vec<Attachment> = match crate::files_dir(store) {
        Some(dir) => showcall_core::branding::stored_hashes(&data)
            .into_iter()
            .map(|sha256| Attachment {
                path: showcall_core::paths::blob_path(&dir, &sha256),
                sha256,
            })
            .filter(|a| a.path.is_file())
            .collect(),
        None => Vec::new(),
    };
    let manifest = write_package_with(
        out,
        &head,
        &data,
        &companions,
        &attachments,
        keys.as_ref(),
        job,
    )?;
    store.set_exchange_base(&data, opts.now)?;
    Ok(Written {
        path: out.display().to_string(),
        files: manifest.files.len() as u32 + 1,
        bytes: std::fs::metadata(out).map_err(io(out))?.len(),
        stream_keys: keys.map_or(0, |k| k.len() as u32),
    })
}

/// Who made the package, and when.
pub struct Head {
    pub made_by: MadeBy,
    pub created_at: DateTime<Utc>,
}

struct Partial {
    path: PathBuf,
    done: bool,
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.done {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// The package file under the zip writer. After its first write error (a full disk) it takes
/// and drops what follows, so that the zip writer, dropped on the error path, finishes quietly
/// instead of printing to stderr; the error itself has gone up, and [`Partial`] removes the file.
struct Quiet {
    file: File,
    failed: bool,
    /// Where the writer stands, and the furthest it went: kept up after a failure too, so that
    /// the zip writer's own bookkeeping stays consistent while it finishes into nothing.
    pos: u64,
    end: u64,
}

impl Quiet {
    fn new(file: File) -> Self {
        Quiet {
            file,
            failed: false,
            pos: 0,
            end: 0,
        }
    }

    fn moved(&mut self, to: u64) -> u64 {
        self.pos = to;
        self.end = self.end.max(to);
        to
    }
}

impl Write for Quiet {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = if self.failed {
            buf.len()
        } else {
            self.file.write(buf).inspect_err(|_| self.failed = true)?
        };
        self.moved(self.pos + n as u64);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.failed {
            return Ok(());
        }
        self.file.flush().inspect_err(|_| self.failed = true)
    }
}

impl std::io::Seek for Quiet {
    fn seek(&mut self, pos: std::io::SeekFrom) -> std::io::Result<u64> {
        use std::io::SeekFrom;
        if !self.failed {
            let to = self.file.seek(pos).inspect_err(|_| self.failed = true)?;
            return Ok(self.moved(to));
        }
        let to = match pos {
            SeekFrom::Start(n) => n,
            SeekFrom::Current(d) => self.pos.saturating_add_signed(d),
            SeekFrom::End(d) => self.end.saturating_add_signed(d),
        };
        Ok(self.moved(to))
    }
}

/// Removes what killed or crashed exports of `name` left in `folder` (`.NAME.partial-*`),
/// once they are old enough not to be another export still running.
fn sweep_partials(folder: &Path, name: &str) {
    let prefix = format!(".{name}.partial-");
    let Ok(list) = std::fs::read_dir(folder) else {
        return;
    };
    for e in list.flatten() {
        let stale = e
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age >= PARTIAL_MIN_AGE);
        if stale && e.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

/// How old a `.NAME.partial-*` must be before an export of the same name removes it.
const PARTIAL_MIN_AGE: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// Hashes what passes through.
struct Hashing<R> {
    inner: R,
    hash: Sha256,
    n: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let got = self.inner.read(buf)?;
        self.hash.update(&buf[..got]);
        self.n += got as u64;
        Ok(got)
    }
}

/// Creates the temporary package file (a new one: the name is random); owner-only from the
/// start when `secret` on unix (elsewhere the folder's own permissions apply).
fn create(path: &Path, secret: bool) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(if secret { 0o600 } else { 0o666 });
    }
    #[cfg(not(unix))]
    let _ = secret;
    o.open(path)
}

/// Writes a package at `out` (replacing it only once complete) and returns its manifest. With
/// `keys` the file is owner-only (0600 on unix), as are its entries in the zip.
pub fn write_package(
    out: &Path,
    head: &Head,
    data: &EventData,
    companions: &[Companion],
    attachments: &[Attachment],
    keys: Option<&BTreeMap<String, String>>,
) -> Result<Manifest> {
    write_package_with(out, head, data, companions, attachments, keys, &Job::none())
}

/// [`write_package`], reporting the bytes put in the package to `job` (stage `write`) and
/// checking it per file, per MiB of an attached file, and before the rename: when cancelled,
/// the temporary file is removed and `out` is as it was.
pub fn write_package_with(
    out: &Path,
    head: &Head,
    data: &EventData,
    companions: &[Companion],
    attachments: &[Attachment],
    keys: Option<&BTreeMap<String, String>>,
    job: &Job,
) -> Result<Manifest> {
    job.check()?;
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "package".into());
    if let Some(folder) = out.parent() {
        sweep_partials(folder, &name);
    }
    let tmp = out.with_file_name(format!(".{name}.partial-{}", uuid::Uuid::new_v4()));
    // A package with stream keys is its owner's alone: the file is made owner-only before its
    // first byte (the rename keeps the mode), and its entries say 0600 for whoever unzips it.
    let secret = keys.is_some();
    let mode = if secret { 0o600 } else { 0o644 };
    // Errors name the package being written, not its temporary name.
    let file = create(&tmp, secret).map_err(io(out))?;
    let mut partial = Partial {
        path: tmp.clone(),
        done: false,
    };
    let mut zip = zip::ZipWriter::new(BufWriter::new(Quiet::new(file)));
    // What only this machine knows (whether a key is stored, its hint, the last connection
    // test) stays out: the receiving side has its own.
    let mut event = data.clone();
    for d in event.destinations.iter_mut() {
        d.has_key = false;
        d.key_hint.clear();
        d.key_entered_for = None;
        d.last_test = None;
    }
    let body = DataFile {
        data_version: DATA_VERSION,
        event,
    };
    let stamp = {
        use chrono::{Datelike, Timelike};
        let t = head.created_at;
        zip::DateTime::from_date_and_time(
            t.year().clamp(1980, 2107) as u16,
            t.month() as u8,
            t.day() as u8,
            t.hour() as u8,
            t.minute() as u8,
            t.second() as u8,
        )
        .unwrap_or_default()
    };
    let packed = SimpleFileOptions::default()
        .last_modified_time(stamp)
        .compression_method(CompressionMethod::Deflated)
        .unix_permissions(mode);
    let stored = SimpleFileOptions::default()
        .last_modified_time(stamp)
        .compression_method(CompressionMethod::Stored)
        .unix_permissions(mode);
    let zerr = |e: zip::result::ZipError| Error::Io {
        path: out.display().to_string(),
        source: match e {
            zip::result::ZipError::Io(e) => e,
            e => std::io::Error::other(e),
        },
    };
    let werr = |e: std::io::Error| Error::Io {
        path: out.display().to_string(),
        source: e,
    };
    // What goes in, for the progress: the data, the companions, the keys and every attached
    // file once (their sizes as they stand; a file that changes meanwhile fails its hash).
    let mut seen = std::collections::BTreeSet::new();
    let attachments: Vec<(&Attachment, File, u64)> = attachments
        .iter()
        .filter(|a| seen.insert(a.sha256.as_str()))
        .map(|a| {
            let f = File::open(&a.path).map_err(io(&a.path))?;
            let size = f.metadata().map_err(io(&a.path))?.len();
            Ok((a, f, size))
        })
        .collect::<Result<_>>()?;
    let json = serde_json::to_vec_pretty(&body).expect("event data serialises");
    let keys_json = keys.map(|k| serde_json::to_vec_pretty(k).expect("keys serialise"));
    let total = [json.len(), keys_json.as_ref().map_or(0, Vec::len)]
        .into_iter()
        .chain(companions.iter().map(|c| c.bytes.len()))
        .map(|n| n as u64)
        .chain(attachments.iter().map(|(_, _, size)| *size))
        .fold(0u64, u64::saturating_add);
    let mut meter = job.meter(Unit::Bytes, "write", Some(total));
    let mut files = Vec::new();
    let mut put = |zip: &mut zip::ZipWriter<BufWriter<Quiet>>,
                   meter: &mut Meter<'_>,
                   path: &str,
                   bytes: &[u8],
                   role: FileRole|
     -> Result<()> {
        job.check()?;
        let already_packed = path.ends_with(".pdf") || path.ends_with(".xlsx");
        zip.start_file(path, if already_packed { stored } else { packed })
            .map_err(zerr)?;
        zip.write_all(bytes).map_err(werr)?;
        meter.add(bytes.len() as u64);
        let mut h = Sha256::new();
        h.update(bytes);
        files.push(FileEntry {
            path: path.into(),
            sha256: hex(h),
            size: bytes.len() as u64,
            role,
        });
        Ok(())
    };
    put(&mut zip, &mut meter, EVENT_DATA, &json, FileRole::Data)?;
    for c in companions {
        put(&mut zip, &mut meter, &c.path, &c.bytes, FileRole::Companion)?;
    }
    if let Some(json) = &keys_json {
        put(&mut zip, &mut meter, STREAM_KEYS, json, FileRole::Secret)?;
    }
    for (a, f, size) in attachments {
        job.check()?;
        let path = format!("files/{}", a.sha256);
        zip.start_file(&path, stored.large_file(size >= u32::MAX as u64))
            .map_err(zerr)?;
        let mut src = Hashing {
            inner: f,
            hash: Sha256::new(),
            n: 0,
        };
        copy(&mut src, &mut zip, &mut meter, job).map_err(|e| match e {
            Copy::Read(e) => io(&a.path)(e),
            Copy::Write(e) => werr(e),
            Copy::Stopped(e) => e.into(),
        })?;
        let found = hex(src.hash);
        if found != a.sha256 {
            return Err(Error::HashMismatch {
                name: a.path.display().to_string(),
                expected: a.sha256.clone(),
                found,
            });
        }
        files.push(FileEntry {
            path,
            sha256: found,
            size: src.n,
            role: FileRole::Asset,
        });
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        app_version: env!("CARGO_PKG_VERSION").into(),
        created_at: head.created_at,
        created_by: head.made_by,
        event_id: data.event.id.clone(),
        event_name: data.event.name.clone(),
        stream_keys_included: keys.is_some(),
        files,
    };
    job.check()?;
    zip.start_file(MANIFEST, packed).map_err(zerr)?;
    zip.write_all(&serde_json::to_vec_pretty(&manifest).expect("manifest serialises"))
        .map_err(werr)?;
    let w = zip.finish().map_err(zerr)?;
    let file = w.into_inner().map_err(|e| werr(e.into_error()))?.file;
    file.sync_all().map_err(werr)?;
    // The last moment to stop: after the rename the package is there, whole.
    job.check()?;
    std::fs::rename(&tmp, out).map_err(io(out))?;
    partial.done = true;
    meter.finish();
    Ok(manifest)
}

/// Why [`copy`] stopped.
enum Copy {
    Read(std::io::Error),
    Write(std::io::Error),
    Stopped(showcall_core::Error),
}

/// Copies `from` into `to` through a 256 KiB buffer, counting the bytes on `meter` and checking
/// `job` at least once a MiB.
fn copy(
    from: &mut impl Read,
    to: &mut impl Write,
    meter: &mut Meter<'_>,
    job: &Job,
) -> std::result::Result<(), Copy> {
    let mut buf = vec![0u8; 256 << 10];
    loop {
        let got = match from.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Copy::Read(e)),
        };
        to.write_all(&buf[..got]).map_err(Copy::Write)?;
        meter.add(got as u64);
        job.check().map_err(Copy::Stopped)?;
    }
}
