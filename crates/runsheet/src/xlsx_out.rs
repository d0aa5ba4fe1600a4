//! The run of show as an Excel workbook, one sheet per stage.

use crate::labels::{self, label, L};
use crate::sheet::{RunSheet, SessionBlock, StageBlock};
use crate::Error;
use chrono::{DateTime, Datelike, NaiveDateTime, Timelike};
use chrono_tz::Tz;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};
use showcall_core::i18n::Lang;

/// Excel's longest sheet name, in UTF-16 code units.
const MAX_SHEET_NAME: usize = 31;
/// The row of the column headers (0-based); rows above hold the title.
const HEADER_ROW: u32 = 3;
/// Column widths, in Excel character units: date, start, end, duration, kind, segment,
/// presenters, cues, notes.
const WIDTHS: [f64; 9] = [27.0, 8.0, 8.0, 9.0, 19.0, 42.0, 30.0, 48.0, 50.0];
/// The first of the wrapped text columns (segment, presenters, cues, notes).
const FIRST_WRAPPED: u16 = 5;
/// The height of one line of 11-point text, in points.
const ROW_LINE_HEIGHT: f64 = 15.0;
const SESSION_FILL: u32 = 0xDCE6F1;
const HEADER_FILL: u32 = 0x3A4A5E;

/// Turns stage names into valid, distinct Excel sheet names, in order: `[]:*?/\` are replaced,
/// leading and trailing apostrophes and blanks dropped, names cut to 31 characters, an empty
/// name becomes `Sheet N` and a name already taken (ignoring case) gets ` (2)`, ` (3)`…
pub fn sheet_names<S: AsRef<str>>(names: &[S]) -> Vec<String> {
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let mut clean: String = name
            .as_ref()
            .chars()
            .filter_map(|c| match c {
                '/' | '\\' | ':' => Some('-'),
                '[' => Some('('),
                ']' => Some(')'),
                '*' | '?' => None,
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect();
        clean = clean
            .trim_matches(|c: char| c == '\'' || c.is_whitespace())
            .to_string();
        if clean.is_empty() {
            clean = format!("Sheet {}", i + 1);
        }
        let mut candidate = cut_utf16(&clean, MAX_SHEET_NAME);
        let mut n = 2;
        while taken.contains(&candidate.to_lowercase()) || candidate.eq_ignore_ascii_case("history")
        {
            let suffix = format!(" ({n})");
            let base = cut_utf16(&clean, MAX_SHEET_NAME - suffix.len());
            candidate = format!("{}{suffix}", base.trim_end_matches([' ', '\'']));
            n += 1;
        }
        taken.push(candidate.to_lowercase());
        out.push(candidate);
    }
    out
}

/// The longest prefix of `s` that fits in `max` UTF-16 code units, without trailing blanks or
/// apostrophes.
fn cut_utf16(s: &str, max: usize) -> String {
    let mut len = 0;
    let cut: String = s
        .chars()
        .take_while(|c| {
            len += c.len_utf16();
            len <= max
        })
        .collect();
    cut.trim_end_matches(|c: char| c == '\'' || c.is_whitespace())
        .to_string()
}

/// The cell formats of one workbook.
struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    time: Format,
    duration: Format,
    text: Format,
    wrap: Format,
    s_date: Format,
    s_time: Format,
    s_duration: Format,
    s_text: Format,
    s_wrap: Format,
}

impl Formats {
    fn new(lang: Lang, with_seconds: bool) -> Formats {
        let time = if with_seconds { "hh:mm:ss" } else { "hh:mm" };
        let date = match lang {
            Lang::En => "[$-409]dddd, mmmm d, yyyy",
            Lang::FrCa => "[$-C0C]dddd d mmmm yyyy",
        };
        let top = Format::new().set_align(FormatAlign::Top);
        let session = Format::new()
            .set_align(FormatAlign::Top)
            .set_bold()
            .set_background_color(Color::RGB(SESSION_FILL))
            .set_border_top(FormatBorder::Thin)
            .set_border_top_color(Color::RGB(0x8EA9C8));
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            subtitle: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x555555)),
            header: Format::new()
                .set_bold()
                .set_font_color(Color::White)
                .set_background_color(Color::RGB(HEADER_FILL))
                .set_align(FormatAlign::VerticalCenter),
            time: top.clone().set_num_format(time),
            duration: top.clone().set_num_format("[h]:mm:ss"),
            text: top.clone(),
            wrap: top.set_text_wrap(),
            s_date: session
                .clone()
                .set_num_format(date)
                .set_align(FormatAlign::Left),
            s_time: session.clone().set_num_format(time),
            s_duration: session.clone().set_num_format("[h]:mm:ss"),
            s_text: session.clone(),
            s_wrap: session.set_text_wrap(),
        }
    }
}

pub(crate) fn render(sheet: &RunSheet, lang: Lang) -> Result<Vec<u8>, Error> {
    let mut wb = Workbook::new();
    let title = format!("{} — {}", label(L::RunOfShow, lang), sheet.event_name);
    wb.set_properties(
        &DocProperties::new()
            .set_title(&title)
            // A fixed creation date keeps the same event giving the same bytes.
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    let with_seconds = sheet.stages.iter().flat_map(|s| &s.sessions).any(|s| {
        s.start.second() != 0
            || s.end.second() != 0
            || s.segments
                .iter()
                .any(|g| g.start.second() != 0 || g.end.second() != 0)
    });
    let f = Formats::new(lang, with_seconds);
    let no_stage = StageBlock {
        name: label(L::RunOfShow, lang).to_string(),
        sessions: vec![],
    };
    let stages: Vec<&StageBlock> = if sheet.stages.is_empty() {
        vec![&no_stage]
    } else {
        sheet.stages.iter().collect()
    };
    let names = sheet_names(&stages.iter().map(|s| s.name.as_str()).collect::<Vec<_>>());
    for (stage, name) in stages.into_iter().zip(names) {
        let ws = wb.add_worksheet();
        ws.set_name(name)?;
        write_stage(ws, sheet, stage, lang, &f, &title)?;
    }
    Ok(wb.save_to_buffer()?)
}

fn write_stage(
    ws: &mut Worksheet,
    sheet: &RunSheet,
    stage: &StageBlock,
    lang: Lang,
    f: &Formats,
    title: &str,
) -> Result<(), Error> {
    for (col, w) in WIDTHS.iter().enumerate() {
        ws.set_column_width(col as u16, *w)?;
    }
    ws.write_string_with_format(0, 0, title, &f.title)?;
    let subtitle = format!(
        "{} — {} ({})",
        labels::colon(lang, label(L::Stage, lang), &stage.name),
        labels::colon(lang, label(L::TimeZone, lang), &sheet.zone_name),
        label(L::LocalTime, lang),
    );
    ws.write_string_with_format(1, 0, subtitle, &f.subtitle)?;
    let headers = [
        L::Date,
        L::Start,
        L::End,
        L::Duration,
        L::Kind,
        L::Segment,
        L::Presenters,
        L::Cues,
        L::Notes,
    ];
    for (col, h) in headers.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, label(*h, lang), &f.header)?;
    }
    ws.set_row_height(HEADER_ROW, 20)?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_landscape();
    ws.set_paper_size(1); // Letter
    ws.set_print_fit_to_pages(1, 0);
    let page = match lang {
        Lang::En => "&CPage &P of &N",
        Lang::FrCa => "&CPage &P de &N",
    };
    ws.set_header(format!(
        "&L{}&R{}",
        sheet.event_name.replace('&', "&&"),
        sheet.zone_name.replace('&', "&&")
    ));
    ws.set_footer(page);

    let mut row = HEADER_ROW + 1;
    for session in &stage.sessions {
        write_session_row(ws, row, session, lang, f)?;
        row += 1;
        for seg in &session.segments {
            ws.write_datetime_with_format(row, 1, excel(&seg.start)?, &f.time)?;
            ws.write_datetime_with_format(row, 2, excel(&seg.end)?, &f.time)?;
            ws.write_number_with_format(row, 3, days(seg.duration_secs), &f.duration)?;
            ws.write_string_with_format(row, 4, labels::segment_kind(seg.kind, lang), &f.text)?;
            let cues: Vec<String> = seg.cues.iter().map(|c| c.text(lang)).collect();
            let texts = [
                seg.title.clone(),
                seg.presenters.join("\n"),
                cues.join("\n"),
                seg.notes.clone(),
            ];
            write_wrapped(ws, row, &texts, &f.wrap)?;
            row += 1;
        }
    }
    Ok(())
}

fn write_session_row(
    ws: &mut Worksheet,
    row: u32,
    s: &SessionBlock,
    lang: Lang,
    f: &Formats,
) -> Result<(), Error> {
    let d = s.start.date_naive();
    let date = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
    ws.write_datetime_with_format(row, 0, date, &f.s_date)?;
    ws.write_datetime_with_format(row, 1, excel(&s.start)?, &f.s_time)?;
    ws.write_datetime_with_format(row, 2, excel(&s.end)?, &f.s_time)?;
    ws.write_number_with_format(row, 3, days(s.duration_secs()), &f.s_duration)?;
    ws.write_string_with_format(row, 4, label(L::Session, lang), &f.s_text)?;
    let cues: Vec<String> = s.cues.iter().map(|c| c.text(lang)).collect();
    let mut notes = s.flags(lang).join(" · ");
    if s.overrun_secs > 0 {
        notes = format!(
            "{}\n{notes}",
            labels::colon(
                lang,
                label(L::Overrun, lang),
                &labels::duration(s.overrun_secs)
            )
        );
    }
    let texts = [
        s.title.clone(),
        s.presenters.join("\n"),
        cues.join("\n"),
        notes.trim().to_string(),
    ];
    write_wrapped(ws, row, &texts, &f.s_wrap)
}

/// Writes the wrapped columns (segment, presenters, cues, notes) of a row and makes the row
/// tall enough for them: spreadsheet programs do not all grow rows on opening a file.
fn write_wrapped(
    ws: &mut Worksheet,
    row: u32,
    texts: &[String; 4],
    format: &Format,
) -> Result<(), Error> {
    let mut lines = 1;
    for (i, text) in texts.iter().enumerate() {
        let col = FIRST_WRAPPED + i as u16;
        ws.write_string_with_format(row, col, text, format)?;
        lines = lines.max(line_count(text, WIDTHS[usize::from(col)]));
    }
    ws.set_row_height(row, ROW_LINE_HEIGHT * lines as f64)?;
    Ok(())
}

/// About how many lines `text` takes in a wrapped column `width` digits wide. An average letter
/// is narrower than the digit Excel measures columns with, words waste room at line ends: about
/// `1.05 × width` characters fit on a line; rounding up errs on the tall side.
fn line_count(text: &str, width: f64) -> usize {
    text.split('\n')
        .map(|line| {
            let chars = line.chars().count() as f64;
            (chars / (width * 1.05)).ceil().max(1.0) as usize
        })
        .sum()
}

/// A local wall-clock instant as an Excel date-time (Excel has no zones).
fn excel(t: &DateTime<Tz>) -> Result<ExcelDateTime, Error> {
    let n: NaiveDateTime = t.naive_local();
    Ok(
        ExcelDateTime::from_ymd(n.year() as u16, n.month() as u8, n.day() as u8)?.and_hms(
            n.hour() as u16,
            n.minute() as u8,
            n.second(),
        )?,
    )
}

/// Seconds as an Excel duration (a fraction of a day).
fn days(secs: u64) -> f64 {
    secs as f64 / 86_400.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_characters_are_replaced() {
        let n = sheet_names(&["Salle A/B: [main] *live*?", "C:\\D"]);
        assert_eq!(n, vec!["Salle A-B- (main) live", "C--D"]);
        for name in &n {
            assert!(
                !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                "{name}"
            );
        }
    }

    #[test]
    fn names_are_cut_to_31_characters() {
        let long = "Grande salle de bal du Château Frontenac";
        let n = sheet_names(&[long, "Salle-de-bal-du-Château-Frontenac"]);
        // Cut at 31, then the blank the cut ends on dropped.
        assert_eq!(n[0], "Grande salle de bal du Château");
        assert_eq!(n[1], "Salle-de-bal-du-Château-Fronten");
        assert_eq!(n[1].chars().count(), 31);
        // Accented letters count as one; an emoji counts as two UTF-16 units, as in Excel.
        let n = sheet_names(&["é".repeat(40), "🎤".repeat(20)]);
        assert_eq!(n[0], "é".repeat(31));
        assert_eq!(n[1], "🎤".repeat(15));
    }

    #[test]
    fn duplicates_get_a_number_ignoring_case_and_still_fit() {
        let long = "Grande salle de bal du Château Frontenac";
        let n = sheet_names(&["Studio", "studio", "STUDIO", long, long]);
        assert_eq!(n[0], "Studio");
        assert_eq!(n[1], "studio (2)");
        assert_eq!(n[2], "STUDIO (3)");
        assert_eq!(n[3], "Grande salle de bal du Château");
        assert_eq!(n[4], "Grande salle de bal du Chât (2)");
        assert_eq!(n[4].chars().count(), 31);
        assert!(n[4].chars().count() <= 31, "{}", n[4]);
        assert_ne!(n[3], n[4]);
    }

    #[test]
    fn blank_apostrophes_and_reserved_names() {
        let n = sheet_names(&["  ", "'Quote'", "??", "History"]);
        assert_eq!(n, vec!["Sheet 1", "Quote", "Sheet 3", "History (2)"]);
    }

    #[test]
    fn line_counts_grow_with_line_breaks_and_length() {
        assert_eq!(line_count("", 30.0), 1);
        assert_eq!(line_count("short", 30.0), 1);
        assert_eq!(line_count("a\nb\nc", 30.0), 3);
        assert_eq!(line_count(&"x".repeat(100), 30.0), 4);
        assert_eq!(line_count(&"x".repeat(60), 30.0), 2);
    }

    #[test]
    fn every_sanitised_name_is_accepted_by_the_writer() {
        let names = sheet_names(&[
            "A/B",
            "a-b",
            "'x'",
            "]]",
            "Grande salle de bal du Château Frontenac",
        ]);
        let mut wb = Workbook::new();
        for n in names {
            wb.add_worksheet().set_name(n).unwrap();
        }
        wb.save_to_buffer().unwrap();
    }
}
