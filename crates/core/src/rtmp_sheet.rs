//! The destinations sheet: one printable HTML page per event listing where each session is
//! restreamed (server, backup, sessions, encoder advice, last test). Stream keys are never in
//! it: only whether a key is on file and its last four characters.

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
        let key = match (x.has_key, x.key_hint.is_empty()) {
            (false, _) => say("not received yet", "pas encore reçue").to_string(),
            (true, true) => say("on file (not printed)", "reçue (non imprimée)").to_string(),
            (true, false) => format!(
                "{} ••••{}",
                say(
                    "on file (not printed), ends with",
                    "reçue (non imprimée), se termine par"
                ),
                x.key_hint
            ),
        };
        row(&mut h, say("Stream key", "Clé de diffusion"), esc(&key));
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
            Some(t) => format!(
                "{} {} — {}",
                if t.ok {
                    say("OK", "réussi")
                } else {
                    say("FAILED", "ÉCHEC")
                },
                fmt(t.at),
                t.detail
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
        });
        let html = sheet_html(&d, Lang::En);
        assert!(html.contains("<title>RTMP destinations — Gala &lt;R&amp;D&gt;</title>"));
        assert!(html.contains("YouTube &quot;main&quot;"));
        assert!(html.contains("Keynote (2027-05-04 09:00 – 2027-05-04 10:00)"));
        assert!(html.contains("ends with ••••wxyz"));
        let fr = sheet_html(&d, Lang::FrCa);
        assert!(fr.contains("Clé de diffusion") && fr.contains("non testée"));
    }
}
