//! The destinations sheet: one printable HTML page per event listing where each session is
//! restreamed (server, backup, sessions, encoder advice, last test). Stream keys are never in
//! it, nor any part of them: only whether a key is on file. The last test shows only whether
//! it passed and when (its detail stays in the app). The sheet is printed, sent and put in
//! handoff packages, so it carries nothing that helps guess a key.

use crate::i18n::Lang;
use crate::model::EventData;
use chrono_tz::Tz;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The sheet as a standalone HTML document (no external resources; prints on A4/Letter).
pub fn sheet_html(d: &EventData, lang: Lang) -> String {
    let fr = lang == Lang::FrCa;
    let say = |en: &'static str, f: &'static str| if fr { f } else { en };
    let tz: Tz = d.event.time_zone.parse().unwrap_or(Tz::UTC);
    let fmt = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
    };
    let mut h = String::new();
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — {}</title>\n",
        if fr { "fr-CA" } else { "en" },
        esc(say("RTMP destinations", "Destinations RTMP")),
        esc(&d.event.name)
    ));
    h.push_str("<style>body{font:11pt/1.4 system-ui,sans-serif;margin:1.5cm;color:#111}h1{font-size:16pt;margin:0 0 .2em}p.meta{color:#555;margin:0 0 1em}section{border:1px solid #999;padding:.6em .8em;margin:0 0 .8em;break-inside:avoid}h2{font-size:13pt;margin:0 0 .3em}dl{display:grid;grid-template-columns:10em 1fr;gap:.15em .8em;margin:0}dt{color:#555}dd{margin:0;overflow-wrap:anywhere}code{font:10pt ui-monospace,monospace}</style>\n</head>\n<body>\n");
    h.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"meta\">{} · {} · {}</p>\n",
        esc(say("RTMP destinations", "Destinations RTMP")),
        esc(&d.event.name),
        esc(&d.event.customer),
        esc(&d.event.time_zone)
    ));
    if d.destinations.is_empty() {
        h.push_str(&format!(
            "<p>{}</p>\n",
            esc(say("No destination.", "Aucune destination."))
        ));
    }
    for x in &d.destinations {
        let preset = super::rtmp::preset(&x.preset);
        let row = |h: &mut String, k: &str, v: String| {
            h.push_str(&format!("<dt>{}</dt><dd>{}</dd>\n", esc(k), v));
        };
        h.push_str(&format!(
            "<section class=\"destination\" data-id=\"{}\">\n<h2>{}</h2>\n<dl>\n",
            esc(&x.id),
            esc(&x.name)
        ));
        row(
            &mut h,
            say("Platform", "Plateforme"),
            esc(preset.map_or(x.preset.as_str(), |p| p.name.as_str())),
        );
        row(
            &mut h,
            say("Server URL", "URL du serveur"),
            format!("<code>{}</code>", esc(&x.server_url)),
        );
        if !x.backup_url.is_empty() {
            row(
                &mut h,
                say("Backup URL", "URL de relève"),
                format!("<code>{}</code>", esc(&x.backup_url)),
            );
        }
        // Not even the key's last four characters (the hint the app shows): a sheet travels.
        let key = if x.has_key {
            say("on file (not printed)", "reçue (non imprimée)")
        } else {
            say("not received yet", "pas encore reçue")
        };
        row(&mut h, say("Stream key", "Clé de diffusion"), esc(key));
        let sessions: Vec<String> = x
            .session_ids
            .iter()
            .filter_map(|id| d.session(id))
            .map(|s| format!("{} ({} – {})", s.title, fmt(s.start), fmt(s.end)))
            .collect();
        row(
            &mut h,
            say("Sessions", "Séances"),
            if sessions.is_empty() {
                "—".into()
            } else {
                sessions
                    .iter()
                    .map(|s| esc(s))
                    .collect::<Vec<_>>()
                    .join("<br>")
            },
        );
        let status = match x.status {
            crate::model::DestinationStatus::Requested => {
                say("details requested", "détails demandés")
            }
            crate::model::DestinationStatus::Received => say("details received", "détails reçus"),
        };
        row(&mut h, say("Status", "Statut"), esc(status));
        let test = match &x.last_test {
            None => say("not tested", "non testée").to_string(),
            // Whether it passed and when; the detail (hosts, stages, server replies) stays out.
            Some(t) => format!(
                "{} {}",
                if t.ok {
                    say("OK", "réussi")
                } else {
                    say("FAILED", "ÉCHEC")
                },
                fmt(t.at)
            ),
        };
        row(&mut h, say("Last test", "Dernier test"), esc(&test));
        if let Some(p) = preset {
            let advice = p
                .advice
                .get(if fr { "fr-CA" } else { "en" })
                .cloned()
                .unwrap_or_default();
            row(&mut h, say("Encoder", "Encodeur"), esc(&advice));
        }
        h.push_str("</dl>\n</section>\n");
    }
    h.push_str("</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Destination, DestinationStatus};
    use crate::testing::*;

    #[test]
    fn the_sheet_escapes_names_and_never_prints_a_key() {
        let mut d = event("America/Toronto");
        d.event.name = "Gala <R&D>".into();
        let a = stage(&mut d, "A");
        let s = session(
            &mut d,
            &a,
            "Keynote",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        d.destinations.push(Destination {
            id: "d1".into(),
            event_id: d.event.id.clone(),
            position: 0,
            name: "YouTube \"main\"".into(),
            preset: "youtube".into(),
            server_url: "rtmps://a.rtmps.youtube.com:443/live2".into(),
            backup_url: String::new(),
            session_ids: vec![s],
            status: DestinationStatus::Received,
            has_key: true,
            key_hint: "wxyz".into(),
            last_test: None,
            key_entered_for: None,
        });
        let html = sheet_html(&d, Lang::En);
        assert!(html.contains("<title>RTMP destinations — Gala &lt;R&amp;D&gt;</title>"));
        assert!(html.contains("YouTube &quot;main&quot;"));
        assert!(html.contains("Keynote (2027-05-04 09:00 – 2027-05-04 10:00)"));
        assert!(html.contains("on file (not printed)"));
        let fr = sheet_html(&d, Lang::FrCa);
        assert!(fr.contains("Clé de diffusion") && fr.contains("non testée"));
    }

    #[test]
    fn the_sheet_shows_neither_the_key_hint_nor_the_test_detail() {
        use crate::model::DestinationTest;
        let mut d = event("America/Toronto");
        let a = stage(&mut d, "A");
        let s = session(
            &mut d,
            &a,
            "Keynote",
            "2027-05-04T13:00:00Z",
            "2027-05-04T14:00:00Z",
        );
        let key = "live_8k2p-Zq4r-77xy-secretkey";
        let detail = "publish refused by 203.0.113.9:1935 (stage publish, key live_8k2p…)";
        let dest = |id: &str, ok: bool| Destination {
            id: id.into(),
            event_id: d.event.id.clone(),
            position: 0,
            name: format!("Destination {id}"),
            preset: "custom".into(),
            server_url: "rtmp://203.0.113.9:1935/live".into(),
            backup_url: String::new(),
            session_ids: vec![s.clone()],
            status: DestinationStatus::Received,
            has_key: true,
            key_hint: key[key.len() - 4..].into(),
            last_test: Some(DestinationTest {
                at: utc("2027-05-01T18:30:00Z"),
                ok,
                detail: detail.into(),
                published: true,
            }),
            key_entered_for: None,
        };
        let (ok, failed) = (dest("d1", true), dest("d2", false));
        d.destinations.extend([ok, failed]);
        for lang in [Lang::En, Lang::FrCa] {
            let html = sheet_html(&d, lang);
            assert!(!html.contains(key));
            assert!(!html.contains(&key[key.len() - 4..]), "the key hint");
            assert!(!html.contains("••••"));
            assert!(!html.contains("203.0.113.9:1935 ("), "the test detail");
            assert!(!html.contains("live_8k2p"));
        }
        let en = sheet_html(&d, Lang::En);
        assert!(en.contains("<dd>OK 2027-05-01 14:30</dd>"), "{en}");
        assert!(en.contains("<dd>FAILED 2027-05-01 14:30</dd>"), "{en}");
        assert!(en.contains("<dd>on file (not printed)</dd>"), "{en}");
        let fr = sheet_html(&d, Lang::FrCa);
        assert!(fr.contains("<dd>réussi 2027-05-01 14:30</dd>"), "{fr}");
        assert!(fr.contains("<dd>reçue (non imprimée)</dd>"), "{fr}");
    }
}
