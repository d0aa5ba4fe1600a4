//! RTMP destinations, the domain side: the platform presets (a data file under `assets/`), the
//! checks on a server URL and a stream key, and splitting a key pasted into a URL. The
//! connection test itself is the `showcall-rtmp` crate (network code stays out of the core).

pub use crate::error::RtmpProblem as Problem;
use crate::error::{Error, Invalid, Result};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A platform preset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Preset {
    pub id: String,
    pub name: String,
    pub server_url: String,
    pub backup_url: String,
    /// Encoder advice in each language (`en`, `fr-CA`).
    pub advice: std::collections::BTreeMap<String, String>,
    /// Where the details come from.
    pub source: String,
}

#[derive(Deserialize)]
struct PresetFile {
    presets: Vec<Preset>,
}

/// The presets shipped in `assets/rtmp-presets.json`.
pub fn presets() -> &'static [Preset] {
    static PRESETS: std::sync::OnceLock<Vec<Preset>> = std::sync::OnceLock::new();
    PRESETS.get_or_init(|| {
        serde_json::from_str::<PresetFile>(include_str!("../../../assets/rtmp-presets.json"))
            .expect("assets/rtmp-presets.json is valid (tested)")
            .presets
    })
}

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    presets().iter().find(|p| p.id == id)
}

/// A connection test's result as the UI shows it (the `showcall-rtmp` report, carried across
/// the IPC boundary): each stage attempted, in order, up to the first that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionTest {
    pub ok: bool,
    pub stages: Vec<TestStage>,
}

impl ConnectionTest {
    /// One line for a destination's status: how far the test went, or where and why it failed.
    pub fn summary(&self) -> String {
        match self.stages.iter().find(|s| !s.ok).or(self.stages.last()) {
            Some(s) if !s.ok => format!("{}: {}", s.stage, s.detail),
            Some(s) => format!("{} OK", s.stage),
            None => String::new(),
        }
    }
}

/// One stage of a connection test: `resolve`, `tcp`, `tls`, `handshake`, `connect`, `publish`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TestStage {
    pub stage: String,
    pub ok: bool,
    #[ts(type = "number")]
    pub ms: u64,
    pub detail: String,
}

/// A server URL, taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerUrl {
    pub tls: bool,
    pub host: String,
    /// The port written, or the default (1935 for rtmp, 443 for rtmps).
    pub port: u16,
    pub port_given: bool,
    /// Path segments after the host (the application, and anything after it).
    pub segments: Vec<String>,
}

/// Parses and checks a server URL: `rtmp://` or `rtmps://`, a host and an application, and
/// nothing secret in it (no stream key at the end, no `user:password@`, no `#fragment`, no
/// `?query` but a preset's own). The error says which part is wrong, never what it holds.
pub fn check_url(field: &str, url: &str) -> Result<ServerUrl> {
    let bad = |p: Problem| Error::invalid(field, Invalid::Rtmp(p));
    let url = url.trim();
    if url.is_empty() {
        return Err(Error::invalid(field, Invalid::Empty));
    }
    let parsed = url::Url::parse(url).map_err(|_| bad(Problem::NotAUrl))?;
    let tls = match parsed.scheme() {
        "rtmp" => false,
        "rtmps" => true,
        other => return Err(bad(Problem::Scheme(other.to_string()))),
    };
    // Credentials and query strings are secrets as much as a key is: refused (never quoted),
    // so they are neither stored nor logged by a connection test.
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(bad(Problem::UserInfo));
    }
    if parsed.query().is_some() && !published_query(&parsed) {
        return Err(bad(Problem::Query));
    }
    if parsed.fragment().is_some() {
        return Err(bad(Problem::Fragment));
    }
    let host = parsed
        .host_str()
        .filter(|h| !h.is_empty())
        .ok_or_else(|| bad(Problem::NoHost))?
        .to_string();
    let segments: Vec<String> = parsed
        .path_segments()
        .map(|s| s.filter(|x| !x.is_empty()).map(str::to_string).collect())
        .unwrap_or_default();
    if segments.is_empty() {
        return Err(bad(Problem::NoApp));
    }
    let out = ServerUrl {
        tls,
        host,
        port: parsed.port().unwrap_or(if tls { 443 } else { 1935 }),
        port_given: parsed.port().is_some(),
        segments,
    };
    if split_key(url).is_some() {
        return Err(bad(Problem::KeyInUrl));
    }
    Ok(out)
}

/// Whether a URL with a query string is exactly a preset's published URL (YouTube's backup
/// ingest ends in `?backup=1`): the only query string an ingest URL may carry.
fn published_query(url: &url::Url) -> bool {
    let norm = normalize_url(url.as_str());
    presets()
        .iter()
        .flat_map(|p| [&p.server_url, &p.backup_url])
        .filter_map(|u| url::Url::parse(u).ok())
        .any(|p| p.query() == url.query() && normalize_url(p.as_str()) == norm)
}

/// Whether a path segment looks like a stream key rather than an application name: long, and
/// mixing letters with digits (YouTube `abcd-1234-…`, Twitch `live_123_abc…`, Facebook `FB-…`).
fn looks_like_key(seg: &str) -> bool {
    let letters = seg.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let digits = seg.chars().filter(|c| c.is_ascii_digit()).count();
    seg.chars().count() >= 16 && letters > 0 && digits > 0
}

/// When `url` ends with what looks like a stream key (after a known preset's application, or
/// a long letters-and-digits segment after the application), the URL without it and the key.
pub fn split_key(url: &str) -> Option<(String, String)> {
    let url = url.trim();
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "rtmp" | "rtmps") || parsed.query().is_some() {
        return None;
    }
    let segs: Vec<&str> = parsed.path_segments()?.filter(|s| !s.is_empty()).collect();
    let last = *segs.last()?;
    let (head, _) = url.trim_end_matches('/').rsplit_once('/')?;
    // A preset's URL followed by one more segment: that segment is the key.
    let after_preset = presets().iter().any(|p| {
        !p.server_url.is_empty()
            && head.trim_end_matches('/') == p.server_url.trim_end_matches('/')
            && segs.len() >= 2
    });
    if (segs.len() >= 2 && looks_like_key(last)) || after_preset {
        let base = if after_preset {
            presets()
                .iter()
                .find(|p| {
                    !p.server_url.is_empty()
                        && head.trim_end_matches('/') == p.server_url.trim_end_matches('/')
                })
                .map(|p| p.server_url.clone())
                .unwrap_or_else(|| head.to_string())
        } else {
            head.to_string()
        };
        let key = url::form_urlencoded::parse(format!("k={last}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_else(|| last.to_string());
        return Some((base, key));
    }
    None
}

/// Checks a stream key: not empty, no whitespace, no invisible or control characters. The
/// error names the position, never the key.
pub fn check_key(field: &str, key: &str) -> Result<()> {
    if key.is_empty() {
        return Err(Error::invalid(field, Invalid::Empty));
    }
    for (i, c) in key.chars().enumerate() {
        let pos = i + 1;
        if c.is_whitespace() && !is_invisible(c) {
            return Err(Error::invalid(field, Invalid::Rtmp(Problem::KeySpace(pos))));
        }
        if c.is_control() || is_invisible(c) {
            return Err(Error::invalid(
                field,
                Invalid::Rtmp(Problem::KeyInvisible(pos, char_name(c))),
            ));
        }
    }
    Ok(())
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

fn char_name(c: char) -> String {
    let name = match c {
        '\u{00A0}' => "no-break space",
        '\u{00AD}' => "soft hyphen",
        '\u{200B}' => "zero-width space",
        '\u{200C}' => "zero-width non-joiner",
        '\u{200D}' => "zero-width joiner",
        '\u{200E}' | '\u{200F}' => "direction mark",
        '\u{2060}' => "word joiner",
        '\u{FEFF}' => "byte order mark",
        '\t' => "tab",
        _ if c.is_control() => "control character",
        _ => "format character",
    };
    format!("{name}, U+{:04X}", c as u32)
}

/// The hint shown for a key: its last four characters, for keys of twelve or more.
pub fn key_hint(key: &str) -> String {
    let n = key.chars().count();
    if n >= 12 {
        key.chars().skip(n - 4).collect()
    } else {
        String::new()
    }
}

/// A URL for comparing destinations: lower-case scheme and host, default port written, no
/// trailing slash.
pub fn normalize_url(url: &str) -> String {
    match url::Url::parse(url.trim()) {
        Ok(u) => {
            let tls = u.scheme() == "rtmps";
            let port = u.port().unwrap_or(if tls { 443 } else { 1935 });
            format!(
                "{}://{}:{}{}",
                u.scheme(),
                u.host_str().unwrap_or_default().to_lowercase(),
                port,
                u.path().trim_end_matches('/')
            )
        }
        Err(_) => url.trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn problem(r: Result<ServerUrl>) -> Problem {
        match r {
            Err(Error::InvalidInput {
                reason: Invalid::Rtmp(p),
                ..
            }) => p,
            other => panic!("expected an RTMP problem, got {other:?}"),
        }
    }

    #[test]
    fn presets_load_and_each_known_url_passes_the_checks() {
        let ids: Vec<&str> = presets().iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["youtube", "facebook", "twitch", "vimeo", "custom"]);
        for p in presets() {
            assert!(p.advice.contains_key("en") && p.advice.contains_key("fr-CA"));
            assert!(!p.source.is_empty());
            if !p.server_url.is_empty() {
                check_url("destination.serverUrl", &p.server_url).unwrap();
            }
            if !p.backup_url.is_empty() {
                check_url("destination.backupUrl", &p.backup_url).unwrap();
            }
        }
    }

    #[test]
    fn urls_are_checked_with_the_reason() {
        let u = check_url("f", "rtmp://live.twitch.tv/app").unwrap();
        assert_eq!((u.tls, u.port, u.port_given), (false, 1935, false));
        let u = check_url("f", "rtmps://a.rtmps.youtube.com:443/live2").unwrap();
        assert_eq!(
            (u.tls, u.port, u.host.as_str()),
            (true, 443, "a.rtmps.youtube.com")
        );
        let u = check_url("f", "rtmps://ingest.example.com/live").unwrap();
        assert_eq!(u.port, 443);
        assert_eq!(
            problem(check_url("f", "https://youtube.com/live2")),
            Problem::Scheme("https".into())
        );
        assert_eq!(problem(check_url("f", "rtmp://")), Problem::NoHost);
        assert_eq!(
            problem(check_url("f", "rtmp://host.example")),
            Problem::NoApp
        );
        assert_eq!(
            problem(check_url("f", "live.twitch.tv/app")),
            Problem::NotAUrl
        );
        assert!(matches!(
            check_url("f", "  "),
            Err(Error::InvalidInput {
                reason: Invalid::Empty,
                ..
            })
        ));
    }

    #[test]
    fn a_key_pasted_into_the_url_is_caught_and_can_be_split_off() {
        let key = "abcd-1234-efgh-5678-ijkl";
        let pasted = format!("rtmps://a.rtmps.youtube.com:443/live2/{key}");
        assert_eq!(problem(check_url("f", &pasted)), Problem::KeyInUrl);
        assert_eq!(
            split_key(&pasted),
            Some((
                "rtmps://a.rtmps.youtube.com:443/live2".to_string(),
                key.to_string()
            ))
        );
        // After a preset's application, even a short key is a key.
        assert_eq!(
            split_key("rtmp://live.twitch.tv/app/live_42"),
            Some(("rtmp://live.twitch.tv/app".into(), "live_42".into()))
        );
        // A custom server with a long letters-and-digits last segment.
        assert_eq!(
            split_key("rtmp://cdn.example.com/live/s3cr3tStreamKey99"),
            Some((
                "rtmp://cdn.example.com/live".into(),
                "s3cr3tStreamKey99".into()
            ))
        );
        // Plain application paths are not keys.
        assert_eq!(split_key("rtmp://cdn.example.com/live/event"), None);
        assert_eq!(split_key("rtmps://rtmp-api.facebook.com:443/rtmp/"), None);
        assert_eq!(split_key("rtmp://cdn.example.com/live"), None);
        // The message never quotes the key.
        let msg = check_url("destination.serverUrl", &pasted)
            .unwrap_err()
            .message(Lang::En);
        assert!(!msg.contains(key), "{msg}");
        assert!(
            msg.starts_with("Server URL: seems to end with the stream key"),
            "{msg}"
        );
    }

    #[test]
    fn keys_with_spaces_or_invisible_characters_are_refused_by_position() {
        check_key("k", "live_123456789_abcdefXYZ").unwrap();
        let e = check_key("destination.streamKey", "abcd efgh").unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Stream key: contains a space or line break at character 5"
        );
        let e = check_key("destination.streamKey", "abcd\u{200B}efgh").unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "Stream key: contains an invisible character (zero-width space, U+200B) at character 5"
        );
        let e = check_key("destination.streamKey", "abcdefgh\n").unwrap_err();
        assert!(e
            .message(Lang::FrCa)
            .starts_with("Clé de diffusion : contient une espace"));
        let e = check_key("destination.streamKey", "\u{FEFF}abcdefgh").unwrap_err();
        assert!(e
            .message(Lang::En)
            .contains("byte order mark, U+FEFF) at character 1"));
        assert!(check_key("k", "").is_err());
    }

    #[test]
    fn hints_and_normal_forms() {
        assert_eq!(key_hint("abcd-1234-efgh-5678"), "5678");
        assert_eq!(key_hint("short"), "");
        assert_eq!(
            normalize_url("RTMP://Live.Twitch.TV/app/"),
            "rtmp://live.twitch.tv:1935/app"
        );
        assert_eq!(
            normalize_url("rtmps://a.rtmps.youtube.com:443/live2"),
            normalize_url("rtmps://a.rtmps.youtube.com/live2")
        );
    }
}
