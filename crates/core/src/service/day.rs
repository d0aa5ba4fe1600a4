//! The live controls on the day they apply to: the real day (the wall clock, state in the
//! database) or a rehearsal of that event (a simulated clock, state in memory, the real cues
//! untouched). [`Day`] is the one place that tells them apart, so a command never branches on
//! it: each control asks the day for its clock and writes to the day's own log.

use super::scheduler::Rehearsal;
use super::share::Source;
use crate::edit::{may, Act};
use crate::error::{Error, Invalid, Result};
use crate::live::{self, LiveSnapshot};
use crate::model::{Actor, Actual, CueState, Delay};
use crate::store::Store;
use chrono::{DateTime, Utc};

/// The day one event's live controls act on.
pub struct Day<'a> {
    store: &'a mut Store,
    rehearsal: Option<&'a mut Rehearsal>,
    event_id: &'a str,
    actor: Actor,
    source: Source,
}

/// The rehearsal of `event_id`, if the one running is of that event.
fn of_event<R: std::borrow::Borrow<Rehearsal>>(r: Option<R>, event_id: &str) -> Option<R> {
    r.filter(|r| r.borrow().event_id == event_id)
}

/// The instant the event's clock reads at wall-clock `wall`: the rehearsal's simulated clock,
/// or the wall clock itself.
pub fn clock(rehearsal: Option<&Rehearsal>, event_id: &str, wall: DateTime<Utc>) -> DateTime<Utc> {
    of_event(rehearsal, event_id).map_or(wall, |r| r.clock(wall))
}

/// What the live view shows of an event at wall-clock `wall`, on the clock that applies.
pub fn snapshot(
    store: &Store,
    rehearsal: Option<&Rehearsal>,
    event_id: &str,
    wall: DateTime<Utc>,
) -> Result<LiveSnapshot> {
    let data = store.load(event_id)?;
    Ok(match of_event(rehearsal, event_id) {
        Some(r) => live::snapshot(&data, &r.log, r.timeline(&data), r.clock(wall), true),
        None => {
            let log = store.day_log(event_id)?;
            let cues = store.cue_timeline(event_id)?;
            live::snapshot(&data, &log, cues, wall, false)
        }
    })
}

/// Which end of a session was just recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Start,
    End,
}

impl End {
    /// `start` or `end`, as the live view sends it.
    pub fn parse(which: &str) -> Result<End> {
        match which {
            "start" => Ok(End::Start),
            "end" => Ok(End::End),
            other => Err(Error::invalid(
                "actual.which",
                Invalid::Say {
                    en: format!("“{other}”: start or end"),
                    fr: format!("« {other} » : start ou end"),
                },
            )),
        }
    }
}

/// Starts a rehearsal of an event from the simulated instant `from` (RFC 3339) at `speed`
/// (1×–60×), at wall-clock `wall`.
pub fn rehearse(
    store: &Store,
    actor: Actor,
    event_id: &str,
    from: &str,
    speed: f64,
    wall: DateTime<Utc>,
) -> Result<Rehearsal> {
    may(actor, Act::Live)?;
    let from = DateTime::parse_from_rfc3339(from)
        .map_err(|_| Error::invalid("rehearsal.from", Invalid::BadInstant(from.into())))?
        .with_timezone(&Utc);
    if !(1.0..=60.0).contains(&speed) {
        return Err(Error::invalid(
            "rehearsal.speed",
            Invalid::OutOfRange(format!("{speed} (1–60)")),
        ));
    }
    store.load(event_id)?;
    Ok(Rehearsal::new(event_id, from, speed, wall))
}

impl<'a> Day<'a> {
    /// The day of `event_id`: the rehearsal when the one running is of that event, else the
    /// real day.
    pub fn of(
        store: &'a mut Store,
        rehearsal: Option<&'a mut Rehearsal>,
        event_id: &'a str,
        actor: Actor,
    ) -> Day<'a> {
        Day {
            store,
            rehearsal: of_event(rehearsal, event_id),
            event_id,
            actor,
            source: Source::Window,
        }
    }

    /// The same day, acted on from `source` (the window's unless said otherwise): the real
    /// day's log records where each control came from.
    pub fn from(self, source: Source) -> Day<'a> {
        Day { source, ..self }
    }

    /// Records a control on the real day (a rehearsal keeps nothing).
    fn log(&mut self, action: &str, detail: String, wall: DateTime<Utc>) -> Result<()> {
        record(self.store, self.event_id, self.source, action, detail, wall)
    }

    /// The event's clock at wall-clock `wall`.
    pub fn clock(&self, wall: DateTime<Utc>) -> DateTime<Utc> {
        clock(self.rehearsal.as_deref(), self.event_id, wall)
    }

    /// What the live view shows now, on this day's clock.
    pub fn snapshot(&self, wall: DateTime<Utc>) -> Result<LiveSnapshot> {
        snapshot(self.store, self.rehearsal.as_deref(), self.event_id, wall)
    }

    /// Marks a cue done, skipped or back to pending.
    pub fn mark(&mut self, key: &str, state: CueState, wall: DateTime<Utc>) -> Result<()> {
        may(self.actor, Act::Live)?;
        match self.rehearsal.as_deref_mut() {
            Some(r) => {
                r.set_cue_state(key, state, wall);
                Ok(())
            }
            None => {
                self.store.set_cue_state(self.event_id, key, state, wall)?;
                self.log(&format!("cue.{}", state.code()), key.to_string(), wall)
            }
        }
    }

    /// "Running N minutes late" on a stage (or one session), from now on this day's clock.
    pub fn delay(
        &mut self,
        stage_id: &str,
        session_id: Option<&str>,
        minutes: i64,
        wall: DateTime<Utc>,
    ) -> Result<Delay> {
        may(self.actor, Act::Live)?;
        let from = self.clock(wall);
        match self.rehearsal.as_deref_mut() {
            Some(r) => {
                // The same checks as the real day, kept in the rehearsal only.
                let data = self.store.load(self.event_id)?;
                let d = crate::cues::make_delay(&data, stage_id, session_id, minutes, from)?;
                r.log.delays.push(d.clone());
                Ok(d)
            }
            None => {
                let d = self
                    .store
                    .add_delay(self.event_id, stage_id, session_id, minutes, from)?;
                self.log("delay", delay_detail(&d), wall)?;
                Ok(d)
            }
        }
    }

    /// Records that a session started or ended now, on this day's clock.
    pub fn actual(&mut self, session_id: &str, end: End, wall: DateTime<Utc>) -> Result<Actual> {
        may(self.actor, Act::Live)?;
        let at = Some(self.clock(wall));
        let (start, end) = match end {
            End::Start => (at, None),
            End::End => (None, at),
        };
        match self.rehearsal.as_deref_mut() {
            Some(r) => r.log.record_actual(session_id, start, end),
            None => {
                let a = self.store.record_actual(session_id, start, end)?;
                let action = if end.is_some() {
                    "actual.end"
                } else {
                    "actual.start"
                };
                self.log(action, session_id.to_string(), wall)?;
                Ok(a)
            }
        }
    }
}

/// A delay as the day log names it: "+5 min stage-id" (and the session, when only one).
pub fn delay_detail(d: &Delay) -> String {
    let mut s = format!("{:+} min {}", d.minutes, d.stage_id);
    if let Some(session) = &d.session_id {
        s.push(' ');
        s.push_str(session);
    }
    s
}

/// Records one thing done on the real day, with where it came from.
pub fn record(
    store: &mut Store,
    event_id: &str,
    source: Source,
    action: &str,
    detail: String,
    at: DateTime<Utc>,
) -> Result<()> {
    store.record_action(
        event_id,
        &crate::model::LiveAction {
            at,
            source: source.code().to_string(),
            action: action.to_string(),
            detail,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> (Store, String) {
        let mut store = Store::open_in_memory().unwrap();
        let d = crate::demo::event();
        store.insert(&d).unwrap();
        (store, d.event.id)
    }

    #[test]
    fn a_rehearsal_keeps_its_delays_and_actuals_to_itself() {
        let (mut store, id) = stored();
        let d = store.load(&id).unwrap();
        let (stage, session) = (d.stages[0].id.clone(), d.sessions[0].id.clone());
        let wall = d.sessions[0].start - chrono::Duration::hours(3);
        let mut r = rehearse(
            &store,
            Actor::Analyst,
            &id,
            &d.sessions[0].start.to_rfc3339(),
            60.0,
            wall,
        )
        .unwrap();
        let later = wall + chrono::Duration::seconds(10);
        {
            let mut day = Day::of(&mut store, Some(&mut r), &id, Actor::Analyst);
            // Ten real seconds at 60× are ten simulated minutes.
            assert_eq!(
                day.clock(later),
                d.sessions[0].start + chrono::Duration::minutes(10)
            );
            day.delay(&stage, None, 4, later).unwrap();
            let a = day.actual(&session, End::Start, later).unwrap();
            assert_eq!(
                a.start,
                Some(d.sessions[0].start + chrono::Duration::minutes(10))
            );
            assert!(day.snapshot(later).unwrap().rehearsal);
        }
        assert_eq!((r.log.delays.len(), r.log.actuals.len()), (1, 1));
        let real = store.day_log(&id).unwrap();
        assert!(real.delays.is_empty() && real.actuals.is_empty());

        // Without the rehearsal the same controls write the real day, on the wall clock.
        let mut day = Day::of(&mut store, None, &id, Actor::Analyst);
        assert_eq!(day.clock(later), later);
        day.actual(&session, End::Start, later).unwrap();
        // An end not after the start is refused, and the start stays.
        day.actual(&session, End::End, later).unwrap_err();
        let real = store.day_log(&id).unwrap();
        assert_eq!(real.actuals.len(), 1);
        assert_eq!(real.actuals[0].start, Some(later));
    }

    #[test]
    fn a_rehearsal_of_another_event_leaves_this_one_on_the_wall_clock() {
        let (mut store, id) = stored();
        let wall = Utc::now();
        let mut other = Rehearsal::new("another", wall - chrono::Duration::days(3), 10.0, wall);
        let day = Day::of(&mut store, Some(&mut other), &id, Actor::Analyst);
        assert_eq!(day.clock(wall), wall);
        assert!(!day.snapshot(wall).unwrap().rehearsal);
    }

    #[test]
    fn the_customer_lead_has_no_live_controls_and_bad_input_is_named() {
        let (mut store, id) = stored();
        let d = store.load(&id).unwrap();
        let wall = Utc::now();
        let mut day = Day::of(&mut store, None, &id, Actor::Customer);
        let key = "nothing";
        let e = day.mark(key, CueState::Done, wall).unwrap_err();
        assert_eq!(
            e.payload(crate::i18n::Lang::En).field.as_deref(),
            Some("cue")
        );
        assert!(day.delay(&d.stages[0].id, None, 3, wall).is_err());
        assert_eq!(
            End::parse("middle")
                .unwrap_err()
                .payload(crate::i18n::Lang::En)
                .field
                .as_deref(),
            Some("actual.which")
        );
        let bad = rehearse(&store, Actor::Analyst, &id, "tomorrow", 2.0, wall).unwrap_err();
        assert_eq!(
            bad.payload(crate::i18n::Lang::En).field.as_deref(),
            Some("rehearsal.from")
        );
        let fast = rehearse(&store, Actor::Analyst, &id, &wall.to_rfc3339(), 90.0, wall);
        assert_eq!(
            fast.unwrap_err()
                .payload(crate::i18n::Lang::En)
                .field
                .as_deref(),
            Some("rehearsal.speed")
        );
    }

    #[test]
    fn the_real_day_records_where_each_control_came_from() {
        let (mut store, id) = stored();
        let d = store.load(&id).unwrap();
        let (stage, session) = (d.stages[0].id.clone(), d.sessions[0].id.clone());
        let wall = d.sessions[0].start;
        let key = store.cue_timeline(&id).unwrap()[0].key.clone();
        let mut day = Day::of(&mut store, None, &id, Actor::Analyst);
        day.mark(&key, CueState::Done, wall).unwrap();
        let mut day = Day::of(&mut store, None, &id, Actor::Analyst).from(Source::Api);
        day.delay(&stage, None, 5, wall).unwrap();
        day.actual(&session, End::Start, wall).unwrap();
        let got: Vec<(String, String)> = store
            .live_actions(&id)
            .unwrap()
            .into_iter()
            .map(|a| (a.source, a.action))
            .collect();
        let want = [
            ("window", "cue.done"),
            ("api", "delay"),
            ("api", "actual.start"),
        ];
        assert_eq!(
            got,
            want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec()
        );
        // A rehearsal keeps nothing in the real day's log.
        let mut r = rehearse(&store, Actor::Analyst, &id, &wall.to_rfc3339(), 60.0, wall).unwrap();
        let mut day = Day::of(&mut store, Some(&mut r), &id, Actor::Analyst).from(Source::Api);
        day.delay(&stage, None, 5, wall).unwrap();
        assert_eq!(store.live_actions(&id).unwrap().len(), 3);
    }
}
