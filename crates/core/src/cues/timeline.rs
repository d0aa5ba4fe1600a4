//! Where the day's log moves the cues: the delays the analyst applied (built and checked by
//! [`make_delay`]) and the sessions' actual starts and ends turn each planned instant into an
//! expected one ([`expected`]); [`timeline`] is the planned cues shifted so, with their recorded
//! states.

use super::plan::plan;
use crate::model::{Cue, CueState, DayLog, Delay, EventData, Session};
use chrono::{DateTime, Duration, Utc};
use std::collections::HashMap;

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

#[cfg(test)]
mod tests {
    use super::super::fixtures::{demo_like, find};
    use super::*;
    use crate::model::{Actual, CueKind};
    use crate::testing::*;

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
