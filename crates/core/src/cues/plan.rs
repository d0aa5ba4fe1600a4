//! The cues the run of show calls for: one per duty of each session and segment (AV check,
//! speaker prep, go live, presenters on/off, clips, decks, time checks, end stream, recording
//! download) at its planned instant, filtered and re-timed by the event's cue template, with the
//! analyst's custom cues added.

use super::custom::custom;
use crate::ids::{self, IdMap};
use crate::model::{Cue, CueKind, CueState, EventData, Person, Segment, SegmentKind, Session};
use crate::schedule::{self, AV_CHECK, SPEAKER_PREP};
use chrono::{DateTime, Duration, Utc};

/// Default heads-up before a cue.
pub const DEFAULT_LEAD: Duration = Duration::minutes(2);
/// Time checks given to speakers before the end of a long segment.
pub const TIME_CHECKS_MIN: [i64; 2] = [5, 1];

/// The cues the run of show calls for, at their planned instants, state pending.
pub fn plan(data: &EventData) -> Vec<Cue> {
    let sch = schedule::compute(data);
    let ix = Index::of(data);
    let mut out = Vec::new();
    for st in &sch.sessions {
        let Some(&session) = ix.sessions.get(st.session_id.as_str()) else {
            continue;
        };
        let mut push = |kind: CueKind,
                        seg: Option<&str>,
                        n: &str,
                        detail: String,
                        at: DateTime<Utc>,
                        lead: Duration| {
            let key = match seg {
                Some(g) => format!("{}:{}:{}{}", kind.code(), st.session_id, g, n),
                None => format!("{}:{}{}", kind.code(), st.session_id, n),
            };
            out.push(Cue {
                key,
                kind,
                session_id: st.session_id.clone(),
                segment_id: seg.map(str::to_string),
                stage_id: st.stage_id.clone(),
                session: st.title.clone(),
                stage: st.stage_name.clone(),
                detail,
                planned: at,
                expected: at,
                lead_secs: lead.num_seconds(),
                state: CueState::Pending,
            })
        };
        push(
            CueKind::AvCheck,
            None,
            "",
            String::new(),
            st.start - AV_CHECK,
            DEFAULT_LEAD,
        );
        push(
            CueKind::SpeakerPrep,
            None,
            "",
            ix.names(&ix.presenters_of(&st.session_id)),
            st.start - SPEAKER_PREP,
            DEFAULT_LEAD,
        );
        if session.livestream {
            push(
                CueKind::GoLive,
                None,
                "",
                String::new(),
                st.start,
                DEFAULT_LEAD,
            );
            push(
                CueKind::AttendeeViewCheck,
                None,
                "",
                String::new(),
                st.start + Duration::minutes(2),
                Duration::zero(),
            );
        }
        let segs = ix.segments_of(&st.session_id);
        for (i, (seg, t)) in segs.iter().zip(&st.segments).enumerate() {
            let prev = i.checked_sub(1).map(|j| &segs[j].presenter_ids);
            let next = segs.get(i + 1).map(|g| &g.presenter_ids);
            let joining: Vec<&str> = seg
                .presenter_ids
                .iter()
                .filter(|p| prev.is_none_or(|pr| !pr.contains(p)))
                .map(String::as_str)
                .collect();
            if !joining.is_empty() {
                push(
                    CueKind::PresenterOn,
                    Some(&seg.id),
                    "",
                    ix.names(&joining),
                    t.start,
                    Duration::minutes(1),
                );
            }
            let kind = match seg.kind {
                SegmentKind::VideoClip => Some(CueKind::PlayClip),
                SegmentKind::Slides => Some(CueKind::ShareDeck),
                SegmentKind::Transition => Some(CueKind::Transition),
                _ => None,
            };
            if let Some(kind) = kind {
                push(
                    kind,
                    Some(&seg.id),
                    "",
                    seg.title.clone(),
                    t.start,
                    Duration::minutes(1),
                );
            }
            let long = (t.end - t.start) >= Duration::minutes(10);
            if long
                && matches!(
                    seg.kind,
                    SegmentKind::Presentation | SegmentKind::Panel | SegmentKind::Slides
                )
            {
                for m in TIME_CHECKS_MIN {
                    push(
                        CueKind::TimeCheck,
                        Some(&seg.id),
                        &format!(":{m}"),
                        format!("{m} min"),
                        t.end - Duration::minutes(m),
                        Duration::zero(),
                    );
                }
            }
            let leaving: Vec<&str> = seg
                .presenter_ids
                .iter()
                .filter(|p| next.is_none_or(|nx| !nx.contains(p)))
                .map(String::as_str)
                .collect();
            if !leaving.is_empty() {
                push(
                    CueKind::PresenterOff,
                    Some(&seg.id),
                    "",
                    ix.names(&leaving),
                    t.end,
                    Duration::zero(),
                );
            }
        }
        if session.livestream {
            push(
                CueKind::EndStream,
                None,
                "",
                String::new(),
                st.end,
                DEFAULT_LEAD,
            );
        }
        if session.recording {
            push(
                CueKind::RecordingDownload,
                None,
                "",
                String::new(),
                st.end + Duration::minutes(30),
                Duration::zero(),
            );
        }
    }
    // The event's template: kinds switched off, other heads-up times.
    out.retain(|c| {
        !data
            .cue_settings
            .iter()
            .any(|s| s.kind == c.kind && !s.enabled)
    });
    for c in out.iter_mut() {
        if let Some(s) = data.cue_settings.iter().find(|s| s.kind == c.kind) {
            c.lead_secs = s.lead_secs;
        }
    }
    out.extend(custom(data, &sch));
    out.sort_by(|a, b| (a.planned, &a.key).cmp(&(b.planned, &b.key)));
    out
}

/// The event's sessions, segments and people by id, built once per plan (a search of each list
/// per session was most of a 2,000-session plan's time).
struct Index<'a> {
    /// The first session with each id (as [`EventData::session`] finds it).
    sessions: IdMap<&'a str, &'a Session>,
    /// Each session's segments in the event's order (as [`EventData::segments_of`] gives them).
    segments: IdMap<&'a str, Vec<&'a Segment>>,
    /// The first person with each id (as [`EventData::person`] finds them).
    people: IdMap<&'a str, &'a Person>,
}

impl<'a> Index<'a> {
    fn of(data: &'a EventData) -> Index<'a> {
        let mut sessions = ids::map(data.sessions.len());
        for s in data.sessions.iter() {
            sessions.entry(s.id.as_str()).or_insert(s);
        }
        let mut segments: IdMap<&str, Vec<&Segment>> = ids::map(data.sessions.len());
        for g in data.segments.iter() {
            segments.entry(g.session_id.as_str()).or_default().push(g);
        }
        let mut people = ids::map(data.people.len());
        for p in data.people.iter() {
            people.entry(p.id.as_str()).or_insert(p);
        }
        Index {
            sessions,
            segments,
            people,
        }
    }

    fn segments_of(&self, session_id: &str) -> &[&'a Segment] {
        self.segments.get(session_id).map_or(&[], Vec::as_slice)
    }

    /// Everyone presenting in a session, in first-appearance order (as
    /// [`EventData::presenters_of`]).
    fn presenters_of(&self, session_id: &str) -> Vec<&'a str> {
        crate::model::presenters_in(self.segments_of(session_id).iter().copied())
    }

    /// The names of the people with these ids (those in the event), comma separated.
    fn names(&self, ids: &[&str]) -> String {
        ids.iter()
            .filter_map(|id| self.people.get(id).map(|p| p.name.as_str()))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{demo_like, find};
    use super::super::timeline;
    use super::*;
    use crate::model::{CueAnchor, DayLog, Delay};
    use crate::testing::*;
    use std::collections::HashSet;

    #[test]
    fn the_run_of_show_yields_the_day_s_cues() {
        let cues = plan(&demo_like());
        let keynote: Vec<(CueKind, String)> = cues
            .iter()
            .filter(|c| c.session == "Keynote")
            .map(|c| (c.kind, c.planned.format("%H:%M").to_string()))
            .collect();
        use CueKind::*;
        let want = [
            (AvCheck, "12:30"),
            (SpeakerPrep, "12:45"),
            (GoLive, "13:00"),
            (PresenterOn, "13:00"),
            (AttendeeViewCheck, "13:02"),
            (TimeCheck, "13:45"),
            (PresenterOn, "13:50"),
            (TimeCheck, "13:49"),
            (TimeCheck, "13:55"), // the 10-minute Q&A is a presentation here, so it gets checks too
            (TimeCheck, "13:59"),
            (EndStream, "14:00"),
            (PresenterOff, "14:00"),
            (RecordingDownload, "14:30"),
        ];
        let mut got = keynote.clone();
        got.sort();
        let mut want: Vec<(CueKind, String)> =
            want.iter().map(|(k, t)| (*k, t.to_string())).collect();
        want.sort();
        assert_eq!(
            got, want,
            "Ana stays on from Welcome into the Talk: one presenter-on for her, one for Bo"
        );
        let on_bo = cues
            .iter()
            .find(|c| c.kind == PresenterOn && c.planned.format("%H:%M").to_string() == "13:50")
            .unwrap();
        assert_eq!(on_bo.detail, "Bo");
        let keys: HashSet<&str> = cues.iter().map(|c| c.key.as_str()).collect();
        assert_eq!(keys.len(), cues.len(), "keys are unique");
    }

    #[test]
    fn the_template_switches_kinds_off_and_custom_cues_join_the_timeline() {
        let mut d = demo_like();
        d.cue_settings.push(crate::model::CueSetting {
            kind: CueKind::AttendeeViewCheck,
            enabled: false,
            lead_secs: 0,
        });
        d.cue_settings.push(crate::model::CueSetting {
            kind: CueKind::GoLive,
            enabled: true,
            lead_secs: 300,
        });
        let talk = d
            .segments
            .iter()
            .find(|g| g.title == "Talk")
            .unwrap()
            .id
            .clone();
        d.custom_cues.push(crate::model::CustomCue {
            id: "c1".into(),
            session_id: d.sessions[0].id.clone(),
            segment_id: Some(talk),
            anchor: CueAnchor::SegmentStart,
            offset_secs: 30,
            kind: CueKind::OverlayOn,
            text: "Lower third: Ana".into(),
            lead_secs: 60,
        });
        let cues = plan(&d);
        assert!(!cues.iter().any(|c| c.kind == CueKind::AttendeeViewCheck));
        assert_eq!(find(&cues, CueKind::GoLive, "Keynote").lead_secs, 300);
        let overlay = cues.iter().find(|c| c.key == "custom:c1").unwrap();
        assert_eq!(overlay.planned, utc("2027-05-04T13:05:30Z"));
        assert_eq!(overlay.detail, "Lower third: Ana");
        // A delay moves it like any other cue of its stage.
        let log = DayLog {
            delays: vec![Delay {
                id: "d".into(),
                event_id: d.event.id.clone(),
                stage_id: d.stages[0].id.clone(),
                session_id: None,
                minutes: 2,
                from: utc("2027-05-04T13:00:00Z"),
            }],
            ..Default::default()
        };
        let t = timeline(&d, &log);
        assert_eq!(
            t.iter().find(|c| c.key == "custom:c1").unwrap().expected,
            utc("2027-05-04T13:07:30Z")
        );
    }
}
