//! The control API: what the live view's keys do, for a Stream Deck, vMix or a script. Reading
//! (`GET /api/live`) takes any valid link of the event; every verb needs a control link. Each
//! verb runs the same use case as the window (same rules, the same rehearsal), is recorded in
//! the day log as coming from the API, and the app is told, so its windows and scheduler
//! follow. The HTTP routes here and OSC ([`crate::osc`]) both end in [`perform`].

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
use showcall_core::service::day::{self, Day, End};
use showcall_core::service::share::{self, ApiLive, Source};
use std::sync::Arc;

#[derive(Deserialize)]
pub struct TokenQuery {
    token: Option<String>,
}

impl TokenQuery {
    pub fn token(&self) -> Option<&str> {
        self.token.as_deref()
    }
}

/// What a control verb answers: the cue it acted on (cue verbs), and the live state after.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Acted {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<Cue>,
    live: ApiLive,
}

/// A control verb, however it arrived (HTTP or OSC).
#[derive(Debug, Clone, PartialEq)]
pub enum Verb {
    /// Mark the next cue still to act on done or skipped.
    Next(CueState),
    /// A stage (name or id), or one session of it, runs `minutes` late (negative: early).
    Delay {
        stage: String,
        minutes: i64,
        session: Option<String>,
    },
    /// A line for a stage's speaker timer (`None`: every stage; empty text clears).
    Message { stage: Option<String>, text: String },
    /// Black out a stage's speaker timer (`None`: every stage), or lift it.
    Blackout { stage: Option<String>, on: bool },
    /// A session (title or id) really started or ended now.
    Actual { session: String, end: bool },
    /// Rehearse the event from `from` (RFC 3339) at `speed` (1–60), or stop (`None`).
    Rehearse(Option<(String, f64)>),
}

impl Verb {
    /// Its name in replies: `cue/done`, `delay`, …
    pub fn name(&self) -> &'static str {
        match self {
            Verb::Next(CueState::Skipped) => "cue/skip",
            Verb::Next(_) => "cue/done",
            Verb::Delay { .. } => "delay",
            Verb::Message { .. } => "message",
            Verb::Blackout { .. } => "blackout",
            Verb::Actual { .. } => "actual",
            Verb::Rehearse(Some(_)) => "rehearsal/start",
            Verb::Rehearse(None) => "rehearsal/stop",
        }
    }
}

type Answer<T> = Result<Json<T>, ApiError>;

/// The live state of the link's event, now: from the state computed for this change, its
/// countdowns brought to this instant (on the rehearsal's clock in a rehearsal).
pub fn live_now(hub: &Hub, event_id: &str) -> Result<ApiLive, ApiError> {
    let wall = Utc::now();
    let live = hub.live(event_id, wall)?;
    let speed = live.snapshot.rehearsal_speed.unwrap_or(1.0);
    let ran = ((wall - live.wall).num_milliseconds() as f64 * speed) as i64;
    let now = live.snapshot.now + chrono::Duration::milliseconds(ran);
    Ok(share::api_live(&live.snapshot, &live.event_name, &live.signals.messages).at(now))
}

/// `GET /api/live`: the whole event's live state, for a control link only (a view's link
/// shows its one view, never more of the event).
pub async fn live(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Answer<ApiLive> {
    let link = admit(&hub, token_of(&headers, q.token.as_deref()), true).await?;
    blocking(move || live_now(&hub, &link.event_id))
        .await
        .map(Json)
}

/// Runs a live control on the link's event, on its day (the rehearsal running, or the real
/// one), as the analyst, from the API.
fn on_day<T>(
    hub: &Hub,
    event_id: &str,
    control: impl FnOnce(&mut Day) -> showcall_core::Result<T>,
) -> Result<T, ApiError> {
    // The real day needs no rehearsal lock: the scheduler's ticks take it, and a write that
    // waits on the database must not hold them back.
    let rehearsing = hub.host.rehearsal().is_some_and(|r| r.event_id == event_id);
    if !rehearsing {
        let mut store = hub.store();
        let mut day = Day::of(&mut store, None, event_id, Actor::Analyst).from(Source::Api);
        return Ok(control(&mut day)?);
    }
    let mut store = hub.store();
    let mut control = Some(control);
    let mut out = None;
    hub.host.with_rehearsal(&mut |r| {
        if let Some(c) = control.take() {
            let mut day = Day::of(&mut store, r, event_id, Actor::Analyst).from(Source::Api);
            out = Some(c(&mut day));
        }
    });
    let out = out.ok_or_else(|| {
        ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "unavailable",
            "the app is stopping",
        )
    })?;
    Ok(out?)
}

/// Runs `verb` for `link` (a control link), tells the views and the app, and answers the
/// live state after (blocking: the database).
pub fn perform(hub: &Hub, link: &ShareLink, verb: Verb) -> Result<Acted, ApiError> {
    let event = link.event_id.as_str();
    let now = Utc::now();
    let cue = match verb {
        Verb::Next(state) => {
            let cue = on_day(hub, event, |day| {
                let snap = day.snapshot(now)?;
                let Some(cue) = snap.next_cue else {
                    return Ok(None);
                };
                day.mark(&cue.key, state, now)?;
                Ok(Some(Cue { state, ..cue }))
            })?;
            if cue.is_none() {
                return Err(ApiError::new(
                    StatusCode::CONFLICT,
                    "no_cue",
                    "no cue is left to act on",
                ));
            }
            cue
        }
        Verb::Delay {
            stage,
            minutes,
            session,
        } => {
            on_day(hub, event, |day| {
                day.delay(&stage, session.as_deref(), minutes, now)
            })?;
            None
        }
        Verb::Message { stage, text } => {
            let mut store = hub.store();
            let (actor, source) = (Actor::Analyst, Source::Api);
            share::send_message(
                &mut store,
                actor,
                event,
                stage.as_deref(),
                &text,
                source,
                now,
            )?;
            None
        }
        Verb::Blackout { stage, on } => {
            let mut store = hub.store();
            let (actor, source) = (Actor::Analyst, Source::Api);
            share::blackout(&mut store, actor, event, stage.as_deref(), on, source, now)?;
            None
        }
        Verb::Actual { session, end } => {
            let data = hub.store().load(event)?;
            let id = data
                .sessions
                .iter()
                .find(|s| s.id == session || s.title == session)
                .map(|s| s.id.clone())
                .ok_or_else(|| {
                    ApiError::from(showcall_core::Error::invalid(
                        "actual.session",
                        showcall_core::error::Invalid::UnknownReference(session.clone()),
                    ))
                })?;
            let which = if end { End::End } else { End::Start };
            on_day(hub, event, |day| day.actual(&id, which, now))?;
            None
        }
        Verb::Rehearse(Some((from, speed))) => {
            let r = day::rehearse(&hub.store(), Actor::Analyst, event, &from, speed, now)?;
            hub.host
                .rehearse(event, Some(r))
                .map_err(|why| ApiError::new(StatusCode::CONFLICT, "conflict", why))?;
            None
        }
        Verb::Rehearse(None) => {
            hub.host
                .rehearse(event, None)
                .map_err(|why| ApiError::new(StatusCode::CONFLICT, "conflict", why))?;
            None
        }
    };
    hub.poke();
    hub.host.changed();
    Ok(Acted {
        ok: true,
        cue,
        live: live_now(hub, event)?,
    })
}

/// Admits a control link and runs the verb parsed from its body.
async fn control(
    hub: Arc<Hub>,
    headers: &HeaderMap,
    q: &TokenQuery,
    verb: impl FnOnce() -> Result<Verb, ApiError>,
) -> Answer<Acted> {
    let link = admit(&hub, token_of(headers, q.token.as_deref()), true).await?;
    let verb = verb()?;
    blocking(move || perform(&hub, &link, verb)).await.map(Json)
}

/// `POST /api/cues/next/done`
pub async fn next_done(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Answer<Acted> {
    control(hub, &headers, &q, || Ok(Verb::Next(CueState::Done))).await
}

/// `POST /api/cues/next/skip`
pub async fn next_skip(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Answer<Acted> {
    control(hub, &headers, &q, || Ok(Verb::Next(CueState::Skipped))).await
}

/// A JSON object body, or a refusal naming what is wrong with it.
pub fn object(body: &[u8]) -> Result<serde_json::Map<String, Value>, ApiError> {
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

/// The stage a line or a blackout is for: absent, `""` or `"*"` mean every stage.
fn which_stage(m: &serde_json::Map<String, Value>) -> Result<Option<String>, ApiError> {
    Ok(text(m, "stage")?.filter(|s| !matches!(s.trim(), "" | "*")))
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
    control(hub, &headers, &q, || delay_verb(&object(&body)?)).await
}

type Fields = serde_json::Map<String, Value>;

fn delay_verb(m: &Fields) -> Result<Verb, ApiError> {
    let stage = text(m, "stage")?
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| ApiError::bad_field("stage", "“stage” is required: a stage's name or id"))?;
    let minutes = match m.get("minutes") {
        Some(v) => v
            .as_i64()
            .or_else(|| v.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64))
            .ok_or_else(|| {
                ApiError::bad_field("minutes", "“minutes” must be a whole number of minutes")
            })?,
        None => return Err(ApiError::bad_field("minutes", "“minutes” is required")),
    };
    let session = text(m, "session")?;
    Ok(Verb::Delay {
        stage,
        minutes,
        session,
    })
}

fn message_verb(m: &Fields) -> Result<Verb, ApiError> {
    let stage = which_stage(m)?;
    let text = text(m, "text")?
        .ok_or_else(|| ApiError::bad_field("text", "“text” is required (\"\" clears the line)"))?;
    Ok(Verb::Message { stage, text })
}

fn blackout_verb(m: &Fields) -> Result<Verb, ApiError> {
    let stage = which_stage(m)?;
    let on = m
        .get("on")
        .and_then(Value::as_bool)
        .ok_or_else(|| ApiError::bad_field("on", "“on” is required: true or false"))?;
    Ok(Verb::Blackout { stage, on })
}

fn actual_verb(m: &Fields) -> Result<Verb, ApiError> {
    let session = text(m, "session")?
        .filter(|s| !s.trim().is_empty())
        .ok_or_else(|| ApiError::bad_field("session", "“session” is required: a title or id"))?;
    let end = match text(m, "which")?.as_deref() {
        Some("start") => false,
        Some("end") => true,
        _ => {
            return Err(ApiError::bad_field(
                "which",
                "“which” must be \"start\" or \"end\"",
            ))
        }
    };
    Ok(Verb::Actual { session, end })
}

fn rehearsal_verb(m: &Fields) -> Result<Verb, ApiError> {
    let from = text(m, "from")?
        .ok_or_else(|| ApiError::bad_field("from", "“from” is required: an RFC 3339 instant"))?;
    let speed = match m.get("speed") {
        None => 1.0,
        Some(v) => v
            .as_f64()
            .ok_or_else(|| ApiError::bad_field("speed", "“speed” must be a number (1–60)"))?,
    };
    Ok(Verb::Rehearse(Some((from, speed))))
}

/// The verb named `name` (as in the HTTP paths: `cue/done`, `delay`, …) with its fields, for
/// the WebSocket API.
pub fn named_verb(name: &str, m: &Fields) -> Result<Verb, ApiError> {
    match name {
        "cue/done" => Ok(Verb::Next(CueState::Done)),
        "cue/skip" => Ok(Verb::Next(CueState::Skipped)),
        "delay" => delay_verb(m),
        "message" => message_verb(m),
        "blackout" => blackout_verb(m),
        "actual" => actual_verb(m),
        "rehearsal/start" => rehearsal_verb(m),
        "rehearsal/stop" => Ok(Verb::Rehearse(None)),
        other => Err(ApiError::bad_field(
            "verb",
            format!("no such verb: “{other}”"),
        )),
    }
}

/// `POST /api/message` `{"stage": NAME_OR_ID?, "text": "..."}` (no stage: every stage; an
/// empty text clears the line).
pub async fn message(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
    body: Bytes,
) -> Answer<Acted> {
    control(hub, &headers, &q, || message_verb(&object(&body)?)).await
}

/// `POST /api/blackout` `{"stage": NAME_OR_ID?, "on": true|false}`
pub async fn blackout(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
    body: Bytes,
) -> Answer<Acted> {
    control(hub, &headers, &q, || blackout_verb(&object(&body)?)).await
}

/// `POST /api/actual` `{"session": TITLE_OR_ID, "which": "start"|"end"}`: the session really
/// started or ended now (on the rehearsal's clock in a rehearsal).
pub async fn actual(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
    body: Bytes,
) -> Answer<Acted> {
    control(hub, &headers, &q, || actual_verb(&object(&body)?)).await
}

/// `POST /api/rehearsal/start` `{"from": RFC3339, "speed": 1–60}`
pub async fn rehearsal_start(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
    body: Bytes,
) -> Answer<Acted> {
    control(hub, &headers, &q, || rehearsal_verb(&object(&body)?)).await
}

/// `POST /api/rehearsal/stop`
pub async fn rehearsal_stop(
    State(hub): State<Arc<Hub>>,
    headers: HeaderMap,
    Query(q): Query<TokenQuery>,
) -> Answer<Acted> {
    control(hub, &headers, &q, || Ok(Verb::Rehearse(None))).await
}

/// Anything else.
pub async fn not_found() -> ApiError {
    ApiError::new(StatusCode::NOT_FOUND, "not_found", "no such page")
}
