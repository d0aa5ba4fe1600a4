//! The checks on an image, read from its header and chunks without decoding it: whether the file
//! is complete (PNG's IEND chunk, JPEG's end marker), its pixel size and aspect, and for a PNG
//! that must be transparent, whether it has an alpha channel.

use super::checks::{check, say, size_checks};
use super::{Report, Spec};
use crate::i18n::Lang;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

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

/// The checks on an image file of type `ty` (already opened as `f`, `len` bytes long): complete,
/// pixel size (but for SVG) and, for a PNG that must have it, transparency.
pub(super) fn image_checks(
    f: &mut std::fs::File,
    len: u64,
    path: &Path,
    ty: &str,
    spec: &Spec,
    lang: Lang,
    r: &mut Report,
) {
    let (alpha, complete) = match ty {
        "png" => png_facts(f, len).unwrap_or((false, false)),
        "jpeg" => (false, jpeg_complete(f, len).unwrap_or(false)),
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
}
