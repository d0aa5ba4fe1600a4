//! OSC over UDP, for control surfaces that speak it (Bitfocus Companion's generic OSC module,
//! QLab, TouchOSC): the same verbs as the HTTP API, each message starting with a control
//! link's token (OSC has no headers):
//!
//! ```text
//! /showcall/cue/done   TOKEN
//! /showcall/cue/skip   TOKEN
//! /showcall/delay      TOKEN STAGE MINUTES
//! /showcall/message    TOKEN STAGE TEXT        (STAGE "" or "*": every stage)
//! /showcall/blackout   TOKEN STAGE 0|1         (STAGE "" or "*": every stage)
//! /showcall/actual     TOKEN SESSION start|end
//! /showcall/rehearsal/start TOKEN FROM SPEED   (FROM: RFC 3339)
//! /showcall/rehearsal/stop  TOKEN
//! ```
//!
//! Each message is answered to its sender: `/showcall/ok VERB` or `/showcall/error CODE
//! MESSAGE [FIELD]`. A bundle's messages are taken in order.

use crate::api::{perform, Verb};
use crate::auth::{admit, blocking, ApiError};
use crate::hub::Hub;
use axum::http::StatusCode;
use rosc::{OscMessage, OscPacket, OscType};
use showcall_core::model::CueState;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::UdpSocket;

/// The largest datagram read (an OSC message from a control surface is a few hundred bytes).
const MAX_DATAGRAM: usize = 8192;

fn bad(field: &str, message: &str) -> ApiError {
    ApiError::bad_field(field, message)
}

/// A string argument (a number is taken as its text: a stage named "2").
fn string(args: &[OscType], i: usize, field: &str) -> Result<String, ApiError> {
    match args.get(i) {
        Some(OscType::String(s)) => Ok(s.clone()),
        Some(OscType::Int(n)) => Ok(n.to_string()),
        Some(OscType::Long(n)) => Ok(n.to_string()),
        Some(_) => Err(bad(
            field,
            &format!("argument {i} ({field}) must be a string"),
        )),
        None => Err(bad(field, &format!("argument {i} ({field}) is missing"))),
    }
}

/// A whole number argument (an int, a float with no fraction, or its text).
fn whole(args: &[OscType], i: usize, field: &str) -> Result<i64, ApiError> {
    let n = match args.get(i) {
        Some(OscType::Int(n)) => Some(i64::from(*n)),
        Some(OscType::Long(n)) => Some(*n),
        Some(OscType::Float(f)) if f.fract() == 0.0 => Some(*f as i64),
        Some(OscType::Double(f)) if f.fract() == 0.0 => Some(*f as i64),
        Some(OscType::String(s)) => s.trim().parse().ok(),
        Some(OscType::Bool(b)) => Some(i64::from(*b)),
        None => return Err(bad(field, &format!("argument {i} ({field}) is missing"))),
        _ => None,
    };
    n.ok_or_else(|| {
        bad(
            field,
            &format!("argument {i} ({field}) must be a whole number"),
        )
    })
}

/// A number argument (int, float, or its text).
fn number(args: &[OscType], i: usize, field: &str) -> Result<f64, ApiError> {
    let n = match args.get(i) {
        Some(OscType::Int(n)) => Some(f64::from(*n)),
        Some(OscType::Long(n)) => Some(*n as f64),
        Some(OscType::Float(f)) => Some(f64::from(*f)),
        Some(OscType::Double(f)) => Some(*f),
        Some(OscType::String(s)) => s.trim().parse().ok(),
        None => return Err(bad(field, &format!("argument {i} ({field}) is missing"))),
        _ => None,
    };
    n.ok_or_else(|| bad(field, &format!("argument {i} ({field}) must be a number")))
}

/// `""` or `"*"`: every stage.
fn stage(args: &[OscType], i: usize) -> Result<Option<String>, ApiError> {
    let s = string(args, i, "stage")?;
    Ok((!matches!(s.trim(), "" | "*")).then_some(s))
}

/// The verb a message asks for (its token apart).
fn verb(m: &OscMessage) -> Result<Verb, ApiError> {
    let a = &m.args;
    match m.addr.as_str() {
        "/showcall/cue/done" => Ok(Verb::Next(CueState::Done)),
        "/showcall/cue/skip" => Ok(Verb::Next(CueState::Skipped)),
        "/showcall/delay" => Ok(Verb::Delay {
            stage: stage(a, 1)?.ok_or_else(|| bad("stage", "a delay needs a stage"))?,
            minutes: whole(a, 2, "minutes")?,
            session: None,
        }),
        "/showcall/message" => Ok(Verb::Message {
            stage: stage(a, 1)?,
            text: string(a, 2, "text")?,
        }),
        "/showcall/blackout" => Ok(Verb::Blackout {
            stage: stage(a, 1)?,
            on: whole(a, 2, "on")? != 0,
        }),
        "/showcall/actual" => Ok(Verb::Actual {
            session: string(a, 1, "session")?,
            end: match string(a, 2, "which")?.as_str() {
                "start" => false,
                "end" => true,
                _ => return Err(bad("which", "argument 2 (which) must be start or end")),
            },
        }),
        "/showcall/rehearsal/start" => Ok(Verb::Rehearse(Some((
            string(a, 1, "from")?,
            number(a, 2, "speed")?,
        )))),
        "/showcall/rehearsal/stop" => Ok(Verb::Rehearse(None)),
        other => Err(ApiError::new(
            StatusCode::NOT_FOUND,
            "not_found",
            format!("no such OSC address: {other}"),
        )),
    }
}

/// Runs one message: its token, its verb, the answer to send back.
async fn handle(hub: &Arc<Hub>, m: OscMessage) -> OscMessage {
    let done = async {
        let token = match m.args.first() {
            Some(OscType::String(t)) => Some(t.clone()),
            _ => None,
        };
        let link = admit(hub, token, true).await?;
        let verb = verb(&m)?;
        let name = verb.name();
        let hub = hub.clone();
        blocking(move || perform(&hub, &link, verb)).await?;
        Ok::<_, ApiError>(name)
    };
    match done.await {
        Ok(name) => OscMessage {
            addr: "/showcall/ok".into(),
            args: vec![OscType::String(name.into())],
        },
        Err(e) => {
            let mut args = vec![OscType::String(e.code.into()), OscType::String(e.message)];
            if let Some(f) = e.field {
                args.push(OscType::String(f));
            }
            OscMessage {
                addr: "/showcall/error".into(),
                args,
            }
        }
    }
}

fn messages(p: OscPacket, out: &mut Vec<OscMessage>) {
    match p {
        OscPacket::Message(m) => out.push(m),
        OscPacket::Bundle(b) => {
            for p in b.content {
                messages(p, out);
            }
        }
    }
}

/// Serves OSC on `sock` until the server stops.
pub async fn serve(hub: Arc<Hub>, sock: UdpSocket) {
    let mut stopped = hub.stopped.clone();
    let mut buf = vec![0u8; MAX_DATAGRAM];
    loop {
        let (n, from): (usize, SocketAddr) = tokio::select! {
            r = sock.recv_from(&mut buf) => match r {
                Ok(x) => x,
                Err(_) => continue,
            },
            r = stopped.changed() => {
                if r.is_err() || *stopped.borrow() {
                    return;
                }
                continue;
            }
        };
        let mut list = Vec::new();
        match rosc::decoder::decode_udp(&buf[..n]) {
            Ok((_, p)) => messages(p, &mut list),
            Err(_) => {
                let reply = OscMessage {
                    addr: "/showcall/error".into(),
                    args: vec![
                        OscType::String("invalid_input".into()),
                        OscType::String("not an OSC packet".into()),
                    ],
                };
                send(&sock, reply, from).await;
                continue;
            }
        }
        for m in list {
            let reply = handle(&hub, m).await;
            send(&sock, reply, from).await;
        }
    }
}

async fn send(sock: &UdpSocket, m: OscMessage, to: SocketAddr) {
    if let Ok(bytes) = rosc::encoder::encode(&OscPacket::Message(m)) {
        let _ = sock.send_to(&bytes, to).await;
    }
}
