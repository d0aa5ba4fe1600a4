//! The customer lead's schedule hints: the findings that carry a customer-worded message, in
//! English and Canadian French, on a Toronto event (2027-04-15, EDT = UTC−4). They are told for
//! tight changeovers on a stage, overlapping sessions on a stage, sessions without speaker, and a
//! speaker in two sessions at the same time or less than 15 minutes apart.

use showcall_core::i18n::Lang;
use showcall_core::model::EventData;
use showcall_core::rules::{check, Finding, Severity};
use showcall_core::testing::{event, segment, session, speaker, stage};
use std::collections::HashMap;

/// An event with a main stage and a breakout, Ana Silva and Ben Roy; sessions and people are
/// named by short keys (`a`, `p1`…).
struct Fx {
    d: EventData,
    ids: HashMap<String, String>,
}

/// The RFC 3339 UTC instant of a Toronto wall-clock time on 2027-04-15 (`09:00` → 13:00Z).
fn at(hhmm: &str) -> String {
    let (h, rest) = hhmm.split_once(':').unwrap();
    let (m, s) = rest.split_once(':').unwrap_or((rest, "00"));
    let h: u32 = h.parse().unwrap();
    format!("2027-04-15T{:02}:{m}:{s}Z", h + 4)
}

impl Fx {
    fn new() -> Self {
        let mut d = event("America/Toronto");
        let mut ids = HashMap::new();
        ids.insert("main".into(), stage(&mut d, "Main stage"));
        ids.insert("b".into(), stage(&mut d, "Breakout"));
        ids.insert("p1".into(), speaker(&mut d, "Ana Silva"));
        ids.insert("p2".into(), speaker(&mut d, "Ben Roy"));
        Fx { d, ids }
    }

    fn id(&self, key: &str) -> &str {
        &self.ids[key]
    }

    fn key(&self, id: &str) -> String {
        let (k, _) = self.ids.iter().find(|(_, v)| *v == id).unwrap();
        k.clone()
    }

    /// A session on `stage` from `start` to `end` (Toronto times, `HH:MM` or `HH:MM:SS`).
    fn session(&mut self, key: &str, title: &str, stage: &str, start: &str, end: &str) {
        let stage = self.id(stage).to_string();
        let id = session(&mut self.d, &stage, title, &at(start), &at(end));
        self.ids.insert(key.into(), id);
    }

    /// A 10-minute segment of `session` presented by `people`.
    fn segment(&mut self, session: &str, people: &[&str]) {
        self.segment_of(session, 600, people);
    }

    fn segment_of(&mut self, session: &str, secs: u32, people: &[&str]) {
        let s = self.id(session).to_string();
        let ids: Vec<String> = people.iter().map(|p| self.id(p).to_string()).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        segment(&mut self.d, &s, "Part", secs, &refs);
    }

    fn findings(&self, lang: Lang) -> Vec<Finding> {
        check(&self.d, lang)
    }

    /// The findings told to the customer, in the order their schedule lists them (by the start of
    /// the first session they are about, conflicts first), as the UI sorts them.
    fn hints(&self, lang: Lang) -> Vec<Hint> {
        let start = |id: &str| self.d.session(id).unwrap().start;
        let mut out: Vec<Hint> = self
            .findings(lang)
            .into_iter()
            .filter_map(|f| {
                let c = f.customer?;
                Some(Hint {
                    code: f.code,
                    severity: c.severity,
                    sessions: c.session_ids.iter().map(|id| self.key(id)).collect(),
                    at: start(&c.session_ids[0]),
                    text: c.message,
                })
            })
            .collect();
        out.sort_by_key(|h| (h.at, h.severity));
        out
    }
}

#[derive(Debug)]
struct Hint {
    code: String,
    severity: Severity,
    sessions: Vec<String>,
    at: chrono::DateTime<chrono::Utc>,
    text: String,
}

fn codes(hs: &[Hint]) -> Vec<&str> {
    hs.iter().map(|h| h.code.as_str()).collect()
}

fn texts(hs: &[Hint]) -> Vec<&str> {
    hs.iter().map(|h| h.text.as_str()).collect()
}

fn two_on_main(a: (&str, &str), b: (&str, &str)) -> Fx {
    let mut fx = Fx::new();
    fx.session("a", "A", "main", a.0, a.1);
    fx.session("b", "B", "main", b.0, b.1);
    fx
}

// ---- stages ------------------------------------------------------------------------------

#[test]
fn two_sessions_on_a_stage_five_minutes_apart_tell_the_team_to_close_the_first() {
    let mut fx = two_on_main(("09:00", "10:00"), ("10:05", "11:00"));
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p2"]);
    let hs = fx.hints(Lang::En);
    assert_eq!(codes(&hs), ["closing_training_needed"]);
    assert_eq!(hs[0].sessions, ["a", "b"]);
    assert_eq!(hs[0].severity, Severity::Info);
    assert_eq!(
        hs[0].text,
        "“A” ends at 10:00 and “B” starts at 10:05 on Main stage: only 5 minutes apart. Your team will need to close “A” — the analyst will train them."
    );
    assert_eq!(
        texts(&fx.hints(Lang::FrCa)),
        ["« A » se termine à 10:00 et « B » commence à 10:05 sur Main stage : seulement 5 minutes d’écart. Votre équipe devra fermer « A » — l’analyste la formera."]
    );
}

#[test]
fn the_end_to_end_keynote_hint_reads_as_the_window_test_expects() {
    let mut fx = Fx::new();
    fx.session("k", "Keynote", "main", "09:00", "10:00");
    fx.session("p", "Panel", "main", "10:05", "11:00");
    fx.segment("k", &["p1"]);
    fx.segment("p", &["p2"]);
    let en = &fx.hints(Lang::En)[0].text;
    assert!(en.contains("only 5 minutes apart"), "{en}");
    assert!(
        en.contains("Your team will need to close “Keynote”"),
        "{en}"
    );
    let fr = &fx.hints(Lang::FrCa)[0].text;
    assert!(
        fr.contains("seulement 5 minutes d’écart. Votre équipe devra fermer « Keynote »"),
        "{fr}"
    );
}

#[test]
fn fourteen_minutes_is_too_tight_for_stages_and_for_speakers() {
    let mut fx = two_on_main(("09:00", "10:00"), ("10:14", "11:00"));
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p1"]);
    let hs = fx.hints(Lang::En);
    assert_eq!(
        codes(&hs),
        ["closing_training_needed", "prep_overlaps_session"]
    );
    assert!(
        hs[0].text.contains("only 14 minutes apart"),
        "{}",
        hs[0].text
    );
    assert!(hs[1].text.starts_with("Ana Silva is speaking in both"));
}

#[test]
fn fifteen_minutes_or_another_stage_says_nothing() {
    let mut fx = two_on_main(("09:00", "10:00"), ("10:15", "11:00"));
    fx.session("c", "C", "b", "10:00", "10:30");
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p1"]);
    fx.segment("c", &["p2"]);
    assert!(fx.hints(Lang::En).is_empty());
}

#[test]
fn back_to_back_and_one_minute_have_their_own_wording() {
    let mut fx = two_on_main(("09:00", "10:00"), ("10:00", "11:00"));
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p2"]);
    let hs = fx.hints(Lang::En);
    assert_eq!(hs.len(), 1);
    assert!(
        hs[0]
            .text
            .contains("starts at 10:00 on Main stage: back to back"),
        "{}",
        hs[0].text
    );
    assert!(fx.hints(Lang::FrCa)[0]
        .text
        .contains("sur Main stage : les séances s’enchaînent sans pause."));

    let mut fx = two_on_main(("09:00", "10:00"), ("10:01", "11:00"));
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p2"]);
    assert!(fx.hints(Lang::En)[0].text.contains("only 1 minute apart"));
    assert!(fx.hints(Lang::FrCa)[0]
        .text
        .contains("seulement 1 minute d’écart"));
}

#[test]
fn gaps_are_told_in_rounded_minutes() {
    // 30 seconds: the schedule says 0 min, the customer reads 1 minute.
    let mut fx = two_on_main(("09:00", "10:00"), ("10:00:30", "11:00"));
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p2"]);
    assert!(fx.hints(Lang::En)[0].text.contains("only 1 minute apart"));
    // 14 min 40 s rounds to 15: the analyst still trains the team, the customer is not told.
    let mut fx = two_on_main(("09:00", "10:00"), ("10:14:40", "11:00"));
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p1"]);
    let f = fx.findings(Lang::En);
    assert!(f.iter().any(|f| f.code == "closing_training_needed"));
    assert!(f.iter().any(|f| f.code == "prep_overlaps_session"));
    assert!(fx.hints(Lang::En).is_empty());
}

#[test]
fn a_session_is_compared_with_the_one_that_ends_last_before_it() {
    // A (9:00–10:50) and B (9:30–10:45) overlap; C starts at 10:55: 5 minutes after A, 10 after B.
    let mut fx = two_on_main(("09:00", "10:50"), ("09:30", "10:45"));
    fx.session("c", "C", "main", "10:55", "12:00");
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p2"]);
    fx.segment("c", &["p2"]);
    let hs = fx.hints(Lang::En);
    let gaps: Vec<_> = hs
        .iter()
        .filter(|h| h.code == "closing_training_needed")
        .collect();
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].sessions, ["a", "c"]);
    assert!(gaps[0].text.contains("only 5 minutes apart"));
    // The analyst is told about both: B (the schedule's closing pair) and A (found for the
    // customer, reported to the analyst as well).
    let f = fx.findings(Lang::En);
    let mut closing: Vec<(&str, bool)> = f
        .iter()
        .filter(|f| f.code == "closing_training_needed")
        .map(|f| (f.message.as_str(), f.customer.is_some()))
        .collect();
    closing.sort();
    assert_eq!(
        closing,
        [
            (
                "“A” ends 5 min before “C” starts (under 15 min): train the customer team to close “A”",
                true
            ),
            (
                "“B” ends 10 min before “C” starts (under 15 min): train the customer team to close “B”",
                false
            ),
        ]
    );
}

#[test]
fn overlapping_sessions_on_a_stage_are_a_warning_once_per_pair() {
    let mut fx = two_on_main(("09:00", "11:00"), ("09:30", "10:00"));
    fx.session("c", "C", "main", "10:30", "12:00");
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p2"]);
    fx.segment("c", &["p2"]);
    let hs: Vec<Hint> = fx
        .hints(Lang::En)
        .into_iter()
        .filter(|h| h.code == "stage_overlap")
        .collect();
    let pairs: Vec<&[String]> = hs.iter().map(|h| h.sessions.as_slice()).collect();
    assert_eq!(pairs, [["a", "b"], ["a", "c"]]);
    assert_eq!(hs[0].severity, Severity::Warning);
    assert_eq!(
        hs[0].text,
        "“A” (09:00 – 11:00) and “B” (09:30 – 10:00) overlap on Main stage: a stage can show one session at a time."
    );
    let fr = fx.hints(Lang::FrCa);
    assert!(fr.iter().any(|h| h.text
        == "« A » (09:00 – 11:00) et « C » (10:30 – 12:00) se chevauchent sur Main stage : une scène ne peut présenter qu’une séance à la fois."));
}

// ---- speakers ----------------------------------------------------------------------------

#[test]
fn a_session_with_no_speaker_is_told_with_or_without_segments() {
    let mut fx = Fx::new();
    fx.session("a", "A", "main", "09:00", "10:00");
    fx.session("b", "B", "b", "13:00", "14:00");
    fx.segment("b", &[]);
    let hs = fx.hints(Lang::En);
    assert_eq!(
        codes(&hs),
        ["session_without_presenter", "session_without_presenter"]
    );
    let first: Vec<&str> = hs.iter().map(|h| h.sessions[0].as_str()).collect();
    assert_eq!(first, ["a", "b"]);
    assert_eq!(hs[0].text, "“A” has no speaker yet.");
    assert_eq!(hs[0].severity, Severity::Info);
    assert_eq!(
        fx.hints(Lang::FrCa)[0].text,
        "« A » n’a pas encore de conférencier."
    );
}

#[test]
fn a_presenter_of_any_segment_is_a_speaker_of_the_session() {
    let mut fx = Fx::new();
    fx.session("a", "A", "main", "09:00", "10:00");
    fx.segment("a", &[]);
    fx.segment("a", &["p2"]);
    assert!(fx.hints(Lang::En).is_empty());
}

#[test]
fn one_person_in_two_sessions_at_the_same_time_on_any_stage() {
    // Ana speaks 9:00–9:10 in A and 9:30–9:40 in B: her segments do not collide (no double
    // booking), but the sessions overlap; the prep rule catches it and tells the customer.
    let mut fx = Fx::new();
    fx.session("a", "A", "main", "09:00", "10:00");
    fx.session("b", "B", "b", "09:30", "10:30");
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p1", "p2"]);
    let hs = fx.hints(Lang::En);
    assert_eq!(codes(&hs), ["prep_overlaps_session"]);
    assert_eq!(hs[0].sessions, ["a", "b"]);
    assert_eq!(hs[0].severity, Severity::Warning);
    assert_eq!(
        hs[0].text,
        "Ana Silva is speaking in both “A” and “B” at the same time."
    );
    assert_eq!(
        fx.hints(Lang::FrCa)[0].text,
        "Ana Silva prend la parole à la fois dans « A » et dans « B », au même moment."
    );
}

#[test]
fn a_double_booking_tells_the_customer_once() {
    // Ana's segments collide (9:30–9:40 in both): the double booking carries the hint, not the
    // prep finding of the same pair.
    let mut fx = Fx::new();
    fx.session("a", "A", "main", "09:00", "10:00");
    fx.session("b", "B", "b", "09:30", "10:30");
    fx.segment_of("a", 1800, &[]);
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p1"]);
    let f = fx.findings(Lang::En);
    assert!(f.iter().any(|f| f.code == "prep_overlaps_session"));
    let hs = fx.hints(Lang::En);
    assert_eq!(codes(&hs), ["person_double_booked"]);
    assert_eq!(
        hs[0].text,
        "Ana Silva is speaking in both “A” and “B” at the same time."
    );
}

#[test]
fn two_sessions_starting_together_share_a_speaker_s_prep_time() {
    // Both start at 9:00; Ana speaks 9:00–9:10 in A and 9:10–9:20 in B: no double booking, and
    // neither starts before the other, so the new same-start prep finding carries the hint.
    let mut fx = Fx::new();
    fx.session("a", "A", "main", "09:00", "10:00");
    fx.session("b", "B", "b", "09:00", "10:00");
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p2"]);
    fx.segment("b", &["p1"]);
    let f = fx.findings(Lang::En);
    let prep: Vec<&Finding> = f
        .iter()
        .filter(|f| f.code == "prep_overlaps_session")
        .collect();
    assert_eq!(prep.len(), 1);
    assert_eq!(
        prep[0].message,
        "Ana Silva's preps for “A” and “B” are both at 08:45: the two sessions start at 09:00"
    );
    assert_eq!(prep[0].severity, Severity::Warning);
    let fr = fx.findings(Lang::FrCa);
    assert!(fr.iter().any(|f| f.message
        == "Les préparations de Ana Silva pour « A » et « B » ont lieu toutes deux à 08:45 : les deux séances commencent à 09:00"));
    let hs = fx.hints(Lang::En);
    assert_eq!(
        texts(&hs),
        ["Ana Silva is speaking in both “A” and “B” at the same time."]
    );
    assert_eq!(hs[0].sessions, ["a", "b"]);
}

#[test]
fn one_person_in_two_sessions_less_than_fifteen_minutes_apart_has_no_time_for_prep() {
    let mut fx = Fx::new();
    fx.session("a", "A", "main", "09:00", "10:00");
    fx.session("b", "B", "b", "10:10", "11:00");
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p1"]);
    let hs = fx.hints(Lang::En);
    assert_eq!(codes(&hs), ["prep_overlaps_session"]);
    assert_eq!(hs[0].sessions, ["a", "b"]);
    assert_eq!(hs[0].severity, Severity::Info);
    assert_eq!(
        hs[0].text,
        "Ana Silva is speaking in both “A” (ends at 10:00) and “B” (starts at 10:10): speakers are prepped 15 minutes before their session, so leave them at least 15 minutes between the two."
    );
    assert_eq!(
        fx.hints(Lang::FrCa)[0].text,
        "Ana Silva prend la parole à la fois dans « A » (fin à 10:00) et dans « B » (début à 10:10) : les conférenciers sont préparés 15 minutes avant leur séance; prévoyez au moins 15 minutes entre les deux."
    );
}

#[test]
fn fifteen_minutes_between_a_person_s_sessions_is_enough() {
    let mut fx = Fx::new();
    fx.session("a", "A", "main", "09:00", "10:00");
    fx.session("b", "B", "b", "10:15", "11:00");
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p1"]);
    assert!(fx.hints(Lang::En).is_empty());
}

#[test]
fn a_run_of_show_past_its_session_end_is_not_at_the_same_time_for_the_customer() {
    // A ends at 9:30 but Ana's 45-minute segment runs to 9:45, after she starts B at 9:40: the
    // analyst sees a double booking; the customer sees two sessions 10 minutes apart.
    let mut fx = Fx::new();
    fx.session("a", "A", "main", "09:00", "09:30");
    fx.session("b", "B", "b", "09:40", "10:30");
    fx.segment_of("a", 2700, &["p1"]);
    fx.segment("b", &["p1"]);
    let f = fx.findings(Lang::En);
    assert!(f.iter().any(|f| f.code == "person_double_booked"));
    let hs = fx.hints(Lang::En);
    assert_eq!(codes(&hs), ["prep_overlaps_session"]);
    assert!(hs[0]
        .text
        .contains("(ends at 09:30) and “B” (starts at 09:40)"));
}

#[test]
fn hints_follow_the_sessions_they_concern_conflicts_first() {
    let mut fx = Fx::new();
    fx.session("late", "Late", "b", "15:00", "16:00");
    fx.session("a", "A", "main", "09:00", "10:00");
    fx.session("b", "B", "main", "09:30", "10:30");
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p2"]);
    assert_eq!(
        codes(&fx.hints(Lang::En)),
        ["stage_overlap", "session_without_presenter"]
    );
}

// ---- the finding itself ------------------------------------------------------------------

#[test]
fn only_findings_the_customer_can_act_on_carry_a_customer_message_in_json() {
    let mut fx = two_on_main(("09:00", "10:00"), ("10:05", "11:00"));
    fx.segment("a", &["p1"]);
    fx.segment("b", &["p2"]);
    fx.d.people[0].invitation_sent = false;
    let f = fx.findings(Lang::En);
    let json = serde_json::to_value(&f).unwrap();
    let by_code = |code: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|f| f["code"] == code)
            .unwrap()
            .clone()
    };
    let invitation = by_code("invitation_not_sent");
    let keys: Vec<&String> = invitation.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["code", "message", "severity", "subject"]);
    let closing = by_code("closing_training_needed");
    assert_eq!(closing["customer"]["severity"], "info");
    assert_eq!(
        closing["customer"]["sessionIds"],
        serde_json::json!([fx.id("a"), fx.id("b")])
    );
    assert!(closing["customer"]["message"]
        .as_str()
        .unwrap()
        .starts_with("“A” ends at 10:00"));
}
