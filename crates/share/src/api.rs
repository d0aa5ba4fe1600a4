//! The control API: what the live view's keys do, for a Stream Deck, vMix or a script. Reading
//! (`GET /api/live`) takes any valid link of the event; every verb needs a control link. Each
//! verb runs the same use case as the window (same rules, the same rehearsal), and the app is
//! told, so its windows and scheduler follow.

use crate::auth::{admit, blocking, token_of, ApiError};
use crate::hub::Hub;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use chrono::Utc;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use showcall_core::model::{Actor, Cue, CueState, ShareLink};
use showcall_core::service::day::Day;
use showcall_core::service::share::{self, ApiLive, Source};
use std::sync::Arc;

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
}

/// What a control verb answers: the cue it acted on (cue verbs), and the live state after.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Acted {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<Cue>,
    live: ApiLive,
}

type Answer<T> = Result<Json<T>, ApiError>;

/// The live state of the link's event, now.
fn live_now(hub: &Hub, event_id: &str) -> Result<ApiLive, ApiError> {
    let live = hub.live(event_id, Utc::now())?;
    Ok(share::api_live(
        &live.snapshot,
        &live.event_name,
        &live.signals.messages,
    ))
}

/// `GET /api/live`
pub async fn live(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Answer<ApiLive> {
    let link = admit(&hub, token_of(&headers, q.token.as_deref()), false).await?;
    blocking(move || live_now(&hub, &link.event_id))
        .await
        .map(Json)
}

/// Runs a live control on the link's event, on its day (the rehearsal running, or the real
/// one), as the analyst; then tells the views and the app.
fn on_day<T>(
    hub: &Hub,
    event_id: &str,
    control: impl FnOnce(&mut Day) -> showcall_core::Result<T>,
) -> Result<T, ApiError> {
    let mut store = hub.store();
    let mut control = Some(control);
    let mut out = None;
    hub.host.with_rehearsal(&mut |r| {
        if let Some(c) = control.take() {
            let mut day = Day::of(&mut store, r, event_id, Actor::Analyst).from(Source::Api);
            out = Some(c(&mut day));
        }
    });
    drop(store);
    let out = out.ok_or_else(|| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the app is stopping",
        )
    })??;
    acted(hub);
    Ok(out)
}

fn acted(hub: &Hub) {
    hub.poke();
    hub.host.changed();
}

/// What a verb without a cue answers, once the views and the app have been told.
fn told(hub: &Hub, event_id: &str) -> Result<Acted, ApiError> {
    acted(hub);
    Ok(Acted {
        ok: true,
        cue: None,
        live: live_now(hub, event_id)?,
    })
}

/// A control verb's link and JSON body.
async fn control(
    hub: &Arc<Hub>,
    headers: &HeaderMap,
    q: &TokenQuery,
    body: &Bytes,
) -> Result<(ShareLink, serde_json::Map<String, Value>), ApiError> {
    let link = admit(hub, token_of(headers, q.token.as_deref()), true).await?;
    Ok((link, object(body)?))
}

async fn mark_next(hub: Arc<Hub>, link: ShareLink, state: CueState) -> Answer<Acted> {
    blocking(move || {
        let cue = on_day(&hub, &link.event_id, |day| {
            let wall = Utc::now();
            let snap = day.snapshot(wall)?;
            let Some(cue) = snap.next_cue else {
                return Ok(None);
            };
            day.mark(&cue.key, state, wall)?;
            Ok(Some(Cue { state, ..cue }))
        })?;
        let Some(cue) = cue else {
            return Err(ApiError::new(
                StatusCode::CONFLICT,
                "no_cue",
                "no cue is left to act on",
            ));
        };
        Ok(Acted {
            ok: true,
            cue: Some(cue),
            live: live_now(&hub, &link.event_id)?,
        })
    })
    .await
    .map(Json)
}

/// `POST /api/cues/next/done`
pub async fn next_done(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Answer<Acted> {
    let link = admit(&hub, token_of(&headers, q.token.as_deref()), true).await?;
    mark_next(hub, link, CueState::Done).await
}

/// `POST /api/cues/next/skip`
pub async fn next_skip(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Answer<Acted> {
    let link = admit(&hub, token_of(&headers, q.token.as_deref()), true).await?;
    mark_next(hub, link, CueState::Skipped).await
}

/// A JSON object body, or a refusal naming what is wrong with it.
fn object(body: &Bytes) -> Result<serde_json::Map<String, Value>, ApiError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(ApiError::bad_field(
            "body",
            "the body must be a JSON object",
        )),
        Err(e) => Err(ApiError::bad_field(
            "body",
            format!("the body is not valid JSON: {e}"),
        )),
    }
}

/// An optional text field (absent, null or a string).
fn text(m: &serde_json::Map<String, Value>, field: &str) -> Result<Option<String>, ApiError> {
    match m.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(ApiError::bad_field(
            field,
            format!("“{field}” must be text"),
        )),
    }
}

/// `POST /api/delay` `{"stage": NAME_OR_ID, "minutes": N, "session": TITLE_OR_ID?}`
pub async fn delay(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
    body: Bytes,
) -> Answer<Acted> {
    let (link, m) = control(&hub, &headers, &q, &body).await?;
    let stage = text(&m, "stage")?
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| ApiError::bad_field("stage", "“stage” is required: a stage's name or id"))?;
    let minutes = match m.get("minutes") {
        Some(v) => v.as_i64().ok_or_else(|| {
            ApiError::bad_field("minutes", "“minutes” must be a whole number of minutes")
        })?,
        None => return Err(ApiError::bad_field("minutes", "“minutes” is required")),
    };
    let session = text(&m, "session")?;
    blocking(move || {
        // on_day tells the views and the app; the answer is the live state after.
        on_day(&hub, &link.event_id, |day| {
            day.delay(&stage, session.as_deref(), minutes, Utc::now())
        })?;
        live_now(&hub, &link.event_id).map(|live| Acted {
            ok: true,
            cue: None,
            live,
        })
    })
    .await
    .map(Json)
}

/// `POST /api/message` `{"stage": NAME_OR_ID?, "text": "..."}` (no stage: every stage; an
/// empty text clears the line).
pub async fn message(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
    body: Bytes,
) -> Answer<Acted> {
    let (link, m) = control(&hub, &headers, &q, &body).await?;
    let stage = text(&m, "stage")?;
    let said = text(&m, "text")?
        .ok_or_else(|| ApiError::bad_field("text", "“text” is required (\"\" clears the line)"))?;
    blocking(move || {
        share::send_message(
            &mut hub.store(),
            Actor::Analyst,
            &link.event_id,
            stage.as_deref(),
            &said,
            Source::Api,
            Utc::now(),
        )?;
        told(&hub, &link.event_id)
    })
    .await
    .map(Json)
}

/// `POST /api/blackout` `{"stage": NAME_OR_ID?, "on": true|false}`
pub async fn blackout(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
    body: Bytes,
) -> Answer<Acted> {
    let (link, m) = control(&hub, &headers, &q, &body).await?;
    let stage = text(&m, "stage")?;
    let on = m
        .get("on")
        .and_then(Value::as_bool)
        .ok_or_else(|| ApiError::bad_field("on", "“on” is required: true or false"))?;
    blocking(move || {
        share::blackout(
            &mut hub.store(),
            Actor::Analyst,
            &link.event_id,
            stage.as_deref(),
            on,
            Source::Api,
            Utc::now(),
        )?;
        told(&hub, &link.event_id)
    })
    .await
    .map(Json)
}

/// Anything else.
pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such page")
}
