//! The cue engine. Cues are derived from the schedule (the analyst's duties on the day, one per
//! moment: AV check, speaker prep, go live, presenters on/off stage, clips, decks, time checks,
//! end stream, recording download), then shifted by what happened: delays the analyst applied
//! and actual session starts/ends. [`timeline()`] computes planned and expected instants and each
//! cue's state; [`due()`] answers the scheduler's one question — what became due between the last
//! tick and now — so a cue is notified once, and a gap (sleep, clock jump) becomes one summary of
//! missed cues instead of a storm. Pure: `now` is always a parameter.
//!
//! Submodules: `plan` (the cues the run of show calls for), `custom` (the cues the analyst added
//! by hand), `timeline` (delays and actual times → expected instants), `due` (what each tick
//! notifies).

mod custom;
mod due;
mod lookup;
mod plan;
mod timeline;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod reference;

pub use crate::model::{Actual, Cue, CueKind, CueRecord, CueState, DayLog, Delay};
pub use due::{due, due_with_gap, Due, Phase, Tick, GAP, GRACE};
pub use lookup::Lookup;
pub use plan::{plan, DEFAULT_LEAD, TIME_CHECKS_MIN};
pub use timeline::{expected, make_delay, timeline};
