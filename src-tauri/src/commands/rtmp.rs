//! RTMP destinations: presets, the stream key (sealed in the store; shown only on request), and
//! the connection test (run off the state lock, on tokio).

use super::events::view_of;
use super::{Ascii, CmdResult};
use crate::state::AppState;
use showcall_core::rtmp::{self, ConnectionTest, Preset};
use showcall_core::view::{EventView, TestedView};
use showcall_core::Error;
use tauri::State;

/// The platform presets (YouTube, Facebook, Twitch, Vimeo, custom) with their encoder advice.
#[tauri::command]
pub fn rtmp_presets() -> Vec<Preset> {
    rtmp::presets().to_vec()
}

/// Stores a destination's stream key (`key: null` removes it). Errors name the field
/// `destination.streamKey` and never quote the key.
#[tauri::command]
pub fn set_stream_key(
    state: State<AppState>,
    event_id: String,
    destination_id: String,
    key: Option<String>,
) -> CmdResult<Ascii<EventView>> {
    let mut s = state.lock();
    let r = s
        .store
        .set_stream_key(&event_id, &destination_id, key.as_deref())
        .and_then(|_| view_of(&s, &event_id));
    r.map(Ascii).map_err(|e| s.err(e))
}

/// The user's "yes, use this key for the new server": a destination whose server moved since
/// its key was entered may publish the key there from now on.
#[tauri::command]
pub fn confirm_key_host(
    state: State<AppState>,
    event_id: String,
    destination_id: String,
) -> CmdResult<Ascii<EventView>> {
    state
        .with(|s| {
            s.store.confirm_key_host(&event_id, &destination_id)?;
            view_of(s, &event_id)
        })
        .map(Ascii)
}

/// The key in clear: the UI asks only when the user clicks Reveal or Copy.
#[tauri::command]
pub fn reveal_stream_key(
    state: State<AppState>,
    event_id: String,
    destination_id: String,
) -> CmdResult<Option<String>> {
    let s = state.lock();
    let r = destination(&s, &event_id, &destination_id)
        .and_then(|_| s.store.stream_key(&destination_id));
    r.map_err(|e| s.err(e))
}

/// A server URL that ends with a pasted key, split into (URL, key).
#[tauri::command]
pub fn split_server_url(url: String) -> Option<(String, String)> {
    rtmp::split_key(&url)
}

fn destination(
    s: &crate::state::Inner,
    event_id: &str,
    id: &str,
) -> showcall_core::Result<showcall_core::model::Destination> {
    s.store
        .load(event_id)?
        .destinations
        .into_iter()
        .find(|d| d.id == id)
        .ok_or_else(|| Error::NotFound {
            kind: "destination",
            id: id.into(),
        })
}

/// Tests a destination's server (up to `connect`, or through `publish` of its key when the
/// user opts in) and records the result.
#[tauri::command]
pub async fn test_destination(
    state: State<'_, AppState>,
    event_id: String,
    destination_id: String,
    publish: bool,
) -> CmdResult<Ascii<TestedView>> {
    let job = state.with(|s| {
        showcall_rtmp::prepare_destination(&s.store, &event_id, &destination_id, publish, None)
    })?;
    let report = job.run().await;
    state.with(|s| {
        let test = job.record(&mut s.store, &report, chrono::Utc::now())?;
        // Names the server with its key left out (never the key itself).
        log::info!("{}", job.log_line(&test));
        let result = ConnectionTest::from(&report);
        view_of(s, &event_id).map(|view| Ascii(TestedView { view, result }))
    })
}
