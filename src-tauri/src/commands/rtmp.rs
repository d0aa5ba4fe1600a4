//! RTMP destinations: presets, the stream key (sealed in the store; shown only on request), and
//! the connection test (run off the state lock, on tokio).

use super::events::view_of;
use super::CmdResult;
use crate::state::AppState;
use showcall_core::model::DestinationTest;
use showcall_core::rtmp::{self, ConnectionTest, Preset};
use showcall_core::view::{EventView, TestedView};
use showcall_core::Error;
use tauri::State;

#[tauri::command]
pub fn rtmp_presets() -> Vec<Preset> {
    rtmp::presets().to_vec()
}

#[tauri::command]
pub fn set_stream_key(
    state: State<AppState>,
    event_id: String,
    destination_id: String,
    key: Option<String>,
) -> CmdResult<EventView> {
    let mut s = state.lock();
    let r = s
        .store
        .set_stream_key(&event_id, &destination_id, key.as_deref())
        .and_then(|_| view_of(&s, &event_id));
    r.map_err(|e| s.err(e))
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
) -> CmdResult<TestedView> {
    let opts = {
        let s = state.lock();
        let prepared = destination(&s, &event_id, &destination_id).and_then(|d| {
            let key = if publish {
                s.store.stream_key(&destination_id)?
            } else {
                None
            };
            Ok(showcall_rtmp::ProbeOptions {
                url: d.server_url,
                stream_key: key,
                publish,
                ..Default::default()
            })
        });
        prepared.map_err(|e| s.err(e))?
    };
    let result = to_connection_test(&showcall_rtmp::probe(&opts).await);
    let mut s = state.lock();
    let test = DestinationTest {
        at: chrono::Utc::now(),
        ok: result.ok,
        detail: result.summary(),
        published: publish,
    };
    // A line for the log (what was tested and how it went; the report never holds the key).
    eprintln!(
        "showcall: tested destination {destination_id} ({}){}: {}",
        showcall_rtmp::redact_url(&opts.url),
        if publish { " with publish" } else { "" },
        test.detail
    );
    let r = s
        .store
        .record_destination_test(&event_id, &destination_id, &test)
        .and_then(|_| view_of(&s, &event_id));
    match r {
        Ok(view) => Ok(TestedView { view, result }),
        Err(e) => Err(s.err(e)),
    }
}

/// The probe's report in the core's IPC type (the same JSON shape, by contract).
pub fn to_connection_test(r: &showcall_rtmp::Report) -> ConnectionTest {
    serde_json::to_value(r)
        .and_then(serde_json::from_value)
        .expect("the probe report and ConnectionTest share one JSON shape")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_probe_report_converts_stage_by_stage() {
        let report = showcall_rtmp::Report {
            ok: false,
            stages: vec![
                showcall_rtmp::Stage {
                    stage: showcall_rtmp::StageName::Resolve,
                    ok: true,
                    ms: 1,
                    detail: "127.0.0.1:1935".into(),
                },
                showcall_rtmp::Stage {
                    stage: showcall_rtmp::StageName::Tcp,
                    ok: false,
                    ms: 2,
                    detail: "connection refused".into(),
                },
            ],
        };
        let t = to_connection_test(&report);
        assert!(!t.ok);
        assert_eq!(t.stages[1].stage, "tcp");
        assert_eq!(t.summary(), "tcp: connection refused");
    }
}
