//! TLS for rtmps://: client configuration (OS roots plus extra roots) and
//! plain-words descriptions of rustls failures.

use std::sync::{Arc, OnceLock};

use rustls::{CertificateError, ClientConfig, Error as TlsError, RootCertStore};
use rustls_pki_types::CertificateDer;

/// The operating system's trusted certificates, loaded once per process
/// (loading them reads and parses a few hundred files).
fn native_roots() -> &'static [CertificateDer<'static>] {
    static ROOTS: OnceLock<Vec<CertificateDer<'static>>> = OnceLock::new();
    ROOTS.get_or_init(|| rustls_native_certs::load_native_certs().certs)
}

/// A client configuration trusting the OS roots and `extra_roots` (DER).
pub(crate) fn client_config(extra_roots: &[Vec<u8>]) -> Result<Arc<ClientConfig>, String> {
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(native_roots().iter().cloned());
    for (i, der) in extra_roots.iter().enumerate() {
        roots
            .add(CertificateDer::from(der.clone()))
            .map_err(|e| format!("extra trusted certificate #{} is not usable: {e}", i + 1))?;
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("TLS setup failed: {e}"))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// Describes a failed TLS handshake for a person.
pub(crate) fn describe_error(err: &std::io::Error, host: &str) -> String {
    if let Some(tls) = err
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<TlsError>())
    {
        return describe_tls_error(tls, host);
    }
    match err.kind() {
        std::io::ErrorKind::UnexpectedEof => {
            "server closed the connection during the TLS handshake \
             (is this a plain rtmp:// port?)"
                .to_string()
        }
        _ => crate::probe::describe_io(err, "during the TLS handshake"),
    }
}

fn describe_tls_error(err: &TlsError, host: &str) -> String {
    match err {
        TlsError::InvalidCertificate(cert) => describe_cert_error(cert, host),
        TlsError::AlertReceived(alert) => {
            format!("the server refused the TLS handshake (alert: {alert:?})")
        }
        TlsError::NoCertificatesPresented => "the server sent no TLS certificate".to_string(),
        TlsError::PeerIncompatible(why) => {
            format!("no TLS version or cipher in common with the server ({why:?})")
        }
        TlsError::InvalidMessage(_) | TlsError::InappropriateMessage { .. } => {
            "the server did not answer with TLS (is this a plain rtmp:// port?)".to_string()
        }
        TlsError::PeerMisbehaved(why) => {
            format!("the server broke the TLS protocol ({why:?})")
        }
        other => format!("TLS handshake failed: {other}"),
    }
}

fn describe_cert_error(err: &CertificateError, host: &str) -> String {
    match err {
        CertificateError::NotValidForName => {
            format!("TLS certificate not valid for host '{host}'")
        }
        CertificateError::NotValidForNameContext { presented, .. } => {
            if presented.is_empty() {
                format!("TLS certificate not valid for host '{host}'")
            } else {
                format!(
                    "TLS certificate not valid for host '{host}' (it is for {})",
                    presented
                        .iter()
                        .map(|p| presented_name(p))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
        }
        CertificateError::UnknownIssuer => {
            "TLS certificate not trusted (unknown issuer)".to_string()
        }
        CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
            "TLS certificate expired".to_string()
        }
        CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
            "TLS certificate not valid yet (check this computer's clock)".to_string()
        }
        CertificateError::Revoked => "TLS certificate revoked".to_string(),
        CertificateError::BadSignature => "TLS certificate has a bad signature".to_string(),
        CertificateError::UnsupportedSignatureAlgorithmContext { .. }
        | CertificateError::UnsupportedSignatureAlgorithmForPublicKeyContext { .. } => {
            "TLS certificate not trusted (its signature does not match any trusted issuer)"
                .to_string()
        }
        CertificateError::BadEncoding => "TLS certificate is malformed".to_string(),
        CertificateError::InvalidPurpose | CertificateError::InvalidPurposeContext { .. } => {
            "TLS certificate is not meant for servers".to_string()
        }
        other => format!("TLS certificate rejected: {other}"),
    }
}

/// rustls lists the certificate's names in their `Debug` form, such as
/// `DnsName("localhost")`; keep the quoted part when there is one.
fn presented_name(p: &str) -> &str {
    match (p.find('"'), p.rfind('"')) {
        (Some(a), Some(b)) if b > a + 1 => &p[a + 1..b],
        _ => p,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn io_err(e: TlsError) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::InvalidData, e)
    }

    #[test]
    fn certificate_errors_in_plain_words() {
        let d = describe_error(
            &io_err(TlsError::InvalidCertificate(
                CertificateError::NotValidForName,
            )),
            "127.0.0.1",
        );
        assert_eq!(d, "TLS certificate not valid for host '127.0.0.1'");
        let d = describe_error(
            &io_err(TlsError::InvalidCertificate(
                CertificateError::UnknownIssuer,
            )),
            "h",
        );
        assert_eq!(d, "TLS certificate not trusted (unknown issuer)");
        let d = describe_error(
            &io_err(TlsError::InvalidCertificate(CertificateError::Expired)),
            "h",
        );
        assert_eq!(d, "TLS certificate expired");
        let d = describe_error(
            &io_err(TlsError::InvalidCertificate(
                CertificateError::NotValidForNameContext {
                    expected: rustls_pki_types::ServerName::try_from("127.0.0.1").unwrap(),
                    presented: vec![r#"DnsName("localhost")"#.into(), "odd".into()],
                },
            )),
            "127.0.0.1",
        );
        assert_eq!(
            d,
            "TLS certificate not valid for host '127.0.0.1' (it is for localhost, odd)"
        );
    }

    #[test]
    fn eof_means_not_tls() {
        let e = std::io::Error::new(std::io::ErrorKind::UnexpectedEof, "eof");
        assert!(describe_error(&e, "h").contains("closed the connection"));
    }

    #[test]
    fn extra_root_must_parse() {
        let err = client_config(&[b"not a certificate".to_vec()]).unwrap_err();
        assert!(err.contains("#1"), "{err}");
    }
}
