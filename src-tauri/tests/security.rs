//! Least privilege, checked: the main window may call exactly the commands the shell registers
//! (no more, no fewer), and the content security policy allows no remote content.

use std::collections::BTreeSet;

fn src(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

fn registered_commands() -> BTreeSet<String> {
    let lib = src("src/lib.rs");
    let start = lib.find("generate_handler![").expect("handler list");
    let end = start + lib[start..].find(']').unwrap();
    lib[start..end]
        .split(',')
        .filter_map(|s| s.trim().rsplit("::").next().map(str::to_string))
        .filter(|s| !s.is_empty() && !s.contains('['))
        .collect()
}

#[test]
fn capabilities_allow_exactly_the_registered_commands() {
    let registered = registered_commands();
    assert!(registered.contains("edit_event"), "{registered:?}");
    let caps: serde_json::Value =
        serde_json::from_str(&src("capabilities/main-window.json")).unwrap();
    let allowed: BTreeSet<String> = caps["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect();
    let mut expected: BTreeSet<String> = registered
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // Listening to the shell's events ("close-requested", "cue-chime") is the only core permission.
    expected.insert("core:event:allow-listen".into());
    expected.insert("core:event:allow-unlisten".into());
    // The native open and save dialogs (packages, agendas): choosing a file, nothing more.
    expected.insert("dialog:allow-open".into());
    expected.insert("dialog:allow-save".into());
    assert_eq!(
        allowed, expected,
        "the main window: our commands, event listening and file dialogs, nothing else"
    );

    let timer: serde_json::Value =
        serde_json::from_str(&src("capabilities/speaker-timer.json")).unwrap();
    assert_eq!(timer["windows"], serde_json::json!(["speaker-timer"]));
    let timer: BTreeSet<&str> = timer["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(
        timer,
        BTreeSet::from([
            "allow-speaker-timer",
            "allow-get-lang",
            "allow-toggle-timer-fullscreen",
            "core:event:allow-listen",
            "core:event:allow-unlisten"
        ]),
        "the speaker timer window reads the timer, hears when it changes and may go full \
         screen, nothing else"
    );
    let build = src("build.rs");
    for c in &registered {
        assert!(
            build.contains(&format!("\"{c}\"")),
            "build.rs app manifest lacks {c}"
        );
    }
}

#[test]
fn csp_allows_no_remote_content() {
    let conf: serde_json::Value = serde_json::from_str(&src("../tauri.conf.json")).unwrap();
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set");
    for directive in csp.split(';') {
        for source in directive.split_whitespace().skip(1) {
            let ok = source.starts_with('\'')
                || source == "ipc:"
                || source == "data:"
                || source == "http://ipc.localhost"
                // The app's own protocol for stored branding files (Linux/macOS, Windows forms).
                || source == "showcall-file:"
                || source == "http://showcall-file.localhost";
            assert!(
                ok,
                "CSP source {source} in “{}” could load remote content",
                directive.trim()
            );
        }
    }
    assert!(csp.contains("default-src 'self'"));
    // Scripts only from the app itself, and no page in a frame.
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(csp.contains("frame-src 'none'"), "{csp}");
}

#[test]
fn the_app_binary_is_built_for_the_end_to_end_tests() {
    assert!(std::path::Path::new(env!("CARGO_BIN_EXE_showcall-app")).exists());
}
