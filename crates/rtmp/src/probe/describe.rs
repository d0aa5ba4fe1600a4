//! Plain-words descriptions of the I/O errors met after the TCP connection
//! is up (TLS, handshake, commands).

use std::io;

/// A plain-words description of an I/O error; `context` such as "during the
/// TLS handshake" is appended.
pub(crate) fn describe_io(e: &io::Error, context: &str) -> String {
    match e.kind() {
        io::ErrorKind::ConnectionReset => format!("the server reset the connection {context}"),
        io::ErrorKind::ConnectionAborted => format!("the connection was aborted {context}"),
        io::ErrorKind::BrokenPipe | io::ErrorKind::UnexpectedEof => {
            format!("the server closed the connection {context}")
        }
        io::ErrorKind::TimedOut => format!("the connection timed out {context}"),
        _ => format!("network error {context}: {e}"),
    }
}
