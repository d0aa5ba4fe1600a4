//! The window can never leave the app: every navigation of every webview is checked, and only
//! the app's own pages may load (a link in customer text, a dropped URL or a script cannot take
//! the window to a remote page).

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

/// Whether a webview may navigate to `url`: the app's own origin (`tauri://localhost` on Linux
/// and macOS, `http(s)://tauri.localhost` on Windows), `about:blank`, and in debug builds the
/// UI's dev server.
pub fn allowed(url: &Url) -> bool {
    let host = url.host_str();
    match url.scheme() {
        "tauri" => host == Some("localhost"),
        "http" | "https" if host == Some("tauri.localhost") => true,
        "http" => cfg!(debug_assertions) && host == Some("localhost") && url.port() == Some(1420),
        "about" => url.path() == "blank",
        _ => false,
    }
}

/// The plugin that applies [`allowed`] to every webview.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|_, url| {
            let ok = allowed(url);
            if !ok {
                log::warn!("blocked a navigation away from the app");
            }
            ok
        })
        .build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_app_s_own_pages_may_load() {
        let ok = |u: &str| allowed(&Url::parse(u).unwrap());
        assert!(ok("tauri://localhost/index.html#timer"));
        assert!(ok("http://tauri.localhost/index.html"));
        assert!(ok("about:blank"));
        for remote in [
            "https://example.com/",
            "http://evil.localhost.example.com/",
            "file:///etc/passwd",
            "tauri://evil/",
            "javascript:alert(1)",
            "data:text/html,<script>1</script>",
            "http://localhost:8080/",
        ] {
            assert!(!ok(remote), "{remote} allowed");
        }
    }
}
