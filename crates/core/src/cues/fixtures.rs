//! Test fixtures shared by the cue engine's tests: a day of two sessions on one stage (Ana and
//! Bo presenting), and finding a cue by kind and session.

use crate::model::{Cue, CueKind, EventData};
use crate::testing::*;

pub(super) fn demo_like() -> EventData {
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

pub(super) fn find<'a>(cues: &'a [Cue], kind: CueKind, session: &str) -> &'a Cue {
    cues.iter()
        .find(|c| c.kind == kind && c.session == session)
        .unwrap()
}
