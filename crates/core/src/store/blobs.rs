//! The file blob store: attached branding files copied into `files/<aa>/<sha256>` beside the
//! database (written under a temporary name, synced, renamed, and the folder synced), video
//! stills in `thumbs/`, and the start-up sweep of what an interrupted copy left behind. Only
//! ordinary files are attached (never a device or a pipe), and a copy stops at the cap however
//! big the file said it was.

use crate::asset_check::{self, Spec};
use crate::branding::say;
use crate::error::{Error, Invalid, Result};
use crate::i18n::Lang;
use crate::job::{Job, Unit};
use crate::model::{new_id, AssetFile, AssetKind};
use crate::paths::{blob_path, files_dir, thumbs_dir};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

/// A leftover younger than this may be another running copy's work in progress (a second app
/// window, an import): the sweep leaves it.
pub const SWEEP_MIN_AGE: Duration = Duration::from_secs(10 * 60);

/// Removes what an interrupted copy left behind: `files/.incoming-*` (files, and the folders a
/// package import stages its files in) and half-made stills (`thumbs/.*`), once untouched for
/// [`SWEEP_MIN_AGE`]. Returns how many were removed. Run at start-up.
pub fn sweep(db: &Path) -> usize {
    sweep_older_than(db, SWEEP_MIN_AGE)
}

fn sweep_older_than(db: &Path, min_age: Duration) -> usize {
    let now = SystemTime::now();
    let mut n = 0;
    for (dir, leftover) in [(files_dir(db), ".incoming-"), (thumbs_dir(db), ".")] {
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in list.flatten() {
            if !e.file_name().to_string_lossy().starts_with(leftover) {
                continue;
            }
            let path = e.path();
            // Never followed: a link is removed as a link.
            let Ok(meta) = std::fs::symlink_metadata(&path) else {
                continue;
            };
            let fresh = last_touched(&path, &meta)
                .is_none_or(|t| now.duration_since(t).map_or(true, |age| age < min_age));
            if fresh {
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

/// When a leftover was last written: for a folder, the latest of the folder and what it holds
/// (a file being written into a staging folder does not touch the folder's own time).
fn last_touched(path: &Path, meta: &std::fs::Metadata) -> Option<SystemTime> {
    let mut t = meta.modified().ok()?;
    if meta.is_dir() {
        for e in std::fs::read_dir(path).ok()?.flatten() {
            let m = e.metadata().ok()?.modified().ok()?;
            t = t.max(m);
        }
    }
    Some(t)
}

/// Files bigger than this are never copied (the checks still run and say why).
pub const MAX_STORED_BYTES: u64 = 1_000_000_000;

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source,
    }
}

/// How long ffmpeg may take to make a clip's still, unless `SHOWCALL_STILL_TIMEOUT_SECS` says
/// otherwise.
pub const STILL_TIMEOUT_SECS: u64 = 30;

/// The `ffmpeg` to run: `SHOWCALL_FFMPEG` when set, else the one on the `PATH`.
fn ffmpeg() -> PathBuf {
    std::env::var_os("SHOWCALL_FFMPEG")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("ffmpeg"))
}

/// Checks the file at `src` against `spec` and, unless its type is wrong or it is far too big,
/// copies it into `files_dir` under its SHA-256 (the original is only read). The copy is written
/// to a temporary name and renamed once complete, and the checks run on the copy, so the report
/// describes exactly the bytes kept. A file that cannot be read is an error: nothing is kept.
pub fn store_file(
    files_dir: &Path,
    src: &Path,
    kind: AssetKind,
    spec: &Spec,
    by: &str,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<AssetFile> {
    store_file_with(files_dir, src, kind, spec, by, now, lang, &Job::none())
}

/// [`store_file`], counting the bytes copied on `job` (stage `copy`, then the clip's checks as
/// stage `check`). When `job` is cancelled it stops within 64 KiB and answers
/// [`Error::Cancelled`], leaving nothing in the data folder (a copy already in place under its
/// hash, from an earlier attach, is kept: it is whole and shared).
#[allow(clippy::too_many_arguments)]
pub fn store_file_with(
    files_dir: &Path,
    src: &Path,
    kind: AssetKind,
    spec: &Spec,
    by: &str,
    now: DateTime<Utc>,
    lang: Lang,
    job: &Job,
) -> Result<AssetFile> {
    job.check()?;
    let name = src
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if !kind.takes_files() {
        return Err(Error::invalid(
            "brandItem.file",
            say(
                format!(
                    "“{}” is filled in, not delivered as a file",
                    kind.title(lang)
                ),
                format!(
                    "« {} » se remplit, il ne se livre pas en fichier",
                    kind.title(lang)
                ),
            ),
        ));
    }
    // Only an ordinary file: a device (/dev/zero) or a named pipe reports no size and may never
    // end, and opening a pipe waits for a writer. (A vanished path and a folder get their own
    // words from the head check.)
    if std::fs::metadata(src).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
        return Err(not_a_file(&name));
    }
    // First what the head and the size tell (cheap on any file), to decide whether to copy.
    let mut first = asset_check::check_head(src, kind.code(), spec, lang);
    if let Some(c) = first.checks.iter().find(|c| c.check == "readable") {
        return Err(Error::invalid(
            "brandItem.file",
            Invalid::Say {
                en: format!("cannot read “{name}”: {}", c.found),
                fr: format!("impossible de lire « {name} » : {}", c.found),
            },
        ));
    }
    let over_cap = first.bytes > MAX_STORED_BYTES;
    if over_cap && !first.checks.iter().any(|c| c.check == "bytes" && !c.ok) {
        first.checks.push(asset_check::Check {
            check: "bytes".into(),
            ok: false,
            expected: match lang {
                Lang::En => "at most 1 GB (the most Showcall keeps)".into(),
                Lang::FrCa => "au plus 1 Go (le plus que Showcall conserve)".into(),
            },
            found: format!("{:.1} GB", first.bytes as f64 / 1e9),
            skipped: false,
        });
    }
    if !first.ok() {
        // Only the report is kept: a file of the wrong type or too big can never be used, so
        // it is not copied. A file over the cap is not even read through: its head and length
        // name the attempt.
        let sha = hash_file(src, &name, over_cap)?;
        return Ok(AssetFile {
            sha256: sha,
            name,
            bytes: first.bytes,
            added_at: now,
            added_by: by.into(),
            report: first,
            stored: false,
            thumbnail: false,
        });
    }
    std::fs::create_dir_all(files_dir).map_err(|e| io(files_dir, e))?;
    let tmp = files_dir.join(format!(".incoming-{}", new_id()));
    let (sha, bytes) = stream_capped(src, &name, Some(&tmp), MAX_STORED_BYTES, job)?;
    let checking = job.meter(Unit::Steps, "check", Some(1));
    let report = asset_check::check_file(&tmp, kind.code(), spec, lang);
    checking.finish();
    if job.is_cancelled() {
        let _ = std::fs::remove_file(&tmp);
        return Err(Error::Cancelled);
    }
    if let Err(e) = place(files_dir, &tmp, &sha, bytes) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    // A still for any clip with a picture, even one that fails a check (it is in the list).
    let thumbnail =
        kind == AssetKind::Video && report.width.is_some() && video_still(files_dir, &sha);
    Ok(AssetFile {
        sha256: sha,
        name,
        bytes,
        added_at: now,
        added_by: by.into(),
        report,
        stored: true,
        thumbnail,
    })
}

/// Puts the synced copy at `tmp` in its place under its hash, and syncs the folders so the
/// new name survives a power cut. A blob already there is kept only if it is whole (its length
/// and SHA-256 match): one left empty or damaged by a cut is replaced.
fn place(files_dir: &Path, tmp: &Path, sha: &str, bytes: u64) -> Result<()> {
    let dest = blob_path(files_dir, sha);
    if blob_intact(&dest, sha, bytes) {
        return std::fs::remove_file(tmp).map_err(|e| io(tmp, e));
    }
    let dir = dest.parent().expect("blob paths have a folder");
    std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
    std::fs::rename(tmp, &dest).map_err(|e| io(&dest, e))?;
    sync_dir(dir)?;
    sync_dir(files_dir)
}

/// Whether the blob at `dest` is an ordinary file with exactly these bytes.
fn blob_intact(dest: &Path, sha: &str, bytes: u64) -> bool {
    std::fs::symlink_metadata(dest).is_ok_and(|m| m.is_file() && m.len() == bytes)
        && stream(dest, "", None).is_ok_and(|(s, n)| s == sha && n == bytes)
}

/// Makes a folder's entries (a file renamed into it) durable. Where the OS or the file system
/// cannot sync a folder (Windows, some network shares), the rename is as safe as it gets.
fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::io::ErrorKind::{InvalidInput, Unsupported};
        match std::fs::File::open(dir).and_then(|d| d.sync_all()) {
            Err(e) if !matches!(e.kind(), InvalidInput | Unsupported) => return Err(io(dir, e)),
            _ => {}
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// The error for a path that is not an ordinary file (a device, a pipe, a socket).
fn not_a_file(name: &str) -> Error {
    Error::invalid(
        "brandItem.file",
        Invalid::Say {
            en: format!(
                "“{name}” is not an ordinary file (a device, pipe or socket): nothing was kept"
            ),
            fr: format!(
                "« {name} » n’est pas un fichier ordinaire (périphérique, tube ou socket) : rien n’a été conservé"
            ),
        },
    )
}

/// Makes `thumbs/<sha>.jpg` from the clip's first second with ffmpeg, if it is installed and
/// answers in time (an empty still is never kept).
fn video_still(files_dir: &Path, sha: &str) -> bool {
    let thumbs = files_dir.parent().unwrap_or(Path::new(".")).join("thumbs");
    if std::fs::create_dir_all(&thumbs).is_err() {
        return false;
    }
    let out = thumbs.join(format!("{sha}.jpg"));
    if std::fs::metadata(&out).is_ok_and(|m| m.is_file() && m.len() > 0) {
        return true;
    }
    let tmp = thumbs.join(format!(".{sha}.jpg"));
    let limit = asset_check::time_limit("SHOWCALL_STILL_TIMEOUT_SECS", STILL_TIMEOUT_SECS);
    let ran = asset_check::run_tool(
        Command::new(ffmpeg())
            .args(["-v", "error", "-y", "-ss", "0.5", "-i"])
            .arg(asset_check::file_url(&blob_path(files_dir, sha)))
            .args([
                "-frames:v",
                "1",
                "-vf",
                "scale=320:-2",
                "-f",
                "image2",
                "--",
            ])
            .arg(asset_check::file_url(&tmp)),
        limit,
    );
    let made = ran.is_ok_and(|o| o.status.success())
        && std::fs::metadata(&tmp).is_ok_and(|m| m.is_file() && m.len() > 0)
        && std::fs::File::open(&tmp).is_ok_and(|f| f.sync_all().is_ok())
        && std::fs::rename(&tmp, &out).is_ok();
    if !made {
        let _ = std::fs::remove_file(&tmp);
    }
    made
}

/// The SHA-256 of a file, or with `head_only` of its first 64 KiB and its length.
fn hash_file(src: &Path, name: &str, head_only: bool) -> Result<String> {
    if head_only {
        let mut f = std::fs::File::open(src).map_err(|e| io(src, e))?;
        let mut h = Sha256::new();
        let mut buf = vec![0u8; 1 << 16];
        let n = f.read(&mut buf).map_err(|e| io(src, e))?;
        h.update(&buf[..n]);
        let len = f.metadata().map_err(|e| io(src, e))?.len();
        h.update(len.to_le_bytes());
        return Ok(hex(&h.finalize()));
    }
    Ok(stream(src, name, None)?.0)
}

/// Reads `src` (named `name` to people) once, hashing it, and writes it to `to` (synced) when
/// given: (SHA-256, bytes). Stops with an error, removing `to`, when `src` is not an ordinary
/// file or runs past [`MAX_STORED_BYTES`].
fn stream(src: &Path, name: &str, to: Option<&Path>) -> Result<(String, u64)> {
    stream_capped(src, name, to, MAX_STORED_BYTES, &Job::none())
}

/// [`stream`] under `cap`, counting a copy's bytes on `job` and stopping it (removing `to`)
/// when `job` is cancelled.
fn stream_capped(
    src: &Path,
    name: &str,
    to: Option<&Path>,
    cap: u64,
    job: &Job,
) -> Result<(String, u64)> {
    let done = copy_capped(src, name, to, cap, job);
    if let (Err(_), Some(to)) = (&done, to) {
        let _ = std::fs::remove_file(to);
    }
    done
}

fn copy_capped(
    src: &Path,
    name: &str,
    to: Option<&Path>,
    cap: u64,
    job: &Job,
) -> Result<(String, u64)> {
    let mut f = std::fs::File::open(src).map_err(|e| io(src, e))?;
    // The path may have been swapped since it was checked: what was opened is what counts.
    let meta = f.metadata().map_err(|e| io(src, e))?;
    if !meta.is_file() {
        return Err(not_a_file(name));
    }
    let mut meter = to.map(|_| job.meter(Unit::Bytes, "copy", Some(meta.len().min(cap))));
    let mut out = match to {
        Some(to) => Some((std::fs::File::create(to).map_err(|e| io(to, e))?, to)),
        None => None,
    };
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        if job.is_cancelled() {
            return Err(Error::Cancelled);
        }
        let n = f.read(&mut buf).map_err(|e| io(src, e))?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if let Some(m) = &mut meter {
            m.add(n as u64);
        }
        if total > cap {
            // A file still being written, or one whose size lied: never more than the cap.
            let (en, fr) = match cap {
                MAX_STORED_BYTES => (
                    "1 GB (the most Showcall keeps)",
                    "1 Go (le plus que Showcall conserve)",
                ),
                _ => ("the most Showcall keeps", "le plus que Showcall conserve"),
            };
            return Err(Error::invalid(
                "brandItem.file",
                say(
                    format!("“{name}” grew past {en} while it was read: nothing was kept"),
                    format!("« {name} » a dépassé {fr} pendant sa lecture : rien n’a été conservé"),
                ),
            ));
        }
        h.update(&buf[..n]);
        if let Some((out, to)) = &mut out {
            out.write_all(&buf[..n]).map_err(|e| io(to, e))?;
        }
    }
    if let Some((out, to)) = &out {
        out.sync_all().map_err(|e| io(to, e))?;
    }
    if let Some(m) = meter {
        m.finish();
    }
    Ok((hex(&h.finalize()), total))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_reports_its_bytes_and_a_cancel_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let files = dir.path().join("files");
        // A clip's head (ftyp at bytes 4..8), then 8 MiB that take no room.
        let src = dir.path().join("clip.mp4");
        let mut head = vec![0u8, 0, 0, 0x18];
        head.extend_from_slice(b"ftypisom\0\0\0\0isomiso2");
        std::fs::write(&src, &head).unwrap();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&src)
            .unwrap()
            .set_len(8 << 20)
            .unwrap();
        let spec = asset_check::presets().remove("video").unwrap();
        let now = chrono::Utc::now();
        // Cancelled halfway through the copy, from its own progress.
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let job = {
            let seen = seen.clone();
            let cancel: std::sync::Arc<std::sync::OnceLock<Job>> = Default::default();
            let handle = cancel.clone();
            let job = Job::new(move |p| {
                if p.stage == "copy" && p.done >= 4 << 20 {
                    if let Some(j) = handle.get() {
                        j.cancel();
                    }
                }
                seen.lock().unwrap().push((p.stage, p.done, p.total));
            });
            let _ = cancel.set(job.clone());
            job
        };
        let e = store_file_with(
            &files,
            &src,
            AssetKind::Video,
            &spec,
            "analyst",
            now,
            Lang::En,
            &job,
        )
        .unwrap_err();
        assert_eq!(e.code(), "cancelled", "{e}");
        let left = crate::testing::files_under(&files);
        assert!(left.is_empty(), "left behind: {left:?}");
        let copied: Vec<u64> = seen
            .lock()
            .unwrap()
            .iter()
            .filter(|(s, _, _)| s == "copy")
            .map(|(_, d, _)| *d)
            .collect();
        assert!(
            copied.len() > 2 && copied.iter().all(|d| *d < 8 << 20),
            "{copied:?}"
        );
        // Not cancelled: the whole copy is counted, to the file's length, and kept.
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let job = {
            let seen = seen.clone();
            Job::new(move |p| seen.lock().unwrap().push((p.stage, p.done, p.total)))
        };
        let f = store_file_with(
            &files,
            &src,
            AssetKind::Video,
            &spec,
            "analyst",
            now,
            Lang::En,
            &job,
        )
        .unwrap();
        assert!(f.stored);
        let seen = seen.lock().unwrap();
        let last_copy = seen.iter().rfind(|(s, _, _)| s == "copy").unwrap();
        assert_eq!((last_copy.1, last_copy.2), (8 << 20, Some(8 << 20)));
        assert!(
            seen.iter().any(|(s, d, _)| s == "check" && *d == 1),
            "{seen:?}"
        );
        assert!(blob_path(&files, &f.sha256).is_file());
    }

    #[test]
    fn a_copy_stops_at_the_cap_and_leaves_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        // Sparse: 8 MiB of zeros that take no room, read through a 1 MiB cap.
        let src = dir.path().join("growing.mp4");
        std::fs::File::create(&src)
            .unwrap()
            .set_len(8 << 20)
            .unwrap();
        let tmp = dir.path().join(".incoming-test");
        let e = stream_capped(&src, "growing.mp4", Some(&tmp), 1 << 20, &Job::none()).unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "File: “growing.mp4” grew past the most Showcall keeps while it was read: nothing was kept"
        );
        assert!(e.message(Lang::FrCa).contains("« growing.mp4 » a dépassé"));
        assert!(!tmp.exists(), "the partial copy is removed");
        // Within the cap, the same file copies whole.
        let (_, n) = stream_capped(&src, "growing.mp4", Some(&tmp), 8 << 20, &Job::none()).unwrap();
        assert_eq!(
            (n, std::fs::metadata(&tmp).unwrap().len()),
            (8 << 20, 8 << 20)
        );
    }

    #[test]
    fn a_device_is_not_read_as_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join(".incoming-test");
        let e = stream(Path::new("/dev/zero"), "zero", Some(&tmp)).unwrap_err();
        assert!(
            e.message(Lang::En)
                .contains("“zero” is not an ordinary file"),
            "{}",
            e.message(Lang::En)
        );
        assert!(!tmp.exists());
    }

    #[test]
    fn the_sweep_leaves_fresh_leftovers_to_their_owner() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("showcall.db");
        let files = files_dir(&db);
        std::fs::create_dir_all(files.join(".incoming-pkg")).unwrap();
        std::fs::write(files.join(".incoming-pkg").join("a"), b"x").unwrap();
        std::fs::write(files.join(".incoming-one"), b"x").unwrap();
        assert_eq!(sweep(&db), 0, "both were just written");
        assert_eq!(sweep_older_than(&db, Duration::ZERO), 2);
        assert_eq!(std::fs::read_dir(&files).unwrap().count(), 0);
    }
}
