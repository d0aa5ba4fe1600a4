//! RTMP/RTMPS connection tester.
//!
//! [`probe`] checks, stage by stage, that an ingest URL works: DNS
//! resolution, TCP connection, TLS (for `rtmps://`), the RTMP handshake, the
//! RTMP `connect` command and, when asked, a publish of the stream key
//! (without sending any media). Each stage reports its duration and a plain
//! English detail; the stream key never appears in a report, an error or a
//! `Debug` output.
//!
//! ```no_run
//! # async fn demo() {
//! let opts = showcall_rtmp::ProbeOptions::new("rtmp://live.example.com/app");
//! let report = showcall_rtmp::probe(&opts).await;
//! println!("{}", report.to_json());
//! # }
//! ```

#![cfg_attr(not(test), deny(clippy::unwrap_used))]

pub mod amf0;
pub mod chunk;
pub mod destination;
pub mod handshake;
mod probe;
mod tls;
pub mod url;

pub use destination::{prepare as prepare_destination, DestinationProbe};
pub use probe::{probe, probe_timed, ProbeOptions, Report, Stage, StageName, DEFAULT_TIMEOUT};
pub use url::{parse_url, redact_url, Target, UrlError};

/// What secrets are replaced with wherever they would be shown.
pub const REDACTED: &str = "<redacted>";
