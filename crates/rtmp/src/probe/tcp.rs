//! The tcp stage: connecting to one of the resolved addresses, and what a
//! failed connection attempt means in plain words.

use std::io;
use std::net::SocketAddr;
use std::time::Instant;

use tokio::net::TcpStream;

use super::deadline::{ms, remaining, until};

/// Tries each address in turn, giving each an equal share of the time left.
pub(super) async fn connect_tcp(
    addrs: &[SocketAddr],
    deadline: Instant,
) -> Result<(TcpStream, String), String> {
    let mut failures: Vec<String> = Vec::new();
    for (i, addr) in addrs.iter().enumerate() {
        let left = remaining(deadline);
        if left.is_zero() {
            break;
        }
        let share = left / (addrs.len() - i) as u32;
        let attempt_deadline = Instant::now() + share;
        match until(attempt_deadline, TcpStream::connect(addr)).await {
            Some(Ok(stream)) => {
                let _ = stream.set_nodelay(true);
                let mut detail = format!("connected to {addr}");
                if !failures.is_empty() {
                    detail.push_str(&format!(" (after: {})", failures.join("; ")));
                }
                return Ok((stream, detail));
            }
            Some(Err(e)) => failures.push(describe_connect_error(&e, addr)),
            None => failures.push(format!(
                "timed out after {} ms connecting to {addr}",
                ms(share)
            )),
        }
    }
    if failures.is_empty() {
        failures.push("no time left to connect (time limit reached)".to_string());
    }
    Err(failures.join("; "))
}

fn describe_connect_error(e: &io::Error, addr: &SocketAddr) -> String {
    match e.kind() {
        io::ErrorKind::ConnectionRefused => {
            format!("connection refused by {addr} (nothing is listening on that port?)")
        }
        io::ErrorKind::TimedOut => format!("timed out connecting to {addr}"),
        io::ErrorKind::HostUnreachable => format!("host {addr} is unreachable"),
        io::ErrorKind::NetworkUnreachable => format!("network unreachable for {addr}"),
        io::ErrorKind::AddrNotAvailable => format!("address {addr} is not available here"),
        _ => format!("could not connect to {addr}: {e}"),
    }
}
