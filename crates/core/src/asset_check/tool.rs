//! Running ffprobe and ffmpeg safely on a file someone sent: the file is named to the tool as a
//! `file:` URL of its absolute path (so a name like `-i.mp4` or `http:x.mp4` is never read as an
//! option or a protocol), and the tool is stopped when it runs past its time limit.

use std::ffi::OsString;
use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

/// The path as ffmpeg's `file:` protocol reads it: `file:` and the absolute path, unchanged
/// (that protocol decodes nothing after its prefix).
pub(crate) fn file_url(path: &Path) -> OsString {
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut url = OsString::from("file:");
    url.push(abs.as_os_str());
    url
}

/// The time limit in `var` (whole seconds, read at each call, for tests and slow machines),
/// else `default_secs`.
pub(crate) fn time_limit(var: &str, default_secs: u64) -> Duration {
    let secs = std::env::var(var)
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .filter(|s| *s > 0)
        .unwrap_or(default_secs);
    Duration::from_secs(secs)
}

/// Why a tool gave no answer.
#[derive(Debug)]
pub(crate) enum Ran {
    /// It could not be started (not installed).
    Missing,
    /// It ran past its time limit and was stopped.
    TimedOut,
}

/// Runs `cmd` (its stdin closed, its output collected) and waits at most `limit` for it: past
/// that, the process is killed and [`Ran::TimedOut`] returned.
pub(crate) fn run(cmd: &mut Command, limit: Duration) -> Result<Output, Ran> {
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| Ran::Missing)?;
    // The pipes are drained while the tool runs, so a talkative one never blocks on a full pipe.
    let out = drain(child.stdout.take());
    let err = drain(child.stderr.take());
    let deadline = Instant::now() + limit;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Ran::TimedOut);
            }
        }
    };
    // A process the tool started may still hold its pipes open: what came by the deadline (or
    // within a second of the tool's end) is its output.
    let grace = deadline.max(Instant::now() + Duration::from_secs(1));
    let collect = |rx: Receiver<Vec<u8>>| {
        rx.recv_timeout(grace.saturating_duration_since(Instant::now()))
            .unwrap_or_default()
    };
    Ok(Output {
        status,
        stdout: collect(out),
        stderr: collect(err),
    })
}

/// Reads a pipe to its end on its own thread; the bytes come through the channel.
fn drain(pipe: Option<impl Read + Send + 'static>) -> Receiver<Vec<u8>> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        if let Some(mut p) = pipe {
            let _ = p.read_to_end(&mut buf);
        }
        let _ = tx.send(buf);
    });
    rx
}
