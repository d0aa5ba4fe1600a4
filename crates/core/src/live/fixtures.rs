//! Test fixture shared by the live view's tests: a day on one stage with a keynote (Ana,
//! welcome then talk) and a panel without segments.

use crate::model::EventData;
use crate::testing::*;

pub(super) fn day() -> EventData {
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
