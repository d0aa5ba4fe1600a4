//! The planned vs actual report after the event: per session and segment the planned and actual
//! (or last expected) start and end, overruns, what happened to the cues, and the support hours
//! really used. Also its CSV form.

use crate::cues::{self, Cue, CueState, DayLog};
use crate::model::EventData;
use crate::schedule::{self, SUPPORT_LEAD, SUPPORT_TAIL};
use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// One line of the report: a session, or a segment inside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportRow {
    /// `session` or `segment`.
    pub level: String,
    pub stage: String,
    pub session: String,
    /// Empty on a session line.
    pub segment: String,
    pub planned_start: DateTime<Utc>,
    pub planned_end: DateTime<Utc>,
    /// Recorded (session) or last expected (segment) start.
    pub actual_start: DateTime<Utc>,
    pub actual_end: DateTime<Utc>,
    /// Whether the session line's times were recorded (false: taken from the plan and delays).
    pub recorded: bool,
    /// Actual minus planned length, in seconds (positive: ran long).
    #[ts(type = "number")]
    pub overrun_secs: i64,
    pub cues_done: u32,
    pub cues_skipped: u32,
    pub cues_missed: u32,
    pub cues_open: u32,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub event_id: String,
    pub time_zone: String,
    pub rows: Vec<ReportRow>,
    #[ts(type = "number")]
    pub planned_support_minutes: i64,
    #[ts(type = "number")]
    pub actual_support_minutes: i64,
    #[ts(type = "number")]
    pub budget_minutes: i64,
}

fn tally(cues: &[&Cue]) -> (u32, u32, u32, u32) {
    let n = |s: CueState| cues.iter().filter(|c| c.state == s).count() as u32;
    let open = cues
        .iter()
        .filter(|c| matches!(c.state, CueState::Pending | CueState::Notified))
        .count() as u32;
    (
        n(CueState::Done),
        n(CueState::Skipped),
        n(CueState::Missed),
        open,
    )
}

/// Builds the report from the plan, the day's log and the cue timeline (with states).
pub fn build(data: &EventData, log: &DayLog, timeline: &[Cue]) -> Report {
    let sch = schedule::compute(data);
    let mut rows = Vec::new();
    let (mut first, mut last): (Option<DateTime<Utc>>, Option<DateTime<Utc>>) = (None, None);
    for st in &sch.sessions {
        let Some(s) = data.session(&st.session_id) else {
            continue;
        };
        let actual = log.actuals.iter().find(|a| a.session_id == s.id);
        let a_start = actual
            .and_then(|a| a.start)
            .unwrap_or_else(|| cues::expected(s.start, s, log));
        let a_end = actual
            .and_then(|a| a.end)
            .unwrap_or_else(|| cues::expected(s.end, s, log));
        first = Some(first.map_or(a_start, |f| f.min(a_start)));
        last = Some(last.map_or(a_end, |l| l.max(a_end)));
        let of_session: Vec<&Cue> = timeline.iter().filter(|c| c.session_id == s.id).collect();
        let (done, skipped, missed, open) = tally(&of_session);
        rows.push(ReportRow {
            level: "session".into(),
            stage: st.stage_name.clone(),
            session: s.title.clone(),
            segment: String::new(),
            planned_start: s.start,
            planned_end: s.end,
            actual_start: a_start,
            actual_end: a_end,
            recorded: actual.is_some_and(|a| a.start.is_some() && a.end.is_some()),
            overrun_secs: ((a_end - a_start) - (s.end - s.start)).num_seconds(),
            cues_done: done,
            cues_skipped: skipped,
            cues_missed: missed,
            cues_open: open,
        });
        for (seg, t) in data.segments_of(&s.id).zip(&st.segments) {
            let (ea, eb) = (
                cues::expected(t.start, s, log),
                cues::expected(t.end, s, log),
            );
            let of_seg: Vec<&Cue> = of_session
                .iter()
                .copied()
                .filter(|c| c.segment_id.as_deref() == Some(&seg.id))
                .collect();
            let (done, skipped, missed, open) = tally(&of_seg);
            rows.push(ReportRow {
                level: "segment".into(),
                stage: st.stage_name.clone(),
                session: s.title.clone(),
                segment: seg.title.clone(),
                planned_start: t.start,
                planned_end: t.end,
                actual_start: ea,
                actual_end: eb,
                recorded: false,
                overrun_secs: ((eb - ea) - (t.end - t.start)).num_seconds(),
                cues_done: done,
                cues_skipped: skipped,
                cues_missed: missed,
                cues_open: open,
            });
        }
    }
    let planned = sch.support_window.as_ref().map_or(0, |w| w.minutes);
    let actual = match (first, last) {
        (Some(f), Some(l)) => ((l + SUPPORT_TAIL) - (f - SUPPORT_LEAD)).num_minutes(),
        _ => 0,
    };
    Report {
        event_id: data.event.id.clone(),
        time_zone: data.event.time_zone.clone(),
        rows,
        planned_support_minutes: planned,
        actual_support_minutes: actual,
        budget_minutes: i64::from(data.event.support_budget_minutes),
    }
}

/// A file name for the exported report: the event's name made safe for any file system.
pub fn csv_file_name(event_name: &str) -> String {
    let safe: String = event_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!(
        "{}-planned-vs-actual.csv",
        if safe.is_empty() { "event" } else { &safe }
    )
}

/// A cell of typed text for a CSV file: one starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'`, so that a spreadsheet shows it instead of running it as a
/// formula (OWASP's advice on CSV injection). Numbers the app writes itself do not go through it.
pub fn csv_text(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

/// The report as CSV (RFC 4180, UTF-8, header row; instants in RFC 3339 UTC). Stage, session
/// and segment names are text people typed: one starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'` so that a spreadsheet shows it instead of running it as a
/// formula (OWASP's advice on CSV injection). The numbers (overrun, cue counts) are the app's
/// own and stay numbers, negative ones included.
pub fn to_csv(report: &Report) -> String {
    let text = csv_text;
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "level",
        "stage",
        "session",
        "segment",
        "planned_start",
        "planned_end",
        "actual_start",
        "actual_end",
        "recorded",
        "overrun_secs",
        "cues_done",
        "cues_skipped",
        "cues_missed",
        "cues_open",
    ])
    .expect("in-memory write");
    let t = |d: &DateTime<Utc>| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    for r in &report.rows {
        w.write_record([
            r.level.clone(),
            text(&r.stage),
            text(&r.session),
            text(&r.segment),
            t(&r.planned_start),
            t(&r.planned_end),
            t(&r.actual_start),
            t(&r.actual_end),
            r.recorded.to_string(),
            r.overrun_secs.to_string(),
            r.cues_done.to_string(),
            r.cues_skipped.to_string(),
            r.cues_missed.to_string(),
            r.cues_open.to_string(),
        ])
        .expect("in-memory write");
    }
    String::from_utf8(w.into_inner().expect("in-memory flush")).expect("UTF-8 in, UTF-8 out")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::{timeline, Actual, CueRecord};
    use crate::testing::*;

    #[test]
    fn export_names_are_safe() {
        assert_eq!(
            csv_file_name("Sommet Boréal 2027"),
            "Sommet-Boréal-2027-planned-vs-actual.csv"
        );
        assert_eq!(
            csv_file_name("../../etc/passwd"),
            "etc-passwd-planned-vs-actual.csv"
        );
        assert_eq!(csv_file_name("///"), "event-planned-vs-actual.csv");
    }

    #[test]
    fn a_session_that_ran_long_shows_its_overrun_cues_and_real_support_hours() {
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        let ana = speaker(&mut d, "Ana, \"the\" host");
        let s = session(
            &mut d,
            &a,
            "Keynote",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        segment(&mut d, &s, "Talk", 3600, &[&ana]);
        let mut log = DayLog {
            actuals: vec![Actual {
                session_id: s.clone(),
                start: Some(utc("2027-05-04T13:02:00Z")),
                end: Some(utc("2027-05-04T14:10:00Z")),
            }],
            ..Default::default()
        };
        let go = timeline(&d, &log)
            .into_iter()
            .find(|c| c.kind == crate::cues::CueKind::GoLive)
            .unwrap();
        log.records.push(CueRecord {
            key: go.key,
            state: CueState::Done,
            at: utc("2027-05-04T13:02:00Z"),
        });
        let r = build(&d, &log, &timeline(&d, &log));
        let row = &r.rows[0];
        assert_eq!(row.overrun_secs, 8 * 60);
        assert!(row.recorded);
        assert_eq!(row.cues_done, 1);
        assert_eq!(r.planned_support_minutes, 120);
        assert_eq!(r.actual_support_minutes, 128);

        let csv = to_csv(&r);
        let mut rd = csv::Reader::from_reader(csv.as_bytes());
        let recs: Vec<csv::StringRecord> = rd.records().map(|x| x.unwrap()).collect();
        assert_eq!(recs.len(), 2, "a session line and its segment");
        assert_eq!(&recs[0][2], "Keynote");
        assert_eq!(&recs[0][6], "2027-05-04T13:02:00Z");
        assert_eq!(&recs[0][9], "480");
        assert_eq!(&recs[1][3], "Talk");
    }

    #[test]
    fn csv_names_that_start_like_a_formula_get_a_quote_and_numbers_stay_numbers() {
        let at = utc("2027-05-04T13:00:00Z");
        let row = |stage: &str, session: &str, segment: &str, overrun_secs: i64| ReportRow {
            level: "segment".into(),
            stage: stage.into(),
            session: session.into(),
            segment: segment.into(),
            planned_start: at,
            planned_end: at,
            actual_start: at,
            actual_end: at,
            recorded: false,
            overrun_secs,
            cues_done: 3,
            cues_skipped: 0,
            cues_missed: 1,
            cues_open: 0,
        };
        let report = Report {
            event_id: "e".into(),
            time_zone: "UTC".into(),
            rows: vec![
                row("@A1", "-2+3", "=HYPERLINK(\"http://x\",\"y\")", -120),
                row("\tTab", "+SUM(1)", "\rcr", 45),
                row("Main stage", "Keynote", "a=b", 0),
            ],
            planned_support_minutes: 0,
            actual_support_minutes: 0,
            budget_minutes: 0,
        };
        let csv = to_csv(&report);
        let mut rd = csv::Reader::from_reader(csv.as_bytes());
        let recs: Vec<csv::StringRecord> = rd.records().map(|x| x.unwrap()).collect();
        assert_eq!(&recs[0][3], "'=HYPERLINK(\"http://x\",\"y\")");
        assert_eq!(&recs[0][1], "'@A1");
        assert_eq!(&recs[0][2], "'-2+3");
        assert_eq!(&recs[1][1], "'\tTab");
        assert_eq!(&recs[1][2], "'+SUM(1)");
        assert_eq!(&recs[1][3], "'\rcr");
        let plain: Vec<&str> = recs[2].iter().skip(1).take(3).collect();
        assert_eq!(plain, ["Main stage", "Keynote", "a=b"]);
        // The app's own cells: a negative overrun is still a number.
        assert_eq!(&recs[0][9], "-120");
        assert_eq!(&recs[1][9], "45");
        assert_eq!(&recs[0][10], "3");
        assert_eq!(&recs[0][0], "segment");
        assert_eq!(&recs[0][4], "2027-05-04T13:00:00Z");
    }
}
