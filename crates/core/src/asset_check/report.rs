//! Running a spec's checks on one file: whether it can be read, its type by content and its byte
//! size; then, for a full check, the image checks or the clip's probe. [`check_head`] stops after
//! the first three, which any file allows cheaply.

use super::checks::{alternatives, check, say};
use super::image::image_checks;
use super::sniff::sniff;
use super::video::probe_checks;
use super::{Report, Spec};
use crate::i18n::Lang;
use std::io::Read;
use std::path::Path;

/// A byte count as a person reads it: KB under a megabyte, else MB (ko, Mo in French).
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
    // What the path is, before opening it: opening a named pipe would wait for a writer, and a
    // device such as /dev/zero reports no size and never ends. Checked again on the open file,
    // in case the path changed in between.
    let regular = |meta: std::fs::Metadata| {
        if meta.is_dir() {
            return Err(std::io::Error::other(say(
                lang,
                "it is a folder",
                "c’est un dossier",
            )));
        }
        if !meta.is_file() {
            return Err(std::io::Error::other(say(
                lang,
                "it is not an ordinary file (a device, pipe or socket)",
                "ce n’est pas un fichier ordinaire (périphérique, tube ou socket)",
            )));
        }
        Ok(meta.len())
    };
    let opened = std::fs::metadata(path)
        .and_then(regular)
        .and_then(|_| std::fs::File::open(path))
        .and_then(|f| Ok((regular(f.metadata()?)?, f)))
        .map(|(len, f)| (f, len));
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
        alternatives(spec.types.iter().map(|t| t.to_uppercase()), lang)
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
    image_checks(&mut f, len, path, ty, spec, lang, &mut r);
    r
}
