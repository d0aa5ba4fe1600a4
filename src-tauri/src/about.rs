//! What the About box tells: the version, where the data lives, the web engine the window runs
//! on, and the licences of everything shipped — generated into `licences.json` by
//! `tests/licences.rs` from `cargo metadata`, the UI's npm lock file and the fonts' copyright
//! file, and embedded here.

use showcall_core::view::{Component, ComponentKind};
use std::path::Path;
use std::process::Command;
use std::sync::OnceLock;

/// The generated list (see `tests/licences.rs`).
const LICENCES: &str = include_str!("../licences.json");

#[derive(serde::Deserialize)]
struct Listed {
    name: String,
    version: Option<String>,
    licence: String,
    source: Option<String>,
}

#[derive(serde::Deserialize)]
struct Lists {
    crates: Vec<Listed>,
    npm: Vec<Listed>,
    fonts: Vec<Listed>,
}

/// Every shipped component with its licence: crates, then npm packages, then fonts.
pub fn components() -> Vec<Component> {
    static ALL: OnceLock<Vec<Component>> = OnceLock::new();
    ALL.get_or_init(|| {
        let Ok(lists) = serde_json::from_str::<Lists>(LICENCES) else {
            log::warn!("the embedded licence list does not parse");
            return Vec::new();
        };
        let tagged = |list: Vec<Listed>, kind: ComponentKind| {
            list.into_iter().map(move |c| Component {
                kind,
                name: c.name,
                version: c.version,
                licence: c.licence,
                source: c.source,
            })
        };
        tagged(lists.crates, ComponentKind::Crate)
            .chain(tagged(lists.npm, ComponentKind::Npm))
            .chain(tagged(lists.fonts, ComponentKind::Font))
            .collect()
    })
    .clone()
}

static WEBKIT: OnceLock<Option<String>> = OnceLock::new();

/// Finds the WebKitGTK version on a thread of its own (it may ask the package manager), so that
/// the About box and the diagnostics have it without waiting.
pub fn probe_webkit() {
    let _ = std::thread::Builder::new()
        .name("showcall-webkit-version".into())
        .spawn(|| {
            let _ = WEBKIT.set(webkit_version());
        });
}

/// The WebKitGTK version found by [`probe_webkit`], once known.
pub fn webkit() -> Option<String> {
    WEBKIT.get().cloned().flatten()
}

/// The About box's and the diagnostics' WebKit line: the version found by [`probe_webkit`], how
/// the windows are drawn and how their scripts run; `None` until the version is known.
pub fn webkit_line() -> Option<String> {
    webkit().map(|w| {
        format!(
            "{w}; drawing: {}; scripts: {}",
            crate::gpu::summary(),
            crate::memory::javascript_summary()
        )
    })
}

/// The WebKitGTK library this process loaded (from /proc/self/maps), with its package's version
/// where dpkg knows it (e.g. "2.50.6-1~deb12u2 (libwebkit2gtk-4.1.so.0.19.9)").
fn webkit_version() -> Option<String> {
    let maps = std::fs::read_to_string("/proc/self/maps").ok()?;
    let lib = maps
        .lines()
        .filter_map(|l| l.split_whitespace().nth(5))
        .find(|p| {
            Path::new(p)
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("libwebkit2gtk-"))
        })?
        .to_string();
    let file = Path::new(&lib)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())?;
    let package = Command::new("dpkg-query")
        .args(["-S", &lib])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .and_then(|o| {
            let out = String::from_utf8_lossy(&o.stdout).into_owned();
            out.split(':').next().map(|s| s.trim().to_string())
        });
    let version = package.and_then(|p| {
        Command::new("dpkg-query")
            .args(["-W", "-f=${Version}", &p])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|v| !v.is_empty())
    });
    Some(match version {
        Some(v) => format!("{v} ({file})"),
        None => file,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_list_parses_and_names_each_kind() {
        let all = components();
        assert!(all
            .iter()
            .any(|c| c.kind == ComponentKind::Crate && c.name == "tauri"));
        assert!(all
            .iter()
            .any(|c| c.kind == ComponentKind::Npm && c.name == "solid-js"));
        assert!(all
            .iter()
            .any(|c| c.kind == ComponentKind::Font && c.name.ends_with(".ttf")));
        assert!(all.iter().all(|c| !c.licence.is_empty()));
    }
}
