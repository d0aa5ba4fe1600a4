//! Showcall on the network: the local web server the app runs when the analyst switches
//! sharing on. It serves the shared views (a plain page any browser opens from a link, fed by
//! Server-Sent Events) and the control API (`GET /api/live`, `POST /api/cues/next/done`, …),
//! each guarded by the link's token. It reads and writes through its own connection to the
//! database (WAL lets it read while the app writes) and never holds a lock the cue scheduler
//! needs: the app hands it the rehearsal (locked for a moment to copy) and hears back through
//! [`Host::changed`] when the show moved.
//!
//! No Tauri here: the app starts it on its runtime, and the tests start it on theirs.

mod api;
mod auth;
mod feedback;
mod hub;
mod osc;
mod views;
mod ws;

pub use hub::Host;

use axum::routing::{get, post};
use axum::Router;
use hub::Hub;
use showcall_core::model::ShareView;
use showcall_core::Store;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Where the server listens and which database it serves.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    /// A UDP port for OSC control on the same address (0: any free port), if wanted.
    pub osc_port: Option<u16>,
    /// Events whose next cue is sent as feedback, and where.
    pub feedback: Vec<(String, showcall_core::service::share::FeedbackTarget)>,
}

/// The server, running. Dropping it without [`Running::stop`] leaves it running until the
/// runtime ends.
pub struct Running {
    addr: SocketAddr,
    osc: Option<SocketAddr>,
    hub: Arc<Hub>,
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

/// Why the server did not start.
#[derive(Debug)]
pub enum StartError {
    /// The database could not be opened.
    Store(showcall_core::Error),
    /// The address could not be listened on (in use, not this machine's, no permission).
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
}

impl std::fmt::Display for StartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StartError::Store(e) => write!(f, "{}", e.message(showcall_core::i18n::Lang::En)),
            StartError::Bind { addr, source } => write!(f, "cannot listen on {addr}: {source}"),
        }
    }
}

impl std::error::Error for StartError {}

/// How long [`Running::stop`] waits for connections to close before cutting them.
const STOP_GRACE: Duration = Duration::from_secs(2);

/// Starts the server on `config.bind:config.port` (port 0: any free port).
pub async fn start(config: Config, host: Arc<dyn Host>) -> Result<Running, StartError> {
    let store = Store::open(&config.db).map_err(StartError::Store)?;
    let links_store = Store::open(&config.db).map_err(StartError::Store)?;
    let addr = SocketAddr::new(config.bind, config.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?;
    let addr = listener
        .local_addr()
        .map_err(|source| StartError::Bind { addr, source })?;
    let osc = match config.osc_port {
        Some(port) => {
            let at = SocketAddr::new(config.bind, port);
            let sock = tokio::net::UdpSocket::bind(at)
                .await
                .map_err(|source| StartError::Bind { addr: at, source })?;
            Some(sock)
        }
        None => None,
    };
    let osc_addr = osc.as_ref().and_then(|s| s.local_addr().ok());
    let (stop, stopped) = watch::channel(false);
    let hub = Arc::new(Hub::new(store, links_store, host, stopped.clone()));
    if let Some(sock) = osc {
        tokio::spawn(osc::serve(hub.clone(), sock));
    }
    for (event_id, to) in config.feedback {
        tokio::spawn(feedback::run(hub.clone(), event_id, to));
    }
    let app = router(hub.clone());
    let mut signal = stopped;
    let task = tokio::spawn(async move {
        let serve = axum::serve(listener, app).with_graceful_shutdown(async move {
            while !*signal.borrow_and_update() {
                if signal.changed().await.is_err() {
                    break;
                }
            }
        });
        let _ = serve.await;
    });
    Ok(Running {
        addr,
        osc: osc_addr,
        hub,
        stop,
        task,
    })
}

fn router(hub: Arc<Hub>) -> Router {
    Router::new()
        .route("/v/{view}", get(views::page))
        .route("/assets/{file}", get(views::asset))
        .route("/api/time", get(views::time))
        .route("/api/view", get(views::view))
        .route("/api/stream", get(views::stream))
        .route("/api/live", get(api::live))
        .route("/api/ws", get(ws::upgrade))
        .route("/api/cues/next/done", post(api::next_done))
        .route("/api/cues/next/skip", post(api::next_skip))
        .route("/api/delay", post(api::delay))
        .route("/api/message", post(api::message))
        .route("/api/blackout", post(api::blackout))
        .route("/api/actual", post(api::actual))
        .route("/api/rehearsal/start", post(api::rehearsal_start))
        .route("/api/rehearsal/stop", post(api::rehearsal_stop))
        .fallback(api::not_found)
        .with_state(hub)
}

impl Running {
    /// The address it listens on (with the port it got, when asked for port 0).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The UDP address OSC control listens on, when on.
    pub fn osc_addr(&self) -> Option<SocketAddr> {
        self.osc
    }

    /// Tells every open view that the show may have moved (an edit, a cue marked, a delay, a
    /// link revoked): each checks its token again and sends what changed.
    pub fn poke(&self) {
        self.hub.poke();
    }

    /// How many views are connected now.
    pub fn viewers(&self) -> usize {
        self.hub.viewers()
    }

    /// Stops listening and closes every connection (open views see their link drop).
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        let mut task = self.task;
        if tokio::time::timeout(STOP_GRACE, &mut task).await.is_err() {
            task.abort();
        }
    }
}

/// The path of a view's page, for a link.
pub fn view_path(view: ShareView, token: &str) -> String {
    format!("/v/{}?token={token}", view.code())
}

/// The addresses a link can use to reach a server bound to `bind`: that address itself, or,
/// for "every interface" (`0.0.0.0` / `::`), each of this machine's addresses, LAN ones first
/// and loopback last.
pub fn addresses(bind: IpAddr) -> Vec<IpAddr> {
    if !bind.is_unspecified() {
        return vec![bind];
    }
    let mut found: Vec<IpAddr> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .map(|i| i.ip())
        .filter(|ip| ip.is_ipv4() == bind.is_ipv4() || bind.is_ipv6())
        // Link-local IPv6 needs a zone in a URL: not something to read out to a colleague.
        .filter(|ip| !matches!(ip, IpAddr::V6(v6) if (v6.segments()[0] & 0xffc0) == 0xfe80))
        .collect();
    found.sort_by_key(|ip| (ip.is_loopback(), ip.is_ipv6(), *ip));
    found.dedup();
    if found.is_empty() {
        found.push(if bind.is_ipv4() {
            IpAddr::from([127, 0, 0, 1])
        } else {
            IpAddr::from(std::net::Ipv6Addr::LOCALHOST)
        });
    }
    found
}

/// The full URL of a view at `ip:port`.
pub fn view_url(ip: IpAddr, port: u16, view: ShareView, token: &str) -> String {
    let host = match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => format!("[{v6}]"),
    };
    format!("http://{host}:{port}{}", view_path(view, token))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_to_every_interface_lists_real_addresses_loopback_last() {
        let all = addresses("0.0.0.0".parse().unwrap());
        assert!(!all.is_empty());
        assert!(all.iter().all(|ip| ip.is_ipv4() && !ip.is_unspecified()));
        if let Some(i) = all.iter().position(|ip| ip.is_loopback()) {
            assert!(all[i..].iter().all(|ip| ip.is_loopback()), "{all:?}");
        }
        let one: IpAddr = "127.0.0.1".parse().unwrap();
        assert_eq!(addresses(one), vec![one]);
    }

    #[test]
    fn an_ipv6_url_brackets_its_host() {
        let u = view_url("::1".parse().unwrap(), 7870, ShareView::Clock, "abc");
        assert_eq!(u, "http://[::1]:7870/v/clock?token=abc");
    }
}
