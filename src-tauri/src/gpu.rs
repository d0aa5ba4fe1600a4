//! How WebKitGTK draws the windows. With no GPU render node (a virtual machine, Xvfb, a
//! remote desktop), WebKit's accelerated compositing runs on a software GL (llvmpipe): every
//! frame of a busy calendar then costs hundreds of milliseconds and about 120 MiB more memory
//! than painting straight into the window. Measured with `bench/scale.sh` on the 2,000-session
//! conference under Xvfb: an edit reached the screen in 716 ms (p50) with compositing and in
//! 237 ms without; the demo's PSS went from 375 to 251 MiB. So, without a render node, the app
//! turns compositing off before the first window exists. `SHOWCALL_GPU=on|off` overrides the
//! choice, and a `WEBKIT_DISABLE_COMPOSITING_MODE` the user set is left as it is.

use std::path::Path;
use std::sync::OnceLock;

const WEBKIT_VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

static CHOICE: OnceLock<String> = OnceLock::new();

/// Whether WebKit should composite on the GPU, and why (English, for the diagnostics).
#[derive(Debug, PartialEq, Eq)]
pub enum Drawing {
    Gpu(&'static str),
    Software(&'static str),
    /// The user set WebKit's own variable; nothing is changed.
    Theirs,
}

/// The decision, from the environment and the devices present.
pub fn decide(showcall_gpu: Option<&str>, webkit_var_set: bool, dri: &Path) -> Drawing {
    match showcall_gpu
        .map(|v| v.trim().to_ascii_lowercase())
        .as_deref()
    {
        Some("on" | "1" | "yes") => return Drawing::Gpu("SHOWCALL_GPU=on"),
        Some("off" | "0" | "no") => return Drawing::Software("SHOWCALL_GPU=off"),
        _ => {}
    }
    if webkit_var_set {
        return Drawing::Theirs;
    }
    if has_render_node(dri) {
        Drawing::Gpu("a GPU render node is present")
    } else {
        Drawing::Software("no GPU render node in /dev/dri")
    }
}

fn has_render_node(dri: &Path) -> bool {
    std::fs::read_dir(dri).is_ok_and(|entries| {
        entries
            .flatten()
            .any(|e| e.file_name().to_string_lossy().starts_with("renderD"))
    })
}

/// Applies the decision to this process. Call first thing in `main`, before any thread or
/// window exists (it may set an environment variable).
pub fn choose() {
    let ours = std::env::var("SHOWCALL_GPU").ok();
    let theirs = std::env::var_os(WEBKIT_VAR).is_some();
    let text = match decide(ours.as_deref(), theirs, Path::new("/dev/dri")) {
        Drawing::Gpu(why) => {
            if theirs {
                std::env::remove_var(WEBKIT_VAR);
            }
            format!("GPU compositing ({why})")
        }
        Drawing::Software(why) => {
            std::env::set_var(WEBKIT_VAR, "1");
            format!("software, no compositing ({why})")
        }
        Drawing::Theirs => format!("as {WEBKIT_VAR} says"),
    };
    let _ = CHOICE.set(text);
}

/// How the windows are drawn, for the diagnostics and the About box.
pub fn summary() -> &'static str {
    CHOICE.get().map(String::as_str).unwrap_or("default")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn software_without_a_render_node_gpu_with_one() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            decide(None, false, dir.path()),
            Drawing::Software("no GPU render node in /dev/dri")
        );
        assert_eq!(
            decide(None, false, &dir.path().join("missing")),
            Drawing::Software("no GPU render node in /dev/dri")
        );
        std::fs::write(dir.path().join("card0"), "").unwrap();
        assert!(matches!(
            decide(None, false, dir.path()),
            Drawing::Software(_)
        ));
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(matches!(decide(None, false, dir.path()), Drawing::Gpu(_)));
    }

    #[test]
    fn the_users_choice_wins() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(decide(None, true, dir.path()), Drawing::Theirs);
        assert!(matches!(
            decide(Some("ON"), true, dir.path()),
            Drawing::Gpu(_)
        ));
        std::fs::write(dir.path().join("renderD128"), "").unwrap();
        assert!(matches!(
            decide(Some("off"), false, dir.path()),
            Drawing::Software(_)
        ));
        // Anything else is no choice at all.
        assert!(matches!(
            decide(Some("maybe"), false, dir.path()),
            Drawing::Gpu(_)
        ));
    }
}
