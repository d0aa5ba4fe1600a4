//! The network server's life in the app: started, stopped or moved as the stored share settings
//! say (from the window's panel or `showcall share on/off` on the same database), and told
//! whenever the show may have moved (the database watcher, the live controls), so its views
//! update. Its work runs on the async runtime and its own database connection: it never takes
//! the app's state lock, and the scheduler's rehearsal lock only to copy or for one control.

use crate::state::Rehearsing;
use showcall_core::model::{ShareSettings, ShareStatus};
use showcall_core::scheduler::Rehearsal;
use showcall_core::Store;
use showcall_share::{Config, Host, Running};
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Emitter, Manager};
use tokio::sync::watch;

/// The app's handle on the server: nudge it when something may have changed.
pub struct Sharing {
    nudge: watch::Sender<u64>,
    status: Arc<Mutex<ShareStatus>>,
    running: Arc<tokio::sync::Mutex<Option<Running>>>,
}

impl Sharing {
    /// Something may have changed (the settings, the show, a link): the server looks again.
    pub fn nudge(&self) {
        self.nudge.send_modify(|n| *n = n.wrapping_add(1));
    }

    pub fn status(&self) -> ShareStatus {
        let mut s = self
            .status
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        if let Ok(r) = self.running.try_lock() {
            s.viewers = r.as_ref().map_or(0, |r| r.viewers() as u32);
        }
        s
    }
}

/// What the server asks of the app.
struct AppHost {
    app: AppHandle,
    rehearsal: Rehearsing,
}

impl Host for AppHost {
    fn rehearsal(&self) -> Option<Rehearsal> {
        self.rehearsal
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    fn with_rehearsal(&self, f: &mut dyn FnMut(Option<&mut Rehearsal>)) {
        f(self
            .rehearsal
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .as_mut())
    }

    fn rehearse(&self, event_id: &str, rehearsal: Option<Rehearsal>) -> Result<(), String> {
        let state = self.app.try_state::<crate::state::AppState>();
        let live = state.as_ref().and_then(|s| s.cues().live.clone());
        let mut running = self.rehearsal.lock().unwrap_or_else(|p| p.into_inner());
        let other = running
            .as_ref()
            .map(|r| r.event_id.clone())
            .filter(|e| e != event_id)
            .or(live.filter(|e| e != event_id));
        // A control link of one event never takes over another event's day: not its
        // rehearsal, not the cues the scheduler notifies.
        if let Some(other) = other {
            return Err(format!(
                "another event ({other}) is live or rehearsing in the app: stop it there first"
            ));
        }
        let starting = rehearsal.is_some();
        *running = rehearsal;
        drop(running);
        if starting {
            // Its cues are the ones notified (as when the window starts one).
            if let Some(s) = state {
                s.cues().live = Some(event_id.to_string());
            }
        }
        Ok(())
    }

    fn changed(&self) {
        // As after the same control in the window: the windows ask again, the scheduler looks.
        let _ = self.app.emit("live-changed", ());
        if let Some(s) = self.app.try_state::<crate::state::AppState>() {
            s.wake();
        }
    }
}

fn read_settings(db: &Path) -> Result<ShareSettings, String> {
    Store::open(db)
        .and_then(|s| s.share_settings())
        .map_err(|e| e.message(Default::default()))
}

/// Starts following the share settings for the app's lifetime, and manages the handle.
pub fn start(app: &AppHandle, db: PathBuf, rehearsal: Rehearsing) {
    let (nudge, mut nudged) = watch::channel(0u64);
    let sharing = Sharing {
        nudge,
        status: Arc::default(),
        running: Arc::default(),
    };
    let (status, running) = (sharing.status.clone(), sharing.running.clone());
    app.manage(sharing);
    let host: Arc<dyn Host> = Arc::new(AppHost {
        app: app.clone(),
        rehearsal,
    });
    tauri::async_runtime::spawn(async move {
        let mut applied: Option<ShareSettings> = None;
        // Switched on but not started (the address is not this machine's yet, the port is
        // taken): tried again every few seconds until it starts or the settings change.
        let mut failed = false;
        loop {
            let db2 = db.clone();
            let wanted = tauri::async_runtime::spawn_blocking(move || read_settings(&db2))
                .await
                .unwrap_or_else(|e| Err(e.to_string()));
            match wanted {
                Ok(wanted) if applied.as_ref() != Some(&wanted) || failed => {
                    let mut r = running.lock().await;
                    if let Some(old) = r.take() {
                        old.stop().await;
                        log::info!("network sharing stopped");
                    }
                    let mut st = ShareStatus {
                        settings: wanted.clone(),
                        ..ShareStatus::default()
                    };
                    if wanted.on {
                        match run(&db, &wanted, host.clone()).await {
                            Ok(server) => {
                                let addr = server.addr();
                                log::info!("network sharing on {addr}");
                                st.running = true;
                                st.addresses = showcall_share::addresses(addr.ip())
                                    .into_iter()
                                    .map(|ip| ip.to_string())
                                    .collect();
                                *r = Some(server);
                            }
                            Err(e) => {
                                if !failed || applied.as_ref() != Some(&wanted) {
                                    log::warn!("network sharing could not start: {e}");
                                }
                                st.error = Some(e);
                            }
                        }
                    }
                    failed = st.error.is_some();
                    *status.lock().unwrap_or_else(|p| p.into_inner()) = st;
                    applied = Some(wanted);
                }
                Ok(_) => {
                    if let Some(server) = running.lock().await.as_ref() {
                        server.poke();
                    }
                }
                Err(e) => {
                    log::warn!("share settings unreadable: {e}");
                    // The show may still have moved: the views look again.
                    if let Some(server) = running.lock().await.as_ref() {
                        server.poke();
                    }
                }
            }
            if failed {
                tokio::select! {
                    r = nudged.changed() => if r.is_err() { return },
                    _ = tokio::time::sleep(std::time::Duration::from_secs(5)) => {}
                }
            } else if nudged.changed().await.is_err() {
                return;
            }
        }
    });
}

async fn run(db: &Path, s: &ShareSettings, host: Arc<dyn Host>) -> Result<Running, String> {
    let bind: IpAddr = s
        .bind
        .parse()
        .map_err(|_| format!("“{}” is not an IP address", s.bind))?;
    let config = Config {
        db: db.to_path_buf(),
        bind,
        port: s.port,
        osc_port: s.osc_port,
        feedback: s
            .feedback
            .iter()
            .filter_map(|f| {
                let to = showcall_core::service::share::feedback_target(&f.to).ok()?;
                Some((f.event_id.clone(), to))
            })
            .collect(),
    };
    showcall_share::start(config, host)
        .await
        .map_err(|e| e.to_string())
}

/// Nudges the server, if the app has one (the watcher and the live controls call this).
pub fn nudge<R: tauri::Runtime>(app: &AppHandle<R>) {
    if let Some(s) = app.try_state::<Sharing>() {
        s.nudge();
    }
}
