//! The file blob store: attached branding files copied into `files/<aa>/<sha256>` beside the
//! database (written under a temporary name, synced, then renamed), video stills in `thumbs/`,
//! and the start-up sweep of what an interrupted copy left behind.

use crate::asset_check::{self, Spec};
use crate::branding::say;
use crate::error::{Error, Invalid, Result};
use crate::i18n::Lang;
use crate::model::{new_id, AssetFile, AssetKind};
use crate::paths::{blob_path, files_dir, thumbs_dir};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Removes what an interrupted copy left behind: `files/.incoming-*` and half-made stills.
/// Returns how many were removed. Run at start-up.
pub fn sweep(db: &Path) -> usize {
    let mut n = 0;
    for (dir, leftover) in [(files_dir(db), ".incoming-"), (thumbs_dir(db), ".")] {
        let Ok(list) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in list.flatten() {
            let name = e.file_name();
            if name.to_string_lossy().starts_with(leftover)
                && e.path().is_file()
                && std::fs::remove_file(e.path()).is_ok()
            {
                n += 1;
            }
        }
    }
    n
}

/// Files bigger than this are never copied (the checks still run and say why).
pub const MAX_STORED_BYTES: u64 = 1_000_000_000;

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.display().to_string(),
        source,
    }
}

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
        let sha = hash_file(src, over_cap)?;
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
    let copied = stream(src, Some(&tmp));
    let (sha, bytes) = match copied {
        Ok(x) => x,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    let report = asset_check::check_file(&tmp, kind.code(), spec, lang);
    let dest = blob_path(files_dir, &sha);
    let placed = if dest.exists() {
        std::fs::remove_file(&tmp).map_err(|e| io(&tmp, e))
    } else {
        let dir = dest.parent().expect("blob paths have a folder");
        std::fs::create_dir_all(dir)
            .map_err(|e| io(dir, e))
            .and_then(|()| std::fs::rename(&tmp, &dest).map_err(|e| io(&dest, e)))
    };
    if let Err(e) = placed {
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

/// Makes `thumbs/<sha>.jpg` from the clip's first second with ffmpeg, if it is installed.
fn video_still(files_dir: &Path, sha: &str) -> bool {
    let thumbs = files_dir.parent().unwrap_or(Path::new(".")).join("thumbs");
    if std::fs::create_dir_all(&thumbs).is_err() {
        return false;
    }
    let out = thumbs.join(format!("{sha}.jpg"));
    if out.exists() {
        return true;
    }
    let tmp = thumbs.join(format!(".{sha}.jpg"));
    let ok = std::process::Command::new(ffmpeg())
        .args(["-v", "error", "-y", "-ss", "0.5", "-i"])
        .arg(blob_path(files_dir, sha))
        .args(["-frames:v", "1", "-vf", "scale=320:-2", "-f", "image2"])
        .arg(&tmp)
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success());
    ok && std::fs::rename(&tmp, &out).is_ok()
}

/// The SHA-256 of a file, or with `head_only` of its first 64 KiB and its length.
fn hash_file(src: &Path, head_only: bool) -> Result<String> {
    let mut f = std::fs::File::open(src).map_err(|e| io(src, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    if head_only {
        let n = f.read(&mut buf).map_err(|e| io(src, e))?;
        h.update(&buf[..n]);
        let len = f.metadata().map_err(|e| io(src, e))?.len();
        h.update(len.to_le_bytes());
        return Ok(hex(&h.finalize()));
    }
    Ok(stream(src, None)?.0)
}

/// Reads `src` once, hashing it, and writes it to `to` (synced) when given: (SHA-256, bytes).
fn stream(src: &Path, to: Option<&Path>) -> Result<(String, u64)> {
    let mut f = std::fs::File::open(src).map_err(|e| io(src, e))?;
    let mut out = match to {
        Some(to) => Some((std::fs::File::create(to).map_err(|e| io(to, e))?, to)),
        None => None,
    };
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut total = 0u64;
    loop {
        let n = f.read(&mut buf).map_err(|e| io(src, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        if let Some((out, to)) = &mut out {
            out.write_all(&buf[..n]).map_err(|e| io(to, e))?;
        }
        total += n as u64;
    }
    if let Some((out, to)) = &out {
        out.sync_all().map_err(|e| io(to, e))?;
    }
    Ok((hex(&h.finalize()), total))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}
