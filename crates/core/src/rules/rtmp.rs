//! Rules about restreaming: every restreamed session has somewhere to go, and every destination
//! has its key, a recent passing connection test, and no twin.

use super::{Ctx, Finding, Severity, Subject};
use crate::model::Destination;
use chrono::Duration;
use std::collections::HashSet;

/// A test older than this before the event's first session no longer proves much.
pub const STALE_DAYS: i64 = 7;

fn subject(x: &Destination) -> Subject {
    Subject {
        kind: "destination".into(),
        id: x.id.clone(),
        name: x.name.clone(),
    }
}

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    let d = ctx.data;
    // Every session some destination lists: one pass, not one search per session.
    let listed: HashSet<&str> = d
        .destinations
        .iter()
        .flat_map(|x| x.session_ids.iter().map(String::as_str))
        .collect();
    for s in d.sessions.iter().filter(|s| s.livestream && s.restream) {
        if !listed.contains(s.id.as_str()) {
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
    let urls: Vec<String> = d
        .destinations
        .iter()
        .map(|x| crate::rtmp::normalize_url(&x.server_url))
        .collect();
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
        let url = &urls[i];
        let twin = d.destinations[..i].iter().zip(&urls).find(|(o, o_url)| {
            o.name.trim().eq_ignore_ascii_case(x.name.trim())
                || (*o_url == url && (o.key_hint == x.key_hint || !o.has_key || !x.has_key))
        });
        let twin = twin.map(|(o, _)| o);
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

#[cfg(test)]
mod tests {
    use crate::i18n::Lang;
    use crate::model::{Destination, DestinationStatus, DestinationTest};
    use crate::rules::{check, codes_of};
    use crate::testing::*;

    fn dest(name: &str, url: &str, sessions: &[&str]) -> Destination {
        Destination {
            id: crate::model::new_id(),
            event_id: String::new(),
            position: 0,
            name: name.into(),
            preset: "custom".into(),
            server_url: url.into(),
            backup_url: String::new(),
            session_ids: sessions.iter().map(|s| s.to_string()).collect(),
            status: DestinationStatus::Received,
            has_key: true,
            key_hint: "wxyz".into(),
            last_test: Some(DestinationTest {
                at: utc("2027-05-03T12:00:00Z"),
                ok: true,
                detail: "connect".into(),
                published: false,
            }),
            key_entered_for: None,
        }
    }

    fn rtmp_codes(d: &crate::EventData) -> Vec<String> {
        let mut c: Vec<String> = codes_of(&check(d, Lang::En))
            .into_iter()
            .filter(|c| c.contains("destination") || c.contains("restream"))
            .map(str::to_string)
            .collect();
        c.sort();
        c
    }

    #[test]
    fn a_restreamed_session_needs_a_destination_and_each_destination_its_key_and_test() {
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        let s = session(
            &mut d,
            &a,
            "Keynote",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        d.sessions[0].restream = true;
        assert_eq!(rtmp_codes(&d), ["restream_without_destination"]);

        d.destinations
            .push(dest("YouTube", "rtmps://a.rtmps.youtube.com/live2", &[&s]));
        assert!(rtmp_codes(&d).is_empty(), "{:?}", rtmp_codes(&d));

        d.destinations[0].last_test.as_mut().unwrap().at = utc("2027-04-20T12:00:00Z");
        assert_eq!(rtmp_codes(&d), ["destination_test_stale"]);
        let msg = &check(&d, Lang::FrCa)
            .into_iter()
            .find(|f| f.code == "destination_test_stale")
            .unwrap()
            .message;
        assert!(msg.contains("14 jours"), "{msg}");

        d.destinations[0].last_test.as_mut().unwrap().ok = false;
        assert_eq!(rtmp_codes(&d), ["destination_test_failed"]);
        d.destinations[0].last_test = None;
        assert_eq!(rtmp_codes(&d), ["destination_untested"]);
        d.destinations[0].has_key = false;
        assert_eq!(rtmp_codes(&d), ["destination_key_missing"]);
    }

    #[test]
    fn twins_unused_destinations_and_odd_ports_are_flagged() {
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        let s = session(
            &mut d,
            &a,
            "Keynote",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        d.destinations
            .push(dest("CDN", "rtmp://cdn.example.com/live", &[&s]));
        d.destinations
            .push(dest("CDN copy", "RTMP://CDN.example.com:1935/live/", &[&s]));
        d.destinations
            .push(dest("Odd", "rtmps://ingest.example.com:1935/app", &[]));
        let mut got = rtmp_codes(&d);
        got.dedup();
        assert_eq!(
            got,
            [
                "destination_duplicate",
                "destination_port_unusual",
                "destination_without_sessions"
            ]
        );
        // Same server, another key: not a twin.
        d.destinations[1].key_hint = "abcd".into();
        assert!(!rtmp_codes(&d).contains(&"destination_duplicate".to_string()));
    }
}
