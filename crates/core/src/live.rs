//! The live show, computed: from the plan, the day's log, the cue timeline and `now`, what is on
//! each stage (current and next segment, session end, overtime), the next cue, and the support
//! clock. Also the text of every notification in both languages. The UI only displays this.

use crate::cues::{self, Cue, CueKind, CueState, DayLog, Phase};
use crate::i18n::{hours_minutes, Lang};
use crate::model::{EventData, SegmentKind};
use crate::schedule;
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use ts_rs::TS;

/// A segment as it runs (expected times).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveSegment {
    pub segment_id: String,
    pub session_id: String,
    pub title: String,
    pub kind: SegmentKind,
    pub presenters: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Seconds until its expected end (negative: overtime).
    #[ts(type = "number")]
    pub remaining_secs: i64,
}

/// The session on a stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveSession {
    pub session_id: String,
    pub title: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// Seconds until its expected end (negative: overtime).
    #[ts(type = "number")]
    pub ends_in_secs: i64,
    pub actual_start: Option<DateTime<Utc>>,
    pub actual_end: Option<DateTime<Utc>>,
}

/// One stage, live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveStage {
    pub stage_id: String,
    pub name: String,
    /// The session in progress, or the next one when none is.
    pub session: Option<LiveSession>,
    /// Whether `session` is in progress (false: it is the next one).
    pub on_air: bool,
    pub current: Option<LiveSegment>,
    pub next: Option<LiveSegment>,
    /// How late the stage runs now (sum of its stage-wide delays).
    #[ts(type = "number")]
    pub late_minutes: i64,
}

/// The analyst's support clock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SupportClock {
    pub open: bool,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    #[ts(type = "number")]
    pub used_minutes: i64,
    #[ts(type = "number")]
    pub budget_minutes: i64,
}

/// Everything the live view shows at one instant.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LiveSnapshot {
    pub event_id: String,
    pub time_zone: String,
    pub now: DateTime<Utc>,
    /// Running on the rehearsal clock (notifications tagged, real cues untouched).
    pub rehearsal: bool,
    /// The rehearsal clock's speed (simulated seconds per second), when rehearsing.
    pub rehearsal_speed: Option<f64>,
    pub stages: Vec<LiveStage>,
    /// The next cue still to act on (pending or notified), if any.
    pub next_cue: Option<Cue>,
    #[ts(type = "number | null")]
    pub next_cue_in_secs: Option<i64>,
    /// The whole cue timeline — left empty when `cues_unchanged` (see [`LiveSnapshot::since`]).
    pub cues: Vec<Cue>,
    /// Names this version of `cues`: a poll that already has it gets the rest only.
    pub cues_tag: String,
    /// `cues` was left out because the caller has this `cues_tag` already.
    pub cues_unchanged: bool,
    pub support: Option<SupportClock>,
}

impl LiveSnapshot {
    /// The snapshot for a poller that already holds the cue list tagged `known`: when the
    /// list is the same, it is left out (it is most of the snapshot, and changes only when a
    /// cue does, not with the clock).
    pub fn since(mut self, known: Option<&str>) -> LiveSnapshot {
        if known == Some(self.cues_tag.as_str()) {
            self.cues = Vec::new();
            self.cues_unchanged = true;
        }
        self
    }
}

/// A tag for a cue list: equal lists, equal tags (within one run of the app).
fn cues_tag(cues: &[Cue]) -> String {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    serde_json::to_string(cues).unwrap_or_default().hash(&mut h);
    format!("{:016x}", h.finish())
}

/// Computes the live snapshot at `now`.
pub fn snapshot(
    data: &EventData,
    log: &DayLog,
    cues: Vec<Cue>,
    now: DateTime<Utc>,
    rehearsal: bool,
) -> LiveSnapshot {
    let sch = schedule::compute(data);
    let mut stages = Vec::new();
    for st in &data.stages {
        let sessions: Vec<_> = data
            .sessions
            .iter()
            .filter(|s| s.stage_id == st.id)
            .collect();
        let mut segs: Vec<LiveSegment> = Vec::new();
        let mut running: Option<LiveSession> = None;
        let mut upcoming: Option<LiveSession> = None;
        for s in &sessions {
            let actual = log.actuals.iter().find(|a| a.session_id == s.id);
            let (start, end) = (
                cues::expected(s.start, s, log),
                cues::expected(s.end, s, log),
            );
            let live = LiveSession {
                session_id: s.id.clone(),
                title: s.title.clone(),
                start,
                end,
                ends_in_secs: (end - now).num_seconds(),
                actual_start: actual.and_then(|a| a.start),
                actual_end: actual.and_then(|a| a.end),
            };
            let started = live.actual_start.is_some() || now >= start;
            let ended = live.actual_end.is_some() || (live.actual_start.is_none() && now >= end);
            if started && !ended {
                running = Some(live);
            } else if !started && upcoming.as_ref().is_none_or(|u| live.start < u.start) {
                upcoming = Some(live);
            }
            if let Some(times) = sch.sessions.iter().find(|x| x.session_id == s.id) {
                for (seg, t) in data.segments_of(&s.id).zip(&times.segments) {
                    let (a, b) = (
                        cues::expected(t.start, s, log),
                        cues::expected(t.end, s, log),
                    );
                    segs.push(LiveSegment {
                        segment_id: seg.id.clone(),
                        session_id: s.id.clone(),
                        title: seg.title.clone(),
                        kind: seg.kind,
                        presenters: seg
                            .presenter_ids
                            .iter()
                            .filter_map(|p| data.person(p).map(|p| p.name.clone()))
                            .collect::<Vec<_>>()
                            .join(", "),
                        start: a,
                        end: b,
                        remaining_secs: (b - now).num_seconds(),
                    });
                }
            }
        }
        segs.sort_by_key(|s| s.start);
        let on_air = running.is_some();
        let session = running.or(upcoming);
        // The current segment: the one in progress; past its end while the session still
        // runs, the last one started (its remaining time goes negative: overtime).
        let current = if on_air {
            let sid = &session.as_ref().unwrap().session_id;
            segs.iter()
                .rfind(|g| &g.session_id == sid && g.start <= now)
                .cloned()
        } else {
            None
        };
        let next = segs
            .iter()
            .find(|g| {
                g.start > now
                    && current
                        .as_ref()
                        .is_none_or(|c| c.segment_id != g.segment_id)
            })
            .cloned();
        let late_minutes = log
            .delays
            .iter()
            .filter(|d| d.stage_id == st.id && d.session_id.is_none() && d.from <= now)
            .map(|d| d.minutes)
            .sum();
        stages.push(LiveStage {
            stage_id: st.id.clone(),
            name: st.name.clone(),
            session,
            on_air,
            current,
            next,
            late_minutes,
        });
    }
    let next_cue = cues
        .iter()
        .find(|c| {
            matches!(c.state, CueState::Pending | CueState::Notified)
                && c.expected >= now - Duration::minutes(5)
        })
        .cloned();
    let support = sch.support_window.as_ref().map(|w| SupportClock {
        open: now >= w.start && now < w.end,
        start: w.start,
        end: w.end,
        used_minutes: (now.min(w.end) - w.start).num_minutes().max(0),
        budget_minutes: i64::from(data.event.support_budget_minutes),
    });
    LiveSnapshot {
        event_id: data.event.id.clone(),
        time_zone: data.event.time_zone.clone(),
        now,
        rehearsal,
        rehearsal_speed: None,
        next_cue_in_secs: next_cue.as_ref().map(|c| (c.expected - now).num_seconds()),
        next_cue,
        stages,
        cues_tag: cues_tag(&cues),
        cues,
        cues_unchanged: false,
        support,
    }
}

/// What the speaker timer window shows: one stage's current speaker and time left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SpeakerTimer {
    pub now: DateTime<Utc>,
    pub time_zone: String,
    pub rehearsal: bool,
    pub stage_name: String,
    pub segment_title: String,
    pub presenters: String,
    /// Seconds left in the current segment (negative: overtime); `None` when nothing is on.
    #[ts(type = "number | null")]
    pub remaining_secs: Option<i64>,
    /// Amber from this many seconds left.
    #[ts(type = "number")]
    pub amber_at_secs: i64,
    /// Red from this many seconds left (and in overtime).
    #[ts(type = "number")]
    pub red_at_secs: i64,
    /// The line the analyst sent ("wrap up", "5 min"), empty for none.
    pub message: String,
}

/// The speaker timer for `stage_id` (or the first stage on air, else the first stage).
pub fn speaker_timer(snap: &LiveSnapshot, stage_id: Option<&str>, message: &str) -> SpeakerTimer {
    let stage = stage_id
        .and_then(|id| snap.stages.iter().find(|s| s.stage_id == id))
        .or_else(|| snap.stages.iter().find(|s| s.on_air))
        .or_else(|| snap.stages.first());
    let current = stage.and_then(|s| s.current.as_ref());
    SpeakerTimer {
        now: snap.now,
        time_zone: snap.time_zone.clone(),
        rehearsal: snap.rehearsal,
        stage_name: stage.map(|s| s.name.clone()).unwrap_or_default(),
        segment_title: current.map(|c| c.title.clone()).unwrap_or_default(),
        presenters: current.map(|c| c.presenters.clone()).unwrap_or_default(),
        remaining_secs: current.map(|c| c.remaining_secs),
        amber_at_secs: 120,
        red_at_secs: 30,
        message: message.to_string(),
    }
}

/// The name of a cue kind, for notifications.
pub fn kind_label(kind: CueKind, lang: Lang) -> &'static str {
    let fr = lang == Lang::FrCa;
    let [en, f] = match kind {
        CueKind::AvCheck => [
            "Lighting, video and audio check",
            "Vérification éclairage, vidéo et son",
        ],
        CueKind::SpeakerPrep => ["Speaker prep", "Préparation des conférenciers"],
        CueKind::GoLive => ["Go live", "Mise en ondes"],
        CueKind::AttendeeViewCheck => [
            "Check the attendee view",
            "Vérifier la vue des participants",
        ],
        CueKind::PresenterOn => ["Presenter on stage", "Présentateur sur scène"],
        CueKind::PresenterOff => ["Presenter off stage", "Présentateur hors scène"],
        CueKind::Transition => ["Transition", "Transition"],
        CueKind::PlayClip => ["Play clip", "Lancer la vidéo"],
        CueKind::ShareDeck => ["Share the deck", "Partager la présentation"],
        CueKind::TimeCheck => [
            "Time check to the speaker",
            "Rappel du temps au conférencier",
        ],
        CueKind::EndStream => ["End the stream", "Fin de la diffusion"],
        CueKind::RecordingDownload => ["Download the recording", "Télécharger l’enregistrement"],
        CueKind::OverlayOn => ["Overlay on", "Afficher la superposition"],
        CueKind::OverlayOff => ["Overlay off", "Retirer la superposition"],
        CueKind::BackgroundChange => ["Change the background", "Changer l’arrière-plan"],
        CueKind::CaptionsOn => ["Captions on", "Activer les sous-titres"],
        CueKind::CaptionsOff => ["Captions off", "Désactiver les sous-titres"],
        CueKind::Custom => ["Cue", "Signal"],
    };
    if fr {
        f
    } else {
        en
    }
}

/// A notification's title and body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct NotificationText {
    pub title: String,
    pub body: String,
}

/// The notification for one cue: e.g. "Go live — Keynote" / "Stage A · in 2 min".
pub fn notification(cue: &Cue, phase: Phase, lang: Lang, rehearsal: bool) -> NotificationText {
    let fr = lang == Lang::FrCa;
    let tag = match (rehearsal, fr) {
        (false, _) => "",
        (true, false) => "[Rehearsal] ",
        (true, true) => "[Répétition] ",
    };
    let detail = if cue.detail.is_empty() {
        String::new()
    } else {
        format!(" ({})", cue.detail)
    };
    let title = format!(
        "{tag}{} — {}{detail}",
        kind_label(cue.kind, lang),
        cue.session
    );
    let when = match (phase, fr) {
        (Phase::At, false) => "now".to_string(),
        (Phase::At, true) => "maintenant".to_string(),
        (Phase::Lead, false) => format!("in {}", hours_minutes((cue.lead_secs + 59) / 60)),
        (Phase::Lead, true) => format!("dans {}", hours_minutes((cue.lead_secs + 59) / 60)),
    };
    NotificationText {
        title,
        body: format!("{} · {when}", cue.stage),
    }
}

/// One notification summing up cues that fell in a gap (sleep, clock jump).
pub fn missed_summary(cues: &[&Cue], lang: Lang, rehearsal: bool) -> NotificationText {
    let fr = lang == Lang::FrCa;
    let tag = match (rehearsal, fr) {
        (false, _) => "",
        (true, false) => "[Rehearsal] ",
        (true, true) => "[Répétition] ",
    };
    let n = cues.len();
    let title = if fr {
        format!("{tag}{n} signal(s) manqué(s) pendant l’interruption")
    } else {
        format!(
            "{tag}{n} cue{} missed while Showcall was not running",
            if n == 1 { "" } else { "s" }
        )
    };
    let mut lines: Vec<String> = cues
        .iter()
        .take(5)
        .map(|c| format!("{} — {}", kind_label(c.kind, lang), c.session))
        .collect();
    if n > 5 {
        lines.push(if fr {
            format!("… et {} autres", n - 5)
        } else {
            format!("… and {} more", n - 5)
        });
    }
    NotificationText {
        title,
        body: lines.join("\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cues::{timeline, Actual, Delay};
    use crate::testing::*;

    fn day() -> EventData {
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        let ana = speaker(&mut d, "Ana");
        let s1 = session(
            &mut d,
            &a,
            "Keynote",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        segment(&mut d, &s1, "Welcome", 300, &[&ana]);
        segment(&mut d, &s1, "Talk", 3300, &[&ana]);
        session(
            &mut d,
            &a,
            "Panel",
            "2027-05-04T14:05:00Z",
            "2027-05-04T15:00:00Z",
        );
        d
    }

    #[test]
    fn mid_talk_the_stage_shows_current_next_and_time_left() {
        let d = day();
        let log = DayLog::default();
        let now = utc("2027-05-04T13:10:00Z");
        let snap = snapshot(&d, &log, timeline(&d, &log), now, false);
        let st = &snap.stages[0];
        assert!(st.on_air);
        assert_eq!(st.current.as_ref().unwrap().title, "Talk");
        assert_eq!(st.current.as_ref().unwrap().remaining_secs, 50 * 60);
        assert_eq!(st.session.as_ref().unwrap().ends_in_secs, 50 * 60);
        assert!(st.next.is_none(), "Panel has no segments");
        let sup = snap.support.unwrap();
        assert!(sup.open);
        assert_eq!(sup.used_minutes, 40, "window opened at 12:30");
        let next = snap.next_cue.unwrap();
        assert_eq!(
            (next.kind, next.session.as_str()),
            (CueKind::AvCheck, "Panel")
        );
        assert_eq!(snap.next_cue_in_secs, Some(25 * 60));
    }

    #[test]
    fn a_session_started_late_and_still_running_counts_overtime() {
        let d = day();
        let log = DayLog {
            actuals: vec![Actual {
                session_id: d.sessions[0].id.clone(),
                start: Some(utc("2027-05-04T13:03:00Z")),
                end: None,
            }],
            ..Default::default()
        };
        let now = utc("2027-05-04T14:04:00Z");
        let snap = snapshot(&d, &log, timeline(&d, &log), now, false);
        let st = &snap.stages[0];
        assert!(st.on_air);
        assert_eq!(st.session.as_ref().unwrap().title, "Keynote");
        assert_eq!(
            st.session.as_ref().unwrap().ends_in_secs,
            -60,
            "one minute over"
        );
        assert_eq!(st.current.as_ref().unwrap().remaining_secs, -60);
    }

    #[test]
    fn between_sessions_the_stage_shows_the_next_one() {
        let d = day();
        let log = DayLog {
            delays: vec![Delay {
                id: "x".into(),
                event_id: d.event.id.clone(),
                stage_id: d.stages[0].id.clone(),
                session_id: None,
                minutes: 3,
                from: utc("2027-05-04T14:00:00Z"),
            }],
            ..Default::default()
        };
        let now = utc("2027-05-04T14:03:30Z");
        let snap = snapshot(&d, &log, timeline(&d, &log), now, false);
        let st = &snap.stages[0];
        assert!(!st.on_air);
        assert_eq!(st.session.as_ref().unwrap().title, "Panel");
        assert_eq!(
            st.session.as_ref().unwrap().start,
            utc("2027-05-04T14:08:00Z")
        );
        assert_eq!(st.late_minutes, 3);
    }

    #[test]
    fn a_poll_that_has_the_cue_list_gets_the_rest_only() {
        let d = crate::demo::event();
        let log = DayLog::default();
        let at = |t: &str| {
            snapshot(
                &d,
                &log,
                cues::timeline(&d, &log),
                crate::testing::utc(t),
                false,
            )
        };
        let first = at("2027-04-15T12:40:00Z");
        assert!(!first.cues.is_empty());
        let tag = first.cues_tag.clone();
        // A second later: same cues, so the poller gets the clock and the stages only.
        let later = at("2027-04-15T12:40:01Z").since(Some(&tag));
        assert!(later.cues_unchanged && later.cues.is_empty());
        assert_eq!(later.cues_tag, tag);
        // Without the tag, or once a cue changed, the list comes whole.
        assert_eq!(
            at("2027-04-15T12:40:01Z").since(None).cues.len(),
            first.cues.len()
        );
        let mut marked = log.clone();
        marked.records.push(cues::CueRecord {
            key: first.cues[0].key.clone(),
            state: CueState::Done,
            at: crate::testing::utc("2027-04-15T12:40:00Z"),
        });
        let after = snapshot(
            &d,
            &marked,
            cues::timeline(&d, &marked),
            crate::testing::utc("2027-04-15T12:40:02Z"),
            false,
        )
        .since(Some(&tag));
        assert!(!after.cues_unchanged && after.cues.len() == first.cues.len());
        assert_ne!(after.cues_tag, tag);
    }

    #[test]
    fn notifications_read_well_in_both_languages() {
        let d = day();
        let cues = timeline(&d, &DayLog::default());
        let go = cues.iter().find(|c| c.kind == CueKind::GoLive).unwrap();
        assert_eq!(
            notification(go, Phase::Lead, Lang::En, false),
            NotificationText {
                title: "Go live — Keynote".into(),
                body: "A · in 2 min".into()
            }
        );
        assert_eq!(
            notification(go, Phase::At, Lang::FrCa, true),
            NotificationText {
                title: "[Répétition] Mise en ondes — Keynote".into(),
                body: "A · maintenant".into()
            }
        );
        let missed: Vec<&Cue> = cues.iter().take(7).collect();
        let s = missed_summary(&missed, Lang::En, false);
        assert_eq!(s.title, "7 cues missed while Showcall was not running");
        assert!(s.body.ends_with("… and 2 more"));
    }
}
