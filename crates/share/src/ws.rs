//! The WebSocket API (`GET /api/ws`, the token in `Authorization: Bearer` or `?token=`): one
//! connection that hears the live state whenever it changes and sends verbs, for a script or a
//! control surface that keeps a connection open.
//!
//! From the server: `{"type": "live", "live": {…GET /api/live…}}` at once and on each change;
//! `{"type": "result", "id": …, "verb": "cue/done", "cue": {…}}` after a verb;
//! `{"type": "error", "id": …, "code": …, "message": …, "field": …}` when one is refused;
//! `{"type": "revoked"}` before closing when the link is revoked.
//! From the client: `{"id": ANY, "verb": "cue/done" | "cue/skip" | "delay" | "message" |
//! "blackout" | "actual" | "rehearsal/start" | "rehearsal/stop", …the fields of the same verb
//! over HTTP}`. It takes a control link (a view's link gets 403).

use crate::api::{live_now, named_verb, object, perform, TokenQuery};
use crate::auth::{admit, blocking, token_of, ApiError};
use crate::hub::Hub;
use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};
use showcall_core::model::ShareLink;
use std::sync::Arc;
use std::time::Duration;

/// The largest message a client may send (a verb is a few hundred bytes).
const MAX_MESSAGE: usize = 16 * 1024;

/// `GET /api/ws`
pub async fn upgrade(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
    ws: WebSocketUpgrade,
) -> Result<Response, ApiError> {
    let token = token_of(&headers, q.token());
    // The whole live state and the verbs: a control link's (a view's link opens its view).
    let link = admit(&hub, token.clone(), true).await?;
    Ok(ws
        .max_message_size(MAX_MESSAGE)
        .on_upgrade(move |socket| session(hub, link, token, socket)))
}

/// How long a client may leave the socket unread before it is dropped.
const SEND_WAIT: Duration = Duration::from_secs(5);

/// Sends a message; false when the client is gone or has not read for [`SEND_WAIT`].
async fn say(socket: &mut WebSocket, m: Message) -> bool {
    matches!(
        tokio::time::timeout(SEND_WAIT, socket.send(m)).await,
        Ok(Ok(()))
    )
}

fn error(id: &Value, e: ApiError) -> Value {
    json!({ "type": "error", "id": id, "code": e.code, "message": e.message, "field": e.field })
}

/// Runs one client's verb, as the HTTP API would (a view link's verbs are refused).
async fn verb(hub: &Arc<Hub>, link: &ShareLink, text: &str) -> Value {
    let m = match object(text.as_bytes()) {
        Ok(m) => m,
        Err(e) => return error(&Value::Null, e),
    };
    let id = m.get("id").cloned().unwrap_or(Value::Null);
    if !link.control {
        let e = ApiError::new(
            StatusCode::FORBIDDEN,
            "forbidden",
            "this link may only view the show, not control it",
        );
        return error(&id, e);
    }
    let name = m.get("verb").and_then(Value::as_str).unwrap_or_default();
    let v = match named_verb(name, &m) {
        Ok(v) => v,
        Err(e) => return error(&id, e),
    };
    let (h, l) = (hub.clone(), link.clone());
    match blocking(move || perform(&h, &l, v)).await {
        Ok(acted) => json!({ "type": "result", "id": id, "verb": name, "cue": acted.cue }),
        Err(e) => error(&id, e),
    }
}

async fn session(hub: Arc<Hub>, link: ShareLink, token: Option<String>, mut socket: WebSocket) {
    let _viewing = hub.viewing();
    let mut generations = hub.generations();
    let mut stopped = hub.stopped.clone();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last: Option<Value> = None;
    let mut ticks = 0u32;
    loop {
        if *stopped.borrow() {
            let _ = say(&mut socket, Message::Close(None)).await;
            return;
        }
        // The live state, when it moved (not when only its clock ran).
        let (h, e) = (hub.clone(), link.event_id.clone());
        if let Ok(live) = blocking(move || live_now(&h, &e)).await {
            let key =
                crate::views::strip_ticking(&serde_json::to_value(&live).unwrap_or(Value::Null));
            if last.as_ref() != Some(&key) {
                let msg = json!({ "type": "live", "live": live });
                if !say(&mut socket, Message::Text(msg.to_string().into())).await {
                    return;
                }
                last = Some(key);
            }
        }
        tokio::select! {
            incoming = socket.recv() => match incoming {
                Some(Ok(Message::Text(t))) => {
                    let answer = verb(&hub, &link, t.as_str()).await;
                    if !say(&mut socket, Message::Text(answer.to_string().into())).await {
                        return;
                    }
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => return,
                Some(Ok(_)) => {}
            },
            _ = tick.tick() => {
                ticks += 1;
                let fresh = Duration::from_secs(2);
                if ticks % 5 == 0
                    && crate::auth::admit_within(&hub, token.clone(), false, fresh)
                        .await
                        .is_err_and(|e| e.code == "revoked" || e.code == "unauthorized")
                {
                    let _ = say(&mut socket, Message::Text(json!({"type": "revoked"}).to_string().into())).await;
                    let _ = say(&mut socket, Message::Close(None)).await;
                    return;
                }
            }
            r = generations.changed() => {
                if r.is_err() {
                    return;
                }
                if let Err(e) = admit(&hub, token.clone(), false).await {
                    if e.code == "revoked" || e.code == "unauthorized" {
                        let _ = say(&mut socket, Message::Text(json!({"type": "revoked"}).to_string().into())).await;
                        let _ = say(&mut socket, Message::Close(None)).await;
                        return;
                    }
                }
            }
            r = stopped.changed() => {
                if r.is_err() {
                    return;
                }
            }
        }
    }
}
