//! The RTMP handshake (the "simple" one, as every server accepts it).
//!
//! Client sends C0 (version 3) and C1 (1536 bytes: 4-byte time, 4 zero
//! bytes, 1528 random bytes); server answers S0, S1, S2; the client sends
//! C2, an echo of S1. A well-behaved server's S2 echoes C1.

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

/// The only version byte RTMP uses (6 would be RTMPE, not supported).
pub const RTMP_VERSION: u8 = 3;
/// Size of C1, C2, S1 and S2.
pub const HANDSHAKE_SIZE: usize = 1536;
/// Everything the server sends during the handshake: S0 + S1 + S2.
pub const SERVER_HANDSHAKE_LEN: usize = 1 + 2 * HANDSHAKE_SIZE;

/// Builds C0 + C1 from a time and 1528 random bytes.
pub fn c0c1(time: u32, random: &[u8; HANDSHAKE_SIZE - 8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(1 + HANDSHAKE_SIZE);
    out.push(RTMP_VERSION);
    out.extend_from_slice(&time.to_be_bytes());
    out.extend_from_slice(&[0, 0, 0, 0]);
    out.extend_from_slice(random);
    out
}

/// How far the handshake got; kept outside the future so that a caller that
/// gives up on time can still tell "no answer at all" from "stopped midway".
#[derive(Debug, Default, Clone)]
pub struct Progress {
    /// C0 and C1 were written.
    pub sent_c0c1: bool,
    /// Bytes of S0 + S1 + S2 received so far.
    pub received: usize,
}

/// What the server said about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandshakeInfo {
    /// Time field of S1.
    pub server_time: u32,
    /// Bytes 4..8 of S1 (a server version for servers using the digest handshake).
    pub server_version: [u8; 4],
    /// S2 echoes our C1, as the specification asks.
    pub echo_ok: bool,
}

/// Why the handshake failed (timeouts are the caller's business).
#[derive(Debug, thiserror::Error)]
pub enum HandshakeError {
    #[error("server closed the connection after {received} handshake bytes")]
    Closed { received: usize },
    #[error("server answered with version byte 0x{:02x}", first_bytes.first().copied().unwrap_or(0))]
    BadVersion { first_bytes: Vec<u8> },
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

impl HandshakeError {
    /// A sentence for a person.
    pub fn describe(&self) -> String {
        match self {
            HandshakeError::Closed { received: 0 } => {
                "server closed the connection without answering the RTMP handshake \
                 (a TLS-only rtmps:// port, or a server refusing this client?)"
                    .to_string()
            }
            HandshakeError::Closed { received } => format!(
                "server closed the connection in the middle of the RTMP handshake \
                 (after {received} of {SERVER_HANDSHAKE_LEN} bytes)"
            ),
            HandshakeError::BadVersion { first_bytes } => describe_bad_version(first_bytes),
            HandshakeError::Io(e) => crate::probe::describe_io(e, "during the RTMP handshake"),
        }
    }
}

fn describe_bad_version(bytes: &[u8]) -> String {
    let first = bytes.first().copied().unwrap_or(0);
    if bytes.starts_with(b"HTTP/") {
        return "server answered with 'H' — is this an HTTP endpoint, not RTMP?".to_string();
    }
    if bytes.starts_with(b"SSH-") {
        return "server answered with 'S' — this is an SSH server, not RTMP".to_string();
    }
    match first {
        0x15 | 0x16 => format!(
            "server answered with TLS data (byte 0x{first:02x}) — is this an rtmps:// endpoint? \
             Try rtmps:// instead of rtmp://"
        ),
        6 | 8 | 9 => {
            format!("server asked for encrypted RTMPE (version {first}), which is not supported")
        }
        b if b.is_ascii_graphic() => format!(
            "server answered with '{}' instead of RTMP version 3 — not an RTMP server?",
            b as char
        ),
        b => format!(
            "server answered with byte 0x{b:02x} instead of RTMP version 3 — not an RTMP server?"
        ),
    }
}

/// Runs the client side of the handshake on `io`.
pub async fn perform<S>(
    io: &mut S,
    progress: &mut Progress,
) -> Result<HandshakeInfo, HandshakeError>
where
    S: AsyncRead + AsyncWrite + Unpin + ?Sized,
{
    let mut random = [0u8; HANDSHAKE_SIZE - 8];
    getrandom::fill(&mut random).map_err(|e| std::io::Error::other(e.to_string()))?;
    let time = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as u32)
        .unwrap_or(0);
    let c0c1 = c0c1(time, &random);
    io.write_all(&c0c1).await?;
    io.flush().await?;
    progress.sent_c0c1 = true;

    // S0 + S1.
    let mut s0s1 = vec![0u8; 1 + HANDSHAKE_SIZE];
    let mut filled = 0;
    while filled < s0s1.len() {
        let n = io.read(&mut s0s1[filled..]).await?;
        if n == 0 {
            if filled > 0 && s0s1[0] != RTMP_VERSION {
                return Err(HandshakeError::BadVersion {
                    first_bytes: s0s1[..filled.min(16)].to_vec(),
                });
            }
            return Err(HandshakeError::Closed { received: filled });
        }
        filled += n;
        progress.received = filled;
        if s0s1[0] != RTMP_VERSION {
            // Gather a few more bytes (briefly) to recognise the protocol.
            while filled < 5 {
                let more = tokio::time::timeout(
                    std::time::Duration::from_millis(200),
                    io.read(&mut s0s1[filled..]),
                )
                .await;
                match more {
                    Ok(Ok(n)) if n > 0 => filled += n,
                    _ => break,
                }
            }
            return Err(HandshakeError::BadVersion {
                first_bytes: s0s1[..filled.min(16)].to_vec(),
            });
        }
    }
    let s1 = &s0s1[1..];

    // C2: echo of S1.
    io.write_all(s1).await?;
    io.flush().await?;

    // S2.
    let mut s2 = vec![0u8; HANDSHAKE_SIZE];
    let mut got = 0;
    while got < s2.len() {
        let n = io.read(&mut s2[got..]).await?;
        if n == 0 {
            return Err(HandshakeError::Closed {
                received: 1 + HANDSHAKE_SIZE + got,
            });
        }
        got += n;
        progress.received = 1 + HANDSHAKE_SIZE + got;
    }
    Ok(HandshakeInfo {
        server_time: u32::from_be_bytes([s1[0], s1[1], s1[2], s1[3]]),
        server_version: [s1[4], s1[5], s1[6], s1[7]],
        echo_ok: s2[8..] == c0c1[9..],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn c0c1_layout() {
        let random = [0xAB; HANDSHAKE_SIZE - 8];
        let b = c0c1(0x0102_0304, &random);
        assert_eq!(b.len(), 1537);
        assert_eq!(b[0], 3);
        assert_eq!(&b[1..5], &[1, 2, 3, 4]);
        assert_eq!(&b[5..9], &[0, 0, 0, 0]);
        assert!(b[9..].iter().all(|&x| x == 0xAB));
    }

    #[test]
    fn bad_version_messages() {
        assert_eq!(
            describe_bad_version(b"HTTP/1.1 400 Bad Request"),
            "server answered with 'H' — is this an HTTP endpoint, not RTMP?"
        );
        assert!(describe_bad_version(&[0x15, 3, 1]).contains("rtmps://"));
        assert!(describe_bad_version(&[6]).contains("RTMPE"));
        assert!(describe_bad_version(b"<html>").contains("'<'"));
        assert!(describe_bad_version(&[0]).contains("0x00"));
    }

    /// A fake server over an in-memory pipe: answers S0 S1 S2 and checks C2.
    #[tokio::test]
    async fn handshake_against_an_echoing_server() {
        let (mut client, mut server) = tokio::io::duplex(8192);
        let srv = tokio::spawn(async move {
            let mut c0c1 = vec![0u8; 1537];
            server.read_exact(&mut c0c1).await.unwrap();
            assert_eq!(c0c1[0], 3);
            let mut s1 = vec![7u8; HANDSHAKE_SIZE];
            s1[..4].copy_from_slice(&42u32.to_be_bytes());
            server.write_all(&[3]).await.unwrap();
            server.write_all(&s1).await.unwrap();
            server.write_all(&c0c1[1..]).await.unwrap(); // S2 = echo of C1
            let mut c2 = vec![0u8; HANDSHAKE_SIZE];
            server.read_exact(&mut c2).await.unwrap();
            assert_eq!(c2, s1);
        });
        let mut progress = Progress::default();
        let info = perform(&mut client, &mut progress).await.unwrap();
        srv.await.unwrap();
        assert_eq!(info.server_time, 42);
        assert!(info.echo_ok);
        assert_eq!(progress.received, SERVER_HANDSHAKE_LEN);
    }

    #[tokio::test]
    async fn handshake_against_a_server_that_closes() {
        let (mut client, mut server) = tokio::io::duplex(8192);
        tokio::spawn(async move {
            let mut c0c1 = vec![0u8; 1537];
            server.read_exact(&mut c0c1).await.unwrap();
            server.write_all(&[3, 0, 0]).await.unwrap();
            drop(server);
        });
        let mut progress = Progress::default();
        let err = perform(&mut client, &mut progress).await.unwrap_err();
        assert!(
            matches!(err, HandshakeError::Closed { received: 3 }),
            "{err:?}"
        );
        assert!(err.describe().contains("middle of the RTMP handshake"));
    }
}
