//! Parsing of `rtmp://` and `rtmps://` URLs.
//!
//! The accepted form is `rtmp[s]://host[:port]/app[/playpath...][?query]`.
//! The first path segment is the application; whatever follows it is the
//! "playpath", which for a publishing URL usually is the stream key. The
//! playpath is therefore never shown by `Debug` and never appears in errors.

use std::fmt;

/// Default port of plain RTMP.
pub const DEFAULT_RTMP_PORT: u16 = 1935;
/// Default port of RTMP over TLS.
pub const DEFAULT_RTMPS_PORT: u16 = 443;

/// What a URL points at.
#[derive(Clone, PartialEq, Eq)]
pub struct Target {
    /// `true` for `rtmps://`.
    pub tls: bool,
    /// Host name or IP address, without the brackets of an IPv6 literal.
    pub host: String,
    /// Explicit port, or 1935 (rtmp) / 443 (rtmps).
    pub port: u16,
    /// The application (first path segment), without the query.
    pub app: String,
    /// The `tcUrl` sent in `connect`: `scheme://authority/app[?query]`.
    pub tc_url: String,
    /// Everything after the application (the playpath, often the stream key), if any.
    pub playpath: Option<String>,
    /// The query string (after `?`), if any; it is kept in `tc_url`.
    pub query: Option<String>,
}

impl Target {
    /// The application as sent in the `app` field of `connect`: the
    /// application name, followed by the query string when there is one
    /// (servers such as nginx-rtmp read connection arguments from there).
    pub fn connect_app(&self) -> String {
        match &self.query {
            Some(q) => format!("{}?{}", self.app, q),
            None => self.app.clone(),
        }
    }

    /// `host:port` with brackets around IPv6 literals, for messages.
    pub fn authority(&self) -> String {
        if self.host.contains(':') {
            format!("[{}]:{}", self.host, self.port)
        } else {
            format!("{}:{}", self.host, self.port)
        }
    }
}

impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Target")
            .field("tls", &self.tls)
            .field("host", &self.host)
            .field("port", &self.port)
            .field("app", &self.app)
            .field("tc_url", &self.tc_url)
            .field("playpath", &self.playpath.as_ref().map(|_| crate::REDACTED))
            .field("query", &self.query)
            .finish()
    }
}

/// Why a URL was not accepted. The messages never repeat the URL itself,
/// since it may carry a stream key.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    #[error("the URL is empty")]
    Empty,
    #[error("the URL has no scheme: expected rtmp://host/app or rtmps://host/app")]
    NoScheme,
    #[error("unsupported scheme '{0}': use rtmp:// or rtmps://")]
    BadScheme(String),
    #[error("the URL has no host (expected rtmp://host/app)")]
    MissingHost,
    #[error("the host name is not valid")]
    BadHost,
    #[error("invalid port '{0}' (expected a number from 1 to 65535)")]
    BadPort(String),
    #[error("the URL has no application (expected rtmp://host/app)")]
    MissingApp,
    #[error("user names and passwords in the URL are not supported")]
    Userinfo,
}

/// Parses an `rtmp://` or `rtmps://` URL.
pub fn parse_url(url: &str) -> Result<Target, UrlError> {
    let url = url.trim();
    if url.is_empty() {
        return Err(UrlError::Empty);
    }
    let (scheme, rest) = url.split_once("://").ok_or(UrlError::NoScheme)?;
    let scheme = scheme.to_ascii_lowercase();
    let tls = match scheme.as_str() {
        "rtmp" => false,
        "rtmps" => true,
        "" => return Err(UrlError::NoScheme),
        _ => return Err(UrlError::BadScheme(scheme)),
    };
    // Fragments mean nothing here; drop them.
    let rest = rest.split('#').next().unwrap_or_default();
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, (!q.is_empty()).then(|| q.to_string())),
        None => (rest, None),
    };
    let (authority, path) = match before_query.find('/') {
        Some(i) => (&before_query[..i], &before_query[i + 1..]),
        None => (before_query, ""),
    };
    if authority.contains('@') {
        return Err(UrlError::Userinfo);
    }
    let (host, port_text) = split_host_port(authority)?;
    if host.is_empty() {
        return Err(UrlError::MissingHost);
    }
    if host
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || "/\\[]<>\"'`".contains(c))
    {
        return Err(UrlError::BadHost);
    }
    let port = match port_text {
        None => {
            if tls {
                DEFAULT_RTMPS_PORT
            } else {
                DEFAULT_RTMP_PORT
            }
        }
        Some(p) => match p.parse::<u16>() {
            Ok(n) if n > 0 && p.chars().all(|c| c.is_ascii_digit()) => n,
            _ => return Err(UrlError::BadPort(p.to_string())),
        },
    };
    let path = path.trim_start_matches('/');
    let (app, playpath) = match path.split_once('/') {
        Some((a, p)) => (a, p.trim_matches('/')),
        None => (path, ""),
    };
    if app.is_empty() {
        return Err(UrlError::MissingApp);
    }
    let mut tc_url = format!("{scheme}://{authority}/{app}");
    if let Some(q) = &query {
        tc_url.push('?');
        tc_url.push_str(q);
    }
    Ok(Target {
        tls,
        host: host.to_string(),
        port,
        app: app.to_string(),
        tc_url,
        playpath: (!playpath.is_empty()).then(|| playpath.to_string()),
        query,
    })
}

/// Splits `host[:port]` or `[v6]:port`.
fn split_host_port(authority: &str) -> Result<(&str, Option<&str>), UrlError> {
    if let Some(rest) = authority.strip_prefix('[') {
        let (host, after) = rest.split_once(']').ok_or(UrlError::BadHost)?;
        if host.parse::<std::net::Ipv6Addr>().is_err() {
            return Err(UrlError::BadHost);
        }
        return match after {
            "" => Ok((host, None)),
            _ => match after.strip_prefix(':') {
                Some(p) => Ok((host, Some(p))),
                None => Err(UrlError::BadHost),
            },
        };
    }
    match authority.rsplit_once(':') {
        Some((h, _)) if h.contains(':') => Err(UrlError::BadHost), // bare IPv6 without brackets
        Some((h, p)) => Ok((h, Some(p))),
        None => Ok((authority, None)),
    }
}

/// Replaces the playpath of a URL (everything after the application, often
/// the stream key) with `<redacted>`, for display and logs. A string that is
/// not a URL at all is redacted whole.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return crate::REDACTED.to_string();
    };
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (rest, None),
    };
    let mut parts = before_query.splitn(3, '/');
    let authority = parts.next().unwrap_or_default();
    let app = parts.next();
    let playpath = parts.next().filter(|p| !p.trim_matches('/').is_empty());
    let mut out = format!("{scheme}://{authority}");
    if let Some(app) = app {
        out.push('/');
        out.push_str(app);
    }
    if playpath.is_some() {
        out.push('/');
        out.push_str(crate::REDACTED);
    }
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rtmp_default_port_is_1935() {
        let t = parse_url("rtmp://example.com/live").unwrap();
        assert!(!t.tls);
        assert_eq!(t.host, "example.com");
        assert_eq!(t.port, 1935);
        assert_eq!(t.app, "live");
        assert_eq!(t.tc_url, "rtmp://example.com/live");
        assert_eq!(t.playpath, None);
        assert_eq!(t.query, None);
    }

    #[test]
    fn rtmps_default_port_is_443() {
        let t = parse_url("rtmps://live-api-s.facebook.com/rtmp/").unwrap();
        assert!(t.tls);
        assert_eq!(t.port, 443);
        assert_eq!(t.app, "rtmp");
        assert_eq!(t.playpath, None);
        assert_eq!(t.tc_url, "rtmps://live-api-s.facebook.com/rtmp");
    }

    #[test]
    fn scheme_is_case_insensitive() {
        assert!(parse_url("RTMPS://h/app").unwrap().tls);
    }

    #[test]
    fn explicit_port() {
        let t = parse_url("rtmp://127.0.0.1:19350/live").unwrap();
        assert_eq!(t.host, "127.0.0.1");
        assert_eq!(t.port, 19350);
        assert_eq!(t.tc_url, "rtmp://127.0.0.1:19350/live");
        assert_eq!(t.authority(), "127.0.0.1:19350");
    }

    #[test]
    fn ipv6_literal() {
        let t = parse_url("rtmp://[::1]:1936/live").unwrap();
        assert_eq!(t.host, "::1");
        assert_eq!(t.port, 1936);
        assert_eq!(t.tc_url, "rtmp://[::1]:1936/live");
        assert_eq!(t.authority(), "[::1]:1936");
        assert_eq!(parse_url("rtmp://[::1]/a").unwrap().port, 1935);
        assert_eq!(parse_url("rtmp://::1/a"), Err(UrlError::BadHost));
        assert_eq!(parse_url("rtmp://[zz]/a"), Err(UrlError::BadHost));
    }

    #[test]
    fn bad_ports() {
        assert_eq!(
            parse_url("rtmp://h:0/a"),
            Err(UrlError::BadPort("0".into()))
        );
        assert_eq!(
            parse_url("rtmp://h:70000/a"),
            Err(UrlError::BadPort("70000".into()))
        );
        assert_eq!(parse_url("rtmp://h:/a"), Err(UrlError::BadPort("".into())));
        assert_eq!(
            parse_url("rtmp://h:+12/a"),
            Err(UrlError::BadPort("+12".into()))
        );
    }

    #[test]
    fn missing_host() {
        assert_eq!(parse_url("rtmp:///live"), Err(UrlError::MissingHost));
        assert_eq!(parse_url("rtmp://:1935/live"), Err(UrlError::MissingHost));
    }

    #[test]
    fn missing_app() {
        assert_eq!(parse_url("rtmp://host"), Err(UrlError::MissingApp));
        assert_eq!(parse_url("rtmp://host/"), Err(UrlError::MissingApp));
    }

    #[test]
    fn bad_scheme_and_no_scheme() {
        assert_eq!(
            parse_url("http://host/live"),
            Err(UrlError::BadScheme("http".into()))
        );
        assert_eq!(parse_url("host/live"), Err(UrlError::NoScheme));
        assert_eq!(parse_url("://host/live"), Err(UrlError::NoScheme));
        assert_eq!(parse_url("   "), Err(UrlError::Empty));
    }

    #[test]
    fn userinfo_rejected() {
        assert_eq!(parse_url("rtmp://u:p@h/a"), Err(UrlError::Userinfo));
    }

    #[test]
    fn path_with_key_segment() {
        let t = parse_url("rtmp://a.rtmp.youtube.com/live2/abcd-efgh-ijkl").unwrap();
        assert_eq!(t.app, "live2");
        assert_eq!(t.playpath.as_deref(), Some("abcd-efgh-ijkl"));
        assert_eq!(t.tc_url, "rtmp://a.rtmp.youtube.com/live2");
        // Longer playpaths are kept whole.
        let t = parse_url("rtmp://h/app/inst/key/").unwrap();
        assert_eq!(t.app, "app");
        assert_eq!(t.playpath.as_deref(), Some("inst/key"));
    }

    #[test]
    fn debug_never_shows_the_key() {
        let t = parse_url("rtmp://h/app/super-secret-key").unwrap();
        let dbg = format!("{t:?}");
        assert!(!dbg.contains("super-secret-key"), "{dbg}");
        assert!(dbg.contains(crate::REDACTED));
    }

    #[test]
    fn query_kept_in_tc_url() {
        let t = parse_url("rtmp://h:1935/app?token=abc&x=1").unwrap();
        assert_eq!(t.app, "app");
        assert_eq!(t.query.as_deref(), Some("token=abc&x=1"));
        assert_eq!(t.tc_url, "rtmp://h:1935/app?token=abc&x=1");
        assert_eq!(t.connect_app(), "app?token=abc&x=1");
        let t = parse_url("rtmp://h/app/key?token=abc").unwrap();
        assert_eq!(t.playpath.as_deref(), Some("key"));
        assert_eq!(t.tc_url, "rtmp://h/app?token=abc");
    }

    #[test]
    fn redacts_playpath_for_display() {
        assert_eq!(redact_url("rtmp://h/app/key"), "rtmp://h/app/<redacted>");
        assert_eq!(redact_url("rtmp://h/app"), "rtmp://h/app");
        assert_eq!(redact_url("rtmp://h/app/"), "rtmp://h/app");
        assert_eq!(
            redact_url("rtmp://h/app/k?q=1"),
            "rtmp://h/app/<redacted>?q=1"
        );
        assert_eq!(redact_url("garbage"), "<redacted>");
    }
}
