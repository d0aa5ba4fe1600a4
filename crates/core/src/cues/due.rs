//! What became due between two ticks of the scheduler: each cue's heads-up ([`Phase::Lead`]) and
//! its moment ([`Phase::At`]) notified once, a gap longer than [`GAP`] (sleep, clock jump) turned
//! into one list of missed cues (but for its last [`GRACE`]), and the next instant anything will
//! be due, so the scheduler can sleep until then.

use crate::model::{Cue, CueState};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use ts_rs::TS;

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
    use super::super::fixtures::demo_like;
    use super::super::timeline;
    use super::*;
    use crate::model::{CueKind, CueRecord, DayLog};
    use crate::testing::*;

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
}
