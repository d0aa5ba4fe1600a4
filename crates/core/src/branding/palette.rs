//! The palette's maths: colours typed as hex, WCAG 2.x contrast, and whether a palette can be
//! approved (primary, text and background given; text on background at AA).

use crate::error::{Error, Invalid, Result};
use crate::model::Palette;

/// Parses `#RRGGBB` (or `#RGB`, any case, `#` optional) to its three channels.
pub fn parse_hex(s: &str) -> Option<[u8; 3]> {
    let h = s.trim().trim_start_matches('#');
    let full: String = match h.len() {
        3 => h.chars().flat_map(|c| [c, c]).collect(),
        6 => h.to_string(),
        _ => return None,
    };
    if !full.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&full[i..i + 2], 16).ok();
    Some([byte(0)?, byte(2)?, byte(4)?])
}

/// WCAG 2.x relative luminance of an sRGB colour.
fn luminance(c: [u8; 3]) -> f64 {
    let ch = |v: u8| {
        let s = v as f64 / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
}

/// The WCAG contrast ratio of two colours (1 to 21), or `None` if either is not a colour.
pub fn contrast(a: &str, b: &str) -> Option<f64> {
    let (la, lb) = (luminance(parse_hex(a)?), luminance(parse_hex(b)?));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    Some((hi + 0.05) / (lo + 0.05))
}

/// WCAG AA for body text.
pub const AA_CONTRAST: f64 = 4.5;

/// The canonical form of a colour typed by a user: `#rrggbb`, or empty.
pub fn normalise_hex(field: &str, s: &str) -> Result<String> {
    if s.trim().is_empty() {
        return Ok(String::new());
    }
    let [r, g, b] = parse_hex(s).ok_or_else(|| {
        Error::invalid(
            field,
            Invalid::Say {
                en: format!("“{}” is not a colour like #1a2b3c", s.trim()),
                fr: format!("« {} » n’est pas une couleur comme #1a2b3c", s.trim()),
            },
        )
    })?;
    Ok(format!("#{r:02x}{g:02x}{b:02x}"))
}

/// The palette can be approved: primary, text and background given, and text on background
/// readable (WCAG AA).
pub(crate) fn palette_ready(p: &Palette) -> Result<()> {
    for (field, v) in [
        ("palette.primary", &p.primary),
        ("palette.text", &p.text),
        ("palette.background", &p.background),
    ] {
        if v.trim().is_empty() {
            return Err(Error::invalid(field, Invalid::Empty));
        }
    }
    match contrast(&p.text, &p.background) {
        Some(r) if r < AA_CONTRAST => Err(Error::invalid(
            "palette.text",
            crate::branding::say(
                format!("{r:.2}:1 on the background is under the 4.5:1 WCAG AA asks for"),
                format!(
                    "{}:1 sur le fond est sous le 4,5:1 exigé par WCAG AA",
                    format!("{r:.2}").replace('.', ",")
                ),
            ),
        )),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn contrast_follows_wcag() {
        let bw = contrast("#000000", "#ffffff").unwrap();
        assert!((bw - 21.0).abs() < 1e-9, "{bw}");
        assert!((contrast("#fff", "#fff").unwrap() - 1.0).abs() < 1e-9);
        // #767676 on white is the well-known smallest grey passing AA (4.54:1).
        let g = contrast("#767676", "#FFFFFF").unwrap();
        assert!((AA_CONTRAST..4.6).contains(&g), "{g}");
        let g = contrast("#777777", "#ffffff").unwrap();
        assert!(g < AA_CONTRAST, "{g}");
        assert_eq!(contrast("#12", "#fff"), None);
        assert_eq!(contrast("#gggggg", "#fff"), None);
    }

    #[test]
    fn hex_colours_are_normalised_or_refused_by_field() {
        assert_eq!(normalise_hex("palette.text", " #ABC ").unwrap(), "#aabbcc");
        assert_eq!(normalise_hex("palette.text", "1A2B3C").unwrap(), "#1a2b3c");
        assert_eq!(normalise_hex("palette.text", "").unwrap(), "");
        let e = normalise_hex("palette.text", "blue").unwrap_err();
        assert!(
            e.message(Lang::En).contains("blue"),
            "{}",
            e.message(Lang::En)
        );
    }
}
