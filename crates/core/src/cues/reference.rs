//! The cue plan as it was before it indexed the event (a linear search of the sessions, the
//! segments and the people per session): kept to prove the indexed one gives the same cues.

use super::custom::custom;
use super::plan::{DEFAULT_LEAD, TIME_CHECKS_MIN};
use crate::model::{Cue, CueKind, CueState, EventData, SegmentKind};
use crate::schedule::{self, AV_CHECK, SPEAKER_PREP};
use chrono::{DateTime, Duration, Utc};

/// The cues the run of show calls for, at their planned instants, state pending.
pub(super) fn plan(data: &EventData) -> Vec<Cue> {
    let sch = schedule::compute(data);
    let mut out = Vec::new();
    for st in &sch.sessions {
        let Some(session) = data.session(&st.session_id) else {
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
            presenter_names(data, &data.presenters_of(&st.session_id)),
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
        let segs: Vec<_> = data.segments_of(&st.session_id).collect();
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
                    presenter_names(data, &joining),
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
                    presenter_names(data, &leaving),
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

fn presenter_names(data: &EventData, ids: &[&str]) -> String {
    ids.iter()
        .filter_map(|id| data.person(id).map(|p| p.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::demo_like;
    use crate::model::{CueKind, CueSetting, EventData};

    fn same_plan(d: &EventData, what: &str) {
        let (fast, slow) = (super::super::plan(d), super::plan(d));
        assert_eq!(fast.len(), slow.len(), "{what}: cue count");
        for (i, (a, b)) in fast.iter().zip(&slow).enumerate() {
            assert_eq!(a, b, "{what}: cue {i}");
        }
    }

    #[test]
    fn the_indexed_plan_gives_the_cues_of_the_plain_one() {
        same_plan(&demo_like(), "demo-like day");
        let mut d = crate::testing::conference(6, 8);
        crate::tasks::sync(&mut d);
        same_plan(&d, "conference");
        // Presenters shared by neighbouring segments, several per segment, someone no longer in
        // the event, a session named twice, kinds switched off or re-timed.
        let people: Vec<String> = d.people.iter().map(|p| p.id.clone()).collect();
        for (i, g) in d.segments.iter_mut().enumerate() {
            g.presenter_ids = match i % 5 {
                0 => vec![
                    people[i % people.len()].clone(),
                    people[(i + 1) % people.len()].clone(),
                ],
                1 => vec![people[(i + 1) % people.len()].clone()],
                2 => vec!["gone".into(), people[i % people.len()].clone()],
                3 => vec![],
                _ => vec![people[0].clone(), people[0].clone()],
            };
            g.duration_secs = [300, 600, 900, 1800][i % 4];
        }
        let twin = d.sessions[3].clone();
        d.sessions.push(twin);
        d.cue_settings.push(CueSetting {
            kind: CueKind::TimeCheck,
            enabled: false,
            lead_secs: 0,
        });
        d.cue_settings.push(CueSetting {
            kind: CueKind::PresenterOn,
            enabled: true,
            lead_secs: 90,
        });
        same_plan(&d, "varied conference");
    }
}
