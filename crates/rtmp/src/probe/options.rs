//! What to test: [`ProbeOptions`], its defaults, and a `Debug` form that
//! never shows the stream key.

use std::fmt;
use std::time::Duration;

use crate::url::redact_url;
use crate::REDACTED;

/// Time limit of a whole test unless the caller says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(10);

/// What to test.
#[derive(Clone, PartialEq, Eq)]
pub struct ProbeOptions {
    /// `rtmp://host[:port]/app[/...]` or `rtmps://...`.
    pub url: String,
    /// Stream key, used only when `publish` is set; when absent, the part of
    /// the URL after the application is used.
    pub stream_key: Option<String>,
    /// Also ask to publish (releaseStream, FCPublish, createStream,
    /// publish), then deleteStream and close. Sends no media.
    pub publish: bool,
    /// Bound of the whole test; each stage gets what remains of it.
    pub timeout: Duration,
    /// Extra trusted CA certificates (DER) for rtmps, on top of the OS ones.
    pub extra_roots: Vec<Vec<u8>>,
}

impl ProbeOptions {
    /// A test of `url` up to `connect`, with the default time limit.
    pub fn new(url: impl Into<String>) -> Self {
        ProbeOptions {
            url: url.into(),
            ..Self::default()
        }
    }
}

impl Default for ProbeOptions {
    fn default() -> Self {
        ProbeOptions {
            url: String::new(),
            stream_key: None,
            publish: false,
            timeout: DEFAULT_TIMEOUT,
            extra_roots: Vec::new(),
        }
    }
}

impl fmt::Debug for ProbeOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ProbeOptions")
            .field("url", &redact_url(&self.url))
            .field("stream_key", &self.stream_key.as_ref().map(|_| REDACTED))
            .field("publish", &self.publish)
            .field("timeout", &self.timeout)
            .field("extra_roots", &self.extra_roots.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_debug_redacts_the_key() {
        let opts = ProbeOptions {
            url: "rtmp://h/live/url-secret-key".into(),
            stream_key: Some("option-secret-key".into()),
            publish: true,
            ..ProbeOptions::default()
        };
        let dbg = format!("{opts:?}");
        assert!(!dbg.contains("url-secret-key"), "{dbg}");
        assert!(!dbg.contains("option-secret-key"), "{dbg}");
        assert!(dbg.contains("rtmp://h/live/"));
    }

    #[test]
    fn defaults() {
        let o = ProbeOptions::new("rtmp://h/a");
        assert_eq!(o.timeout, Duration::from_secs(10));
        assert!(!o.publish);
        assert!(o.stream_key.is_none());
    }
}
