//! The connect stage: the RTMP `connect` command to the application, and
//! what its answer (or silence) means.

use std::time::Instant;

use super::command::{Command, TXN_CONNECT};
use super::deadline::{ms, remaining, until};
use super::describe_io;
use super::session::{Session, SessionError, CSID_COMMAND};
use crate::amf0::Value;
use crate::url::Target;

/// Chunk size announced to the server before `connect`.
const OUR_CHUNK_SIZE: usize = 4096;
/// `flashVer` sent in `connect`.
const FLASH_VER: &str = "FMLE/3.0 (compatible; Showcall)";

pub(super) async fn connect(
    s: &mut Session,
    target: &Target,
    deadline: Instant,
) -> Result<((), String), String> {
    let budget = remaining(deadline);
    let command_object = Value::object([
        ("app", Value::str(target.connect_app())),
        ("flashVer", Value::str(FLASH_VER)),
        ("tcUrl", Value::str(target.tc_url.clone())),
        ("type", Value::str("nonprivate")),
        ("fpad", Value::Boolean(false)),
        ("capabilities", Value::Number(15.0)),
        ("audioCodecs", Value::Number(3575.0)),
        ("videoCodecs", Value::Number(252.0)),
        ("videoFunction", Value::Number(1.0)),
    ]);
    let exchange = async {
        s.set_chunk_size(OUR_CHUNK_SIZE).await?;
        s.send_command(
            CSID_COMMAND,
            0,
            &[
                Value::str("connect"),
                Value::Number(TXN_CONNECT),
                command_object,
            ],
        )
        .await?;
        loop {
            let cmd = s.next_command().await?;
            if cmd.txn == TXN_CONNECT && (cmd.name == "_result" || cmd.name == "_error") {
                return Ok::<Command, SessionError>(cmd);
            }
        }
    };
    match until(deadline, exchange).await {
        None => Err(format!("no answer to connect within {} ms", ms(budget))),
        Some(Err(SessionError::Closed)) => Err(format!(
            "server closed the connection after connect: application '{}' not found?",
            target.app
        )),
        Some(Err(SessionError::Io(e))) => Err(describe_io(&e, "after connect")),
        Some(Err(SessionError::Protocol(m))) => Err(m),
        Some(Ok(cmd)) if cmd.name == "_result" => {
            let mut detail = cmd
                .code()
                .unwrap_or("NetConnection.Connect.Success")
                .to_string();
            if let Some(ver) = cmd
                .args
                .first()
                .and_then(|o| o.get("fmsVer"))
                .and_then(Value::as_str)
            {
                detail.push_str(&format!(" (server {ver})"));
            }
            Ok(((), detail))
        }
        Some(Ok(cmd)) => Err(format!(
            "connect refused: {}",
            cmd.status_text()
                .unwrap_or_else(|| "the server answered _error without a reason".to_string())
        )),
    }
}
