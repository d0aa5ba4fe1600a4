//! Spec checks on a branding asset file: its type by content (not by name), pixel size and
//! aspect from the file's header (no decoding), byte size, transparency for logos and overlays,
//! and whether the file is complete (PNG's IEND chunk, JPEG's end marker). Each failed check
//! says what was expected and what was found, in English or French. Video clips are probed with
//! `ffprobe` (Debian's ffmpeg) when it is installed; when it is not, the report says so plainly.
//! Specs come from `assets/branding-specs.json`.

use crate::i18n::Lang;
pub use crate::model::{
    check_label, AssetCheck as Check, AssetReport as Report, AssetSpec as Spec,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Presets {
    kinds: BTreeMap<String, Spec>,
}

/// The default spec of each kind (`logo`, `banner`, `background`, `overlay`, `video`).
pub fn presets() -> BTreeMap<String, Spec> {
    let p: Presets = serde_json::from_str(include_str!("../../../assets/branding-specs.json"))
        .expect("assets/branding-specs.json is valid");
    p.kinds
}

fn check(name: &str, ok: bool, expected: impl Into<String>, found: impl Into<String>) -> Check {
    Check {
        check: name.into(),
        ok,
        expected: expected.into(),
        found: found.into(),
        skipped: false,
    }
}

/// Picks the English or French text.
fn say(lang: Lang, en: impl Into<String>, fr: impl Into<String>) -> String {
    match lang {
        Lang::En => en.into(),
        Lang::FrCa => fr.into(),
    }
}

/// The type by the file's first bytes.
pub fn sniff(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some("png");
    }
    if head.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Some("jpeg");
    }
    if head.starts_with(b"GIF8") {
        return Some("gif");
    }
    if head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP" {
        return Some("webp");
    }
    if head.len() >= 12 && &head[4..8] == b"ftyp" {
        return Some(if &head[8..10] == b"qt" { "mov" } else { "mp4" });
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(512)]).to_lowercase();
    if text.contains("<svg") {
        return Some("svg");
    }
    if head.starts_with(b"%PDF") {
        return Some("pdf");
    }
    None
}

/// Walks the PNG's chunk headers (seeking over their data): whether it has an alpha channel or
/// a transparent colour, and whether it ends with IEND.
fn png_facts(f: &mut std::fs::File, len: u64) -> std::io::Result<(bool, bool)> {
    let mut pos = 8u64;
    let mut alpha = false;
    loop {
        if pos + 8 > len {
            return Ok((alpha, false));
        }
        f.seek(SeekFrom::Start(pos))?;
        let mut h = [0u8; 8];
        f.read_exact(&mut h)?;
        let size = u32::from_be_bytes([h[0], h[1], h[2], h[3]]) as u64;
        let kind = &h[4..8];
        if !kind.iter().all(u8::is_ascii_alphabetic) {
            // Not a chunk: the file is damaged here (and a walk over garbage stops at once).
            return Ok((alpha, false));
        }
        if kind == b"IHDR" {
            let mut ihdr = [0u8; 13];
            f.read_exact(&mut ihdr)?;
            // Colour type 4 (grey + alpha) or 6 (RGBA).
            alpha |= matches!(ihdr[9], 4 | 6);
        }
        if kind == b"tRNS" {
            alpha = true;
        }
        let end = pos + 12 + size;
        if kind == b"IEND" {
            return Ok((alpha, end <= len));
        }
        pos = end;
    }
}

/// Whether a JPEG ends with its end-of-image marker (trailing padding aside).
fn jpeg_complete(f: &mut std::fs::File, len: u64) -> std::io::Result<bool> {
    let tail = len.min(64);
    f.seek(SeekFrom::Start(len - tail))?;
    let mut buf = vec![0u8; tail as usize];
    f.read_exact(&mut buf)?;
    while buf.last() == Some(&0) {
        buf.pop();
    }
    Ok(buf.ends_with(&[0xFF, 0xD9]))
}

fn mb(b: u64, lang: Lang) -> String {
    let s = if b < 1_000_000 {
        format!("{:.0} KB", (b as f64 / 1e3).ceil())
    } else {
        format!("{:.1} MB", b as f64 / 1e6)
    };
    match lang {
        Lang::En => s,
        Lang::FrCa => s.replace('.', ",").replace("KB", "ko").replace("MB", "Mo"),
    }
}

/// Runs `spec`'s checks on the file at `path`, with texts in `lang`. An unreadable or vanished
/// file is one failed `readable` check (the rest are not run).
pub fn check_file(path: &Path, kind: &str, spec: &Spec, lang: Lang) -> Report {
    run(path, kind, spec, lang, true)
}

/// Only what the first bytes and the size tell: readable, type, byte size. Cheap on any file
/// (no probe, no chunk walk): what decides whether a file is worth copying.
pub fn check_head(path: &Path, kind: &str, spec: &Spec, lang: Lang) -> Report {
    run(path, kind, spec, lang, false)
}

fn run(path: &Path, kind: &str, spec: &Spec, lang: Lang, full: bool) -> Report {
    let mut r = Report {
        kind: kind.into(),
        file_type: None,
        bytes: 0,
        width: None,
        height: None,
        duration_ms: None,
        checks: Vec::new(),
    };
    let opened = std::fs::File::open(path).and_then(|f| {
        let meta = f.metadata()?;
        if meta.is_dir() {
            return Err(std::io::Error::other(say(
                lang,
                "it is a folder",
                "c’est un dossier",
            )));
        }
        Ok((f, meta.len()))
    });
    let (mut f, len) = match opened {
        Ok(x) => x,
        Err(e) => {
            r.checks.push(check(
                "readable",
                false,
                say(lang, "a readable file", "un fichier lisible"),
                e.to_string(),
            ));
            return r;
        }
    };
    r.bytes = len;
    let mut head = vec![0u8; 512];
    let n = f.read(&mut head).unwrap_or(0);
    head.truncate(n);
    let ty = sniff(&head);
    r.file_type = ty.map(str::to_string);
    let want = if spec.types.is_empty() {
        say(lang, "any type", "tout type")
    } else {
        spec.types
            .iter()
            .map(|t| t.to_uppercase())
            .collect::<Vec<_>>()
            .join(&say(lang, " or ", " ou "))
    };
    let found = ty
        .map(str::to_uppercase)
        .unwrap_or_else(|| say(lang, "unknown", "inconnu"));
    // A spec naming no type (an "other" item) takes any file.
    let type_ok = spec.types.is_empty() || ty.is_some_and(|t| spec.types.iter().any(|x| x == t));
    r.checks.push(check("type", type_ok, want, found));
    if let Some(max) = spec.max_bytes {
        r.checks.push(check(
            "bytes",
            len <= max,
            say(
                lang,
                format!("at most {}", mb(max, lang)),
                format!("au plus {}", mb(max, lang)),
            ),
            mb(len, lang),
        ));
    }
    let (true, Some(ty), true) = (type_ok, ty, full) else {
        return r;
    };
    if matches!(ty, "mp4" | "mov") {
        probe_checks(path, spec, lang, &mut r);
        return r;
    }
    let (alpha, complete) = match ty {
        "png" => png_facts(&mut f, len).unwrap_or((false, false)),
        "jpeg" => (false, jpeg_complete(&mut f, len).unwrap_or(false)),
        _ => (false, true),
    };
    r.checks.push(check(
        "complete",
        complete,
        say(
            lang,
            "the whole file (its end marker present)",
            "le fichier entier (marqueur de fin présent)",
        ),
        if complete {
            say(lang, "complete", "complet")
        } else {
            say(
                lang,
                "truncated or damaged: the end marker is missing",
                "tronqué ou abîmé : le marqueur de fin manque",
            )
        },
    ));
    if ty != "svg" {
        match imagesize::size(path) {
            Ok(s) => {
                let (w, h) = (s.width as u32, s.height as u32);
                r.width = Some(w);
                r.height = Some(h);
                size_checks(spec, w, h, lang, &mut r.checks);
            }
            Err(e) => r.checks.push(check(
                "dimensions",
                false,
                say(
                    lang,
                    "pixel size in the header",
                    "la taille en pixels dans l’en-tête",
                ),
                say(
                    lang,
                    format!("unreadable header: {e}"),
                    format!("en-tête illisible : {e}"),
                ),
            )),
        }
    }
    if spec.transparency && ty == "png" {
        r.checks.push(check(
            "transparency",
            alpha,
            say(
                lang,
                "an alpha channel (transparent background)",
                "une couche alpha (fond transparent)",
            ),
            if alpha {
                say(lang, "alpha channel", "couche alpha")
            } else {
                say(
                    lang,
                    "no alpha channel: the background is opaque",
                    "pas de couche alpha : le fond est opaque",
                )
            },
        ));
    }
    r
}

/// Pixel size and aspect checks, for images and video frames alike.
fn size_checks(spec: &Spec, w: u32, h: u32, lang: Lang, out: &mut Vec<Check>) {
    let found = format!("{w}×{h}");
    let at_least = say(lang, "at least", "au moins");
    if let (Some(ew), Some(eh)) = (spec.width, spec.height) {
        out.push(check(
            "dimensions",
            (w, h) == (ew, eh),
            format!("{ew}×{eh}"),
            found.clone(),
        ));
    }
    if spec.min_width.is_some() || spec.min_height.is_some() {
        let (mw, mh) = (spec.min_width.unwrap_or(0), spec.min_height.unwrap_or(0));
        out.push(check(
            "dimensions",
            w >= mw && h >= mh,
            format!("{at_least} {mw}×{mh}"),
            found.clone(),
        ));
    }
    if let Some(m) = spec.min_long_side {
        out.push(check(
            "dimensions",
            w.max(h) >= m,
            say(
                lang,
                format!("at least {m} px on the long side"),
                format!("au moins {m} px sur le grand côté"),
            ),
            found.clone(),
        ));
    }
    if spec.landscape {
        out.push(check(
            "aspect",
            w > h,
            say(
                lang,
                "landscape (wider than tall)",
                "paysage (plus large que haut)",
            ),
            found.clone(),
        ));
    }
    if let Some(a) = spec.max_aspect {
        let ratio = w.max(h) as f64 / w.min(h).max(1) as f64;
        out.push(check(
            "aspect",
            ratio <= a,
            format!("{} {a}:1", say(lang, "at most", "au plus")),
            format!("{ratio:.1}:1"),
        ));
    }
}

/// The `ffprobe` to run: `SHOWCALL_FFPROBE` when set, else the one on the `PATH`.
pub fn ffprobe() -> PathBuf {
    std::env::var_os("SHOWCALL_FFPROBE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("ffprobe"))
}

/// What ffprobe tells of a clip.
#[derive(Debug, Default, PartialEq)]
struct Probed {
    duration_ms: Option<u64>,
    video: Option<(String, u32, u32, Option<f64>)>,
    audio: Option<String>,
}

enum ProbeError {
    /// No ffprobe on this machine.
    Missing,
    /// ffprobe ran and refused the file (its first line of complaint).
    Refused(String),
}

fn rate(s: &str) -> Option<f64> {
    let (n, d) = s.split_once('/').unwrap_or((s, "1"));
    let (n, d): (f64, f64) = (n.parse().ok()?, d.parse().ok()?);
    (d > 0.0 && n > 0.0).then(|| n / d)
}

fn probe(path: &Path) -> Result<Probed, ProbeError> {
    let out = std::process::Command::new(ffprobe())
        .args([
            "-v",
            "error",
            "-show_entries",
            "format=duration:stream=codec_type,codec_name,width,height,avg_frame_rate,r_frame_rate",
            "-of",
            "json",
        ])
        .arg(path)
        .output()
        .map_err(|_| ProbeError::Missing)?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    let complaint = stderr
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .map(|l| {
            l.rsplit_once("]: ")
                .map(|(_, m)| m)
                .unwrap_or(l)
                .to_string()
        });
    if !out.status.success() {
        return Err(ProbeError::Refused(
            complaint.unwrap_or_else(|| "ffprobe could not read the file".into()),
        ));
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .map_err(|e| ProbeError::Refused(format!("ffprobe output: {e}")))?;
    let mut p = Probed {
        duration_ms: v["format"]["duration"]
            .as_str()
            .and_then(|d| d.parse::<f64>().ok())
            .map(|d| (d * 1000.0).round() as u64),
        ..Probed::default()
    };
    for s in v["streams"].as_array().into_iter().flatten() {
        let codec = s["codec_name"].as_str().unwrap_or_default().to_string();
        match s["codec_type"].as_str() {
            Some("video") if p.video.is_none() => {
                let fps = s["avg_frame_rate"]
                    .as_str()
                    .and_then(rate)
                    .or_else(|| s["r_frame_rate"].as_str().and_then(rate));
                p.video = Some((
                    codec,
                    s["width"].as_u64().unwrap_or(0) as u32,
                    s["height"].as_u64().unwrap_or(0) as u32,
                    fps,
                ));
            }
            Some("audio") if p.audio.is_none() => p.audio = Some(codec),
            _ => {}
        }
    }
    if p.video.is_none() {
        return Err(ProbeError::Refused(match complaint {
            Some(c) => c,
            None => "no video track".into(),
        }));
    }
    Ok(p)
}

/// Container, codecs, size, frame rate and duration of a clip, read by ffprobe.
fn probe_checks(path: &Path, spec: &Spec, lang: Lang, r: &mut Report) {
    let p = match probe(path) {
        Ok(p) => p,
        Err(ProbeError::Missing) => {
            r.checks.push(Check {
                skipped: true,
                ..check(
                    "probe",
                    true,
                    say(
                        lang,
                        "ffprobe (from ffmpeg) to read codecs, size, frame rate and duration",
                        "ffprobe (de ffmpeg) pour lire codecs, taille, fréquence d’images et durée",
                    ),
                    say(
                        lang,
                        "ffprobe is not installed: codecs, size, frame rate and duration were not checked",
                        "ffprobe n’est pas installé : codecs, taille, fréquence d’images et durée non vérifiés",
                    ),
                )
            });
            return;
        }
        Err(ProbeError::Refused(why)) => {
            r.checks.push(check(
                "complete",
                false,
                say(
                    lang,
                    "a playable clip with a video track",
                    "un clip lisible avec une piste vidéo",
                ),
                say(
                    lang,
                    format!("damaged or truncated: {why}"),
                    format!("abîmé ou tronqué : {why}"),
                ),
            ));
            return;
        }
    };
    r.duration_ms = p.duration_ms;
    let (vcodec, w, h, fps) = p.video.clone().expect("checked in probe");
    r.width = Some(w);
    r.height = Some(h);
    let list = |v: &[String]| {
        v.iter()
            .map(|c| c.to_uppercase().replace("H264", "H.264"))
            .collect::<Vec<_>>()
            .join(&say(lang, " or ", " ou "))
    };
    let name = |c: &str| c.to_uppercase().replace("H264", "H.264");
    if !spec.video_codecs.is_empty() {
        r.checks.push(check(
            "videoCodec",
            spec.video_codecs.contains(&vcodec),
            list(&spec.video_codecs),
            name(&vcodec),
        ));
    }
    if !spec.audio_codecs.is_empty() {
        let (ok, found) = match &p.audio {
            Some(a) => (spec.audio_codecs.contains(a), name(a)),
            None => (true, say(lang, "no sound track", "pas de piste audio")),
        };
        r.checks
            .push(check("audioCodec", ok, list(&spec.audio_codecs), found));
    }
    size_checks(spec, w, h, lang, &mut r.checks);
    if let Some(max) = spec.max_fps {
        let (ok, found) = match fps {
            Some(f) => (f <= max + 0.01, format!("{f:.2} fps")),
            None => (false, say(lang, "unknown", "inconnue")),
        };
        r.checks.push(check(
            "frameRate",
            ok,
            format!("{} {max} fps", say(lang, "at most", "au plus")),
            found,
        ));
    }
    let secs = p.duration_ms.map(|d| d as f64 / 1000.0);
    r.checks.push(check(
        "duration",
        secs.is_some_and(|s| s > 0.0),
        say(lang, "a length", "une durée"),
        match secs {
            Some(s) => format!("{s:.1} s"),
            None => say(lang, "unknown", "inconnue"),
        },
    ));
}
