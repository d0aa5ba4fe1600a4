//! Data a handoff package may carry that no edit of this app would make: numbers far out of
//! range, ids with line breaks, server URLs with credentials or query strings. Each is refused
//! by name (in both languages, never quoting a secret), and nothing that reads such data panics
//! or writes it through raw.

use showcall_core::error::{Error, Invalid, RtmpProblem};
use showcall_core::i18n::Lang;
use showcall_core::model::{
    AssetFile, AssetKind, AssetReport, CueAnchor, CueKind, CustomCue, Destination,
    DestinationStatus, EventData,
};
use showcall_core::testing::*;
use showcall_core::{branding, cues, ics, rtmp, validate};

/// A small valid event: one stage, one session with a segment, the standard checklist.
fn base() -> EventData {
    let mut d = event("America/Toronto");
    let a = stage(&mut d, "Main");
    let s = session(
        &mut d,
        &a,
        "Keynote",
        "2027-05-04T13:00:00Z",
        "2027-05-04T14:00:00Z",
    );
    let p = speaker(&mut d, "Ana");
    segment(&mut d, &s, "Welcome", 600, &[&p]);
    d.brand_items = branding::items_from(&branding::default_preset(Lang::En).items, &d.event.id, 0);
    validate::event_data(&d).expect("the base event is valid");
    d
}

/// The field `validate::event_data` names, or a panic when the data passes.
fn refused_field(d: &EventData) -> String {
    match validate::event_data(d) {
        Err(Error::InvalidInput { field, .. }) => field,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_lead_time_of_four_billion_days_is_refused_by_name() {
    let mut d = base();
    d.branding.due_days_before = 4_000_000_000;
    let e = validate::event_data(&d).unwrap_err();
    assert_eq!(
        e.payload(Lang::En).field.as_deref(),
        Some("branding.dueDaysBefore")
    );
    let en = e.message(Lang::En);
    assert!(
        en.starts_with("Days before the event: out of range"),
        "{en}"
    );
    assert!(en.contains("0–365"), "{en}");
    let fr = e.message(Lang::FrCa);
    assert!(
        fr.starts_with("Jours avant l’événement : hors limites"),
        "{fr}"
    );
    // The edit's limit is the validator's: 365 passes, 366 does not.
    d.branding.due_days_before = 365;
    validate::event_data(&d).unwrap();
    d.branding.due_days_before = 366;
    assert_eq!(refused_field(&d), "branding.dueDaysBefore");
}

#[test]
fn default_due_gives_no_date_instead_of_panicking() {
    let mut d = base();
    // 2027-05-04 09:00 in Toronto, 14 days before.
    assert_eq!(
        branding::default_due(&d),
        chrono::NaiveDate::from_ymd_opt(2027, 4, 20)
    );
    for days in [4_000_000_000, u32::MAX] {
        d.branding.due_days_before = days;
        assert_eq!(branding::default_due(&d), None, "{days} days");
        // Keeping due dates in step (as a merge and every edit do) does not panic either.
        branding::sync(&mut d);
        assert!(d.brand_items.iter().all(|i| i.due.is_none()));
    }
}

#[test]
fn out_of_range_numbers_are_refused_by_field() {
    type Change = fn(&mut EventData);
    let cases: [(&str, Change); 21] = [
        ("event.revision", |d| d.event.revision = -1),
        ("event.revision", |d| d.event.revision = i64::MAX),
        ("event.kitTermMonths", |d| {
            d.event.kit_term_months = u32::MAX
        }),
        ("event.supportBudgetMinutes", |d| {
            d.event.support_budget_minutes = 0
        }),
        ("event.kitPurchaseDate", |d| {
            d.event.kit_purchase_date = Some(chrono::NaiveDate::MIN)
        }),
        ("stage.position", |d| d.stages[0].position = u32::MAX),
        ("session.start", |d| {
            d.sessions[0].start = utc("9999-01-01T00:00:00Z");
            d.sessions[0].end = utc("9999-01-01T01:00:00Z");
        }),
        ("segment.durationSecs", |d| {
            d.segments[0].duration_secs = u32::MAX
        }),
        ("segment.position", |d| d.segments[0].position = u32::MAX),
        ("brandItem.position", |d| {
            d.brand_items[0].position = u32::MAX
        }),
        ("brandItem.due", |d| {
            d.brand_items[0].due = Some(chrono::NaiveDate::MAX)
        }),
        ("brandItem.spec", |d| d.brand_items[0].spec.width = Some(0)),
        ("brandItem.spec", |d| {
            d.brand_items[0].spec.min_long_side = Some(u32::MAX)
        }),
        ("brandItem.spec", |d| {
            d.brand_items[0].spec.max_bytes = Some(0)
        }),
        ("brandItem.spec", |d| {
            d.brand_items[0].spec.max_fps = Some(f64::INFINITY)
        }),
        ("brandItem.spec", |d| {
            d.brand_items[0].spec.max_aspect = Some(1e300)
        }),
        ("brandItem.file", |d| {
            d.brand_items[0].files.push(file(u64::MAX, None));
        }),
        ("brandItem.file", |d| {
            d.brand_items[0].files.push(file(10, Some(u64::MAX)));
        }),
        ("cue.leadSecs", |d| {
            d.cue_settings.push(showcall_core::model::CueSetting {
                kind: CueKind::GoLive,
                enabled: true,
                lead_secs: i64::MIN,
            })
        }),
        ("cue.offsetSecs", |d| {
            let c = custom_cue(d, "c1");
            d.custom_cues.push(CustomCue {
                offset_secs: i64::MAX,
                ..c
            });
        }),
        ("cue.offsetSecs", |d| {
            let c = custom_cue(d, "c1");
            d.custom_cues.push(CustomCue {
                offset_secs: i64::MIN,
                ..c
            });
        }),
    ];
    for (field, change) in cases {
        let mut d = base();
        change(&mut d);
        assert_eq!(refused_field(&d), field);
        let e = validate::event_data(&d).unwrap_err();
        // Both languages say it, differently.
        assert_ne!(e.message(Lang::En), e.message(Lang::FrCa), "{field}");
    }
    // The spec message names the item and the number in both languages.
    let mut d = base();
    d.brand_items[0].spec.max_bytes = Some(0);
    let e = validate::event_data(&d).unwrap_err();
    assert!(
        e.message(Lang::En)
            .contains("largest file size 0 is out of range"),
        "{}",
        e.message(Lang::En)
    );
    assert!(e.message(Lang::FrCa).contains("taille de fichier maximale"));
    // Numbers at the ends of their ranges pass.
    let mut d = base();
    d.event.revision = (1 << 53) - 1;
    d.segments[0].duration_secs = 24 * 3600;
    d.sessions[0].end = utc("2027-05-05T14:00:00Z");
    d.brand_items[0].spec.max_aspect = Some(100.0);
    d.brand_items[0].files.push(file(0, Some(0)));
    validate::event_data(&d).unwrap();
}

/// A file record with `bytes` and a probed clip of `ms`.
fn file(bytes: u64, ms: Option<u64>) -> AssetFile {
    AssetFile {
        sha256: "ab".repeat(32),
        name: "clip.mp4".into(),
        bytes,
        added_at: utc("2027-04-01T12:00:00Z"),
        added_by: "customer".into(),
        report: AssetReport {
            kind: AssetKind::Logo.code().into(),
            file_type: Some("png".into()),
            bytes,
            width: Some(10),
            height: Some(10),
            duration_ms: ms,
            checks: vec![],
        },
        stored: false,
        thumbnail: false,
    }
}

fn custom_cue(d: &EventData, id: &str) -> CustomCue {
    CustomCue {
        id: id.into(),
        session_id: d.sessions[0].id.clone(),
        segment_id: None,
        anchor: CueAnchor::SessionStart,
        offset_secs: 0,
        kind: CueKind::OverlayOn,
        text: "Lower third".into(),
        lead_secs: 30,
    }
}

const INJECTION: &str = "x\r\nATTENDEE:mailto:evil@example.com";

/// The content lines of an iCalendar text, unfolded (RFC 5545 §3.1).
fn content_lines(text: &str) -> Vec<String> {
    assert!(text.ends_with("\r\n"));
    // Every raw line break is a CRLF: no lone CR or LF.
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count(),
        "a lone LF"
    );
    assert_eq!(
        text.matches('\r').count(),
        text.matches("\r\n").count(),
        "a lone CR"
    );
    let mut out: Vec<String> = Vec::new();
    for raw in text.split_terminator("\r\n") {
        match raw.strip_prefix(' ') {
            Some(cont) => out.last_mut().expect("a first line").push_str(cont),
            None => out.push(raw.to_string()),
        }
    }
    out
}

fn property_names(lines: &[String]) -> Vec<String> {
    lines
        .iter()
        .map(|l| {
            l.split([':', ';'])
                .next()
                .unwrap_or_default()
                .to_ascii_uppercase()
        })
        .collect()
}

#[test]
fn an_id_with_a_line_break_writes_no_property_of_its_own_in_a_calendar() {
    let mut d = base();
    // A package's session id, and everything that refers to it.
    let old = d.sessions[0].id.clone();
    d.sessions[0].id = INJECTION.into();
    for g in &mut d.segments {
        if g.session_id == old {
            g.session_id = INJECTION.into();
        }
    }
    d.sessions[0].title = format!("Keynote{INJECTION}\rORGANIZER:mailto:evil@example.com");
    d.stages[0].name = "Main\u{2028}ATTENDEE:mailto:evil@example.com;x,y\\".into();
    let mut c = custom_cue(&d, &format!("c{INJECTION}"));
    c.text = INJECTION.into();
    d.custom_cues.push(c);

    // The validator refuses the id, by field and without quoting it.
    let e = validate::event_data(&d).unwrap_err();
    assert_eq!(e.payload(Lang::En).field.as_deref(), Some("session.id"));
    for lang in [Lang::En, Lang::FrCa] {
        let m = e.message(lang);
        assert!(!m.contains('\r') && !m.contains("ATTENDEE"), "{m}");
    }
    let mut shaped = base();
    shaped.stages[0].id = "a:b".into();
    assert_eq!(refused_field(&shaped), "stage.id");
    shaped = base();
    shaped.people[0].id = "p".repeat(65);
    assert_eq!(refused_field(&shaped), "person.id");

    // The export writes it safely all the same (data read before the validator ran).
    let cues = cues::plan(&d);
    assert!(cues.iter().any(|c| c.key.contains(INJECTION)));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("event.ics");
    let stamp = utc("2027-04-01T12:00:00Z");
    std::fs::write(&path, ics::calendar(&d, Some(&cues), Lang::En, stamp)).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines = content_lines(&text);
    let names = property_names(&lines);
    const KNOWN: [&str; 16] = [
        "BEGIN",
        "END",
        "VERSION",
        "PRODID",
        "CALSCALE",
        "METHOD",
        "X-WR-CALNAME",
        "UID",
        "DTSTAMP",
        "DTSTART",
        "DTEND",
        "SUMMARY",
        "LOCATION",
        "DESCRIPTION",
        "ACTION",
        "TRIGGER",
    ];
    for (n, l) in names.iter().zip(&lines) {
        assert!(KNOWN.contains(&n.as_str()), "unexpected property line: {l}");
    }
    assert!(!names.iter().any(|n| n == "ATTENDEE" || n == "ORGANIZER"));
    // UIDs are only made of safe characters, stable and distinct.
    let uids: Vec<&String> = lines.iter().filter(|l| l.starts_with("UID:")).collect();
    assert!(uids.len() > 3);
    for u in &uids {
        let v = u.strip_prefix("UID:").unwrap();
        assert!(
            v.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-_.:@".contains(&b)),
            "{v}"
        );
    }
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), uids.len());
    let again = ics::calendar(&d, Some(&cues), Lang::En, stamp);
    assert_eq!(again, text, "a re-export writes the same UIDs");
    // The texts are kept, escaped: the line break is a literal \n inside the value.
    let summary = lines
        .iter()
        .find(|l| l.starts_with("SUMMARY:Keynote"))
        .unwrap();
    assert_eq!(
        summary,
        "SUMMARY:Keynotex\\nATTENDEE:mailto:evil@example.com\\nORGANIZER:mailto:evil@example.com"
    );
    let location = lines.iter().find(|l| l.starts_with("LOCATION:")).unwrap();
    assert_eq!(
        location,
        "LOCATION:Main\\nATTENDEE:mailto:evil@example.com\\;x\\,y\\\\"
    );
    // An app-made id is kept as it is.
    let plain = base();
    let out = ics::calendar(&plain, None, Lang::En, stamp);
    assert!(out.contains(&format!("UID:session-{}@showcall", plain.sessions[0].id)));
}

#[test]
fn text_values_hold_no_raw_control_character() {
    assert_eq!(ics::escape("a\r\nb\rc\nd"), "a\\nb\\nc\\nd");
    assert_eq!(ics::escape("a\u{0}b\u{1b}c\u{7f}d\te"), "abcd\te");
    assert_eq!(ics::escape("a\u{85}b\u{2029}c"), "a\\nb\\nc");
    assert_eq!(
        ics::fold("SUMMARY:a\r\nATTENDEE:x"),
        "SUMMARY:aATTENDEE:x\r\n"
    );
    assert_eq!(ics::uid_part("0b6c-41_a:go_live"), "0b6c-41_a:go_live");
    let hashed = ics::uid_part(INJECTION);
    assert!(
        hashed.starts_with("sha256-") && hashed.len() == 7 + 64,
        "{hashed}"
    );
    assert_eq!(hashed, ics::uid_part(INJECTION));
    assert_ne!(hashed, ics::uid_part("x\nATTENDEE:mailto:evil@example.com"));
}

fn rtmp_problem(r: showcall_core::Result<rtmp::ServerUrl>) -> (Error, RtmpProblem) {
    match r {
        Err(e) => match &e {
            Error::InvalidInput {
                reason: Invalid::Rtmp(p),
                ..
            } => {
                let p = p.clone();
                (e, p)
            }
            other => panic!("expected an RTMP problem, got {other:?}"),
        },
        Ok(u) => panic!("expected a refusal, got {u:?}"),
    }
}

#[test]
fn credentials_and_query_strings_in_a_server_url_are_refused_without_quoting_them() {
    let secrets = [
        "alice",
        "hunter2pass",
        "s3cr3tValue",
        "tok_42xyz",
        "frag99key",
    ];
    let cases = [
        (
            "rtmp://alice:hunter2pass@ingest.example.com/live",
            RtmpProblem::UserInfo,
        ),
        (
            "rtmps://alice@ingest.example.com:443/live",
            RtmpProblem::UserInfo,
        ),
        (
            "rtmp://:hunter2pass@ingest.example.com/live",
            RtmpProblem::UserInfo,
        ),
        (
            "rtmp://ingest.example.com/live?key=s3cr3tValue",
            RtmpProblem::Query,
        ),
        (
            "rtmp://ingest.example.com/live?token=tok_42xyz",
            RtmpProblem::Query,
        ),
        (
            "rtmp://ingest.example.com/live?streamkey=s3cr3tValue",
            RtmpProblem::Query,
        ),
        (
            "rtmp://ingest.example.com/live?s3cr3tValue",
            RtmpProblem::Query,
        ),
        ("rtmp://ingest.example.com/live?", RtmpProblem::Query),
        (
            "rtmp://ingest.example.com/live#frag99key",
            RtmpProblem::Fragment,
        ),
    ];
    for (url, want) in &cases {
        let (e, p) = rtmp_problem(rtmp::check_url("destination.serverUrl", url));
        assert_eq!(&p, want, "{url}");
        for lang in [Lang::En, Lang::FrCa] {
            let payload = e.payload(lang);
            assert_eq!(payload.field.as_deref(), Some("destination.serverUrl"));
            let json = serde_json::to_string(&payload).unwrap();
            for s in secrets {
                assert!(!json.contains(s), "{json}");
            }
            assert!(!format!("{e:?}").contains("hunter2pass"));
        }
    }
    let (e, _) = rtmp_problem(rtmp::check_url("destination.serverUrl", cases[0].0));
    assert_eq!(
        e.message(Lang::En),
        "Server URL: has a user name or password before the host: remove it, and put a key in the stream key field"
    );
    let (e, _) = rtmp_problem(rtmp::check_url("destination.backupUrl", cases[3].0));
    assert_eq!(
        e.message(Lang::En),
        "Backup URL: has a query string (?…): put a key in the stream key field"
    );
    assert!(e
        .message(Lang::FrCa)
        .starts_with("URL de relève : contient une chaîne de requête (?…)"));

    // A package's destination with such a URL is refused by the validator, by field.
    let mut d = base();
    d.destinations.push(Destination {
        id: "dest-1".into(),
        event_id: d.event.id.clone(),
        position: 0,
        name: "CDN".into(),
        preset: "custom".into(),
        server_url: "rtmp://ingest.example.com/live".into(),
        backup_url: "rtmp://ingest.example.com/backup?key=s3cr3tValue".into(),
        session_ids: vec![],
        status: DestinationStatus::Requested,
        has_key: false,
        key_hint: String::new(),
        last_test: None,
        key_entered_for: None,
    });
    assert_eq!(refused_field(&d), "destination.backupUrl");
    d.destinations[0].backup_url.clear();
    validate::event_data(&d).unwrap();
    // Plain URLs still pass, and so does the one query string a platform publishes (YouTube's
    // backup ingest), but not with anything added to it nor on another server.
    rtmp::check_url("f", "rtmps://a.rtmps.youtube.com:443/live2").unwrap();
    rtmp::check_url("f", "rtmps://b.rtmps.youtube.com:443/live2?backup=1").unwrap();
    rtmp::check_url("f", "RTMPS://B.rtmps.youtube.com/live2/?backup=1").unwrap();
    for url in [
        "rtmps://b.rtmps.youtube.com:443/live2?backup=1&key=s3cr3tValue",
        "rtmps://b.rtmps.youtube.com:443/live2?key=s3cr3tValue",
        "rtmps://ingest.example.com:443/live2?backup=1",
    ] {
        let (e, p) = rtmp_problem(rtmp::check_url("f", url));
        assert_eq!(p, RtmpProblem::Query, "{url}");
        assert!(!e.message(Lang::En).contains("s3cr3t"));
    }
}
