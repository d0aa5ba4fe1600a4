//! Input checks shared by every edit: each returns an [`Error::InvalidInput`] naming the field.
//! [`event_data`] checks a whole snapshot, so an edit is validated on the state it would produce;
//! a snapshot may also come from a handoff package made elsewhere, so every id has a safe shape
//! and every number a sensible range (nothing later has to guard against overflow).

use crate::error::{Error, Invalid, Result};
use crate::model::{BrandItem, CueAnchor, EventData};
use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;
use std::collections::HashSet;
use std::fmt::Display;
use std::ops::RangeInclusive;

mod since;
pub use since::event_data_since;

/// The longest id accepted (the app makes 36-character UUIDs).
pub const ID_MAX: usize = 64;
/// The highest position in a list (lists are numbered 0, 1, 2… when saved).
pub const MAX_POSITION: u32 = 100_000;
/// The highest revision: the largest integer a JavaScript number holds exactly.
pub const MAX_REVISION: i64 = (1 << 53) - 1;
/// The longest lead time of checklist due dates, in days (as the branding edit allows).
pub const MAX_DUE_DAYS: u32 = 365;
/// The longest segment, in seconds (as the segment edit allows).
pub const MAX_SEGMENT_SECS: u32 = 24 * 3600;
/// The years dates and instants fall in.
pub const YEARS: RangeInclusive<i32> = 1900..=2199;
/// The largest side a spec may ask for, in pixels.
pub const MAX_SPEC_PIXELS: u32 = 100_000;
/// The largest side a checked file may report, in pixels.
pub const MAX_FILE_PIXELS: u32 = 1_000_000;
/// The largest file size a spec may allow (1 TB).
pub const MAX_SPEC_BYTES: u64 = 1_000_000_000_000;
/// The largest size a file may report (1 PB; a file that big is only reported, never kept).
pub const MAX_FILE_BYTES: u64 = 1_000_000_000_000_000;
/// The longest clip a file may report, in milliseconds (366 days).
pub const MAX_CLIP_MS: u64 = 366 * 24 * 3600 * 1000;
/// The largest aspect ratio (long side over short side) a spec may allow.
pub const MAX_ASPECT: f64 = 100.0;
/// The highest frame rate a spec may allow.
pub const MAX_FPS: f64 = 1000.0;

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

/// An id of the shape the app makes: 1 to [`ID_MAX`] ASCII letters, digits, `-` or `_`. A
/// package may carry anything; an id with a line break, a `:` or a `;` could break out of the
/// files and keys it is written into (calendars, merge keys), so it is refused, unquoted.
pub fn id(field: &str, value: &str) -> Result<()> {
    // Every byte is looked at (no early exit), so the loop runs 16 or 32 bytes at a time: a
    // snapshot holds tens of thousands of ids.
    let ok =
        (1..=ID_MAX).contains(&value.len()) && value.bytes().fold(true, |ok, b| ok & is_id_byte(b));
    if ok {
        return Ok(());
    }
    Err(Error::invalid(
        field,
        Invalid::Say {
            en: format!("is not a valid id (1 to {ID_MAX} letters, digits, hyphens or underscores)"),
            fr: format!(
                "n’est pas un identifiant valide (1 à {ID_MAX} lettres, chiffres, traits d’union ou de soulignement)"
            ),
        },
    ))
}

/// An ASCII letter or digit, `-` or `_`, without branches (`b | 0x20` lowers an ASCII capital
/// and moves no other byte into `a..=z`).
fn is_id_byte(b: u8) -> bool {
    ((b | 0x20).wrapping_sub(b'a') < 26) | (b.wrapping_sub(b'0') < 10) | (b == b'-') | (b == b'_')
}

fn ids<'a>(field: &str, values: impl IntoIterator<Item = &'a String>) -> Result<()> {
    values.into_iter().try_for_each(|v| id(field, v))
}

/// A number in `range` (`unit` is written after it, the same in both languages: `s`, `min`).
pub fn within<T: PartialOrd + Display>(
    field: &str,
    value: T,
    range: RangeInclusive<T>,
    unit: &str,
) -> Result<()> {
    if range.contains(&value) {
        return Ok(());
    }
    Err(Error::invalid(
        field,
        Invalid::OutOfRange(format!(
            "{value}{unit} ({}–{}{unit})",
            range.start(),
            range.end()
        )),
    ))
}

/// A date in [`YEARS`].
fn in_years(field: &str, date: NaiveDate) -> Result<()> {
    if YEARS.contains(&date.year()) {
        return Ok(());
    }
    Err(Error::invalid(
        field,
        Invalid::OutOfRange(format!("{date} ({}–{})", YEARS.start(), YEARS.end())),
    ))
}

/// Every id and id reference of a snapshot has the shape of [`id`] (checked first, so later
/// messages only ever quote safe ids).
fn id_shapes(d: &EventData) -> Result<()> {
    id("event.id", &d.event.id)?;
    // Nearly every item names the event, whose id was just checked: comparing is quicker.
    let event_id = |field: &str, value: &str| {
        if value == d.event.id {
            return Ok(());
        }
        id(field, value)
    };
    for x in &d.stages {
        id("stage.id", &x.id)?;
        event_id("stage.eventId", &x.event_id)?;
    }
    for x in &d.sessions {
        id("session.id", &x.id)?;
        event_id("session.eventId", &x.event_id)?;
        id("session.stageId", &x.stage_id)?;
    }
    for x in &d.segments {
        id("segment.id", &x.id)?;
        id("segment.sessionId", &x.session_id)?;
        ids("segment.presenterIds", &x.presenter_ids)?;
    }
    for x in &d.people {
        id("person.id", &x.id)?;
        event_id("person.eventId", &x.event_id)?;
    }
    for x in &d.tasks {
        id("task.id", &x.id)?;
        event_id("task.eventId", &x.event_id)?;
        ids("task.sessionId", &x.session_id)?;
    }
    for x in &d.custom_cues {
        id("cue.id", &x.id)?;
        id("cue.sessionId", &x.session_id)?;
        ids("cue.segmentId", &x.segment_id)?;
    }
    for x in &d.destinations {
        id("destination.id", &x.id)?;
        event_id("destination.eventId", &x.event_id)?;
        ids("destination.sessionIds", &x.session_ids)?;
    }
    for x in &d.brand_items {
        id("brandItem.id", &x.id)?;
        event_id("brandItem.eventId", &x.event_id)?;
    }
    Ok(())
}

/// A checklist item's spec and the numbers its files report, each in a sensible range. The
/// error names the item and the number, in both languages.
fn brand_numbers(it: &BrandItem) -> Result<()> {
    let title = &it.title;
    let spec_err = |en: &str, fr: &str, value: String, range_en: &str, range_fr: &str| {
        Error::invalid(
            "brandItem.spec",
            Invalid::Say {
                en: format!("“{title}”: {en} {value} is out of range ({range_en})"),
                fr: format!("« {title} » : {fr} {value} hors limites ({range_fr})"),
            },
        )
    };
    let s = &it.spec;
    let px = |lo: u32| {
        (
            format!("{lo}–{MAX_SPEC_PIXELS} px"),
            format!("{lo} à {MAX_SPEC_PIXELS} px"),
        )
    };
    for (v, lo, en, fr) in [
        (s.width, 1, "width", "largeur"),
        (s.height, 1, "height", "hauteur"),
        (s.min_width, 0, "minimum width", "largeur minimale"),
        (s.min_height, 0, "minimum height", "hauteur minimale"),
        (
            s.min_long_side,
            0,
            "minimum long side",
            "grand côté minimal",
        ),
    ] {
        if let Some(v) = v.filter(|v| !(lo..=MAX_SPEC_PIXELS).contains(v)) {
            let (ren, rfr) = px(lo);
            return Err(spec_err(en, fr, format!("{v} px"), &ren, &rfr));
        }
    }
    if let Some(a) = s
        .max_aspect
        .filter(|a| !a.is_finite() || !(1.0..=MAX_ASPECT).contains(a))
    {
        return Err(spec_err(
            "largest aspect ratio",
            "format d’image maximal",
            format!("{a}:1"),
            &format!("1:1–{MAX_ASPECT}:1"),
            &format!("1:1 à {MAX_ASPECT}:1"),
        ));
    }
    if let Some(f) = s
        .max_fps
        .filter(|f| !f.is_finite() || *f <= 0.0 || *f > MAX_FPS)
    {
        return Err(spec_err(
            "highest frame rate",
            "fréquence d’images maximale",
            format!("{f} fps"),
            &format!("over 0, at most {MAX_FPS} fps"),
            &format!("plus de 0, au plus {MAX_FPS} i/s"),
        ));
    }
    if let Some(b) = s.max_bytes.filter(|b| !(1..=MAX_SPEC_BYTES).contains(b)) {
        return Err(spec_err(
            "largest file size",
            "taille de fichier maximale",
            format!("{b}"),
            "1 byte to 1 TB",
            "1 octet à 1 To",
        ));
    }
    for f in &it.files {
        let name = &f.name;
        let file_err = |en: &str, fr: &str, value: String, range_en: &str, range_fr: &str| {
            Error::invalid(
                "brandItem.file",
                Invalid::Say {
                    en: format!("“{title}”, “{name}”: {en} {value} is out of range ({range_en})"),
                    fr: format!("« {title} », « {name} » : {fr} {value} hors limites ({range_fr})"),
                },
            )
        };
        let r = &f.report;
        if let Some(b) = [f.bytes, r.bytes].into_iter().find(|b| *b > MAX_FILE_BYTES) {
            return Err(file_err(
                "size",
                "taille",
                format!("{b}"),
                "at most 1 PB",
                "au plus 1 Po",
            ));
        }
        if let Some(p) = [r.width, r.height]
            .into_iter()
            .flatten()
            .find(|p| *p > MAX_FILE_PIXELS)
        {
            return Err(file_err(
                "side",
                "côté",
                format!("{p} px"),
                &format!("at most {MAX_FILE_PIXELS} px"),
                &format!("au plus {MAX_FILE_PIXELS} px"),
            ));
        }
        if let Some(ms) = r.duration_ms.filter(|ms| *ms > MAX_CLIP_MS) {
            return Err(file_err(
                "duration",
                "durée",
                format!("{ms} ms"),
                "at most 366 days",
                "au plus 366 jours",
            ));
        }
    }
    Ok(())
}

/// Checks every stored field of a snapshot and that every reference stays inside the event.
pub fn event_data(d: &EventData) -> Result<()> {
    id_shapes(d)?;
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
    within("event.revision", ev.revision, 0..=MAX_REVISION, "")?;
    if let Some(bought) = ev.kit_purchase_date {
        in_years("event.kitPurchaseDate", bought)?;
    }
    within(
        "branding.dueDaysBefore",
        d.branding.due_days_before,
        0..=MAX_DUE_DAYS,
        "",
    )?;
    let stages: crate::ids::IdSet<&str> = d.stages.iter().map(|s| s.id.as_str()).collect();
    for st in &d.stages {
        not_empty("stage.name", &st.name)?;
        within("stage.position", st.position, 0..=MAX_POSITION, "")?;
    }
    for s in &d.sessions {
        not_empty("session.title", &s.title)?;
        in_years("session.start", s.start.date_naive())?;
        in_years("session.end", s.end.date_naive())?;
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
    // Built once: a search of the sessions per segment, cue and destination was most of the
    // time on a 2,000-session event.
    let sessions: crate::ids::IdSet<&str> = d.sessions.iter().map(|s| s.id.as_str()).collect();
    let people: crate::ids::IdSet<&str> = d.people.iter().map(|p| p.id.as_str()).collect();
    for seg in &d.segments {
        not_empty("segment.title", &seg.title)?;
        within("segment.position", seg.position, 0..=MAX_POSITION, "")?;
        within(
            "segment.durationSecs",
            seg.duration_secs,
            0..=MAX_SEGMENT_SECS,
            " s",
        )?;
        if !sessions.contains(seg.session_id.as_str()) {
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
    // (session id, segment id) of every segment, for the cues anchored on one.
    let segments: HashSet<(&str, &str)> = if d.custom_cues.is_empty() {
        HashSet::new()
    } else {
        d.segments
            .iter()
            .map(|g| (g.session_id.as_str(), g.id.as_str()))
            .collect()
    };
    for c in &d.custom_cues {
        if !sessions.contains(c.session_id.as_str()) {
            return Err(Error::invalid(
                "cue.sessionId",
                Invalid::UnknownReference(c.session_id.clone()),
            ));
        }
        let on_segment = matches!(c.anchor, CueAnchor::SegmentStart | CueAnchor::SegmentEnd);
        match &c.segment_id {
            Some(g) if !segments.contains(&(c.session_id.as_str(), g.as_str())) => {
                return Err(Error::invalid(
                    "cue.segmentId",
                    Invalid::UnknownReference(g.clone()),
                ));
            }
            None if on_segment => return Err(Error::invalid("cue.segmentId", Invalid::Empty)),
            _ => {}
        }
        if !(-24 * 3600..=24 * 3600).contains(&c.offset_secs) {
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
        within("destination.position", x.position, 0..=MAX_POSITION, "")?;
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
            if !sessions.contains(s.as_str()) {
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
        within("brandItem.position", it.position, 0..=MAX_POSITION, "")?;
        if let Some(due) = it.due {
            in_years("brandItem.due", due)?;
        }
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
        brand_numbers(it)?;
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
mod tests;
