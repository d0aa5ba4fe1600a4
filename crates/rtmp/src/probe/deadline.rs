//! The overall time limit as seen by each stage: what is left of it, and
//! running a future until it.

use std::time::{Duration, Instant};

pub(super) fn remaining(deadline: Instant) -> Duration {
    deadline.saturating_duration_since(Instant::now())
}

pub(super) fn ms(d: Duration) -> u128 {
    d.as_millis()
}

pub(super) async fn until<F: std::future::Future>(deadline: Instant, f: F) -> Option<F::Output> {
    tokio::time::timeout_at(tokio::time::Instant::from_std(deadline), f)
        .await
        .ok()
}
