//! `validate::event_data` gives exactly what the plain checks it replaced give (kept below as
//! [`reference`]): the same `Ok`, or the same first error (field, reason and message in both
//! languages), on random events built from a fixed seed — valid ones, and ones broken in one
//! to four places (dangling and duplicate ids, ids of a bad shape, bad times, numbers out of
//! range, empty names, bad zones, emails, URLs, checklist specs…), so the order of the checks
//! is compared too.

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use showcall_core::i18n::Lang;
use showcall_core::model::{
    AssetFile, AssetReport, AssetStatus, CueAnchor, CueKind, CueSetting, CustomCue, Destination,
    DestinationStatus, EventData,
};
use showcall_core::validate;
use std::collections::BTreeSet;

/// The checks as they were before they were made fast: a search of the sessions for each
/// reference, and an early-exit loop over each id's bytes.
mod reference {
    use chrono::{Datelike, NaiveDate};
    use chrono_tz::Tz;
    use showcall_core::error::{Error, Invalid, Result};
    use showcall_core::model::{BrandItem, CueAnchor, EventData};
    use std::collections::BTreeSet;
    use std::fmt::Display;
    use std::ops::RangeInclusive;

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
        let ok = (1..=ID_MAX).contains(&value.len())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
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
        for x in &d.stages {
            id("stage.id", &x.id)?;
            id("stage.eventId", &x.event_id)?;
        }
        for x in &d.sessions {
            id("session.id", &x.id)?;
            id("session.eventId", &x.event_id)?;
            id("session.stageId", &x.stage_id)?;
        }
        for x in &d.segments {
            id("segment.id", &x.id)?;
            id("segment.sessionId", &x.session_id)?;
            ids("segment.presenterIds", &x.presenter_ids)?;
        }
        for x in &d.people {
            id("person.id", &x.id)?;
            id("person.eventId", &x.event_id)?;
        }
        for x in &d.tasks {
            id("task.id", &x.id)?;
            id("task.eventId", &x.event_id)?;
            ids("task.sessionId", &x.session_id)?;
        }
        for x in &d.custom_cues {
            id("cue.id", &x.id)?;
            id("cue.sessionId", &x.session_id)?;
            ids("cue.segmentId", &x.segment_id)?;
        }
        for x in &d.destinations {
            id("destination.id", &x.id)?;
            id("destination.eventId", &x.event_id)?;
            ids("destination.sessionIds", &x.session_ids)?;
        }
        for x in &d.brand_items {
            id("brandItem.id", &x.id)?;
            id("brandItem.eventId", &x.event_id)?;
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
                        en: format!(
                            "“{title}”, “{name}”: {en} {value} is out of range ({range_en})"
                        ),
                        fr: format!(
                            "« {title} », « {name} » : {fr} {value} hors limites ({range_fr})"
                        ),
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
        if showcall_core::i18n::Lang::parse(&ev.locale).is_none() {
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
        let stages: BTreeSet<&str> = d.stages.iter().map(|s| s.id.as_str()).collect();
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
        let people: BTreeSet<&str> = d.people.iter().map(|p| p.id.as_str()).collect();
        for seg in &d.segments {
            not_empty("segment.title", &seg.title)?;
            within("segment.position", seg.position, 0..=MAX_POSITION, "")?;
            within(
                "segment.durationSecs",
                seg.duration_secs,
                0..=MAX_SEGMENT_SECS,
                " s",
            )?;
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
            if showcall_core::rtmp::preset(&x.preset).is_none() {
                return Err(Error::invalid(
                    "destination.preset",
                    Invalid::UnknownReference(x.preset.clone()),
                ));
            }
            showcall_core::rtmp::check_url("destination.serverUrl", &x.server_url)?;
            if !x.backup_url.trim().is_empty() {
                showcall_core::rtmp::check_url("destination.backupUrl", &x.backup_url)?;
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
            within("brandItem.position", it.position, 0..=MAX_POSITION, "")?;
            if let Some(due) = it.due {
                in_years("brandItem.due", due)?;
            }
            if it.status == showcall_core::branding::AssetStatus::Rejected
                && it.reason.trim().is_empty()
            {
                return Err(Error::invalid("brandItem.reason", Invalid::Empty));
            }
            if let Some(f) = it
                .files
                .iter()
                .find(|f| !showcall_core::paths::is_sha256(&f.sha256))
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
}

/// SplitMix64: a tiny seeded generator, so a failure names a seed that replays it.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
    fn pick<T: Clone>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())].clone()
    }
}

/// A valid event with something in every list: the demo event, or a small conference day,
/// plus destinations, cues, cue settings and checklist files.
fn valid_event(r: &mut Rng) -> EventData {
    let mut d = if r.chance(50) {
        showcall_core::demo::event()
    } else {
        let mut d = showcall_core::testing::conference(1 + r.below(3), 1 + r.below(6));
        showcall_core::tasks::sync(&mut d);
        d
    };
    let preset = &showcall_core::rtmp::presets()[0];
    for i in 0..1 + r.below(3) {
        let mut session_ids: Vec<String> = Vec::new();
        for _ in 0..r.below(3) {
            session_ids.push(r.pick(&d.sessions).id);
        }
        d.destinations.push(Destination {
            id: format!("dest-{i}"),
            event_id: d.event.id.clone(),
            position: i as u32,
            name: format!("Channel {i}"),
            preset: preset.id.clone(),
            server_url: "rtmp://live.example.com/app".into(),
            backup_url: if r.chance(50) {
                String::new()
            } else {
                "rtmps://backup.example.com:443/app".into()
            },
            session_ids,
            status: DestinationStatus::Requested,
            has_key: false,
            key_hint: String::new(),
            last_test: None,
            key_entered_for: None,
        });
    }
    for i in 0..1 + r.below(4) {
        let s = r.pick(&d.sessions).id;
        let segment = d
            .segments
            .iter()
            .find(|g| g.session_id == s)
            .map(|g| g.id.clone());
        let anchor = match (&segment, r.below(2)) {
            (Some(_), 0) => CueAnchor::SegmentStart,
            (Some(_), _) => CueAnchor::SegmentEnd,
            (None, 0) => CueAnchor::SessionStart,
            (None, _) => CueAnchor::SessionEnd,
        };
        d.custom_cues.push(CustomCue {
            id: format!("cue-{i}"),
            session_id: s,
            segment_id: segment,
            anchor,
            offset_secs: r.below(600) as i64 - 300,
            kind: CueKind::Custom,
            text: "Check the mics".into(),
            lead_secs: r.below(120) as i64,
        });
    }
    d.cue_settings.push(CueSetting {
        kind: CueKind::GoLive,
        enabled: true,
        lead_secs: 60,
    });
    if let Some(it) = d.brand_items.first_mut() {
        it.files.push(AssetFile {
            sha256: "ab".repeat(32),
            name: "logo.png".into(),
            bytes: 1000,
            added_at: Utc.with_ymd_and_hms(2027, 1, 2, 3, 4, 5).unwrap(),
            added_by: "ana".into(),
            report: AssetReport {
                kind: "image".into(),
                file_type: Some("png".into()),
                bytes: 1000,
                width: Some(800),
                height: Some(600),
                duration_ms: None,
                checks: vec![],
            },
            stored: true,
            thumbnail: false,
        });
    }
    d
}

/// An id of a bad shape, or one just inside the limits.
fn odd_id(r: &mut Rng) -> String {
    match r.below(8) {
        0 => String::new(),
        1 => "x".repeat(65),
        2 => "a:b".into(),
        3 => "a;b".into(),
        4 => "é".into(),
        5 => "line\nbreak".into(),
        6 => "Z".repeat(64),
        _ => "Aa-_09".into(),
    }
}

/// A number just outside (or just inside) `lo..=hi`.
fn edge(r: &mut Rng, lo: i64, hi: i64) -> i64 {
    r.pick(&[lo - 1, lo, hi, hi + 1])
}

/// Breaks (or nearly breaks) one thing of `d`.
fn break_one(r: &mut Rng, d: &mut EventData) {
    let ghost = || "ghost".to_string();
    let ns = d.sessions.len();
    let s = r.below(ns);
    let g = r.below(d.segments.len().max(1));
    let p = r.below(d.people.len());
    let c = r.below(d.custom_cues.len());
    let x = r.below(d.destinations.len());
    let b = r.below(d.brand_items.len().max(1));
    let t = r.below(d.tasks.len().max(1));
    // Where an item names the event: the event's id with its last character made bad (the
    // same length), or an odd id.
    let mut near = d.event.id.clone();
    near.pop();
    near.push(':');
    let other_event = |r: &mut Rng| {
        if r.chance(50) {
            near.clone()
        } else {
            odd_id(r)
        }
    };
    match r.below(62) {
        // Ids of a bad shape, wherever an id is kept.
        0 => d.event.id = odd_id(r),
        1 => d.stages[0].id = odd_id(r),
        2 => d.stages[0].event_id = other_event(r),
        3 => d.sessions[s].id = odd_id(r),
        4 => d.sessions[s].event_id = other_event(r),
        5 => d.sessions[s].stage_id = odd_id(r),
        6 if !d.segments.is_empty() => d.segments[g].id = odd_id(r),
        7 if !d.segments.is_empty() => d.segments[g].session_id = odd_id(r),
        8 if !d.segments.is_empty() => d.segments[g].presenter_ids.push(odd_id(r)),
        9 => d.people[p].id = odd_id(r),
        10 => d.people[p].event_id = other_event(r),
        11 if !d.tasks.is_empty() => d.tasks[t].id = odd_id(r),
        12 if !d.tasks.is_empty() => d.tasks[t].event_id = other_event(r),
        13 if !d.tasks.is_empty() => d.tasks[t].session_id = Some(odd_id(r)),
        14 => d.custom_cues[c].id = odd_id(r),
        15 => d.custom_cues[c].session_id = odd_id(r),
        16 => d.custom_cues[c].segment_id = Some(odd_id(r)),
        17 => d.destinations[x].id = odd_id(r),
        18 => d.destinations[x].session_ids.push(odd_id(r)),
        19 if !d.brand_items.is_empty() => d.brand_items[b].id = odd_id(r),
        // Dangling references.
        20 => d.sessions[s].stage_id = ghost(),
        21 if !d.segments.is_empty() => d.segments[g].session_id = ghost(),
        22 if !d.segments.is_empty() => {
            // Nobody, or an id that exists but is not a person's.
            let who = if r.chance(50) {
                ghost()
            } else {
                d.sessions[s].id.clone()
            };
            d.segments[g].presenter_ids.push(who)
        }
        23 => d.custom_cues[c].session_id = ghost(),
        24 => {
            // A segment of another session, or none where the anchor needs one.
            let cue = &mut d.custom_cues[c];
            match d.segments.iter().find(|g| g.session_id != cue.session_id) {
                Some(other) if r.chance(50) => cue.segment_id = Some(other.id.clone()),
                _ => {
                    cue.segment_id = None;
                    cue.anchor = CueAnchor::SegmentEnd;
                }
            }
        }
        25 => d.destinations[x].session_ids.push(ghost()),
        // Duplicate ids (not refused here; the lookups must treat them alike).
        26 => {
            let mut copy = d.sessions[s].clone();
            if r.chance(50) {
                copy.stage_id = ghost();
            }
            d.sessions.insert(r.below(ns + 1), copy);
        }
        27 => {
            let copy = d.people[p].clone();
            d.people.push(copy);
        }
        28 => {
            let copy = d.stages[0].clone();
            d.stages.push(copy);
        }
        29 if !d.segments.is_empty() => {
            let mut copy = d.segments[g].clone();
            copy.session_id = d.sessions[s].id.clone();
            d.segments.push(copy);
        }
        // Times.
        30 => d.sessions[s].end = d.sessions[s].start - Duration::seconds(r.below(2) as i64),
        31 => {
            let years = r.pick(&[-200i64, 200, 300]);
            d.sessions[s].start += Duration::days(365 * years);
        }
        32 => d.sessions[s].end += Duration::days(365 * r.pick(&[180i64, 190])),
        33 => {
            d.event.kit_purchase_date =
                NaiveDate::from_ymd_opt(r.pick(&[1899, 1900, 2199, 2200]), 1, 1)
        }
        34 if !d.brand_items.is_empty() => {
            d.brand_items[b].due = NaiveDate::from_ymd_opt(r.pick(&[1899, 2200]), 6, 1)
        }
        // Numbers at and past their limits.
        35 => d.stages[0].position = edge(r, 0, validate::MAX_POSITION as i64).max(0) as u32,
        36 if !d.segments.is_empty() => {
            d.segments[g].position = edge(r, 0, validate::MAX_POSITION as i64).max(0) as u32
        }
        37 if !d.segments.is_empty() => {
            d.segments[g].duration_secs =
                edge(r, 0, validate::MAX_SEGMENT_SECS as i64).max(0) as u32
        }
        38 => d.custom_cues[c].offset_secs = edge(r, -24 * 3600, 24 * 3600),
        39 => d.custom_cues[c].lead_secs = edge(r, 0, 3600),
        40 => d.cue_settings[0].lead_secs = edge(r, 0, 3600),
        41 => d.event.kit_term_months = edge(r, 1, 120) as _,
        42 => d.event.support_budget_minutes = edge(r, 1, 1440) as _,
        43 => d.event.revision = edge(r, 0, validate::MAX_REVISION),
        44 => d.branding.due_days_before = edge(r, 0, validate::MAX_DUE_DAYS as i64).max(0) as u32,
        45 => d.destinations[x].position = edge(r, 0, validate::MAX_POSITION as i64).max(0) as u32,
        46 if !d.brand_items.is_empty() => {
            let spec = &mut d.brand_items[b].spec;
            let px = Some(edge(r, 1, validate::MAX_SPEC_PIXELS as i64).max(0) as u32);
            match r.below(8) {
                0 => spec.width = px,
                1 => spec.height = px,
                2 => spec.min_width = px,
                3 => spec.min_height = px,
                4 => spec.min_long_side = px,
                5 => spec.max_aspect = Some(r.pick(&[f64::NAN, 0.5, 1.0, 100.0, 100.5])),
                6 => spec.max_fps = Some(r.pick(&[0.0, f64::INFINITY, 60.0, 1000.0, 1000.5])),
                _ => spec.max_bytes = Some(r.pick(&[0, 1, validate::MAX_SPEC_BYTES + 1])),
            }
        }
        47 if !d.brand_items.is_empty() && !d.brand_items[b].files.is_empty() => {
            let f = &mut d.brand_items[b].files[0];
            match r.below(5) {
                0 => f.bytes = validate::MAX_FILE_BYTES + 1,
                1 => f.report.bytes = validate::MAX_FILE_BYTES + r.below(2) as u64,
                2 => f.report.width = Some(validate::MAX_FILE_PIXELS + 1),
                3 => f.report.height = Some(validate::MAX_FILE_PIXELS + r.below(2) as u32),
                _ => f.report.duration_ms = Some(validate::MAX_CLIP_MS + 1),
            }
        }
        // Texts, zones, locales, emails, URLs, presets.
        48 => d.event.name = r.pick(&["", "  "]).into(),
        49 => d.stages[0].name = "".into(),
        50 => d.sessions[s].title = " ".into(),
        51 if !d.segments.is_empty() => d.segments[g].title = "".into(),
        52 => d.people[p].name = "".into(),
        53 => d.custom_cues[c].text = "\t".into(),
        54 => d.event.time_zone = r.pick(&["Mars/Base", "", "Europe/Paris"]).into(),
        55 => d.people[p].time_zone = Some(r.pick(&["Moon/Crater", "Asia/Tokyo"]).into()),
        56 => d.event.locale = r.pick(&["xx", "fr-CA", "en"]).into(),
        57 => {
            d.people[p].email = r
                .pick(&["nobody", "a@b", "@x.org", "a b@c.org", " ok@fine.org "])
                .into()
        }
        58 => {
            d.destinations[x].name = if r.chance(50) {
                "n".repeat(121)
            } else {
                "é".repeat(120)
            }
        }
        59 => d.destinations[x].preset = "nope".into(),
        60 => {
            let bad = r.pick(&["http://x.org/app", "rtmp://", "", "rtmp://h.org/app?k=1"]);
            if r.chance(50) {
                d.destinations[x].server_url = bad.into();
            } else {
                d.destinations[x].backup_url = bad.into();
            }
        }
        61 if !d.brand_items.is_empty() => {
            let it = &mut d.brand_items[b];
            if r.chance(50) {
                it.status = AssetStatus::Rejected;
                it.reason = " ".into();
            } else if let Some(f) = it.files.first_mut() {
                f.sha256 = "AB".repeat(32);
            }
        }
        _ => {}
    }
}

/// The outcome of a check as text: `ok`, or the error's debug form and its message in both
/// languages.
fn outcome(r: showcall_core::Result<()>) -> String {
    match r {
        Ok(()) => "ok".into(),
        Err(e) => format!(
            "{e:?} | {} | {}",
            e.message(Lang::En),
            e.message(Lang::FrCa)
        ),
    }
}

#[test]
fn event_data_matches_the_plain_checks_on_random_events() {
    let (mut valid, mut fields) = (0, BTreeSet::new());
    for seed in 0..1500u64 {
        let mut r = Rng(seed);
        let mut d = valid_event(&mut r);
        let breaks = if r.chance(15) { 0 } else { 1 + r.below(4) };
        for _ in 0..breaks {
            break_one(&mut r, &mut d);
        }
        let slow = outcome(reference::event_data(&d));
        let fast = outcome(validate::event_data(&d));
        assert_eq!(slow, fast, "seed {seed}");
        match validate::event_data(&d) {
            Ok(()) => valid += 1,
            Err(showcall_core::Error::InvalidInput { field, .. }) => {
                fields.insert(field);
            }
            Err(e) => panic!("seed {seed}: {e:?}"),
        }
    }
    // The generator reaches valid events and most checks.
    assert!(valid > 200, "{valid} valid events");
    assert!(fields.len() > 45, "{} fields: {fields:?}", fields.len());
}

#[test]
fn ids_are_checked_byte_by_byte_as_before() {
    // Every byte alone, and each in the middle of a valid id.
    for b in 0..=255u8 {
        for text in [vec![b], vec![b'a', b, b'z']] {
            let value = String::from_utf8_lossy(&text).into_owned();
            assert_eq!(
                outcome(validate::id("f", &value)),
                outcome(reference::id("f", &value)),
                "byte {b:#04x}"
            );
        }
    }
    for len in [0, 1, 63, 64, 65, 200] {
        let value = "a".repeat(len);
        assert_eq!(
            outcome(validate::id("f", &value)),
            outcome(reference::id("f", &value)),
            "length {len}"
        );
    }
}

#[test]
fn the_conference_day_is_valid_both_ways() {
    let mut d = showcall_core::testing::conference(10, 20);
    showcall_core::tasks::sync(&mut d);
    assert_eq!(outcome(validate::event_data(&d)), "ok");
    assert_eq!(outcome(reference::event_data(&d)), "ok");
    d.segments[150].session_id = d.segments[3].id.clone();
    let broken = outcome(validate::event_data(&d));
    assert!(broken.contains("segment.sessionId"), "{broken}");
    assert_eq!(broken, outcome(reference::event_data(&d)));
}

/// A change an edit may make that keeps the event valid: one row's text or number.
fn change_one(r: &mut Rng, d: &mut EventData) {
    let g = r.below(d.segments.len().max(1));
    let s = r.below(d.sessions.len());
    let t = r.below(d.tasks.len().max(1));
    match r.below(4) {
        0 if !d.segments.is_empty() => d.segments[g].duration_secs = r.below(7200) as u32,
        1 if !d.segments.is_empty() => d.segments[g].title = format!("Part {}", r.below(99)),
        2 => d.sessions[s].title = format!("Session {}", r.below(99)),
        3 if !d.tasks.is_empty() => d.tasks[t].link = format!("https://example.com/{}", r.below(9)),
        _ => {}
    }
}

#[test]
fn the_check_of_an_edit_gives_what_the_whole_check_gives() {
    let mut fast_ok = 0;
    for seed in 0..1500u64 {
        let mut r = Rng(seed);
        let base = valid_event(&mut r);
        assert_eq!(outcome(validate::event_data(&base)), "ok", "seed {seed}");
        // A copy sharing the base's lists, as an edit makes it; then changed in place.
        let mut d = base.clone();
        for _ in 0..1 + r.below(3) {
            change_one(&mut r, &mut d);
        }
        if r.chance(70) {
            for _ in 0..1 + r.below(3) {
                break_one(&mut r, &mut d);
            }
        }
        let whole = outcome(validate::event_data(&d));
        let since = outcome(validate::event_data_since(&base, &d));
        assert_eq!(since, whole, "seed {seed}");
        fast_ok += usize::from(whole == "ok");
    }
    assert!(fast_ok > 300, "{fast_ok} valid edits");
}
