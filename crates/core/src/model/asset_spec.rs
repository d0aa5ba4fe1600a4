//! What a kind of branding asset must be (its spec), and what the checks found in a file.

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What a kind of asset must be.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(rename = "AssetSpec")]
pub struct Spec {
    /// Accepted types: `png`, `jpeg`, `svg`, `mp4`, `mov`.
    pub types: Vec<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub min_width: Option<u32>,
    pub min_height: Option<u32>,
    pub min_long_side: Option<u32>,
    /// Longest side over shortest side, at most.
    pub max_aspect: Option<f64>,
    pub landscape: bool,
    #[ts(type = "number | null")]
    pub max_bytes: Option<u64>,
    /// A PNG must carry an alpha channel (or a transparent colour).
    pub transparency: bool,
    /// Video clips: accepted video codecs as ffprobe names them (`h264`).
    pub video_codecs: Vec<String>,
    /// Video clips: accepted audio codecs (`aac`); a clip without sound passes.
    pub audio_codecs: Vec<String>,
    /// Video clips: frames per second, at most.
    pub max_fps: Option<f64>,
}

// Specs come from JSON, which cannot hold NaN: equality is total.
impl Eq for Spec {}

/// One check's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "AssetCheck")]
pub struct Check {
    /// `readable`, `type`, `complete`, `bytes`, `dimensions`, `aspect`, `transparency`,
    /// `probe`, `videoCodec`, `audioCodec`, `frameRate`, `duration`.
    pub check: String,
    pub ok: bool,
    pub expected: String,
    pub found: String,
    /// Not run (no probe installed): neither passed nor failed.
    #[serde(default)]
    pub skipped: bool,
}

/// What was found in a file, and every check run on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "AssetReport")]
pub struct Report {
    pub kind: String,
    pub file_type: Option<String>,
    #[ts(type = "number")]
    pub bytes: u64,
    pub width: Option<u32>,
    pub height: Option<u32>,
    /// Video clips: length in milliseconds, when probed.
    #[serde(default)]
    #[ts(type = "number | null")]
    pub duration_ms: Option<u64>,
    pub checks: Vec<Check>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }

    /// The failed checks as one line: `dimensions: expected 1920×1080, found 1280×720; …`.
    pub fn failures(&self, lang: Lang) -> String {
        let (exp, found) = match lang {
            Lang::En => ("expected", "found"),
            Lang::FrCa => ("attendu", "trouvé"),
        };
        self.checks
            .iter()
            .filter(|c| !c.ok)
            .map(|c| {
                format!(
                    "{} — {exp} {}, {found} {}",
                    check_label(&c.check, lang),
                    c.expected,
                    c.found
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The name of a check in `lang`.
pub fn check_label(check: &str, lang: Lang) -> &'static str {
    let fr = lang == Lang::FrCa;
    match (check, fr) {
        ("readable", false) => "readable",
        ("readable", true) => "lisible",
        ("type", false) => "file type",
        ("type", true) => "type de fichier",
        ("complete", false) => "complete file",
        ("complete", true) => "fichier complet",
        ("bytes", false) => "file size",
        ("bytes", true) => "taille du fichier",
        ("dimensions", false) => "dimensions",
        ("dimensions", true) => "dimensions",
        ("aspect", false) => "aspect ratio",
        ("aspect", true) => "format d’image",
        ("transparency", false) => "transparency",
        ("transparency", true) => "transparence",
        ("probe", false) => "video probe",
        ("probe", true) => "analyse vidéo",
        ("videoCodec", false) => "video codec",
        ("videoCodec", true) => "codec vidéo",
        ("audioCodec", false) => "audio codec",
        ("audioCodec", true) => "codec audio",
        ("frameRate", false) => "frame rate",
        ("frameRate", true) => "fréquence d’images",
        ("duration", false) => "duration",
        ("duration", true) => "durée",
        (_, false) => "check",
        (_, true) => "vérification",
    }
}
