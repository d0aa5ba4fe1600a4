//! The Showcall desktop shell: opens the store, loads the demo event on first start, and
//! exposes one thin command per use case to the web UI. All knowledge lives in showcall-core.

#![cfg_attr(not(test), deny(clippy::unwrap_used))]

mod about;
mod commands;
mod diag;
mod fit;
pub mod gpu;
mod instance;
pub mod memory;
mod navigation;
mod notify;
mod share;
mod state;
mod tray;
mod watch;
mod windows;

use state::AppState;
use std::path::PathBuf;
use tauri::{Emitter, Manager};

/// The database path: `--db PATH` on the command line, else `$SHOWCALL_DB`, else the app-data dir.
fn db_path() -> PathBuf {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--db")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from)
        .unwrap_or_else(showcall_core::store::default_path)
}

/// The log the analyst sends after the show: `showcall.log` in the app's log folder (and on
/// stderr), from Info up, rolled over at about 1 MB with three older files kept (4 MB at most).
fn logger<R: tauri::Runtime>() -> tauri::plugin::TauriPlugin<R> {
    use tauri_plugin_log::{RotationStrategy, Target, TargetKind};
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .target(Target::new(TargetKind::LogDir {
            file_name: Some("showcall".into()),
        }))
        .target(Target::new(TargetKind::Stderr))
        .level(log::LevelFilter::Info)
        .max_file_size(1_000_000)
        .rotation_strategy(RotationStrategy::KeepSome(3))
        .build()
}

/// Starts the app.
pub fn run() {
    let path = db_path();
    let state = match AppState::open(&path) {
        Ok(s) => s,
        Err(e) => {
            // The logger is not set up yet (it is a plugin of the app not built yet).
            eprintln!(
                "showcall: cannot open {}: {}",
                path.display(),
                e.message(Default::default())
            );
            std::process::exit(2);
        }
    };
    // Copies of branding files an earlier run did not finish.
    showcall_core::store::sweep(&path);
    showcall_exchange::sweep_staging(&path);
    let opened = instance::OpenRequests::default();
    let argv: Vec<String> = std::env::args().collect();
    let cwd = std::env::current_dir().unwrap_or_default();
    if let Some(file) = instance::file_arg(&argv, &cwd) {
        opened.put(file);
    }
    let context = tauri::generate_context!("../tauri.conf.json");
    let identifier = context.config().identifier.clone();
    tauri::Builder::default()
        // First, so that a second launch on this database hands over before anything starts.
        .plugin(
            tauri_plugin_single_instance::Builder::new()
                .dbus_id(instance::instance_id(&identifier, &path))
                .callback(instance::handed_over)
                .build(),
        )
        .plugin(windows::remembered(&path))
        .manage(opened)
        .manage(commands::agenda::Kept::default())
        .plugin(logger())
        .plugin(navigation::guard())
        .plugin(tauri_plugin_notification::init())
        .manage(state)
        .setup(|app| {
            let data = app.state::<AppState>().path.clone();
            log::info!(
                "Showcall {} started; database {}",
                env!("CARGO_PKG_VERSION"),
                data.display()
            );
            log::info!("windows drawn with {}", gpu::summary());
            log::info!("window scripts run with {}", memory::javascript_summary());
            fit::main_window(app.handle(), windows::saved_size(&data, "main"));
            about::probe_webkit();
            tray::install(app.handle())?;
            notify::start(app.handle().clone())?;
            let path = app.state::<AppState>().path.clone();
            watch::start(app.handle().clone(), path.clone())?;
            let rehearsal = app.state::<AppState>().rehearsal_handle();
            share::start(app.handle(), path.clone(), rehearsal);
            commands::backups::start_daily(path);
            // The main window shows when its page starts loading (below); this is the fallback,
            // a task on the app's runtime rather than a thread that only sleeps.
            let handle = app.handle().clone();
            tauri::async_runtime::spawn(async move {
                tokio::time::sleep(std::time::Duration::from_secs(3)).await;
                if let Some(w) = handle.get_webview_window("main") {
                    windows::show_main_once(|| w.show());
                }
            });
            Ok(())
        })
        .on_page_load(|webview, payload| {
            if webview.label() == "main"
                && payload.event() == tauri::webview::PageLoadEvent::Started
            {
                windows::show_main_once(|| webview.window().show());
            }
        })
        .on_window_event(|window, event| match event {
            // Closing the main window asks (in the UI) whether to keep running in the tray.
            tauri::WindowEvent::CloseRequested { api, .. } => {
                if window.label() == "main" {
                    api.prevent_close();
                    let _ = window.emit("close-requested", ());
                } else {
                    windows::save_soon(window.app_handle());
                }
            }
            tauri::WindowEvent::Moved(_) | tauri::WindowEvent::Resized(_) => {
                windows::save_soon(window.app_handle());
            }
            _ => {}
        })
        .plugin(tauri_plugin_dialog::init())
        .register_uri_scheme_protocol("showcall-file", |ctx, request| {
            let state = ctx.app_handle().state::<AppState>();
            let db = state.lock_quiet().store.path().map(|p| p.to_path_buf());
            commands::branding::serve_file(db.as_deref(), request.uri().path())
        })
        .invoke_handler(tauri::generate_handler![
            commands::events::list_events,
            commands::events::create_event,
            commands::events::duplicate_event,
            commands::events::delete_event,
            commands::events::load_demo,
            commands::events::load_event,
            commands::events::event_tasks,
            commands::edit::edit_event,
            commands::edit::event_changes,
            commands::edit::undo,
            commands::edit::redo,
            commands::settings::get_lang,
            commands::settings::set_lang,
            commands::settings::app_info,
            commands::settings::diagnostics,
            commands::settings::open_log_folder,
            commands::live::live_view,
            commands::live::mark_cue,
            commands::live::apply_delay,
            commands::live::record_actual,
            commands::live::start_rehearsal,
            commands::live::stop_rehearsal,
            commands::live::open_speaker_timer,
            commands::live::speaker_timer,
            commands::live::send_speaker_message,
            commands::live::set_timer_blackout,
            commands::share::share_status,
            commands::share::set_share,
            commands::share::make_share_link,
            commands::share::share_links,
            commands::share::revoke_share_link,
            commands::share::revoke_all_share_links,
            commands::live::report,
            commands::live::toggle_timer_fullscreen,
            commands::rtmp::rtmp_presets,
            commands::rtmp::set_stream_key,
            commands::rtmp::reveal_stream_key,
            commands::rtmp::confirm_key_host,
            commands::rtmp::split_server_url,
            commands::rtmp::test_destination,
            commands::window::hide_main_window,
            commands::window::quit_app,
            commands::window::take_open_request,
            commands::window::get_dnd,
            commands::window::set_dnd,
            commands::window::get_sound,
            commands::window::set_sound,
            commands::window::export_report_csv,
            commands::exchange::default_export_path,
            commands::exchange::export_package,
            commands::exchange::open_package,
            commands::exchange::apply_package,
            commands::exchange::cancel_package,
            commands::exchange::cancel_job,
            commands::exchange::export_runsheet,
            commands::agenda::preview_agenda,
            commands::agenda::import_agenda,
            commands::agenda::agenda_rows,
            commands::branding::attach_brand_file,
            commands::branding::brand_presets,
            commands::branding::save_brand_preset,
            commands::branding::delete_brand_preset,
            commands::branding::get_mode,
            commands::branding::set_mode,
            commands::branding::mode_chosen,
            commands::branding::palette_contrast,
            commands::backups::list_backups,
            commands::backups::back_up_now,
            commands::backups::restore_backup,
        ])
        .run(context)
        .expect("error while running Showcall");
}
