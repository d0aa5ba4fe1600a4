//! Human-readable and JSON output of the CLI.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use showcall_core::i18n::{hours_minutes, Lang};
use showcall_core::model::{EventData, EventSummary};
use showcall_core::rules::{Finding, Severity};
use showcall_core::schedule::Schedule;

/// Pretty JSON on stdout.
pub fn json<T: serde::Serialize>(value: &T) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).expect("serialisable")
    );
}

fn local(t: DateTime<Utc>, zone: &str, fmt: &str) -> String {
    let tz: Tz = zone.parse().unwrap_or(Tz::UTC);
    t.with_timezone(&tz).format(fmt).to_string()
}

pub fn events(events: &[EventSummary]) {
    if events.is_empty() {
        println!("no events (create one in the app, or run `showcall demo`)");
        return;
    }
    for e in events {
        let date = e
            .first_start
            .map(|t| local(t, &e.time_zone, "%Y-%m-%d"))
            .unwrap_or_else(|| "----------".into());
        println!(
            "{}  {date}  {:<20}  {:>2} sessions  {}",
            e.id, e.time_zone, e.session_count, e.name
        );
    }
}

pub fn findings(findings: &[Finding], lang: Lang) {
    if findings.is_empty() {
        println!(
            "{}",
            if lang == Lang::FrCa {
                "aucun constat"
            } else {
                "no findings"
            }
        );
        return;
    }
    for f in findings {
        let sev = match (f.severity, lang) {
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
            (Severity::Info, Lang::En) => "info",
            (Severity::Error, Lang::FrCa) => "erreur",
            (Severity::Warning, Lang::FrCa) => "avertissement",
            (Severity::Info, Lang::FrCa) => "info",
        };
        println!("{sev:<13} {:<27} {}", f.code, f.message);
    }
}

pub fn schedule(s: &Schedule, data: &EventData, lang: Lang) {
    let fr = lang == Lang::FrCa;
    let hm = |t| local(t, &s.time_zone, "%H:%M");
    println!("{} ({})", data.event.name, s.time_zone);
    match &s.support_window {
        Some(w) => println!(
            "{} {}–{} ({}; budget {})",
            if fr {
                "Plage de soutien"
            } else {
                "Support window"
            },
            local(w.start, &s.time_zone, "%Y-%m-%d %H:%M"),
            hm(w.end),
            hours_minutes(w.minutes),
            hours_minutes(i64::from(data.event.support_budget_minutes)),
        ),
        None => println!("{}", if fr { "aucune séance" } else { "no sessions" }),
    }
    for st in &s.sessions {
        println!();
        println!(
            "{}–{}  [{}]  {}   ({} {}, {} {})",
            hm(st.start),
            hm(st.end),
            st.stage_name,
            st.title,
            if fr { "prép." } else { "prep" },
            hm(st.prep_at),
            if fr { "vérif. AV" } else { "AV check" },
            hm(st.av_check_at),
        );
        for g in &st.segments {
            println!("    {}–{}  {}", hm(g.start), hm(g.end), g.title);
        }
        if st.overrun_secs > 0 {
            println!(
                "    ! {} +{}s",
                if fr { "dépassement" } else { "overrun" },
                st.overrun_secs
            );
        }
    }
}

/// One line of `showcall cues`: the cue as the scheduler sees it at an instant.
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CueRow {
    pub key: String,
    pub kind: &'static str,
    pub session: String,
    pub stage: String,
    pub detail: String,
    pub planned: DateTime<Utc>,
    pub expected: DateTime<Utc>,
    pub notify_at: DateTime<Utc>,
    pub state: &'static str,
    /// Whether its time has come at that instant.
    pub due: bool,
}

impl CueRow {
    pub fn new(c: &showcall_core::cues::Cue, at: DateTime<Utc>) -> CueRow {
        CueRow {
            key: c.key.clone(),
            kind: c.kind.code(),
            session: c.session.clone(),
            stage: c.stage.clone(),
            detail: c.detail.clone(),
            planned: c.planned,
            expected: c.expected,
            notify_at: c.notify_at(),
            state: c.state.code(),
            due: c.expected <= at,
        }
    }
}

pub fn cues(rows: &[CueRow], zone: &str) {
    let hms = |t| local(t, zone, "%H:%M:%S");
    println!(
        "{:<8} {:<8} {:<8} {:<9} {:<20} {:<18} SESSION — DETAIL",
        "PLANNED", "EXPECTED", "NOTIFY", "STATE", "KIND", "STAGE"
    );
    for r in rows {
        let detail = if r.detail.is_empty() {
            String::new()
        } else {
            format!(" — {}", r.detail)
        };
        println!(
            "{} {} {} {:<9} {:<20} {:<18} {}{detail}{}",
            hms(r.planned),
            hms(r.expected),
            hms(r.notify_at),
            r.state,
            r.kind,
            r.stage,
            r.session,
            if r.due && r.state == "pending" {
                "  (due)"
            } else {
                ""
            },
        );
    }
}

pub fn report(r: &showcall_core::report::Report, lang: Lang) {
    let fr = lang == Lang::FrCa;
    let hm = |t| local(t, &r.time_zone, "%H:%M");
    println!(
        "{} {} / {} {} (budget {})",
        if fr { "Soutien :" } else { "Support:" },
        hours_minutes(r.actual_support_minutes),
        hours_minutes(r.planned_support_minutes),
        if fr { "prévues" } else { "planned" },
        hours_minutes(r.budget_minutes),
    );
    for row in &r.rows {
        let name = if row.level == "session" {
            format!("[{}] {}", row.stage, row.session)
        } else {
            format!("    {}", row.segment)
        };
        let over = match row.overrun_secs {
            0 => String::new(),
            s => format!("  {s:+}s"),
        };
        let cues = if row.level == "session" {
            format!(
                "  cues ✓{} ↷{} ⚠{} …{}",
                row.cues_done, row.cues_skipped, row.cues_missed, row.cues_open
            )
        } else {
            String::new()
        };
        println!(
            "{}–{} → {}–{}  {name}{over}{cues}",
            hm(row.planned_start),
            hm(row.planned_end),
            hm(row.actual_start),
            hm(row.actual_end)
        );
    }
}
