//! What a test returns: the [`Report`] and its [`Stage`]s (the JSON
//! contract), and the [`Recorder`] that times and collects them as the test
//! runs.

use std::fmt;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

/// One stage of the test.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Stage {
    pub stage: StageName,
    pub ok: bool,
    /// Time the stage took, in milliseconds.
    pub ms: u64,
    /// What happened, in plain English.
    pub detail: String,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum StageName {
    Resolve,
    Tcp,
    Tls,
    Handshake,
    Connect,
    Publish,
}

impl StageName {
    pub fn as_str(self) -> &'static str {
        match self {
            StageName::Resolve => "resolve",
            StageName::Tcp => "tcp",
            StageName::Tls => "tls",
            StageName::Handshake => "handshake",
            StageName::Connect => "connect",
            StageName::Publish => "publish",
        }
    }
}

impl fmt::Display for StageName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The result of a test: the stages attempted, in order, stopping at the
/// first that failed.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Report {
    /// Every attempted stage succeeded.
    pub ok: bool,
    pub stages: Vec<Stage>,
}

impl Report {
    /// The JSON form: `{"ok":…,"stages":[{"stage":"resolve","ok":…,"ms":…,"detail":"…"},…]}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The stage that failed, if any.
    pub fn failed_stage(&self) -> Option<&Stage> {
        self.stages.iter().find(|s| !s.ok)
    }

    /// The stage of that name, if it was attempted.
    pub fn stage(&self, name: StageName) -> Option<&Stage> {
        self.stages.iter().find(|s| s.stage == name)
    }
}

/// The stages of a test so far, with their exact durations.
#[derive(Default)]
pub(super) struct Recorder {
    pub(super) stages: Vec<Stage>,
    pub(super) durations: Vec<Duration>,
}

impl Recorder {
    /// Records a stage started at `started`; returns the value on success.
    pub(super) fn record<T>(
        &mut self,
        stage: StageName,
        started: Instant,
        result: Result<(T, String), String>,
    ) -> Option<T> {
        let elapsed = started.elapsed();
        let (ok, detail, value) = match result {
            Ok((v, detail)) => (true, detail, Some(v)),
            Err(detail) => (false, detail, None),
        };
        self.stages.push(Stage {
            stage,
            ok,
            ms: elapsed.as_millis() as u64,
            detail,
        });
        self.durations.push(elapsed);
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_json_shape() {
        let r = Report {
            ok: false,
            stages: vec![Stage {
                stage: StageName::Tcp,
                ok: false,
                ms: 3,
                detail: "connection refused".into(),
            }],
        };
        assert_eq!(
            r.to_json(),
            r#"{"ok":false,"stages":[{"stage":"tcp","ok":false,"ms":3,"detail":"connection refused"}]}"#
        );
        let back: Report = serde_json::from_str(&r.to_json()).unwrap();
        assert_eq!(back, r);
        assert_eq!(r.failed_stage().map(|s| s.stage), Some(StageName::Tcp));
    }
}
