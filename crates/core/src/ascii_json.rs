//! JSON written in ASCII only: every other character as a `\uXXXX` escape (two, a surrogate
//! pair, above U+FFFF). A web view reads a response as one string, and a single character past
//! Latin-1 (the typographic quotes of a finding, an en dash) makes the whole of it two bytes a
//! character; a large event's view is then twice its size in the window while it is read, and
//! every string read out of it may be too. In ASCII, only the strings that hold such characters
//! are.

use serde::Serialize;
use serde_json::ser::{Formatter, Serializer};
use std::io::{self, Write};

/// `value` as compact JSON in ASCII (what `serde_json::to_string` writes, with every non-ASCII
/// character escaped).
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> serde_json::Result<String> {
    let mut out = Vec::with_capacity(4096);
    value.serialize(&mut Serializer::with_formatter(&mut out, Ascii))?;
    // Only ASCII was written.
    Ok(String::from_utf8(out).expect("ASCII is UTF-8"))
}

/// serde_json's compact formatter (the trait's defaults), escaping what is not ASCII.
struct Ascii;

impl Formatter for Ascii {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        let mut rest = fragment;
        while let Some(at) = rest.bytes().position(|b| !b.is_ascii()) {
            writer.write_all(&rest.as_bytes()[..at])?;
            let c = rest[at..].chars().next().expect("a character starts there");
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(writer, "\\u{u:04x}")?;
            }
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_is_not_ascii_and_nothing_else() {
        let v = serde_json::json!({
            "message": "Gap “Keynote” – 10 min × 2 — é 🎤",
            "plain": "a \"quoted\" \\ line\nnext",
        });
        let text = to_string(&v).unwrap();
        assert!(text.is_ascii(), "{text}");
        assert!(text.contains(r"\u201cKeynote\u201d \u2013"), "{text}");
        // Above U+FFFF: a surrogate pair, as JSON wants.
        assert!(text.contains(r"\ud83c\udfa4"), "{text}");
        // What serde_json escapes already is escaped as it does.
        assert!(text.contains(r#"a \"quoted\" \\ line\nnext"#), "{text}");
        assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
    }

    /// Random strings of characters of every width, control characters, quotes and backslashes,
    /// as values and as keys: read back, each is what was written.
    #[test]
    fn reads_back_as_what_was_written() {
        const POOL: &[char] = &[
            'a',
            'Z',
            '0',
            ' ',
            '"',
            '\\',
            '/',
            '\n',
            '\t',
            '\u{0}',
            '\u{1f}',
            '\u{7f}',
            'é',
            '×',
            '\u{a0}',
            '–',
            '“',
            '”',
            '€',
            '\u{fffd}',
            '\u{ffff}',
            '🎤',
            '\u{10ffff}',
        ];
        let mut x = 0x9E37_79B9_u64;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        for _ in 0..500 {
            let mut word =
                |len: usize| -> String { (0..len).map(|_| POOL[next(POOL.len())]).collect() };
            let (s, k) = (word(12), word(3));
            let v = serde_json::json!({ "s": s, k: [s.clone(), 1.5, null] });
            let text = to_string(&v).unwrap();
            assert!(text.is_ascii(), "{text}");
            assert_eq!(serde_json::from_str::<serde_json::Value>(&text).unwrap(), v);
            let plain = serde_json::to_string(&v).unwrap();
            if plain.is_ascii() {
                assert_eq!(text, plain, "nothing to escape: serde_json's own text");
            }
        }
    }
}
