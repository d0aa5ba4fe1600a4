use super::*;
use crate::testing::*;

#[test]
fn end_before_start_names_the_end_field() {
    let mut d = event("UTC");
    let a = stage(&mut d, "A");
    session(
        &mut d,
        &a,
        "S",
        "2027-05-04T13:00:00Z",
        "2027-05-04T12:00:00Z",
    );
    let e = event_data(&d).unwrap_err();
    assert_eq!(e.code(), "invalid_input");
    assert_eq!(
        e.message(crate::i18n::Lang::En),
        "Session end: must be after the start"
    );
}

#[test]
fn unknown_zone_is_refused_with_its_name() {
    let d = event("Mars/Olympus_Mons");
    let e = event_data(&d).unwrap_err();
    assert_eq!(
        e.message(crate::i18n::Lang::En),
        "Event time zone: unknown time zone “Mars/Olympus_Mons”"
    );
}

#[test]
fn presenter_must_be_a_person_of_the_event() {
    let mut d = event("UTC");
    let a = stage(&mut d, "A");
    let s = session(
        &mut d,
        &a,
        "S",
        "2027-05-04T13:00:00Z",
        "2027-05-04T14:00:00Z",
    );
    segment(&mut d, &s, "Talk", 60, &["nobody"]);
    assert!(
        matches!(event_data(&d), Err(Error::InvalidInput { field, .. }) if field == "segment.presenterIds")
    );
}

#[test]
fn emails_are_checked_loosely() {
    assert!(looks_like_email("ana@example.org"));
    assert!(!looks_like_email("ana at example"));
    assert!(!looks_like_email("@example.org"));
}
