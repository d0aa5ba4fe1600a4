//! The shared views: a plain page (`/v/{view}?token=…`) that any browser opens, its data
//! (`/api/view`), its live updates (`/api/stream`, Server-Sent Events: the view's JSON when it
//! changes, a ping every second with the server's clock, `revoked` when the link is), and the
//! server's clock for the page's offset handshake (`/api/time`). The page computes its
//! countdowns itself from the instants it is given.

use crate::auth::{admit, blocking, token_of, ApiError};
use crate::hub::{Hub, Live, Shown};
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::Json;
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};
use showcall_core::model::{ShareLink, ShareView};
use showcall_core::service::share::{self, ApiStage};
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// The page and its script, built into the binary (the event day is offline).
const PAGE: &str = include_str!("../assets/view.html");
const SCRIPT: &str = include_str!("../assets/view.js");

/// How often an open view hears the server's clock (its watchdog says "connection lost"
/// after 2.5 s of silence).
const PING: Duration = Duration::from_secs(1);

#[derive(Deserialize)]
pub struct ViewQuery {
    token: Option<String>,
}

/// `GET /v/{view}`: the page (the token stays in the address; the page sends it back).
pub async fn page(Path(view): Path<String>) -> Response {
    if ShareView::from_code(&view).is_none() {
        return crate::api::not_found().await.into_response();
    }
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
            ),
        ],
        PAGE,
    )
        .into_response()
}

/// `GET /assets/{file}`
pub async fn asset(Path(file): Path<String>) -> Response {
    match file.as_str() {
        "view.js" => (
            [
                (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            SCRIPT,
        )
            .into_response(),
        _ => crate::api::not_found().await.into_response(),
    }
}

/// `GET /api/time`: the server's wall clock in ms, for the page's offset handshake.
pub async fn time() -> Response {
    (
        [(header::CACHE_CONTROL, "no-store")],
        Json(json!({ "serverNow": Utc::now().timestamp_millis() })),
    )
        .into_response()
}

/// What the link's view shows, from the event's live state.
pub fn view_json(live: &Live, link: &ShareLink) -> Value {
    let snap = &live.snapshot;
    let stage = link.stage_id.as_deref();
    let timer = (link.view == ShareView::SpeakerTimer)
        .then(|| share::speaker_timer(snap, &live.signals, stage));
    let stage_view = (link.view == ShareView::Stage).then(|| {
        let s = stage
            .and_then(|id| snap.stages.iter().find(|s| s.stage_id == id))
            .or_else(|| snap.stages.iter().find(|s| s.on_air))
            .or_else(|| snap.stages.first());
        s.map(|s| ApiStage::of(s, &live.signals.messages))
    });
    json!({
        "view": link.view.code(),
        "lang": live.lang,
        "eventName": live.event_name,
        "timeZone": snap.time_zone,
        "now": snap.now,
        "serverNow": live.wall.timestamp_millis(),
        "rehearsal": snap.rehearsal,
        "rehearsalSpeed": snap.rehearsal_speed,
        "validUntilWall": snap.valid_until_wall,
        "timer": timer,
        "stage": stage_view.flatten(),
        "runOfShow": (link.view == ShareView::RunOfShow).then(|| live.run_of_show()),
        "closer": (link.view == ShareView::Closer).then(|| json!({ "closings": live.closings_for(link.person_id.as_deref()) })),
    })
}

/// What a view's JSON says apart from the clock running: the same instants with a later
/// `now` are the same view (the page counts down by itself), so nothing is sent. The event's
/// clock against the wall clock (`anchor`) is kept: a rehearsal restarted elsewhere is news.
fn settled(v: &Value) -> Value {
    let now = v["now"]
        .as_str()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map_or(0, |t| t.timestamp_millis());
    let wall = v["serverNow"].as_i64().unwrap_or(0);
    let speed = v["rehearsalSpeed"].as_f64().unwrap_or(1.0);
    let anchor = ((now as f64 - wall as f64 * speed) / 100.0).round();
    json!({ "view": strip_ticking(v), "anchor": anchor })
}

/// A link's view and what it says apart from its clock ([`settled`]), from the shared cache
/// when the screens showing the same view already made it.
fn view_key(link: &ShareLink) -> String {
    format!(
        "{}|{}|{}",
        link.view.code(),
        link.stage_id.as_deref().unwrap_or(""),
        link.person_id.as_deref().unwrap_or("")
    )
}

fn view_in(live: &Live, link: &ShareLink) -> Arc<Shown> {
    let key = view_key(link);
    let mut views = live.views.lock().unwrap_or_else(|p| p.into_inner());
    views
        .entry(key)
        .or_insert_with(|| {
            let v = view_json(live, link);
            let k = settled(&v);
            Arc::new((v, k))
        })
        .clone()
}

async fn view_of(hub: &Arc<Hub>, link: &ShareLink) -> Result<Arc<Shown>, ApiError> {
    // The day-long views are made off the runtime's threads the first time.
    let light = !matches!(link.view, ShareView::RunOfShow | ShareView::Closer);
    if let Some(live) = hub.cached_live(&link.event_id, Utc::now()) {
        if light
            || live
                .views
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains_key(&view_key(link))
        {
            return Ok(view_in(&live, link));
        }
    }
    let (hub, link) = (hub.clone(), link.clone());
    blocking(move || {
        let live = hub.live(&link.event_id, Utc::now())?;
        Ok(view_in(&live, &link))
    })
    .await
}

/// `GET /api/view`
pub async fn view(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<ViewQuery>,
) -> Result<Response, ApiError> {
    let link = admit(&hub, token_of(&headers, q.token.as_deref()), false).await?;
    let v = view_of(&hub, &link).await?;
    Ok(([(header::CACHE_CONTROL, "no-store")], Json(&v.0)).into_response())
}

/// `GET /api/stream`: the view's updates as Server-Sent Events.
pub async fn stream(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<ViewQuery>,
) -> Result<Response, ApiError> {
    let token = token_of(&headers, q.token.as_deref());
    let link = admit(&hub, token.clone(), false).await?;
    let (tx, rx) = mpsc::channel::<Event>(8);
    tokio::spawn(feed(hub, link, token, tx));
    let events = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|e| (Ok::<_, Infallible>(e), rx))
    });
    let mut r = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response();
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        "no-store"
            .parse()
            .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "header"))?,
    );
    Ok(r)
}

/// How long a view may leave its stream unread before it is dropped (a tablet asleep on the
/// Wi-Fi): its task and connection end instead of waiting for TCP to give up.
const SEND_WAIT: Duration = Duration::from_secs(5);

/// Queues an event for a view; false when it is gone or has not read for [`SEND_WAIT`].
async fn put(tx: &mpsc::Sender<Event>, e: Event) -> bool {
    matches!(
        tokio::time::timeout(SEND_WAIT, tx.send(e)).await,
        Ok(Ok(()))
    )
}

/// A view's JSON without what only its clock moves (`now`, the seconds left): what decides
/// whether something changed.
pub fn strip_ticking(v: &Value) -> Value {
    const TICKING: [&str; 5] = [
        "now",
        "serverNow",
        "remainingSecs",
        "nextStartsInSecs",
        "endsInSecs",
    ];
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| !TICKING.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), strip_ticking(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_ticking).collect()),
        other => other.clone(),
    }
}

/// Every this many pings, an open view's token is checked again.
const RECHECK_EVERY: u32 = 5;

/// Whether an open view's token still opens it (a database hiccup is not a revocation).
async fn still_valid(hub: &Arc<Hub>, token: &Option<String>) -> bool {
    let fresh = Duration::from_secs(2);
    match crate::auth::admit_within(hub, token.clone(), false, fresh).await {
        Ok(_) => true,
        Err(e) => !(e.code == "revoked" || e.code == "unauthorized"),
    }
}

/// Feeds one open view until it goes away, its link is revoked or the server stops: its JSON
/// whenever it changes (a poke, or the snapshot's `valid_until` passing), and a ping a second.
async fn feed(hub: Arc<Hub>, link: ShareLink, token: Option<String>, tx: mpsc::Sender<Event>) {
    let _viewing = hub.viewing();
    let mut generations = hub.generations();
    let mut stopped = hub.stopped.clone();
    let mut ping = tokio::time::interval(PING);
    ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last = Value::Null;
    let mut pings = 0u32;
    loop {
        if *stopped.borrow() {
            return;
        }
        match view_of(&hub, &link).await {
            Ok(v) => {
                if v.1 != last {
                    if !put(&tx, Event::default().data(v.0.to_string())).await {
                        return;
                    }
                    last = v.1.clone();
                }
            }
            Err(e) if e.code == "not_found" => {
                // The event is gone: nothing more will come.
                let _ = put(&tx, Event::default().event("gone").data("{}")).await;
                return;
            }
            Err(_) => {}
        }
        tokio::select! {
            _ = ping.tick() => {
                let now = json!({ "serverNow": Utc::now().timestamp_millis() }).to_string();
                if !put(&tx, Event::default().event("ping").data(now)).await {
                    return;
                }
                // A link revoked where no one pokes this server (another machine's CLI on a
                // shared file) is still noticed within a few seconds.
                pings += 1;
                if pings % RECHECK_EVERY == 0 && !still_valid(&hub, &token).await {
                    let _ = put(&tx, Event::default().event("revoked").data("{}")).await;
                    return;
                }
            }
            changed = generations.changed() => {
                if changed.is_err() {
                    return;
                }
                if !still_valid(&hub, &token).await {
                    let _ = put(&tx, Event::default().event("revoked").data("{}")).await;
                    return;
                }
            }
            r = stopped.changed() => {
                if r.is_err() {
                    return;
                }
            }
            _ = tx.closed() => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timer(now: &str, wall: i64, speed: Option<f64>, ends: &str) -> Value {
        json!({
            "view": "speaker-timer", "now": now, "serverNow": wall, "rehearsalSpeed": speed,
            "timer": { "now": now, "remainingSecs": 10, "endsAt": ends, "message": "" },
        })
    }

    #[test]
    fn a_view_is_the_same_while_only_its_clock_runs() {
        let a = timer(
            "2027-05-04T13:00:00Z",
            1_000_000,
            None,
            "2027-05-04T14:00:00Z",
        );
        let b = timer(
            "2027-05-04T13:00:05Z",
            1_005_000,
            None,
            "2027-05-04T14:00:00Z",
        );
        assert_eq!(settled(&a), settled(&b));
        let moved = timer(
            "2027-05-04T13:00:05Z",
            1_005_000,
            None,
            "2027-05-04T14:02:00Z",
        );
        assert_ne!(settled(&a), settled(&moved), "a delay moved the end");
        // A rehearsal at 60x: five wall seconds are five simulated minutes.
        let r1 = timer(
            "2027-05-04T13:00:00Z",
            1_000_000,
            Some(60.0),
            "2027-05-04T14:00:00Z",
        );
        let r2 = timer(
            "2027-05-04T13:05:00Z",
            1_005_000,
            Some(60.0),
            "2027-05-04T14:00:00Z",
        );
        assert_eq!(settled(&r1), settled(&r2));
        let restarted = timer(
            "2027-05-04T12:00:00Z",
            1_005_000,
            Some(60.0),
            "2027-05-04T14:00:00Z",
        );
        assert_ne!(
            settled(&r1),
            settled(&restarted),
            "restarted from another instant"
        );
    }
}
