//! One thin command per use case: parse, call the core, map the error.

pub mod agenda;
pub mod branding;
pub mod edit;
pub mod events;
pub mod exchange;
pub mod live;
pub mod rtmp;
pub mod settings;
pub mod window;

use showcall_core::error::ErrorPayload;

/// What every command returns.
pub type CmdResult<T> = Result<T, ErrorPayload>;

/// Runs a long job on a worker thread: off the main thread, holding nothing shared. A job that
/// stops before answering is an error (nothing was recorded).
pub async fn blocking<T: Send + 'static>(
    job: impl FnOnce() -> showcall_core::Result<T> + Send + 'static,
) -> showcall_core::Result<T> {
    let done = tauri::async_runtime::spawn_blocking(job).await;
    done.unwrap_or_else(|e| Err(showcall_core::service::stopped(e)))
}
