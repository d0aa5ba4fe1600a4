//! Rules about people: someone presenting in two places at once, a speaker whose T−15 prep
//! collides with another session they present in (or with their prep for another session that
//! starts at the same time), a session nobody presents, and invitations not yet sent.
//!
//! The customer is told, once per person and pair of sessions, when a speaker is in two sessions
//! that overlap (at the same time) or that are less than 15 (rounded) minutes apart (no time for
//! the second prep); which finding carries it depends on which rule catches the pair.

use super::customer::{by_start, no_speaker, same_time, too_close};
use super::sweep::{crossing_pairs, overlapping_pairs, Span};
use super::{Ctx, Finding, Severity};
use crate::ids::{self, IdMap, IdSet};
use crate::model::Session;
use crate::schedule::SPEAKER_PREP;
use chrono::{DateTime, Utc};
use std::collections::BTreeSet;

type Slot<'a> = (&'a str, DateTime<Utc>, DateTime<Utc>);

/// Two session ids in id order: one key per pair.
fn pair<'a>(a: &'a str, b: &'a str) -> (&'a str, &'a str) {
    if a < b {
        (a, b)
    } else {
        (b, a)
    }
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let data = ctx.data;
    // The segments by id (the last of a repeated id).
    let mut by_id: IdMap<&str, &crate::model::Segment> = ids::map(data.segments.len());
    for g in data.segments.iter() {
        by_id.insert(g.id.as_str(), g);
    }
    // (person id, (session id, segment start, segment end)) for each segment they present in,
    // in the schedule's order; then by person, keeping that order (a stable sort of one flat
    // list: a list per person was most of this rule's time on a large event).
    let mut flat: Vec<(&str, Slot)> = Vec::with_capacity(data.segments.len());
    for s in &ctx.schedule.sessions {
        for st in &s.segments {
            let seg = by_id[st.segment_id.as_str()];
            for p in &seg.presenter_ids {
                flat.push((p.as_str(), (s.session_id.as_str(), st.start, st.end)));
            }
        }
    }
    flat.sort_by(|a, b| a.0.cmp(b.0));
    // Every rule below is about two sessions of one person: someone in a single session has
    // nothing to compare. The others by id.
    let slots: Vec<(&str, Vec<Slot>)> = flat
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.iter().any(|x| x.1 .0 != run[0].1 .0))
        .map(|run| (run[0].0, run.iter().map(|x| x.1).collect()))
        .collect();
    // The last session with each id (by id, as the rules always took them).
    let sessions: IdMap<&str, &Session> = if slots.is_empty() {
        IdMap::default()
    } else {
        data.sessions.iter().map(|s| (s.id.as_str(), s)).collect()
    };

    // (person, session ids in id order) already told to the customer as speaking at the same time.
    let mut told: BTreeSet<(&str, (&str, &str))> = BTreeSet::new();
    for (person, slots) in &slots {
        let mut reported: BTreeSet<(&str, &str)> = BTreeSet::new();
        let spans: Vec<Span> = slots.iter().map(|s| (s.1, s.2)).collect();
        for (i, j) in overlapping_pairs(&spans) {
            let (a, b) = (&slots[i], &slots[j]);
            if a.0 == b.0 {
                continue;
            }
            let key = pair(a.0, b.0);
            if !reported.insert(key) {
                continue;
            }
            let (sa, sb) = (sessions[key.0], sessions[key.1]);
            let (x, y) = if sa.start <= sb.start {
                (sa, sb)
            } else {
                (sb, sa)
            };
            let subject = ctx.person_subject(person);
            let name = &subject.name;
            let at = ctx.hm(a.1.max(b.1));
            // Segments can run past their session's end: only sessions that overlap are "at the
            // same time" for the customer.
            let hint = if x.end > y.start {
                told.insert((person, key));
                same_time(ctx, person, x, y)
            } else {
                None
            };
            let message = ctx.tell(
                || {
                    format!(
                        "{name} presents in “{}” and “{}” at the same time ({at})",
                        x.title, y.title
                    )
                },
                || {
                    format!(
                        "{name} présente dans « {} » et « {} » en même temps ({at})",
                        x.title, y.title
                    )
                },
            );
            out.push(
                ctx.finding("person_double_booked", Severity::Error, subject, message)
                    .for_customer(hint),
            );
        }
    }

    // Prep (T−15) of each session a person presents in vs. the other sessions they present in:
    // a session `t` that starts before `s` and ends after its prep, i.e. `t` overlaps
    // `[prep, start)`.
    for (person, slots) in &slots {
        let theirs: Vec<&Session> = slots
            .iter()
            .map(|s| s.0)
            .collect::<BTreeSet<&str>>()
            .into_iter()
            .map(|id| sessions[id])
            .collect();
        let preps: Vec<Span> = theirs
            .iter()
            .map(|s| (s.start - SPEAKER_PREP, s.start))
            .collect();
        let spans: Vec<Span> = theirs.iter().map(|t| (t.start, t.end)).collect();
        for (i, j) in crossing_pairs(&preps, &spans) {
            if i == j {
                continue;
            }
            let (s, t) = (theirs[i], theirs[j]);
            let prep = preps[i].0;
            let subject = ctx.person_subject(person);
            let name = &subject.name;
            let hint = if t.end > s.start {
                // Overlapping sessions, not told yet as a double booking.
                if told.contains(&(person, pair(&s.id, &t.id))) {
                    None
                } else {
                    same_time(ctx, person, t, s)
                }
            } else {
                too_close(ctx, person, t, s)
            };
            let (prep, until) = (ctx.hm(prep), ctx.hm(t.end));
            let message = ctx.tell(
                || format!(
                    "{name}'s prep for “{}” at {prep} overlaps “{}”, which they present in until {until}",
                    s.title, t.title
                ),
                || format!(
                    "La préparation de {name} pour « {} » à {prep} chevauche « {} », où cette personne présente jusqu’à {until}",
                    s.title, t.title
                ),
            );
            out.push(
                ctx.finding("prep_overlaps_session", Severity::Warning, subject, message)
                    .for_customer(hint),
            );
        }
        // Two sessions starting at the same time: both preps at once (the rule above only
        // compares with sessions that start earlier).
        let mut same = theirs;
        same.sort_by(|a, b| by_start(a, b));
        for (i, a) in same.iter().enumerate() {
            for b in same[i + 1..].iter().take_while(|b| b.start == a.start) {
                let hint = if told.contains(&(person, pair(&a.id, &b.id))) {
                    None
                } else {
                    same_time(ctx, person, a, b)
                };
                let subject = ctx.person_subject(person);
                let name = &subject.name;
                let (prep, start) = (ctx.hm(a.start - SPEAKER_PREP), ctx.hm(a.start));
                let message = ctx.tell(
                    || format!(
                        "{name}'s preps for “{}” and “{}” are both at {prep}: the two sessions start at {start}",
                        a.title, b.title
                    ),
                    || format!(
                        "Les préparations de {name} pour « {} » et « {} » ont lieu toutes deux à {prep} : les deux séances commencent à {start}",
                        a.title, b.title
                    ),
                );
                out.push(
                    ctx.finding("prep_overlaps_session", Severity::Warning, subject, message)
                        .for_customer(hint),
                );
            }
        }
    }

    // Sessions with at least one presenter in their run of show.
    let presented: IdSet<&str> = data
        .segments
        .iter()
        .filter(|g| !g.presenter_ids.is_empty())
        .map(|g| g.session_id.as_str())
        .collect();
    for s in &data.sessions {
        if !presented.contains(s.id.as_str()) {
            out.push(
                ctx.finding(
                    "session_without_presenter",
                    Severity::Warning,
                    ctx.session_subject(&s.id),
                    ctx.tell(
                        || format!("“{}” has no presenter in its run of show", s.title),
                        || {
                            format!(
                                "« {} » n’a aucun présentateur dans son déroulement",
                                s.title
                            )
                        },
                    ),
                )
                .for_customer(Some(no_speaker(ctx, s))),
            );
        }
    }

    for p in &data.people {
        if p.role.needs_invitation() && !p.invitation_sent {
            out.push(ctx.finding(
                "invitation_not_sent",
                Severity::Warning,
                ctx.person_subject(&p.id),
                ctx.tell(
                    || format!("{} has not been sent a speaker invitation", p.name),
                    || {
                        format!(
                            "{} n’a pas encore reçu d’invitation de conférencier",
                            p.name
                        )
                    },
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::rules::{check, codes_of};
    use crate::testing::*;

    #[test]
    fn a_speaker_on_two_stages_at_once_is_double_booked_once() {
        let mut d = event("UTC");
        let (a, b) = (stage(&mut d, "A"), stage(&mut d, "B"));
        let ana = speaker(&mut d, "Ana");
        let s1 = session(
            &mut d,
            &a,
            "One",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        let s2 = session(
            &mut d,
            &b,
            "Two",
            "2027-05-04T13:30:00Z",
            "2027-05-04T14:30:00Z",
        );
        segment(&mut d, &s1, "Talk", 1800, &[]);
        segment(&mut d, &s1, "Talk 2", 1800, &[&ana]); // 13:30–14:00
        segment(&mut d, &s2, "Panel", 1800, &[&ana]); // 13:30–14:00
        segment(&mut d, &s2, "Panel 2", 1800, &[&ana]);
        let f = check(&d, Lang::En);
        let dbl: Vec<_> = f
            .iter()
            .filter(|f| f.code == "person_double_booked")
            .collect();
        assert_eq!(dbl.len(), 1, "one finding per pair of sessions");
        assert_eq!(
            dbl[0].message,
            "Ana presents in “One” and “Two” at the same time (13:30)"
        );
    }

    #[test]
    fn overlapping_sessions_where_the_speaker_is_in_different_segments_are_fine() {
        let mut d = event("UTC");
        let (a, b) = (stage(&mut d, "A"), stage(&mut d, "B"));
        let ana = speaker(&mut d, "Ana");
        let s1 = session(
            &mut d,
            &a,
            "One",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        let s2 = session(
            &mut d,
            &b,
            "Two",
            "2027-05-04T13:30:00Z",
            "2027-05-04T14:30:00Z",
        );
        segment(&mut d, &s1, "Talk", 1800, &[&ana]); // 13:00–13:30
        segment(&mut d, &s2, "Other", 3600, &[]);
        segment(&mut d, &s2, "Late", 60, &[&ana]);
        assert!(!codes_of(&check(&d, Lang::En)).contains(&"person_double_booked"));
    }

    #[test]
    fn presenting_until_ten_minutes_before_your_next_session_collides_with_its_prep() {
        let mut d = event("UTC");
        let (a, b) = (stage(&mut d, "A"), stage(&mut d, "B"));
        let ana = speaker(&mut d, "Ana");
        let s1 = session(
            &mut d,
            &a,
            "One",
            "2027-05-04T13:00:00Z",
            "2027-05-04T13:50:00Z",
        );
        let s2 = session(
            &mut d,
            &b,
            "Two",
            "2027-05-04T14:00:00Z",
            "2027-05-04T15:00:00Z",
        );
        segment(&mut d, &s1, "Talk", 3000, &[&ana]);
        segment(&mut d, &s2, "Talk", 3600, &[&ana]);
        let f = check(&d, Lang::En);
        let p = f
            .iter()
            .find(|f| f.code == "prep_overlaps_session")
            .expect("prep overlap");
        assert_eq!(
            p.message,
            "Ana's prep for “Two” at 13:45 overlaps “One”, which they present in until 13:50"
        );
        d.sessions[0].end = utc("2027-05-04T13:45:00Z");
        assert!(!codes_of(&check(&d, Lang::En)).contains(&"prep_overlaps_session"));
    }

    #[test]
    fn a_session_nobody_presents_is_flagged() {
        let mut d = event("UTC");
        let a = stage(&mut d, "A");
        let s = session(
            &mut d,
            &a,
            "Empty",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        segment(&mut d, &s, "Clip", 60, &[]);
        assert!(codes_of(&check(&d, Lang::En)).contains(&"session_without_presenter"));
    }

    #[test]
    fn speakers_without_invitation_are_flagged_but_producers_are_not() {
        let mut d = event("UTC");
        let ana = speaker(&mut d, "Ana");
        let bob = speaker(&mut d, "Bob");
        d.people.iter_mut().for_each(|p| p.invitation_sent = false);
        d.people.iter_mut().find(|p| p.id == bob).unwrap().role = crate::model::Role::Producer;
        let f = check(&d, Lang::FrCa);
        let inv: Vec<_> = f
            .iter()
            .filter(|f| f.code == "invitation_not_sent")
            .collect();
        assert_eq!(inv.len(), 1);
        assert_eq!(inv[0].subject.id, ana);
        assert_eq!(
            inv[0].message,
            "Ana n’a pas encore reçu d’invitation de conférencier"
        );
    }
}
