//! Spec checks on a branding asset file: its type by content (not by name), pixel size and
//! aspect from the file's header (no decoding), byte size, transparency for logos and overlays,
//! and whether the file is complete (PNG's IEND chunk, JPEG's end marker). Each failed check
//! says what was expected and what was found. Specs come from `assets/branding-specs.json`.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// What a kind of asset must be.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Spec {
    /// Accepted types: `png`, `jpeg`, `svg`.
    pub types: Vec<String>,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub min_width: Option<u32>,
    pub min_height: Option<u32>,
    pub min_long_side: Option<u32>,
    /// Longest side over shortest side, at most.
    pub max_aspect: Option<f64>,
    pub landscape: bool,
    pub max_bytes: Option<u64>,
    /// A PNG must carry an alpha channel (or a transparent colour).
    pub transparency: bool,
}

#[derive(Deserialize)]
struct Presets {
    kinds: BTreeMap<String, Spec>,
}

/// The default spec of each kind (`logo`, `banner`, `background`, `overlay`).
pub fn presets() -> BTreeMap<String, Spec> {
    let p: Presets = serde_json::from_str(include_str!("../../../assets/branding-specs.json"))
        .expect("assets/branding-specs.json is valid");
    p.kinds
}

/// One check's outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// `readable`, `type`, `complete`, `bytes`, `dimensions`, `aspect`, `transparency`.
    pub check: String,
    pub ok: bool,
    pub expected: String,
    pub found: String,
}

/// What was found in a file, and every check run on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub kind: String,
    pub file_type: Option<String>,
    pub bytes: u64,
    pub width: Option<u32>,
    pub height: Option<u32>,
    pub checks: Vec<Check>,
}

impl Report {
    pub fn ok(&self) -> bool {
        self.checks.iter().all(|c| c.ok)
    }
}

fn check(name: &str, ok: bool, expected: impl Into<String>, found: impl Into<String>) -> Check {
    Check {
        check: name.into(),
        ok,
        expected: expected.into(),
        found: found.into(),
    }
}

/// The type by the file's first bytes.
fn sniff(head: &[u8]) -> Option<&'static str> {
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

fn mb(b: u64) -> String {
    if b < 1_000_000 {
        format!("{:.0} KB", (b as f64 / 1e3).ceil())
    } else {
        format!("{:.1} MB", b as f64 / 1e6)
    }
}

/// Runs `spec`'s checks on the file at `path`. An unreadable or vanished file is one failed
/// `readable` check (the rest are not run).
pub fn check_file(path: &Path, kind: &str, spec: &Spec) -> Report {
    let mut r = Report {
        kind: kind.into(),
        file_type: None,
        bytes: 0,
        width: None,
        height: None,
        checks: Vec::new(),
    };
    let opened = std::fs::File::open(path).and_then(|f| {
        let len = f.metadata()?.len();
        Ok((f, len))
    });
    let (mut f, len) = match opened {
        Ok(x) => x,
        Err(e) => {
            r.checks
                .push(check("readable", false, "a readable file", e.to_string()));
            return r;
        }
    };
    r.bytes = len;
    let mut head = vec![0u8; 512];
    let n = f.read(&mut head).unwrap_or(0);
    head.truncate(n);
    let ty = sniff(&head);
    r.file_type = ty.map(str::to_string);
    let want = spec
        .types
        .iter()
        .map(|t| t.to_uppercase())
        .collect::<Vec<_>>()
        .join(" or ");
    let found = ty
        .map(str::to_uppercase)
        .unwrap_or_else(|| "unknown".into());
    let type_ok = ty.is_some_and(|t| spec.types.iter().any(|x| x == t));
    r.checks.push(check("type", type_ok, want, found));
    if !type_ok {
        return r;
    }
    let ty = ty.expect("known");
    let (alpha, complete) = match ty {
        "png" => png_facts(&mut f, len).unwrap_or((false, false)),
        "jpeg" => (false, jpeg_complete(&mut f, len).unwrap_or(false)),
        _ => (false, true),
    };
    r.checks.push(check(
        "complete",
        complete,
        "the whole file (its end marker present)",
        if complete {
            "complete"
        } else {
            "truncated or damaged: the end marker is missing"
        },
    ));
    if let Some(max) = spec.max_bytes {
        r.checks.push(check(
            "bytes",
            len <= max,
            format!("at most {}", mb(max)),
            mb(len),
        ));
    }
    if ty != "svg" {
        match imagesize::size(path) {
            Ok(s) => {
                let (w, h) = (s.width as u32, s.height as u32);
                r.width = Some(w);
                r.height = Some(h);
                let found = format!("{w}×{h}");
                if let (Some(ew), Some(eh)) = (spec.width, spec.height) {
                    r.checks.push(check(
                        "dimensions",
                        (w, h) == (ew, eh),
                        format!("{ew}×{eh}"),
                        found.clone(),
                    ));
                }
                if spec.min_width.is_some() || spec.min_height.is_some() {
                    let (mw, mh) = (spec.min_width.unwrap_or(0), spec.min_height.unwrap_or(0));
                    r.checks.push(check(
                        "dimensions",
                        w >= mw && h >= mh,
                        format!("at least {mw}×{mh}"),
                        found.clone(),
                    ));
                }
                if let Some(m) = spec.min_long_side {
                    r.checks.push(check(
                        "dimensions",
                        w.max(h) >= m,
                        format!("at least {m} px on the long side"),
                        found.clone(),
                    ));
                }
                if spec.landscape {
                    r.checks.push(check(
                        "aspect",
                        w > h,
                        "landscape (wider than tall)",
                        found.clone(),
                    ));
                }
                if let Some(a) = spec.max_aspect {
                    let ratio = w.max(h) as f64 / w.min(h).max(1) as f64;
                    r.checks.push(check(
                        "aspect",
                        ratio <= a,
                        format!("at most {a}:1"),
                        format!("{ratio:.1}:1"),
                    ));
                }
            }
            Err(e) => r.checks.push(check(
                "dimensions",
                false,
                "pixel size in the header",
                format!("unreadable header: {e}"),
            )),
        }
    }
    if spec.transparency && ty == "png" {
        r.checks.push(check(
            "transparency",
            alpha,
            "an alpha channel (transparent background)",
            if alpha {
                "alpha channel"
            } else {
                "no alpha channel: the background is opaque"
            },
        ));
    }
    r
}
