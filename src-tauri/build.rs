fn main() {
    let attrs = tauri_build::Attributes::new()
        .config_path("../tauri.conf.json")
        .capabilities_path_pattern("./capabilities/**/*")
        .app_manifest(tauri_build::AppManifest::new().commands(&[
            "list_events",
            "create_event",
            "duplicate_event",
            "delete_event",
            "load_demo",
            "load_event",
            "edit_event",
            "undo",
            "redo",
            "get_lang",
            "set_lang",
            "app_info",
            "live_view",
            "mark_cue",
            "apply_delay",
            "record_actual",
            "start_rehearsal",
            "stop_rehearsal",
            "open_speaker_timer",
            "speaker_timer",
            "send_speaker_message",
            "report",
            "toggle_timer_fullscreen",
            "hide_main_window",
            "quit_app",
            "get_dnd",
            "set_dnd",
            "get_sound",
            "set_sound",
            "export_report_csv",
        ]));
    tauri_build::try_build(attrs).expect("tauri build script");
}
