//! Input checks shared by every edit: each returns an [`Error::InvalidInput`] naming the field.
//! [`event_data`] checks a whole snapshot, so an edit is validated on the state it would produce.

use crate::error::{Error, Invalid, Result};
use crate::model::{CueAnchor, EventData};
use chrono_tz::Tz;
use std::collections::BTreeSet;

/// A non-blank text.
pub fn not_empty(field: &str, value: &str) -> Result<()> {
    if value.trim().is_empty() {
        return Err(Error::invalid(field, Invalid::Empty));
    }
    Ok(())
}

/// A known IANA zone.
pub fn zone(field: &str, value: &str) -> Result<Tz> {
    value
        .parse::<Tz>()
        .map_err(|_| Error::invalid(field, Invalid::UnknownZone(value.to_string())))
}

/// Checks every stored field of a snapshot and that every reference stays inside the event.
pub fn event_data(d: &EventData) -> Result<()> {
    let ev = &d.event;
    not_empty("event.name", &ev.name)?;
    zone("event.timeZone", &ev.time_zone)?;
    if crate::i18n::Lang::parse(&ev.locale).is_none() {
        return Err(Error::invalid(
            "event.locale",
            Invalid::UnknownLocale(ev.locale.clone()),
        ));
    }
    if !(1..=120).contains(&ev.kit_term_months) {
        return Err(Error::invalid(
            "event.kitTermMonths",
            Invalid::OutOfRange(format!("{} (1–120)", ev.kit_term_months)),
        ));
    }
    if !(1..=24 * 60).contains(&ev.support_budget_minutes) {
        return Err(Error::invalid(
            "event.supportBudgetMinutes",
            Invalid::OutOfRange(format!("{} min (1–1440)", ev.support_budget_minutes)),
        ));
    }
    let stages: BTreeSet<&str> = d.stages.iter().map(|s| s.id.as_str()).collect();
    for st in &d.stages {
        not_empty("stage.name", &st.name)?;
    }
    for s in &d.sessions {
        not_empty("session.title", &s.title)?;
        if s.end <= s.start {
            return Err(Error::invalid("session.end", Invalid::EndNotAfterStart));
        }
        if !stages.contains(s.stage_id.as_str()) {
            return Err(Error::invalid(
                "session.stageId",
                Invalid::UnknownReference(s.stage_id.clone()),
            ));
        }
    }
    let people: BTreeSet<&str> = d.people.iter().map(|p| p.id.as_str()).collect();
    for seg in &d.segments {
        not_empty("segment.title", &seg.title)?;
        if d.session(&seg.session_id).is_none() {
            return Err(Error::invalid(
                "segment.sessionId",
                Invalid::UnknownReference(seg.session_id.clone()),
            ));
        }
        if let Some(p) = seg
            .presenter_ids
            .iter()
            .find(|p| !people.contains(p.as_str()))
        {
            return Err(Error::invalid(
                "segment.presenterIds",
                Invalid::UnknownReference(p.clone()),
            ));
        }
    }
    for c in &d.custom_cues {
        let Some(_) = d.session(&c.session_id) else {
            return Err(Error::invalid(
                "cue.sessionId",
                Invalid::UnknownReference(c.session_id.clone()),
            ));
        };
        let on_segment = matches!(c.anchor, CueAnchor::SegmentStart | CueAnchor::SegmentEnd);
        match &c.segment_id {
            Some(g) if !d.segments_of(&c.session_id).any(|s| &s.id == g) => {
                return Err(Error::invalid(
                    "cue.segmentId",
                    Invalid::UnknownReference(g.clone()),
                ));
            }
            None if on_segment => return Err(Error::invalid("cue.segmentId", Invalid::Empty)),
            _ => {}
        }
        if c.offset_secs.abs() > 24 * 3600 {
            return Err(Error::invalid(
                "cue.offsetSecs",
                Invalid::OutOfRange(format!("{} s (±24 h)", c.offset_secs)),
            ));
        }
        if !(0..=3600).contains(&c.lead_secs) {
            return Err(Error::invalid(
                "cue.leadSecs",
                Invalid::OutOfRange(format!("{} s (0–3600)", c.lead_secs)),
            ));
        }
        not_empty("cue.text", &c.text)?;
    }
    for c in &d.cue_settings {
        if !(0..=3600).contains(&c.lead_secs) {
            return Err(Error::invalid(
                "cue.leadSecs",
                Invalid::OutOfRange(format!("{} s (0–3600)", c.lead_secs)),
            ));
        }
    }
    for x in &d.destinations {
        not_empty("destination.name", &x.name)?;
        if x.name.chars().count() > 120 {
            return Err(Error::invalid(
                "destination.name",
                Invalid::OutOfRange("over 120 characters".into()),
            ));
        }
        if crate::rtmp::preset(&x.preset).is_none() {
            return Err(Error::invalid(
                "destination.preset",
                Invalid::UnknownReference(x.preset.clone()),
            ));
        }
        crate::rtmp::check_url("destination.serverUrl", &x.server_url)?;
        if !x.backup_url.trim().is_empty() {
            crate::rtmp::check_url("destination.backupUrl", &x.backup_url)?;
        }
        for s in &x.session_ids {
            if d.session(s).is_none() {
                return Err(Error::invalid(
                    "destination.sessionIds",
                    Invalid::UnknownReference(s.clone()),
                ));
            }
        }
    }
    for p in &d.people {
        not_empty("person.name", &p.name)?;
        if let Some(z) = &p.time_zone {
            zone("person.timeZone", z)?;
        }
        let email = p.email.trim();
        if !email.is_empty() && !looks_like_email(email) {
            return Err(Error::invalid(
                "person.email",
                Invalid::Other(format!("“{email}” is not an email address")),
            ));
        }
    }
    for it in &d.brand_items {
        not_empty("brandItem.title", &it.title)?;
        if it.status == crate::branding::AssetStatus::Rejected && it.reason.trim().is_empty() {
            return Err(Error::invalid("brandItem.reason", Invalid::Empty));
        }
        if let Some(f) = it
            .files
            .iter()
            .find(|f| !crate::paths::is_sha256(&f.sha256))
        {
            return Err(Error::invalid(
                "brandItem.file",
                Invalid::UnknownReference(f.sha256.clone()),
            ));
        }
        let s = &it.spec;
        if s.max_aspect.is_some_and(|a| !a.is_finite() || a < 1.0)
            || s.max_fps.is_some_and(|f| !f.is_finite() || f <= 0.0)
        {
            return Err(Error::invalid(
                "brandItem.spec",
                Invalid::OutOfRange(it.title.clone()),
            ));
        }
    }
    Ok(())
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
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
}
