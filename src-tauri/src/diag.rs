//! What the analyst can send after the show: the app's log (set up in `lib.rs`), the errors the
//! window was shown, and a plain-text summary of the install (the `diagnostics` command).
//!
//! Nothing secret goes in: a command's error is logged by its code and English message (the
//! core's messages never quote a stream key or a share token), never with its arguments.

use showcall_core::error::ErrorPayload;
use showcall_core::i18n::Lang;
use std::collections::VecDeque;
use std::sync::Mutex;

/// The errors last shown to the user, newest last (a few, for the diagnostics text).
pub struct Recent {
    lines: Mutex<VecDeque<String>>,
}

impl Recent {
    /// How many are kept.
    pub const KEEP: usize = 20;

    pub const fn new() -> Recent {
        Recent {
            lines: Mutex::new(VecDeque::new()),
        }
    }

    /// Keeps `line`, dropping the oldest past [`Recent::KEEP`].
    pub fn push(&self, line: String) {
        let mut lines = self.lines.lock().unwrap_or_else(|p| p.into_inner());
        if lines.len() == Self::KEEP {
            lines.pop_front();
        }
        lines.push_back(line);
    }

    /// The lines kept, oldest first.
    pub fn lines(&self) -> Vec<String> {
        let lines = self.lines.lock().unwrap_or_else(|p| p.into_inner());
        lines.iter().cloned().collect()
    }
}

/// The errors shown to the user in this run. Process-wide: errors are also mapped on worker
/// threads that hold no handle on the app's state ([`crate::state::AppState::recent_errors`]
/// reads it).
pub static RECENT: Recent = Recent::new();

/// Logs an error about to be returned to the window (its code and English message), keeps it
/// for the diagnostics, and answers its payload in the UI language. `payload` maps the error
/// in a given language (`|l| e.payload(l)`).
pub fn shown(payload: impl Fn(Lang) -> ErrorPayload, lang: Lang) -> ErrorPayload {
    let en = payload(Lang::En);
    let line = format!("{}: {}", en.code, en.message);
    log::warn!("command error {line}");
    RECENT.push(line);
    if lang == Lang::En {
        en
    } else {
        payload(lang)
    }
}

/// What `diagnostics` tells, gathered by the command.
pub struct Facts {
    pub version: String,
    pub os: Option<String>,
    /// The WebKitGTK version (None while it is still being found, or when it cannot be).
    pub webkit: Option<String>,
    pub db_path: String,
    pub schema: Result<i64, String>,
    pub log_dir: Option<String>,
    pub errors: Vec<String>,
}

impl Facts {
    /// The plain text the user copies (English: it goes to the support analyst).
    pub fn text(&self) -> String {
        let mut out = format!("Showcall {}\n", self.version);
        if let Some(os) = &self.os {
            out.push_str(&format!("OS: {os}\n"));
        }
        let webkit = self.webkit.as_deref().unwrap_or("unknown");
        out.push_str(&format!("WebKitGTK: {webkit}\n"));
        out.push_str(&format!("Database: {}\n", self.db_path));
        match &self.schema {
            Ok(v) => out.push_str(&format!("Schema version: {v}\n")),
            Err(e) => out.push_str(&format!("Schema version: unknown ({e})\n")),
        }
        if let Some(dir) = &self.log_dir {
            out.push_str(&format!("Log folder: {dir}\n"));
        }
        if self.errors.is_empty() {
            out.push_str("Recent errors: none\n");
        } else {
            out.push_str(&format!("Recent errors ({}):\n", self.errors.len()));
            for e in &self.errors {
                out.push_str(&format!("- {e}\n"));
            }
        }
        out
    }
}

/// The OS's name as it gives it (`PRETTY_NAME` in /etc/os-release).
pub fn os_name() -> Option<String> {
    let text = std::fs::read_to_string("/etc/os-release").ok()?;
    pretty_name(&text)
}

fn pretty_name(os_release: &str) -> Option<String> {
    os_release
        .lines()
        .find_map(|l| l.strip_prefix("PRETTY_NAME="))
        .map(|v| v.trim().trim_matches('"').to_string())
        .filter(|v| !v.is_empty())
}

/// Opens `dir` in the file manager (created first), without waiting for it.
pub fn open_folder(dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let child = std::process::Command::new("xdg-open")
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    // Reaped on a thread of its own, so it leaves no zombie behind.
    std::thread::spawn(move || {
        let mut child = child;
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_last_errors_are_kept() {
        let recent = Recent::new();
        for i in 0..30 {
            recent.push(format!("e{i}"));
        }
        let lines = recent.lines();
        assert_eq!(lines.len(), Recent::KEEP);
        assert_eq!(lines.first().map(String::as_str), Some("e10"));
        assert_eq!(lines.last().map(String::as_str), Some("e29"));
    }

    #[test]
    fn the_os_is_named_by_its_pretty_name() {
        let text = "NAME=\"Ubuntu\"\nPRETTY_NAME=\"Ubuntu 24.04.1 LTS\"\nID=ubuntu\n";
        assert_eq!(pretty_name(text).as_deref(), Some("Ubuntu 24.04.1 LTS"));
        assert_eq!(pretty_name("ID=x\n"), None);
    }

    #[test]
    fn the_text_names_the_version_the_schema_and_the_errors() {
        let facts = Facts {
            version: "1.2.3".into(),
            os: Some("Debian GNU/Linux 12".into()),
            webkit: Some("2.50.6-1~deb12u2 (libwebkit2gtk-4.1.so.0.19.9)".into()),
            db_path: "/d/showcall.db".into(),
            schema: Ok(7),
            log_dir: Some("/d/logs".into()),
            errors: vec!["invalid_input: Session title: must not be empty".into()],
        };
        let text = facts.text();
        assert!(text.starts_with("Showcall 1.2.3\n"), "{text}");
        assert!(text.contains("OS: Debian GNU/Linux 12\n"), "{text}");
        assert!(
            text.contains("WebKitGTK: 2.50.6-1~deb12u2 (libwebkit2gtk-4.1.so.0.19.9)\n"),
            "{text}"
        );
        assert!(text.contains("Database: /d/showcall.db\n"), "{text}");
        assert!(text.contains("Schema version: 7\n"), "{text}");
        assert!(text.contains("Log folder: /d/logs\n"), "{text}");
        assert!(
            text.contains("- invalid_input: Session title: must not be empty\n"),
            "{text}"
        );
    }

    #[test]
    fn a_shown_error_is_kept_in_english_and_answered_in_the_ui_language() {
        let e =
            showcall_core::Error::invalid("session.title", showcall_core::error::Invalid::Empty);
        let p = shown(|l| e.payload(l), Lang::FrCa);
        assert_eq!(p.message, "Titre de la séance : ne doit pas être vide");
        assert!(RECENT
            .lines()
            .contains(&"invalid_input: Session title: must not be empty".to_string()));
    }
}
