//! Tokens and refusals. A request carries its link's token in `Authorization: Bearer …` or a
//! `token` query parameter; no token, no data. Refusals are JSON `{code, message, field}` with
//! the HTTP status that says why (401 no or bad token, 403 a view's token on a control verb,
//! 400 a bad body, naming the field). A token is never logged nor echoed.

use crate::hub::Hub;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use showcall_core::i18n::Lang;
use showcall_core::model::ShareLink;
use showcall_core::service::share::{self, Refused};
use std::sync::Arc;
use std::time::Duration;

/// A refusal, as the API answers it.
#[derive(Debug, Serialize)]
pub struct ApiError {
    #[serde(skip)]
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            code,
            message: message.into(),
            field: None,
        }
    }

    pub fn bad_field(field: &str, message: impl Into<String>) -> ApiError {
        ApiError {
            field: Some(field.to_string()),
            ..ApiError::new(StatusCode::BAD_REQUEST, "invalid_input", message)
        }
    }

    fn refused(r: Refused) -> ApiError {
        match r {
            Refused::Unknown => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "this link is not valid: ask the analyst for a new one",
            ),
            Refused::Revoked => {
                ApiError::new(StatusCode::UNAUTHORIZED, "revoked", "this link was revoked")
            }
            Refused::ReadOnly => ApiError::new(
                StatusCode::FORBIDDEN,
                "forbidden",
                "this link may only view the show, not control it",
            ),
        }
    }
}

impl From<showcall_core::Error> for ApiError {
    fn from(e: showcall_core::Error) -> ApiError {
        let status = match e.code() {
            "invalid_input" => StatusCode::BAD_REQUEST,
            "not_found" => StatusCode::NOT_FOUND,
            "conflict" => StatusCode::CONFLICT,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        ApiError {
            status,
            code: e.code(),
            message: e.message(Lang::En),
            field: e.field().map(str::to_string),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (self.status, Json(&self)).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            r.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        r
    }
}

/// The token a request carries: the `Authorization: Bearer` header first, else `?token=`.
pub fn token_of(headers: &HeaderMap, query: Option<&str>) -> Option<String> {
    let bearer = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, token) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then_some(token)
        })
        .map(|t| t.trim().to_string());
    bearer
        .or_else(|| query.map(str::to_string))
        .filter(|t| !t.is_empty())
}

/// The link a token stands for, if it may be used (`control`: for a control verb).
pub async fn admit(
    hub: &Arc<Hub>,
    token: Option<String>,
    control: bool,
) -> Result<ShareLink, ApiError> {
    admit_within(hub, token, control, LINKS_KEPT).await
}

/// How long the links read once serve every check in a generation (a link made or revoked
/// pokes the server; this bounds what a missed poke costs).
const LINKS_KEPT: Duration = Duration::from_secs(60);

/// [`admit`], with the links read at most `max_age` ago. A token those links do not know is
/// checked again against links read after its request came (a link made a moment ago, before
/// the poke); requests arriving together share that read, on a connection of its own.
pub async fn admit_within(
    hub: &Arc<Hub>,
    token: Option<String>,
    control: bool,
    max_age: Duration,
) -> Result<ShareLink, ApiError> {
    let came = std::time::Instant::now();
    let stopped = || ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "stopped");
    let links = match hub.cached_links(max_age) {
        Some(l) => l,
        None => {
            let hub = hub.clone();
            tokio::task::spawn_blocking(move || hub.links(max_age))
                .await
                .map_err(|_| stopped())??
        }
    };
    match share::admit_in(&links, token.as_deref(), control) {
        Err(Refused::Unknown) if token.as_deref().is_some_and(|t| !t.is_empty()) => {
            let hub = hub.clone();
            let links = tokio::task::spawn_blocking(move || hub.links_since(came))
                .await
                .map_err(|_| stopped())??;
            share::admit_in(&links, token.as_deref(), control).map_err(ApiError::refused)
        }
        r => r.map_err(ApiError::refused),
    }
}

/// Runs blocking work (the database) off the runtime's threads.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|_| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal", "stopped"))?
}
