//! The handshake stage: the RTMP handshake within the time left, telling
//! "no answer at all" from "stopped midway".

use std::time::Instant;

use super::deadline::{ms, remaining, until};
use super::Io;
use crate::handshake;

pub(super) async fn rtmp_handshake(
    io: &mut Box<dyn Io>,
    deadline: Instant,
) -> Result<((), String), String> {
    let mut progress = handshake::Progress::default();
    let budget = remaining(deadline);
    let res = until(deadline, handshake::perform(io, &mut progress)).await;
    match res {
        None if progress.received == 0 => Err(format!(
            "no answer from the server within {} ms",
            ms(budget)
        )),
        None => Err(format!(
            "the server stopped answering in the middle of the RTMP handshake \
             ({} of {} bytes received within {} ms)",
            progress.received,
            handshake::SERVER_HANDSHAKE_LEN,
            ms(budget)
        )),
        Some(Err(e)) => Err(e.describe()),
        Some(Ok(info)) => {
            let mut detail = "RTMP version 3 handshake done".to_string();
            if !info.echo_ok {
                detail.push_str(" (the server's S2 does not echo C1; tolerated)");
            }
            Ok(((), detail))
        }
    }
}
