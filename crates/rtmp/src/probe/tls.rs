//! The tls stage (rtmps only): the TLS handshake over the TCP connection,
//! checking the certificate against the host name.

use std::time::Instant;

use tokio::net::TcpStream;

use super::deadline::{ms, remaining, until};
use super::Io;
use crate::url::Target;

pub(super) async fn start_tls(
    tcp: TcpStream,
    target: &Target,
    extra_roots: &[Vec<u8>],
    deadline: Instant,
) -> Result<(Box<dyn Io>, String), String> {
    let host = &target.host;
    let config = crate::tls::client_config(extra_roots)?;
    let server_name = rustls_pki_types::ServerName::try_from(host.clone())
        .map_err(|_| format!("'{host}' is not a valid name for TLS"))?;
    let connector = tokio_rustls::TlsConnector::from(config);
    let budget = remaining(deadline);
    match until(deadline, connector.connect(server_name, tcp)).await {
        None => Err(format!(
            "no TLS answer from the server within {} ms (is this a plain rtmp:// port?)",
            ms(budget)
        )),
        Some(Err(e)) => Err(crate::tls::describe_error(&e, host)),
        Some(Ok(stream)) => {
            let (_, conn) = stream.get_ref();
            let version = match conn.protocol_version() {
                Some(rustls::ProtocolVersion::TLSv1_3) => "TLS 1.3".to_string(),
                Some(rustls::ProtocolVersion::TLSv1_2) => "TLS 1.2".to_string(),
                Some(v) => format!("{v:?}"),
                None => "TLS".to_string(),
            };
            let suite = conn
                .negotiated_cipher_suite()
                .map(|s| format!(", {:?}", s.suite()))
                .unwrap_or_default();
            Ok((
                Box::new(stream),
                format!("{version}{suite}, certificate valid for '{host}'"),
            ))
        }
    }
}
