//! People: double bookings, preps, presenters, invitations (as first written: every pair of
//! a person's segments and sessions).

use super::customer::{by_start, no_speaker, same_time, too_close};
use super::{Ctx, Finding, Severity};
use crate::model::Session;
use crate::schedule::SPEAKER_PREP;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, BTreeSet, HashMap};

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
    // person id → (session id, segment start, segment end) for each segment they present in.
    let mut slots: BTreeMap<&str, Vec<Slot>> = BTreeMap::new();
    let by_id: HashMap<&str, &crate::model::Segment> =
        data.segments.iter().map(|g| (g.id.as_str(), g)).collect();
    let sessions: HashMap<&str, &crate::model::Session> =
        data.sessions.iter().map(|s| (s.id.as_str(), s)).collect();
    for s in &ctx.schedule.sessions {
        for st in &s.segments {
            let seg = by_id[st.segment_id.as_str()];
            for p in &seg.presenter_ids {
                slots.entry(p.as_str()).or_default().push((
                    s.session_id.as_str(),
                    st.start,
                    st.end,
                ));
            }
        }
    }

    // (person, session ids in id order) already told to the customer as speaking at the same time.
    let mut told: BTreeSet<(&str, (&str, &str))> = BTreeSet::new();
    for (person, slots) in &slots {
        let mut reported: BTreeSet<(&str, &str)> = BTreeSet::new();
        for (i, a) in slots.iter().enumerate() {
            for b in &slots[i + 1..] {
                if a.0 != b.0 && a.1 < b.2 && b.1 < a.2 {
                    let key = pair(a.0, b.0);
                    if reported.insert(key) {
                        let (sa, sb) = (sessions[key.0], sessions[key.1]);
                        let (x, y) = if sa.start <= sb.start {
                            (sa, sb)
                        } else {
                            (sb, sa)
                        };
                        let name = &ctx.person_subject(person).name;
                        let at = ctx.hm(a.1.max(b.1));
                        // Segments can run past their session's end: only sessions that overlap
                        // are "at the same time" for the customer.
                        let hint = if x.end > y.start {
                            told.insert((person, key));
                            same_time(ctx, person, x, y)
                        } else {
                            None
                        };
                        let message = ctx.say(
                            format!(
                                "{name} presents in “{}” and “{}” at the same time ({at})",
                                x.title, y.title
                            ),
                            format!(
                                "{name} présente dans « {} » et « {} » en même temps ({at})",
                                x.title, y.title
                            ),
                        );
                        let subject = ctx.person_subject(person);
                        out.push(
                            ctx.finding("person_double_booked", Severity::Error, subject, message)
                                .for_customer(hint),
                        );
                    }
                }
            }
        }
    }

    // Prep (T−15) of each session a person presents in vs. the other sessions they present in.
    for (person, slots) in &slots {
        let theirs: BTreeSet<&str> = slots.iter().map(|s| s.0).collect();
        for sid in &theirs {
            let s = sessions[sid];
            let (prep, start) = (s.start - SPEAKER_PREP, s.start);
            for tid in &theirs {
                let t = sessions[tid];
                if tid != sid && t.start < start && t.end > prep {
                    let name = &ctx.person_subject(person).name;
                    let hint = if t.end > s.start {
                        // Overlapping sessions, not told yet as a double booking.
                        if told.contains(&(person, pair(sid, tid))) {
                            None
                        } else {
                            same_time(ctx, person, t, s)
                        }
                    } else {
                        too_close(ctx, person, t, s)
                    };
                    let message = ctx.say(
                        format!(
                            "{name}'s prep for “{}” at {} overlaps “{}”, which they present in until {}",
                            s.title, ctx.hm(prep), t.title, ctx.hm(t.end)
                        ),
                        format!(
                            "La préparation de {name} pour « {} » à {} chevauche « {} », où cette personne présente jusqu’à {}",
                            s.title, ctx.hm(prep), t.title, ctx.hm(t.end)
                        ),
                    );
                    let subject = ctx.person_subject(person);
                    out.push(
                        ctx.finding("prep_overlaps_session", Severity::Warning, subject, message)
                            .for_customer(hint),
                    );
                }
            }
        }
        // Two sessions starting at the same time: both preps at once (the rule above only
        // compares with sessions that start earlier).
        let mut same: Vec<&Session> = theirs.iter().map(|id| sessions[id]).collect();
        same.sort_by(|a, b| by_start(a, b));
        for (i, a) in same.iter().enumerate() {
            for b in same[i + 1..].iter().take_while(|b| b.start == a.start) {
                let hint = if told.contains(&(person, pair(&a.id, &b.id))) {
                    None
                } else {
                    same_time(ctx, person, a, b)
                };
                let name = &ctx.person_subject(person).name;
                let (prep, start) = (ctx.hm(a.start - SPEAKER_PREP), ctx.hm(a.start));
                let message = ctx.say(
                    format!(
                        "{name}'s preps for “{}” and “{}” are both at {prep}: the two sessions start at {start}",
                        a.title, b.title
                    ),
                    format!(
                        "Les préparations de {name} pour « {} » et « {} » ont lieu toutes deux à {prep} : les deux séances commencent à {start}",
                        a.title, b.title
                    ),
                );
                let subject = ctx.person_subject(person);
                out.push(
                    ctx.finding("prep_overlaps_session", Severity::Warning, subject, message)
                        .for_customer(hint),
                );
            }
        }
    }

    for s in &data.sessions {
        if data.presenters_of(&s.id).is_empty() {
            out.push(
                ctx.finding(
                    "session_without_presenter",
                    Severity::Warning,
                    ctx.session_subject(&s.id),
                    ctx.say(
                        format!("“{}” has no presenter in its run of show", s.title),
                        format!(
                            "« {} » n’a aucun présentateur dans son déroulement",
                            s.title
                        ),
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
                ctx.say(
                    format!("{} has not been sent a speaker invitation", p.name),
                    format!(
                        "{} n’a pas encore reçu d’invitation de conférencier",
                        p.name
                    ),
                ),
            ));
        }
    }
}
