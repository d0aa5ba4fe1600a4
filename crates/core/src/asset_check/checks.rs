//! The pieces every check is built from: one check's row, the English or French wording, and the
//! pixel size and aspect checks that images and video frames share.

use super::{Check, Spec};
use crate::i18n::Lang;

pub(super) fn check(
    name: &str,
    ok: bool,
    expected: impl Into<String>,
    found: impl Into<String>,
) -> Check {
    Check {
        check: name.into(),
        ok,
        expected: expected.into(),
        found: found.into(),
        skipped: false,
    }
}

/// Picks the English or French text.
pub(super) fn say(lang: Lang, en: impl Into<String>, fr: impl Into<String>) -> String {
    match lang {
        Lang::En => en.into(),
        Lang::FrCa => fr.into(),
    }
}

/// The alternatives a spec accepts, as a person reads them: "PNG or JPEG" ("PNG ou JPEG").
pub(super) fn alternatives(names: impl IntoIterator<Item = String>, lang: Lang) -> String {
    names
        .into_iter()
        .collect::<Vec<_>>()
        .join(&say(lang, " or ", " ou "))
}

/// Pixel size and aspect checks, for images and video frames alike.
pub(super) fn size_checks(spec: &Spec, w: u32, h: u32, lang: Lang, out: &mut Vec<Check>) {
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
