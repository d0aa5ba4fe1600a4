//! A long job's handle: how far it has come ([`Progress`], sent to a callback) and whether it
//! was asked to stop ([`Job::cancel`]). Package export and import, run-of-show rendering and
//! agenda import take a `&Job`; they call [`Job::check`] at natural points (per file, per MiB,
//! per thousand rows, before their final rename or commit) and, when it says
//! [`Error::Cancelled`], undo what they had started, so that nothing is left half-written.
//!
//! Reports go through a [`Meter`], which sends one only when the work has moved on by a
//! noticeable amount (64 KiB or 1 % of bytes, 100 rows or 1 % of rows, every file or step), so
//! that reporting costs nothing measurable.
//!
//! ```
//! use showcall_core::job::{Job, Unit};
//! use std::sync::{Arc, Mutex};
//! let seen = Arc::new(Mutex::new(Vec::new()));
//! let job = Job::new({
//!     let seen = seen.clone();
//!     move |p| seen.lock().unwrap().push(p.done)
//! });
//! let mut meter = job.meter(Unit::Rows, "rows", Some(1_000));
//! for _ in 0..1_000 {
//!     meter.add(1);
//! }
//! meter.finish();
//! assert_eq!(seen.lock().unwrap().last(), Some(&1_000));
//! assert!(job.check().is_ok());
//! job.cancel();
//! assert!(job.check().is_err());
//! ```

use crate::error::{Error, Result};
use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use ts_rs::TS;

/// What a job counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Unit {
    Bytes,
    Rows,
    Files,
    Steps,
}

/// How far a job has come in its current stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Done so far in this stage; never goes back within a stage.
    #[ts(type = "number")]
    pub done: u64,
    /// The whole of this stage, when known.
    #[ts(type = "number | null")]
    pub total: Option<u64>,
    pub unit: Unit,
    /// What the job is doing: `read`, `hash`, `copy`, `rows`, `render`, `write`…
    pub stage: String,
}

/// A long job's handle, shared between the thread doing the work and whoever may stop it or
/// watches its progress. Cloning is cheap: the clones share the flag and the callback.
#[derive(Clone)]
pub struct Job {
    cancelled: Arc<AtomicBool>,
    on_progress: Option<Arc<dyn Fn(Progress) + Send + Sync>>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("cancelled", &self.is_cancelled())
            .field("reports", &self.on_progress.is_some())
            .finish()
    }
}

impl Default for Job {
    fn default() -> Self {
        Job::none()
    }
}

impl Job {
    /// A job nobody watches and nobody stops (the CLI, the tests, the old entry points).
    pub fn none() -> Self {
        Job {
            cancelled: Arc::new(AtomicBool::new(false)),
            on_progress: None,
        }
    }

    /// A job that sends its progress to `on_progress` (called on the working thread).
    pub fn new(on_progress: impl Fn(Progress) + Send + Sync + 'static) -> Self {
        Job {
            cancelled: Arc::new(AtomicBool::new(false)),
            on_progress: Some(Arc::new(on_progress)),
        }
    }

    /// Asks the job to stop; it does at its next [`Job::check`], undoing what it started.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether [`Job::cancel`] was called (on this handle or a clone).
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// [`Error::Cancelled`] once the job was cancelled.
    pub fn check(&self) -> Result<()> {
        if self.is_cancelled() {
            Err(Error::Cancelled)
        } else {
            Ok(())
        }
    }

    /// Sends `progress` to the callback, if any. Loops go through a [`Meter`] instead.
    pub fn report(&self, progress: Progress) {
        if let Some(f) = &self.on_progress {
            f(progress);
        }
    }

    /// A meter for one stage of `total` (when known) `unit`s, which reports its start now.
    pub fn meter(&self, unit: Unit, stage: &str, total: Option<u64>) -> Meter<'_> {
        let floor = match unit {
            Unit::Bytes => 64 << 10,
            Unit::Rows => 100,
            Unit::Files | Unit::Steps => 1,
        };
        let every = total.map_or(floor, |t| floor.max(t / 100)).max(1);
        let mut m = Meter {
            job: self,
            unit,
            stage: stage.to_string(),
            total,
            done: 0,
            reported: None,
            every,
        };
        m.send();
        m
    }
}

/// Counts one stage of a job and reports it now and then (see [`Job::meter`]).
pub struct Meter<'a> {
    job: &'a Job,
    unit: Unit,
    stage: String,
    total: Option<u64>,
    done: u64,
    reported: Option<u64>,
    every: u64,
}

impl Meter<'_> {
    /// `n` more done; reports when the work has moved on enough since the last report.
    pub fn add(&mut self, n: u64) {
        self.done = self.done.saturating_add(n);
        if self
            .reported
            .is_none_or(|r| self.done >= r.saturating_add(self.every))
        {
            self.send();
        }
    }

    /// Done so far.
    pub fn done(&self) -> u64 {
        self.done
    }

    /// Reports the end of the stage: everything done (the total, when known); nothing when the
    /// job was cancelled (the stage stopped short).
    pub fn finish(mut self) {
        if self.job.is_cancelled() {
            return;
        }
        if let Some(t) = self.total {
            self.done = self.done.max(t);
        }
        if self.reported != Some(self.done) {
            self.send();
        }
    }

    fn send(&mut self) {
        if self.job.on_progress.is_none() {
            return;
        }
        self.reported = Some(self.done);
        self.job.report(Progress {
            done: self.done,
            total: self.total,
            unit: self.unit,
            stage: self.stage.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    fn watched() -> (Job, Arc<Mutex<Vec<Progress>>>) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let job = Job::new({
            let seen = seen.clone();
            move |p| seen.lock().unwrap().push(p)
        });
        (job, seen)
    }

    #[test]
    fn a_meter_reports_a_hundred_times_at_most_and_ends_at_the_total() {
        let (job, seen) = watched();
        let total = 10 << 20;
        let mut m = job.meter(Unit::Bytes, "copy", Some(total));
        for _ in 0..(total / 4096) {
            m.add(4096);
        }
        m.finish();
        let seen = seen.lock().unwrap();
        assert!(seen.len() <= 102, "{} reports", seen.len());
        assert!(seen.len() > 10, "{} reports", seen.len());
        assert!(seen.windows(2).all(|w| w[0].done < w[1].done));
        assert_eq!(seen.first().map(|p| p.done), Some(0));
        assert_eq!(seen.last().map(|p| p.done), Some(total));
        assert!(seen
            .iter()
            .all(|p| p.stage == "copy" && p.unit == Unit::Bytes));
    }

    #[test]
    fn small_counts_report_every_hundred_rows() {
        let (job, seen) = watched();
        let mut m = job.meter(Unit::Rows, "rows", Some(250));
        for _ in 0..250 {
            m.add(1);
        }
        m.finish();
        let done: Vec<u64> = seen.lock().unwrap().iter().map(|p| p.done).collect();
        assert_eq!(done, [0, 100, 200, 250]);
    }

    #[test]
    fn a_cancelled_job_says_so_through_its_clones_in_both_languages() {
        let job = Job::none();
        let other = job.clone();
        assert!(job.check().is_ok());
        other.cancel();
        assert!(job.is_cancelled());
        let e = job.check().unwrap_err();
        assert_eq!(e.code(), "cancelled");
        assert_eq!(
            e.message(crate::i18n::Lang::En),
            "cancelled: nothing was changed"
        );
        assert_eq!(
            e.message(crate::i18n::Lang::FrCa),
            "annulé : rien n’a été modifié"
        );
    }

    #[test]
    fn progress_crosses_as_camel_case_json() {
        let p = Progress {
            done: 3,
            total: None,
            unit: Unit::Files,
            stage: "hash".into(),
        };
        assert_eq!(
            serde_json::to_value(&p).unwrap(),
            serde_json::json!({"done": 3, "total": null, "unit": "files", "stage": "hash"})
        );
    }
}
