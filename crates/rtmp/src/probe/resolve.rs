//! The resolve stage: the host of the URL to socket addresses (no lookup
//! for an IP address).

use std::net::{IpAddr, SocketAddr};
use std::time::Instant;

use super::deadline::{ms, remaining, until};
use crate::url::Target;

pub(super) async fn resolve(
    target: &Target,
    deadline: Instant,
) -> Result<(Vec<SocketAddr>, String), String> {
    let host = &target.host;
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok((
            vec![SocketAddr::new(ip, target.port)],
            format!("{ip} (an IP address, no lookup needed)"),
        ));
    }
    let budget = remaining(deadline);
    match until(
        deadline,
        tokio::net::lookup_host((host.as_str(), target.port)),
    )
    .await
    {
        None => Err(format!(
            "DNS lookup of '{host}' timed out after {} ms",
            ms(budget)
        )),
        Some(Err(e)) => Err(format!("could not resolve host '{host}' ({e})")),
        Some(Ok(found)) => {
            let mut addrs: Vec<SocketAddr> = Vec::new();
            for a in found {
                if !addrs.contains(&a) {
                    addrs.push(a);
                }
            }
            if addrs.is_empty() {
                return Err(format!("host '{host}' has no address"));
            }
            let list: Vec<String> = addrs.iter().map(|a| a.ip().to_string()).collect();
            Ok((addrs, format!("{host} → {}", list.join(", "))))
        }
    }
}
