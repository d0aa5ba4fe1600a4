//! The checks on a video clip, read by `ffprobe` (Debian's ffmpeg) when it is installed:
//! container, video and audio codecs, pixel size, frame rate and duration. Without ffprobe the
//! report says plainly that these were not checked. ffprobe gets the clip as a `file:` URL and
//! at most `SHOWCALL_PROBE_TIMEOUT_SECS` (20 s by default) to answer.

use super::checks::{alternatives, check, say, size_checks};
use super::tool::{self, Ran};
use super::{Check, Report, Spec};
use crate::i18n::Lang;
use std::path::{Path, PathBuf};
use std::process::Command;

/// How long ffprobe may take on one clip, unless `SHOWCALL_PROBE_TIMEOUT_SECS` says otherwise.
pub const PROBE_TIMEOUT_SECS: u64 = 20;

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
    /// ffprobe did not answer within this many seconds and was stopped.
    TimedOut(u64),
}

fn rate(s: &str) -> Option<f64> {
    let (n, d) = s.split_once('/').unwrap_or((s, "1"));
    let (n, d): (f64, f64) = (n.parse().ok()?, d.parse().ok()?);
    (d > 0.0 && n > 0.0).then(|| n / d)
}

fn probe(path: &Path) -> Result<Probed, ProbeError> {
    let limit = tool::time_limit("SHOWCALL_PROBE_TIMEOUT_SECS", PROBE_TIMEOUT_SECS);
    let out = tool::run(
        Command::new(ffprobe()).args([
            "-v",
            "error",
            "-show_entries",
            "format=duration:stream=codec_type,codec_name,width,height,avg_frame_rate,r_frame_rate",
            "-of",
            "json",
            // The clip is the one argument after this, named as a file (never an option or a
            // protocol, whatever its name).
            "--",
        ])
        .arg(tool::file_url(path)),
        limit,
    )
    .map_err(|e| match e {
        Ran::Missing => ProbeError::Missing,
        Ran::TimedOut => ProbeError::TimedOut(limit.as_secs()),
    })?;
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
pub(super) fn probe_checks(path: &Path, spec: &Spec, lang: Lang, r: &mut Report) {
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
        Err(ProbeError::TimedOut(secs)) => {
            r.checks.push(check(
                "probe",
                false,
                say(
                    lang,
                    format!("ffprobe reading the clip within {secs} s"),
                    format!("ffprobe qui lit le clip en {secs} s au plus"),
                ),
                say(
                    lang,
                    format!("ffprobe did not answer within {secs} s and was stopped: codecs, size, frame rate and duration were not checked"),
                    format!("ffprobe n’a pas répondu en {secs} s et a été arrêté : codecs, taille, fréquence d’images et durée non vérifiés"),
                ),
            ));
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
    let name = |c: &str| c.to_uppercase().replace("H264", "H.264");
    let list = |v: &[String]| alternatives(v.iter().map(|c| name(c)), lang);
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
