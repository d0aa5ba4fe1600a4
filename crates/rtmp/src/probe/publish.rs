//! The publish stage (opt-in): releaseStream, FCPublish, createStream and
//! publish of the stream key, without sending any media, and what a refusal
//! looks like.

use std::time::Instant;

use super::command::{TXN_CREATE_STREAM, TXN_FC_PUBLISH, TXN_PUBLISH, TXN_RELEASE_STREAM};
use super::deadline::{ms, remaining, until};
use super::describe_io;
use super::session::{Session, SessionError, CSID_COMMAND, CSID_STREAM_COMMAND};
use crate::amf0::Value;

/// How a publish attempt ended, when not with success.
enum PublishFail {
    Session(SessionError),
    Refused(String),
}

impl From<SessionError> for PublishFail {
    fn from(e: SessionError) -> Self {
        PublishFail::Session(e)
    }
}

fn is_refusal(code: &str, level: &str) -> bool {
    level == "error"
        || ["BadName", "Rejected", "Failed", "Denied", "Unauthorized"]
            .iter()
            .any(|w| code.contains(w))
}

/// Sends `name` (transaction `txn`, no command object, then the key) on the
/// command chunk stream: releaseStream and FCPublish are both this.
async fn send_key_command(
    s: &mut Session,
    name: &str,
    txn: f64,
    key: &str,
) -> Result<(), SessionError> {
    s.send_command(
        CSID_COMMAND,
        0,
        &[
            Value::str(name),
            Value::Number(txn),
            Value::Null,
            Value::str(key),
        ],
    )
    .await
}

pub(super) async fn publish(
    s: &mut Session,
    key: &str,
    deadline: Instant,
) -> Result<(u32, String), String> {
    let budget = remaining(deadline);
    // Which step we are at, for messages; kept outside the timed future.
    let mut step = "releaseStream";
    let exchange = async {
        send_key_command(s, "releaseStream", TXN_RELEASE_STREAM, key).await?;
        step = "FCPublish";
        send_key_command(s, "FCPublish", TXN_FC_PUBLISH, key).await?;
        step = "createStream";
        s.send_command(
            CSID_COMMAND,
            0,
            &[
                Value::str("createStream"),
                Value::Number(TXN_CREATE_STREAM),
                Value::Null,
            ],
        )
        .await?;
        let stream_id = loop {
            let cmd = s.next_command().await?;
            if cmd.txn != TXN_CREATE_STREAM {
                continue;
            }
            if cmd.name == "_result" {
                let id = cmd.args.iter().find_map(Value::as_f64).unwrap_or(1.0);
                break id.max(0.0) as u32;
            }
            if cmd.name == "_error" {
                return Err(PublishFail::Refused(format!(
                    "createStream refused: {}",
                    cmd.status_text()
                        .unwrap_or_else(|| "no reason given".into())
                )));
            }
        };
        step = "publish";
        s.send_command(
            CSID_STREAM_COMMAND,
            stream_id,
            &[
                Value::str("publish"),
                Value::Number(TXN_PUBLISH),
                Value::Null,
                Value::str(key),
                Value::str("live"),
            ],
        )
        .await?;
        loop {
            let cmd = s.next_command().await?;
            match cmd.name.as_str() {
                "onStatus" => {
                    let code = cmd.code().unwrap_or_default().to_string();
                    let level = cmd
                        .info()
                        .and_then(|i| i.get("level"))
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string();
                    if code == "NetStream.Publish.Start" {
                        return Ok((stream_id, code));
                    }
                    if is_refusal(&code, &level) {
                        return Err(PublishFail::Refused(format!(
                            "publish refused: stream key rejected ({})",
                            cmd.status_text().unwrap_or(code)
                        )));
                    }
                }
                "_error" if cmd.txn == TXN_PUBLISH || cmd.txn == 0.0 => {
                    let why = cmd
                        .status_text()
                        .map(|t| format!(" ({t})"))
                        .unwrap_or_default();
                    return Err(PublishFail::Refused(format!(
                        "publish refused: stream key rejected{why}"
                    )));
                }
                _ => {}
            }
        }
    };
    let res = until(deadline, exchange).await;
    match res {
        None => Err(format!("no answer to {step} within {} ms", ms(budget))),
        Some(Ok((id, code))) => Ok((id, format!("{code} (stream id {id})"))),
        Some(Err(PublishFail::Refused(m))) => Err(m),
        Some(Err(PublishFail::Session(SessionError::Closed))) if step == "publish" => {
            Err("publish refused: stream key rejected (the server closed the connection)".into())
        }
        Some(Err(PublishFail::Session(SessionError::Closed))) => {
            Err(format!("the server closed the connection after {step}"))
        }
        Some(Err(PublishFail::Session(SessionError::Io(e)))) => {
            Err(describe_io(&e, &format!("after {step}")))
        }
        Some(Err(PublishFail::Session(SessionError::Protocol(m)))) => Err(m),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusal_codes() {
        assert!(is_refusal("NetStream.Publish.BadName", "error"));
        assert!(is_refusal("NetStream.Publish.Denied", "status"));
        assert!(!is_refusal("NetStream.Publish.Start", "status"));
    }
}
