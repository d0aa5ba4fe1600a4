//! Restreaming (as first written: every destination searched for every session).

use super::{Ctx, Finding, Severity, Subject};
use crate::model::Destination;
use chrono::Duration;

/// A test older than this before the event's first session no longer proves much.
const STALE_DAYS: i64 = 7;

fn subject(x: &Destination) -> Subject {
    Subject {
        kind: "destination".into(),
        id: x.id.clone(),
        name: x.name.clone(),
    }
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let d = ctx.data;
    for s in d.sessions.iter().filter(|s| s.livestream && s.restream) {
        if !d.destinations.iter().any(|x| x.session_ids.contains(&s.id)) {
            out.push(ctx.finding(
                "restream_without_destination",
                Severity::Error,
                ctx.session_subject(&s.id),
                ctx.say(
                    format!(
                        "“{}” is restreamed but no RTMP destination lists it",
                        s.title
                    ),
                    format!(
                        "« {} » est rediffusée, mais aucune destination RTMP ne l’inclut",
                        s.title
                    ),
                ),
            ));
        }
    }
    let first = d.sessions.iter().map(|s| s.start).min();
    for (i, x) in d.destinations.iter().enumerate() {
        let name = &x.name;
        if x.session_ids.is_empty() {
            out.push(ctx.finding(
                "destination_without_sessions",
                Severity::Warning,
                subject(x),
                ctx.say(
                    format!("Destination “{name}” is used by no session"),
                    format!("La destination « {name} » n’est utilisée par aucune séance"),
                ),
            ));
        }
        if !x.has_key {
            out.push(ctx.finding(
                "destination_key_missing",
                Severity::Warning,
                subject(x),
                ctx.say(
                    format!("Destination “{name}” has no stream key yet"),
                    format!("La destination « {name} » n’a pas encore de clé de diffusion"),
                ),
            ));
        }
        match &x.last_test {
            None if x.has_key => out.push(ctx.finding(
                "destination_untested",
                Severity::Warning,
                subject(x),
                ctx.say(
                    format!("Destination “{name}” has not been tested"),
                    format!("La destination « {name} » n’a pas été testée"),
                ),
            )),
            Some(t) if !t.ok => out.push(ctx.finding(
                "destination_test_failed",
                Severity::Error,
                subject(x),
                ctx.say(
                    format!("Destination “{name}” failed its last test: {}", t.detail),
                    format!(
                        "La destination « {name} » a échoué à son dernier test : {}",
                        t.detail
                    ),
                ),
            )),
            Some(t) if first.is_some_and(|f| t.at < f - Duration::days(STALE_DAYS)) => {
                let days = first.map_or(0, |f| (f - t.at).num_days());
                out.push(ctx.finding(
                    "destination_test_stale",
                    Severity::Warning,
                    subject(x),
                    ctx.say(
                        format!(
                            "Destination “{name}” was last tested {days} days before the event: test it again closer to the day"
                        ),
                        format!(
                            "La destination « {name} » a été testée {days} jours avant l’événement : refaites le test plus près du jour J"
                        ),
                    ),
                ));
            }
            _ => {}
        }
        if let Ok(u) = crate::rtmp::check_url("destination.serverUrl", &x.server_url) {
            if u.port_given && ((u.tls && u.port == 1935) || (!u.tls && u.port == 443)) {
                let (scheme, usual) = if u.tls {
                    ("rtmps", 443)
                } else {
                    ("rtmp", 1935)
                };
                out.push(ctx.finding(
                    "destination_port_unusual",
                    Severity::Warning,
                    subject(x),
                    ctx.say(
                        format!(
                            "Destination “{name}” uses {scheme} on port {}: {scheme} usually runs on {usual}",
                            u.port
                        ),
                        format!(
                            "La destination « {name} » utilise {scheme} sur le port {} : {scheme} utilise d’habitude le port {usual}",
                            u.port
                        ),
                    ),
                ));
            }
        }
        let url = crate::rtmp::normalize_url(&x.server_url);
        let twin = d.destinations[..i].iter().find(|o| {
            o.name.trim().eq_ignore_ascii_case(x.name.trim())
                || (crate::rtmp::normalize_url(&o.server_url) == url
                    && (o.key_hint == x.key_hint || !o.has_key || !x.has_key))
        });
        if let Some(o) = twin {
            out.push(ctx.finding(
                "destination_duplicate",
                Severity::Warning,
                subject(x),
                ctx.say(
                    format!(
                        "Destination “{name}” looks like a duplicate of “{}” (same name, or same server and key)",
                        o.name
                    ),
                    format!(
                        "La destination « {name} » semble un doublon de « {} » (même nom, ou même serveur et même clé)",
                        o.name
                    ),
                ),
            ));
        }
    }
}
