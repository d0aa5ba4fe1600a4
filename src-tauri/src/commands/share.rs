//! "Share on the network": the server's settings and status, and the links it hands out.

use super::CmdResult;
use crate::share::Sharing;
use crate::state::AppState;
use showcall_core::model::{ShareLink, ShareSettings, ShareStatus, ShareView, SharedLink};
use showcall_core::service::share;
use std::time::Duration;
use tauri::State;

#[tauri::command]
pub fn share_status(sharing: State<Sharing>) -> ShareStatus {
    sharing.status()
}

/// Stores the settings and answers the server's status once it has followed them (at most a
/// few seconds: a server stopping closes its connections first).
#[tauri::command]
pub async fn set_share(
    state: State<'_, AppState>,
    sharing: State<'_, Sharing>,
    settings: ShareSettings,
) -> CmdResult<ShareStatus> {
    let saved = {
        let mut s = state.lock_quiet();
        let actor = s.store.actor();
        share::set_settings(&mut s.store, actor, &settings).map_err(|e| s.err(e))?
    };
    sharing.nudge();
    for _ in 0..60 {
        let st = sharing.status();
        if st.settings == saved {
            return Ok(st);
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(sharing.status())
}

/// Makes a link to a view of an event (`control`: it may also drive the show), with its
/// addresses and a QR code of the first. Its token is shown now only.
#[tauri::command]
pub fn make_share_link(
    state: State<AppState>,
    sharing: State<Sharing>,
    event_id: String,
    view: ShareView,
    stage_id: Option<String>,
    control: bool,
) -> CmdResult<SharedLink> {
    let mut s = state.lock_quiet();
    let actor = s.store.actor();
    let now = chrono::Utc::now();
    let made = share::make_link(
        &mut s.store,
        actor,
        &event_id,
        view,
        stage_id.as_deref(),
        None,
        control,
        now,
    )
    .map_err(|e| s.err(e))?;
    let st = sharing.status();
    let port = st.settings.port;
    let ips: Vec<std::net::IpAddr> = if st.addresses.is_empty() {
        st.settings
            .bind
            .parse()
            .map(showcall_share::addresses)
            .unwrap_or_default()
    } else {
        st.addresses.iter().filter_map(|a| a.parse().ok()).collect()
    };
    let urls: Vec<String> = ips
        .into_iter()
        .map(|ip| showcall_share::view_url(ip, port, view, &made.token))
        .collect();
    let qr_svg = urls.first().map(|u| qr(u)).unwrap_or_default();
    Ok(SharedLink {
        link: made.link,
        token: made.token,
        urls,
        qr_svg,
    })
}

/// A QR code of `text`, as SVG (dark on white, with its quiet zone).
fn qr(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .map(|c| {
            c.render::<qrcode::render::svg::Color>()
                .min_dimensions(200, 200)
                .dark_color(qrcode::render::svg::Color("#000000"))
                .light_color(qrcode::render::svg::Color("#ffffff"))
                .build()
        })
        .unwrap_or_default()
}

#[tauri::command]
pub fn share_links(state: State<AppState>, event_id: Option<String>) -> CmdResult<Vec<ShareLink>> {
    let s = state.lock_quiet();
    share::links(&s.store, s.store.actor(), event_id.as_deref()).map_err(|e| s.err(e))
}

/// Revokes a link by its id: the views open with it say so and stop.
#[tauri::command]
pub fn revoke_share_link(
    state: State<AppState>,
    sharing: State<Sharing>,
    id: String,
) -> CmdResult<ShareLink> {
    let mut s = state.lock_quiet();
    let actor = s.store.actor();
    let r = share::revoke(&mut s.store, actor, &id, chrono::Utc::now()).map_err(|e| s.err(e));
    sharing.nudge();
    r
}

#[tauri::command]
pub fn revoke_all_share_links(state: State<AppState>, sharing: State<Sharing>) -> CmdResult<u32> {
    let mut s = state.lock_quiet();
    let actor = s.store.actor();
    let r = share::revoke_all(&mut s.store, actor, chrono::Utc::now()).map_err(|e| s.err(e));
    sharing.nudge();
    r.map(|n| n as u32)
}
