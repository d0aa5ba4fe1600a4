//! OSC feedback: an event's next cue sent to a control surface (a Stream Deck through
//! Companion, a TouchOSC page) so its buttons show what comes next and turn red when it is due.
//! Sent when it changes, and its countdown every second:
//!
//! ```text
//! /showcall/next/text       s  "Go live — Opening · Main stage" ("" when no cue is left)
//! /showcall/next/countdown  s  "04:59" ("+00:12" when late)
//! /showcall/next/in         i  seconds to its time (negative: late)
//! /showcall/next/soon       i  1 once its heads-up has gone
//! /showcall/next/due        i  1 once its time has come
//! ```
//!
//! Or, to an `http://` target, a POST of `{"eventId": …, "next": {text, inSecs, countdown,
//! soon, due}}` whenever the text, `soon` or `due` changes (not every second).

use crate::hub::Hub;
use rosc::{OscMessage, OscPacket, OscType};
use showcall_core::i18n::Lang;
use showcall_core::service::share::{self, FeedbackTarget, NextCue};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::UdpSocket;

fn message(addr: &str, arg: OscType) -> OscPacket {
    OscPacket::Message(OscMessage {
        addr: addr.into(),
        args: vec![arg],
    })
}

/// What changed between two states of the next cue, as OSC (the countdown always).
pub fn packets(last: Option<&NextCue>, now: &NextCue) -> Vec<OscPacket> {
    let mut out = Vec::new();
    if last.is_none_or(|l| l.text != now.text) {
        out.push(message(
            "/showcall/next/text",
            OscType::String(now.text.clone()),
        ));
    }
    if last.is_none_or(|l| l.soon != now.soon) {
        out.push(message(
            "/showcall/next/soon",
            OscType::Int(i32::from(now.soon)),
        ));
    }
    if last.is_none_or(|l| l.due != now.due) {
        out.push(message(
            "/showcall/next/due",
            OscType::Int(i32::from(now.due)),
        ));
    }
    out.push(message(
        "/showcall/next/countdown",
        OscType::String(now.countdown.clone()),
    ));
    let secs = now.in_secs.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
    out.push(message("/showcall/next/in", OscType::Int(secs)));
    out
}

/// Whether the next cue moved in what an HTTP target hears of (not its countdown).
fn moved(last: Option<&NextCue>, now: &NextCue) -> bool {
    last.is_none_or(|l| l.text != now.text || l.soon != now.soon || l.due != now.due)
}

/// How long an HTTP target has to answer.
const HTTP_WAIT: Duration = Duration::from_secs(2);

/// POSTs the next cue's JSON; true when the target answered 2xx (one that did not is tried
/// again every second until it does).
async fn post(addr: SocketAddr, path: &str, event_id: &str, next: &NextCue) -> bool {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let body = serde_json::json!({ "eventId": event_id, "next": next }).to_string();
    let host = match addr {
        SocketAddr::V4(a) => a.to_string(),
        SocketAddr::V6(a) => format!("[{}]:{}", a.ip(), a.port()),
    };
    let req = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: Showcall\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let answer = tokio::time::timeout(HTTP_WAIT, async {
        let mut s = tokio::net::TcpStream::connect(addr).await.ok()?;
        s.write_all(req.as_bytes()).await.ok()?;
        let mut head = Vec::new();
        let mut buf = [0u8; 1024];
        loop {
            let n = s.read(&mut buf).await.ok()?;
            if n == 0 {
                break;
            }
            if head.len() < 64 {
                head.extend_from_slice(&buf[..n]);
            }
        }
        Some(head)
    })
    .await;
    // "HTTP/1.1 2xx …"
    matches!(answer, Ok(Some(h)) if h.get(9) == Some(&b'2'))
}

/// Every this many seconds the whole state goes out again over OSC (UDP may lose one).
const OSC_RESEND: u32 = 10;

/// Waits for the next tick before trying a target that did not answer.
async fn continue_later(tick: &mut tokio::time::Interval) {
    tick.tick().await;
}

/// Sends `event_id`'s next cue to `to` until the server stops.
pub async fn run(hub: Arc<Hub>, event_id: String, to: FeedbackTarget) {
    let udp_to = match &to {
        FeedbackTarget::Osc(a) => Some(*a),
        FeedbackTarget::Http { .. } => None,
    };
    let sock = match udp_to {
        Some(to) => {
            let local: SocketAddr = if to.is_ipv4() {
                ([0, 0, 0, 0], 0).into()
            } else {
                (std::net::Ipv6Addr::UNSPECIFIED, 0).into()
            };
            match UdpSocket::bind(local).await {
                Ok(s) => Some((s, to)),
                Err(_) => return,
            }
        }
        None => None,
    };
    let mut generations = hub.generations();
    let mut stopped = hub.stopped.clone();
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut last: Option<NextCue> = None;
    let mut ticks = 0u32;
    loop {
        ticks = ticks.wrapping_add(1);
        if *stopped.borrow() {
            return;
        }
        let (h, e) = (hub.clone(), event_id.clone());
        let now = tokio::task::spawn_blocking(move || {
            let wall = chrono::Utc::now();
            h.live(&e, wall).ok().map(|live| {
                // The snapshot's countdowns run from its own instant: bring it to now.
                let mut snap = (*live.snapshot).clone();
                let speed = snap.rehearsal_speed.unwrap_or(1.0);
                let ran = (wall - live.wall).num_milliseconds() as f64 * speed;
                snap.now += chrono::Duration::milliseconds(ran as i64);
                let lang = if live.lang == "fr" {
                    Lang::FrCa
                } else {
                    Lang::En
                };
                share::next_cue(&snap, lang)
            })
        })
        .await
        .ok()
        .flatten();
        if let Some(now) = now {
            match (&sock, &to) {
                (Some((sock, to)), _) => {
                    let since = if ticks % OSC_RESEND == 0 {
                        None
                    } else {
                        last.as_ref()
                    };
                    for p in packets(since, &now) {
                        if let Ok(bytes) = rosc::encoder::encode(&p) {
                            let _ = sock.send_to(&bytes, to).await;
                        }
                    }
                }
                (None, FeedbackTarget::Http { addr, path }) => {
                    if moved(last.as_ref(), &now) && !post(*addr, path, &event_id, &now).await {
                        // Not heard: the next pass sends it again.
                        continue_later(&mut tick).await;
                        continue;
                    }
                }
                (None, FeedbackTarget::Osc(_)) => {}
            }
            last = Some(now);
        }
        tokio::select! {
            _ = tick.tick() => {}
            r = generations.changed() => {
                if r.is_err() {
                    return;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn next(text: &str, secs: i64, soon: bool, due: bool) -> NextCue {
        NextCue {
            text: text.into(),
            in_secs: secs,
            countdown: share::countdown(secs),
            soon,
            due,
        }
    }

    fn addrs(p: &[OscPacket]) -> Vec<String> {
        p.iter()
            .map(|p| match p {
                OscPacket::Message(m) => m.addr.clone(),
                OscPacket::Bundle(_) => "bundle".into(),
            })
            .collect()
    }

    #[test]
    fn the_text_and_lights_go_out_when_they_change_the_countdown_every_time() {
        let a = next("Go live — Opening · Main", 90, false, false);
        assert_eq!(addrs(&packets(None, &a)).len(), 5, "everything at first");
        let b = next("Go live — Opening · Main", 89, false, false);
        assert_eq!(
            addrs(&packets(Some(&a), &b)),
            ["/showcall/next/countdown", "/showcall/next/in"]
        );
        let c = next("Go live — Opening · Main", -1, true, true);
        assert_eq!(
            addrs(&packets(Some(&b), &c)),
            [
                "/showcall/next/soon",
                "/showcall/next/due",
                "/showcall/next/countdown",
                "/showcall/next/in"
            ]
        );
        assert_eq!(share::countdown(-12), "+00:12");
        assert_eq!(share::countdown(3723), "1:02:03");
    }
}
