//! Fitting text to a width: one line cut with an ellipsis, or lines wrapped at spaces (French
//! punctuation kept with its word, no-break spaces honoured, over-long words cut).

use super::fonts::Fonts;
use crate::sheet::CueLine;
use showcall_core::i18n::Lang;

impl Fonts {
    /// `text` on one line of at most `width`, cut with an ellipsis when it is too long.
    pub(super) fn one_line(&self, text: &str, size: f32, bold: bool, width: f32) -> String {
        if self.width(text, size, bold) <= width {
            return text.to_string();
        }
        let room = width - self.width("…", size, bold);
        let mut out = String::new();
        for c in text.chars() {
            out.push(c);
            if self.width(&out, size, bold) > room {
                out.pop();
                break;
            }
        }
        format!("{}…", out.trim_end())
    }

    /// Breaks `text` into lines no wider than `first` (the first line) and `rest` (the others),
    /// at spaces, honouring line breaks; a word too long for a line is cut between characters.
    pub(super) fn wrap(
        &self,
        text: &str,
        size: f32,
        bold: bool,
        first: f32,
        rest: f32,
    ) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let fits =
            |s: &str, n: usize| self.width(s, size, bold) <= if n == 0 { first } else { rest };
        for para in text.split('\n') {
            let mut line = String::new();
            for word in glue_words(para) {
                let word = word.as_str();
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if fits(&candidate, lines.len()) {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // The word alone: cut it while it does not fit.
                let mut rest_of_word = word;
                while !fits(rest_of_word, lines.len()) {
                    let mut cut = 0;
                    for (i, c) in rest_of_word.char_indices() {
                        let end = i + c.len_utf8();
                        if !fits(&rest_of_word[..end], lines.len()) {
                            break;
                        }
                        cut = end;
                    }
                    if cut == 0 {
                        // Not even one character fits: take one anyway.
                        cut = rest_of_word.chars().next().map_or(0, char::len_utf8);
                    }
                    lines.push(rest_of_word[..cut].to_string());
                    rest_of_word = &rest_of_word[cut..];
                    if rest_of_word.is_empty() {
                        break;
                    }
                }
                line = rest_of_word.to_string();
            }
            lines.push(line);
        }
        while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines.iter_mut().for_each(|l| *l = l.replace(NBSP, " "));
        lines
    }
}

/// A no-break space: [`Fonts::wrap`] never breaks a line there (and prints a plain space).
pub(super) const NBSP: char = '\u{a0}';

/// The words of `para` (split at blanks but not at no-break spaces), French punctuation kept
/// with its word: `«` with the next word and `»`, `:`, `;`, `!`, `?`, dashes and `·` with the
/// previous one, so a line never starts or ends on them alone.
fn glue_words(para: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for w in para.split(|c: char| c.is_whitespace() && c != NBSP) {
        if w.is_empty() {
            continue;
        }
        let closing = w
            .chars()
            .all(|c| matches!(c, '»' | ':' | ';' | '!' | '?' | '–' | '—' | '·' | '.' | ','));
        match out.last_mut() {
            Some(last) if open || closing => {
                last.push(' ');
                last.push_str(w);
            }
            _ => out.push(w.to_string()),
        }
        open = w == "«";
    }
    out
}

/// A cue's text, its time kept on the line of the word after it.
pub(super) fn cue_text(c: &CueLine, lang: Lang) -> String {
    c.text(lang).replacen(' ', &NBSP.to_string(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::embedded().unwrap()
    }

    #[test]
    fn wrapped_lines_fit_and_keep_every_word() {
        let f = fonts();
        let text = "Vérifier le micro-cravate, l’éclairage de la scène et le retour vidéo avant \
                    l’entrée du conférencier; prévoir la bouteille d’eau.";
        let lines = f.wrap(text, 8.0, false, 100.0, 100.0);
        assert!(lines.len() > 3, "{lines:?}");
        for l in &lines {
            assert!(f.width(l, 8.0, false) <= 100.0, "{l:?} too wide");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn line_breaks_are_kept_and_long_words_cut() {
        let f = fonts();
        assert_eq!(f.wrap("a\nb", 8.0, false, 100.0, 100.0), ["a", "b"]);
        let word = "x".repeat(200);
        let lines = f.wrap(&word, 8.0, false, 50.0, 50.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), word);
        assert!(lines.iter().all(|l| f.width(l, 8.0, false) <= 50.0));
    }

    #[test]
    fn french_punctuation_stays_with_its_word() {
        assert_eq!(
            glue_words("Rappel « ça tourne » : oui · non"),
            ["Rappel", "« ça", "tourne » :", "oui ·", "non"]
        );
        let f = fonts();
        // Narrow enough to force a break around the guillemets.
        let lines = f.wrap("aaaa aaaa « bb » cc", 8.0, false, 45.0, 45.0);
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with('«') && !l.starts_with('»')),
            "{lines:?}"
        );
    }

    #[test]
    fn no_break_space_holds_a_cue_time_to_its_text() {
        let f = fonts();
        let text = format!("aaaa aaaa 09:00{NBSP}Mise en ondes");
        let lines = f.wrap(&text, 8.0, false, 60.0, 60.0);
        assert!(
            lines.iter().any(|l| l.starts_with("09:00 Mise")),
            "{lines:?}"
        );
        assert!(
            lines.iter().all(|l| !l.contains(NBSP)),
            "printed as plain spaces"
        );
    }

    #[test]
    fn one_line_cuts_with_an_ellipsis() {
        let f = fonts();
        assert_eq!(f.one_line("Court", 9.0, true, 200.0), "Court");
        let cut = f.one_line(&"Très long titre ".repeat(20), 9.0, true, 200.0);
        assert!(cut.ends_with('…'));
        assert!(f.width(&cut, 9.0, true) <= 200.0);
    }
}
