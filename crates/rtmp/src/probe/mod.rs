//! The connection test itself: resolve → tcp → tls (rtmps only) → handshake
//! → connect → publish (opt-in), each stage timed and bounded by what is
//! left of the overall time limit.
//!
//! This module owns the order of the stages, the stopping at the first that
//! fails, and the final scrub of the stream key from every detail; each stage
//! lives in its own submodule, the RTMP session they share in [`session`].

mod command;
mod connect;
mod deadline;
mod describe;
mod handshake;
mod options;
mod publish;
mod report;
mod resolve;
mod session;
mod tcp;
mod tls;

use std::time::{Duration, Instant};

use tokio::io::{AsyncRead, AsyncWrite};

use crate::url::parse_url;
use crate::REDACTED;

pub(crate) use describe::describe_io;
pub use options::{ProbeOptions, DEFAULT_TIMEOUT};
use report::Recorder;
pub use report::{Report, Stage, StageName};
use session::Session;

/// Runs the test. Never takes (much) longer than `opts.timeout`.
pub async fn probe(opts: &ProbeOptions) -> Report {
    probe_timed(opts).await.0
}

/// Like [`probe`], also returning each stage's exact duration (same order as
/// `Report::stages`), for measurements finer than a millisecond.
pub async fn probe_timed(opts: &ProbeOptions) -> (Report, Vec<Duration>) {
    let deadline = Instant::now() + opts.timeout;
    let mut rec = Recorder::default();
    run(opts, deadline, &mut rec).await;

    // Belt and braces: no detail may carry the stream key.
    let secrets: Vec<String> = opts
        .stream_key
        .iter()
        .cloned()
        .chain(parse_url(&opts.url).ok().and_then(|t| t.playpath))
        .filter(|s| s.len() >= 3)
        .collect();
    for stage in &mut rec.stages {
        for secret in &secrets {
            if stage.detail.contains(secret.as_str()) {
                stage.detail = stage.detail.replace(secret.as_str(), REDACTED);
            }
        }
    }
    let ok = !rec.stages.is_empty() && rec.stages.iter().all(|s| s.ok);
    (
        Report {
            ok,
            stages: rec.stages,
        },
        rec.durations,
    )
}

/// Anything a session can run over: a TCP stream or a TLS stream.
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

async fn run(opts: &ProbeOptions, deadline: Instant, rec: &mut Recorder) {
    // ------------------------------------------------------------ resolve
    let t = Instant::now();
    let target = match parse_url(&opts.url) {
        Ok(target) => target,
        Err(e) => {
            rec.record::<()>(StageName::Resolve, t, Err(format!("invalid URL: {e}")));
            return;
        }
    };
    let res = resolve::resolve(&target, deadline).await;
    let Some(addrs) = rec.record(StageName::Resolve, t, res) else {
        return;
    };

    // ---------------------------------------------------------------- tcp
    let t = Instant::now();
    let res = tcp::connect_tcp(&addrs, deadline).await;
    let Some(tcp) = rec.record(StageName::Tcp, t, res) else {
        return;
    };

    // ---------------------------------------------------------------- tls
    let mut io: Box<dyn Io> = if target.tls {
        let t = Instant::now();
        let res = tls::start_tls(tcp, &target, &opts.extra_roots, deadline).await;
        match rec.record(StageName::Tls, t, res) {
            Some(tls) => tls,
            None => return,
        }
    } else {
        Box::new(tcp)
    };

    // ---------------------------------------------------------- handshake
    let t = Instant::now();
    let res = handshake::rtmp_handshake(&mut io, deadline).await;
    if rec.record(StageName::Handshake, t, res).is_none() {
        return;
    }

    // ------------------------------------------------------------ connect
    let mut session = Session::new(io);
    let t = Instant::now();
    let res = connect::connect(&mut session, &target, deadline).await;
    if rec.record(StageName::Connect, t, res).is_none() {
        return;
    }

    // ------------------------------------------------------------ publish
    let mut stream_id = None;
    if opts.publish {
        let t = Instant::now();
        let key = opts
            .stream_key
            .clone()
            .filter(|k| !k.is_empty())
            .or_else(|| target.playpath.clone());
        let res = match key {
            Some(key) => publish::publish(&mut session, &key, deadline).await,
            None => Err(
                "no stream key given (set a stream key, or put it in the URL \
                         after the application)"
                    .to_string(),
            ),
        };
        match rec.record(StageName::Publish, t, res) {
            Some(id) => stream_id = Some(id),
            None => return,
        }
    }

    // -------------------------------------------------------------- close
    session.close(stream_id, deadline).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn invalid_url_fails_resolve() {
        let r = probe(&ProbeOptions::new("http://example.com/live")).await;
        assert!(!r.ok);
        assert_eq!(r.stages.len(), 1);
        assert_eq!(r.stages[0].stage, StageName::Resolve);
        assert!(r.stages[0].detail.contains("invalid URL"));
        assert!(r.stages[0].detail.contains("rtmp://"));
    }
}
