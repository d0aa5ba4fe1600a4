//! The cue engine. Cues are derived from the schedule (the analyst's duties on the day, one per
//! moment: AV check, speaker prep, go live, presenters on/off stage, clips, decks, time checks,
//! end stream, recording download), then shifted by what happened: delays the analyst applied
//! and actual session starts/ends. [`timeline`] computes planned and expected instants and each
//! cue's state; [`due`] answers the scheduler's one question — what became due between the last
//! tick and now — so a cue is notified once, and a gap (sleep, clock jump) becomes one summary of
//! missed cues instead of a storm. Pure: `now` is always a parameter.

pub use crate::model::{Actual, Cue, CueKind, CueRecord, CueState, DayLog, Delay};
use crate::model::{CueAnchor, EventData, SegmentKind, Session};
use crate::schedule::{self, AV_CHECK, SPEAKER_PREP};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use ts_rs::TS;

/// Default heads-up before a cue.
pub const DEFAULT_LEAD: Duration = Duration::minutes(2);
/// Time checks given to speakers before the end of a long segment.
pub const TIME_CHECKS_MIN: [i64; 2] = [5, 1];

/// The cues the run of show calls for, at their planned instants, state pending.
pub fn plan(data: &EventData) -> Vec<Cue> {
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

/// The cues the analyst added by hand, at their planned instants.
fn custom(data: &EventData, sch: &schedule::Schedule) -> Vec<Cue> {
    let mut out = Vec::new();
    for c in &data.custom_cues {
        let Some(st) = sch.sessions.iter().find(|s| s.session_id == c.session_id) else {
            continue;
        };
        let seg = c
            .segment_id
            .as_ref()
            .and_then(|g| st.segments.iter().find(|t| &t.segment_id == g));
        let base = match (c.anchor, seg) {
            (CueAnchor::SessionStart, _) => st.start,
            (CueAnchor::SessionEnd, _) => st.end,
            (CueAnchor::SegmentStart, Some(t)) => t.start,
            (CueAnchor::SegmentEnd, Some(t)) => t.end,
            _ => continue,
        };
        let at = base + Duration::seconds(c.offset_secs);
        out.push(Cue {
            key: format!("custom:{}", c.id),
            kind: c.kind,
            session_id: c.session_id.clone(),
            segment_id: c.segment_id.clone(),
            stage_id: st.stage_id.clone(),
            session: st.title.clone(),
            stage: st.stage_name.clone(),
            detail: c.text.clone(),
            planned: at,
            expected: at,
            lead_secs: c.lead_secs,
            state: CueState::Pending,
        });
    }
    out
}

fn presenter_names(data: &EventData, ids: &[&str]) -> String {
    ids.iter()
        .filter_map(|id| data.person(id).map(|p| p.name.as_str()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Builds a delay for `stage` (id or exact name) and optionally one of its sessions (id or exact
/// title), checking each against the event.
pub fn make_delay(
    data: &EventData,
    stage: &str,
    session: Option<&str>,
    minutes: i64,
    from: DateTime<Utc>,
) -> crate::Result<Delay> {
    use crate::error::{Error, Invalid};
    let stage = data
        .stages
        .iter()
        .find(|s| s.id == stage || s.name == stage)
        .ok_or_else(|| Error::invalid("delay.stage", Invalid::UnknownReference(stage.into())))?;
    let session_id = match session {
        Some(s) => Some(
            data.sessions
                .iter()
                .find(|x| (x.id == s || x.title == s) && x.stage_id == stage.id)
                .ok_or_else(|| {
                    Error::invalid("delay.session", Invalid::UnknownReference(s.into()))
                })?
                .id
                .clone(),
        ),
        None => None,
    };
    if minutes == 0 || minutes.abs() > 240 {
        return Err(Error::invalid(
            "delay.minutes",
            Invalid::OutOfRange(format!("{minutes} (−240…240, not 0)")),
        ));
    }
    Ok(Delay {
        id: crate::model::new_id(),
        event_id: data.event.id.clone(),
        stage_id: stage.id.clone(),
        session_id,
        minutes,
        from,
    })
}

/// Where a planned instant of a session is now expected: delays (in the order they were
/// applied, each moving what is still at or after its `from`) and then the session's actual
/// start/end, which pin everything after them.
pub fn expected(planned: DateTime<Utc>, session: &Session, log: &DayLog) -> DateTime<Utc> {
    let mut t = planned;
    for d in &log.delays {
        let scope = d.stage_id == session.stage_id
            && d.session_id.as_ref().is_none_or(|s| *s == session.id);
        if scope && t >= d.from {
            t += Duration::minutes(d.minutes);
        }
    }
    if let Some(a) = log.actuals.iter().find(|a| a.session_id == session.id) {
        match (a.start, a.end) {
            (_, Some(end)) if planned >= session.end => t = end + (planned - session.end),
            (Some(start), _) if planned >= session.start => t = start + (planned - session.start),
            _ => {}
        }
    }
    t
}

/// The cue timeline: planned cues shifted by the day's log, with their recorded states.
pub fn timeline(data: &EventData, log: &DayLog) -> Vec<Cue> {
    let mut cues = plan(data);
    let sessions: HashMap<&str, &Session> =
        data.sessions.iter().map(|s| (s.id.as_str(), s)).collect();
    let mut log = log.clone();
    log.delays.sort_by_key(|d| d.from);
    let states: HashMap<&str, CueState> = log
        .records
        .iter()
        .map(|r| (r.key.as_str(), r.state))
        .collect();
    for c in cues.iter_mut() {
        if let Some(s) = sessions.get(c.session_id.as_str()) {
            c.expected = expected(c.planned, s, &log);
        }
        if let Some(s) = states.get(c.key.as_str()) {
            c.state = *s;
        }
    }
    cues.sort_by(|a, b| (a.expected, &a.key).cmp(&(b.expected, &b.key)));
    cues
}

/// Which notification of a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// The heads-up, `lead_secs` before.
    Lead,
    /// At the cue's time.
    At,
}

/// One notification to send.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Due {
    pub key: String,
    pub phase: Phase,
    /// The instant it was due.
    pub at: DateTime<Utc>,
}

/// The scheduler's answer for one tick.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tick {
    /// Notify each of these now, in order.
    pub notify: Vec<Due>,
    /// Cues whose time fell in a gap (sleep, clock jump): report once, together, as missed.
    pub missed: Vec<String>,
    /// The next instant after `now` at which something will be due (the scheduler sleeps until
    /// then instead of polling), if any.
    pub next: Option<DateTime<Utc>>,
}

/// A tick further than this from the previous one means the clock jumped or the machine slept.
pub const GAP: Duration = Duration::seconds(30);
/// After a gap, what fell in its last stretch is still notified normally.
pub const GRACE: Duration = Duration::seconds(10);

/// What became due in `(last, now]`, skipping `(key, phase)` pairs already sent and cues
/// already done or skipped. A gap longer than [`GAP`] turns everything due before `now −`
/// [`GRACE`] into one list of missed cues. A clock that went backwards fires nothing.
pub fn due(
    cues: &[Cue],
    sent: &HashSet<(String, Phase)>,
    last: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Tick {
    due_with_gap(cues, sent, last, now, now - last > GAP)
}

/// Like [`due`], with the caller deciding whether this tick follows a gap (the rehearsal
/// clock runs fast, so its gaps are measured on the wall clock instead).
pub fn due_with_gap(
    cues: &[Cue],
    sent: &HashSet<(String, Phase)>,
    last: DateTime<Utc>,
    now: DateTime<Utc>,
    gap: bool,
) -> Tick {
    let mut tick = Tick::default();
    // A clock that stood still or went back fires nothing (but still knows what is next).
    let firing = now > last;
    let gap_until = gap.then(|| now - GRACE);
    let mut missed: BTreeMap<DateTime<Utc>, Vec<String>> = BTreeMap::new();
    for c in cues {
        if matches!(
            c.state,
            CueState::Done | CueState::Skipped | CueState::Missed
        ) {
            continue;
        }
        let mut phases = vec![(Phase::At, c.expected)];
        if c.lead_secs > 0 {
            phases.insert(0, (Phase::Lead, c.notify_at()));
        }
        for (phase, at) in phases {
            if at > now {
                if tick.next.is_none_or(|n| at < n) && !sent.contains(&(c.key.clone(), phase)) {
                    tick.next = Some(at);
                }
                continue;
            }
            if !firing || at <= last || sent.contains(&(c.key.clone(), phase)) {
                continue;
            }
            match gap_until {
                Some(until) if at <= until => {
                    if phase == Phase::At {
                        missed.entry(at).or_default().push(c.key.clone());
                    }
                }
                _ => tick.notify.push(Due {
                    key: c.key.clone(),
                    phase,
                    at,
                }),
            }
        }
    }
    tick.notify
        .sort_by(|a, b| (a.at, a.phase, &a.key).cmp(&(b.at, b.phase, &b.key)));
    tick.missed = missed.into_values().flatten().collect();
    tick
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::*;

    fn demo_like() -> EventData {
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        let ana = speaker(&mut d, "Ana");
        let bo = speaker(&mut d, "Bo");
        let s1 = session(
            &mut d,
            &a,
            "Keynote",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        segment(&mut d, &s1, "Welcome", 300, &[&ana]);
        segment(&mut d, &s1, "Talk", 2700, &[&ana]);
        segment(&mut d, &s1, "Q&A", 600, &[&ana, &bo]);
        let s2 = session(
            &mut d,
            &a,
            "Panel",
            "2027-05-04T14:05:00Z",
            "2027-05-04T15:00:00Z",
        );
        segment(&mut d, &s2, "Panel", 3300, &[&bo]);
        d
    }

    fn find<'a>(cues: &'a [Cue], kind: CueKind, session: &str) -> &'a Cue {
        cues.iter()
            .find(|c| c.kind == kind && c.session == session)
            .unwrap()
    }

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
    fn a_stage_delay_shifts_every_later_cue_of_that_stage_only() {
        let mut d = demo_like();
        let b = stage(&mut d, "B");
        session(
            &mut d,
            &b,
            "Other",
            "2027-05-04T14:30:00Z",
            "2027-05-04T15:00:00Z",
        );
        let stage_a = d.stages[0].id.clone();
        let log = DayLog {
            delays: vec![Delay {
                id: "d1".into(),
                event_id: d.event.id.clone(),
                stage_id: stage_a,
                session_id: None,
                minutes: 4,
                from: utc("2027-05-04T13:30:00Z"),
            }],
            ..Default::default()
        };
        let t = timeline(&d, &log);
        let go = find(&t, CueKind::GoLive, "Keynote");
        assert_eq!(go.expected, go.planned, "before the delay: unchanged");
        let end = find(&t, CueKind::EndStream, "Keynote");
        assert_eq!(end.expected, utc("2027-05-04T14:04:00Z"));
        assert_eq!(
            end.planned,
            utc("2027-05-04T14:00:00Z"),
            "planned is kept beside expected"
        );
        assert_eq!(
            find(&t, CueKind::GoLive, "Panel").expected,
            utc("2027-05-04T14:09:00Z")
        );
        assert_eq!(
            find(&t, CueKind::GoLive, "Other").expected,
            utc("2027-05-04T14:30:00Z"),
            "stage B untouched"
        );
    }

    #[test]
    fn a_session_delay_stays_in_its_session() {
        let d = demo_like();
        let keynote = d.sessions[0].id.clone();
        let log = DayLog {
            delays: vec![Delay {
                id: "d1".into(),
                event_id: d.event.id.clone(),
                stage_id: d.stages[0].id.clone(),
                session_id: Some(keynote),
                minutes: 3,
                from: utc("2027-05-04T13:00:00Z"),
            }],
            ..Default::default()
        };
        let t = timeline(&d, &log);
        assert_eq!(
            find(&t, CueKind::EndStream, "Keynote").expected,
            utc("2027-05-04T14:03:00Z")
        );
        assert_eq!(
            find(&t, CueKind::GoLive, "Panel").expected,
            utc("2027-05-04T14:05:00Z")
        );
    }

    #[test]
    fn an_actual_start_pins_the_session_s_later_cues() {
        let d = demo_like();
        let log = DayLog {
            actuals: vec![Actual {
                session_id: d.sessions[0].id.clone(),
                start: Some(utc("2027-05-04T13:02:30Z")),
                end: None,
            }],
            ..Default::default()
        };
        let t = timeline(&d, &log);
        assert_eq!(
            find(&t, CueKind::AvCheck, "Keynote").expected,
            utc("2027-05-04T12:30:00Z")
        );
        assert_eq!(
            find(&t, CueKind::GoLive, "Keynote").expected,
            utc("2027-05-04T13:02:30Z")
        );
        assert_eq!(
            find(&t, CueKind::EndStream, "Keynote").expected,
            utc("2027-05-04T14:02:30Z")
        );
    }

    #[test]
    fn each_cue_is_due_once_lead_then_at_time() {
        let t = timeline(&demo_like(), &DayLog::default());
        let mut sent = HashSet::new();
        let mut fired = vec![];
        let mut last = utc("2027-05-04T12:00:00Z");
        // One-second ticks through the first session, with a tick repeated now and then.
        while last < utc("2027-05-04T14:10:00Z") {
            let now = last + Duration::seconds(1);
            for d in due(&t, &sent, last, now).notify {
                assert!(
                    sent.insert((d.key.clone(), d.phase)),
                    "{} {:?} twice",
                    d.key,
                    d.phase
                );
                fired.push(d);
            }
            assert!(
                due(&t, &sent, last, now).notify.is_empty(),
                "asking again sends nothing"
            );
            last = now;
        }
        let go = t
            .iter()
            .find(|c| c.kind == CueKind::GoLive && c.session == "Keynote")
            .unwrap();
        let go_fired: Vec<_> = fired.iter().filter(|f| f.key == go.key).collect();
        assert_eq!(go_fired.len(), 2);
        assert_eq!(
            (go_fired[0].phase, go_fired[0].at),
            (Phase::Lead, utc("2027-05-04T12:58:00Z"))
        );
        assert_eq!(
            (go_fired[1].phase, go_fired[1].at),
            (Phase::At, utc("2027-05-04T13:00:00Z"))
        );
        assert!(fired.windows(2).all(|w| w[0].at <= w[1].at), "in order");
    }

    #[test]
    fn sleeping_until_next_fires_the_same_cues_each_at_its_instant() {
        let t = timeline(&demo_like(), &DayLog::default());
        let from = utc("2027-05-04T12:00:00Z");
        let until = utc("2027-05-04T16:00:00Z");
        // Polling every second…
        let mut polled = vec![];
        let mut sent = HashSet::new();
        let mut last = from;
        while last < until {
            let now = last + Duration::seconds(1);
            for d in due(&t, &sent, last, now).notify {
                sent.insert((d.key.clone(), d.phase));
                polled.push(d);
            }
            last = now;
        }
        // …or waking only at each `next`: the same notifications, none late.
        let mut woke = vec![];
        let mut sent = HashSet::new();
        let mut last = from;
        let mut wakes = 0;
        while let Some(next) = due(&t, &sent, last, last + Duration::milliseconds(1)).next {
            if next > until {
                break;
            }
            wakes += 1;
            for d in due(&t, &sent, last, next).notify {
                assert_eq!(d.at, next, "fired at its instant");
                sent.insert((d.key.clone(), d.phase));
                woke.push(d);
            }
            last = next;
        }
        assert!(!polled.is_empty());
        assert_eq!(woke, polled);
        assert!(
            wakes <= polled.len(),
            "{wakes} wakes for {} cues",
            polled.len()
        );
        // Nothing pending: no next.
        assert_eq!(due(&t, &sent, until, until + Duration::days(1)).next, None);
    }

    #[test]
    fn a_suspend_gap_becomes_one_missed_summary_not_a_storm() {
        let t = timeline(&demo_like(), &DayLog::default());
        let sent = HashSet::new();
        // Asleep from 12:40 to 13:30.
        let tick = due(
            &t,
            &sent,
            utc("2027-05-04T12:40:00Z"),
            utc("2027-05-04T13:30:00Z"),
        );
        assert!(tick.notify.is_empty(), "{:?}", tick.notify);
        let kinds: Vec<&str> = tick
            .missed
            .iter()
            .map(|k| k.split(':').next().unwrap())
            .collect();
        assert_eq!(
            kinds,
            [
                "speaker_prep",
                "go_live",
                "presenter_on",
                "attendee_view_check"
            ]
        );
        // Something due in the last seconds of the gap is still notified normally.
        let tick = due(
            &t,
            &sent,
            utc("2027-05-04T12:00:00Z"),
            utc("2027-05-04T12:58:05Z"),
        );
        assert!(tick
            .notify
            .iter()
            .any(|d| d.phase == Phase::Lead && d.key.starts_with("go_live")));
    }

    #[test]
    fn a_clock_going_back_fires_nothing_and_done_cues_stay_quiet() {
        let d = demo_like();
        let mut log = DayLog::default();
        let t = timeline(&d, &log);
        let sent = HashSet::new();
        let back = due(
            &t,
            &sent,
            utc("2027-05-04T13:00:00Z"),
            utc("2027-05-04T12:00:00Z"),
        );
        assert!(back.notify.is_empty() && back.missed.is_empty());
        assert_eq!(
            back.next,
            Some(utc("2027-05-04T12:28:00Z")),
            "the next cue after the clock's new reading"
        );
        let go = t
            .iter()
            .find(|c| c.kind == CueKind::GoLive)
            .unwrap()
            .key
            .clone();
        log.records.push(CueRecord {
            key: go.clone(),
            state: CueState::Done,
            at: utc("2027-05-04T12:57:00Z"),
        });
        let t = timeline(&d, &log);
        let tick = due(
            &t,
            &sent,
            utc("2027-05-04T12:57:30Z"),
            utc("2027-05-04T13:00:00Z"),
        );
        assert!(!tick.notify.iter().any(|n| n.key == go));
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

    #[test]
    fn cues_on_a_dst_change_night_keep_real_durations() {
        // Toronto springs forward at 2027-03-14 07:00Z (02:00 EST → 03:00 EDT).
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        let ana = speaker(&mut d, "Ana");
        let s = session(
            &mut d,
            &a,
            "Night",
            "2027-03-14T06:30:00Z",
            "2027-03-14T07:30:00Z",
        );
        segment(&mut d, &s, "Talk", 3600, &[&ana]);
        let t = timeline(&d, &DayLog::default());
        let checks: Vec<_> = t
            .iter()
            .filter(|c| c.kind == CueKind::TimeCheck)
            .map(|c| c.expected)
            .collect();
        assert_eq!(
            checks,
            [utc("2027-03-14T07:25:00Z"), utc("2027-03-14T07:29:00Z")]
        );
    }
}
