//! The cue timeline indexed by instant, for the scheduler: built once when the timeline moves,
//! then each tick is a binary search instead of a walk over every cue. It answers exactly as
//! [`due_with_gap`](super::due_with_gap) does over the same cues (a property test compares
//! them), and keeps the (cue, phase) pairs already sent and the cues marked missed itself.

use super::due::{Due, Phase, Tick, GRACE};
use crate::model::{Cue, CueState};
use chrono::{DateTime, Utc};
use std::collections::HashSet;

/// One notification instant: the `phase` of cue `cue` (an index into the cues) falls due `at`.
#[derive(Debug, Clone, Copy)]
struct Moment {
    at: DateTime<Utc>,
    cue: usize,
    phase: Phase,
}

/// A cue timeline, its notification instants in order, and what was sent.
#[derive(Debug, Clone, Default)]
pub struct Lookup {
    cues: Vec<Cue>,
    /// Every (cue, phase) instant, by instant (then cue order, lead before at-time).
    moments: Vec<Moment>,
    sent: HashSet<(String, Phase)>,
}

impl Lookup {
    /// Indexes `cues` (as [`timeline`](super::timeline) gives them), `sent` being the
    /// notifications already sent.
    pub fn new(cues: Vec<Cue>, sent: HashSet<(String, Phase)>) -> Lookup {
        let mut moments = Vec::with_capacity(cues.len() * 2);
        for (i, c) in cues.iter().enumerate() {
            if c.lead_secs > 0 {
                moments.push(Moment {
                    at: c.notify_at(),
                    cue: i,
                    phase: Phase::Lead,
                });
            }
            moments.push(Moment {
                at: c.expected,
                cue: i,
                phase: Phase::At,
            });
        }
        moments.sort_by_key(|m| (m.at, m.cue, m.phase));
        Lookup {
            cues,
            moments,
            sent,
        }
    }

    /// The cues, in timeline order, with the states this lookup knows of.
    pub fn cues(&self) -> &[Cue] {
        &self.cues
    }

    /// The cue with this key.
    pub fn cue(&self, key: &str) -> Option<&Cue> {
        self.cues.iter().find(|c| c.key == key)
    }

    /// Whether this notification went out.
    pub fn was_sent(&self, key: &str, phase: Phase) -> bool {
        self.sent.contains(&(key.to_string(), phase))
    }

    /// Remembers that a notification went out; false when it already had.
    pub fn sent(&mut self, key: &str, phase: Phase) -> bool {
        self.sent.insert((key.to_string(), phase))
    }

    /// Marks a cue missed (it is then never due again).
    pub fn missed(&mut self, key: &str) {
        self.sent(key, Phase::At);
        if let Some(c) = self.cues.iter_mut().find(|c| c.key == key) {
            c.state = CueState::Missed;
        }
    }

    fn open(&self, m: &Moment) -> bool {
        let c = &self.cues[m.cue];
        !matches!(
            c.state,
            CueState::Done | CueState::Skipped | CueState::Missed
        ) && !self.sent.contains(&(c.key.clone(), m.phase))
    }

    /// What became due in `(last, now]`, as [`due_with_gap`](super::due_with_gap) says: the
    /// notifications to send (by instant, lead before at-time, then key), the cues whose time
    /// fell in a gap (as missed), and the next instant something falls due.
    pub fn due(&self, last: DateTime<Utc>, now: DateTime<Utc>, gap: bool) -> Tick {
        let mut tick = Tick::default();
        let after_now = self.moments.partition_point(|m| m.at <= now);
        tick.next = self.moments[after_now..]
            .iter()
            .find(|m| self.open(m))
            .map(|m| m.at);
        if now <= last {
            return tick;
        }
        let after_last = self.moments.partition_point(|m| m.at <= last);
        let gap_until = gap.then(|| now - GRACE);
        let mut missed: Vec<(DateTime<Utc>, usize)> = Vec::new();
        for m in self.moments[after_last..after_now]
            .iter()
            .filter(|m| self.open(m))
        {
            let key = &self.cues[m.cue].key;
            match gap_until {
                Some(until) if m.at <= until => {
                    if m.phase == Phase::At {
                        missed.push((m.at, m.cue));
                    }
                }
                _ => tick.notify.push(Due {
                    key: key.clone(),
                    phase: m.phase,
                    at: m.at,
                }),
            }
        }
        tick.notify
            .sort_by(|a, b| (a.at, a.phase, &a.key).cmp(&(b.at, b.phase, &b.key)));
        missed.sort();
        tick.missed = missed
            .into_iter()
            .map(|(_, i)| self.cues[i].key.clone())
            .collect();
        tick
    }
}

#[cfg(test)]
mod tests {
    use super::super::due::due_with_gap;
    use super::*;
    use crate::model::CueKind;
    use crate::testing::utc;
    use chrono::Duration;

    /// A small deterministic generator (xorshift), so a failure names its seed.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    fn random_cues(rng: &mut Rng, t0: DateTime<Utc>) -> Vec<Cue> {
        let states = [
            CueState::Pending,
            CueState::Pending,
            CueState::Pending,
            CueState::Notified,
            CueState::Done,
            CueState::Skipped,
            CueState::Missed,
        ];
        (0..rng.next(60) + 1)
            .map(|i| {
                // Instants on a coarse grid, so that many coincide.
                let at = t0 + Duration::seconds(rng.next(120) as i64 * 15);
                Cue {
                    key: format!("k{:03}", rng.next(1000) * 100 + i),
                    kind: CueKind::GoLive,
                    session_id: "s".into(),
                    segment_id: None,
                    stage_id: "st".into(),
                    session: "S".into(),
                    stage: "St".into(),
                    detail: String::new(),
                    planned: at,
                    expected: at,
                    lead_secs: [0, 0, 60, 300, 15][rng.next(5) as usize],
                    state: states[rng.next(states.len() as u64) as usize],
                }
            })
            .collect()
    }

    #[test]
    fn answers_as_the_plain_walk_does_on_random_timelines() {
        let t0 = utc("2027-05-04T12:00:00Z");
        for seed in 1..400u64 {
            let mut rng = Rng(seed * 7919);
            let cues = random_cues(&mut rng, t0);
            let mut sent = HashSet::new();
            for c in &cues {
                if rng.next(4) == 0 {
                    sent.insert((c.key.clone(), Phase::Lead));
                }
                if rng.next(5) == 0 {
                    sent.insert((c.key.clone(), Phase::At));
                }
            }
            let lookup = Lookup::new(cues.clone(), sent.clone());
            for _ in 0..30 {
                let last = t0 + Duration::seconds(rng.next(2000) as i64 - 100);
                let now = last + Duration::seconds(rng.next(300) as i64 - 20);
                let gap = rng.next(3) == 0;
                assert_eq!(
                    lookup.due(last, now, gap),
                    due_with_gap(&cues, &sent, last, now, gap),
                    "seed {seed}, last {last}, now {now}, gap {gap}"
                );
            }
        }
    }

    #[test]
    fn what_was_sent_or_missed_is_not_due_again() {
        let t0 = utc("2027-05-04T12:00:00Z");
        let mut rng = Rng(42);
        let mut cues = random_cues(&mut rng, t0);
        for c in cues.iter_mut() {
            c.state = CueState::Pending;
        }
        let mut lookup = Lookup::new(cues, HashSet::new());
        let (last, now) = (t0 - Duration::seconds(1), t0 + Duration::hours(1));
        let first = lookup.due(last, now, false);
        assert!(!first.notify.is_empty());
        let a = first.notify[0].clone();
        let k = first.notify[first.notify.len() - 1].key.clone();
        assert!(lookup.sent(&a.key, a.phase));
        assert!(!lookup.sent(&a.key, a.phase), "a second send is refused");
        lookup.missed(&k);
        let expected: Vec<Due> = first
            .notify
            .iter()
            .skip(1)
            .filter(|d| d.key != k)
            .cloned()
            .collect();
        let again = lookup.due(last, now, false);
        assert_eq!(again.notify, expected);
        assert_eq!(lookup.cue(&k).map(|c| c.state), Some(CueState::Missed));
    }
}
