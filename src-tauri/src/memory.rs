//! How the app's C allocator gives memory back to the system.
//!
//! Rust's allocations, GTK's and WebKit's UI side all go through glibc's `malloc`. It serves a
//! block of 128 KiB or more with a mapping of its own, unmapped when the block is freed; but the
//! first time it frees such a block it raises that bar to the block's size (up to 32 MiB), and the
//! bar under which it leaves the top of its heap untrimmed to twice that. An opened 2,000-session
//! event is answered to the window as about 3 MB of JSON, copied on its way to WebKit: from then
//! on blocks of a few MiB come from the heap, and the heap keeps them once freed. The app grew by
//! about 4 MiB with each such answer (measured with `scale-bench`, `SCALE_JS` loading the event
//! again), and settled 5 MiB higher after an open than with the bar kept where it starts.

/// Keeps glibc's bar for mapped blocks (and so for trimming its heap) where it starts, 128 KiB,
/// instead of letting it rise. Call first thing in `main`, before any thread starts.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn keep_large_blocks_mapped() {
    const BAR: libc::c_int = 128 * 1024;
    // SAFETY: `mallopt` takes no pointer; it is called before any other thread exists, and
    // glibc takes its allocator lock for it anyway.
    let set = unsafe { libc::mallopt(libc::M_MMAP_THRESHOLD, BAR) };
    debug_assert_eq!(set, 1, "mallopt(M_MMAP_THRESHOLD) refused");
}

/// Other allocators (musl's, macOS's, Windows') have no such bar.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn keep_large_blocks_mapped() {}

/// The variable through which WebKit's JavaScript engine (JavaScriptCore, in each web process)
/// turns its optimising compiler (DFG, and FTL after it) on or off.
const DFG_VAR: &str = "JSC_useDFGJIT";

/// How the window's JavaScript runs, as [`lighter_javascript`] chose (for the log and the About
/// box).
static JS_SUMMARY: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// What [`lighter_javascript`] does, given the variable as the user's environment has it:
/// `Some(value)` to set it to, `None` to leave theirs.
fn dfg_setting(theirs: Option<&std::ffi::OsStr>) -> Option<&'static str> {
    match theirs {
        Some(_) => None,
        None => Some("false"),
    }
}

/// Runs the windows' JavaScript without JavaScriptCore's optimising compilers (DFG and FTL),
/// keeping its interpreter and its baseline compiler, unless `JSC_useDFGJIT` is already set.
/// Call in `main` before any thread or window: the web processes inherit the variable.
///
/// The window's scripts are a UI: Rust works out the schedule, the rules and the changes, and the
/// long lists are windowed. Measured with `scale-bench` (50 edits), the optimising tiers cost the
/// web process about 3 MiB on the demo and 6 MiB on the 2,000-session conference (their code and
/// what they keep of every function they optimise), and bought nothing an analyst would see:
/// edits p50/p95 and open → calendar were the same within the runs' noise. The tasks tab of the
/// conference, 12,000 tasks, showed about 45 ms slower (110 → 155 ms).
pub fn lighter_javascript() {
    let theirs = std::env::var_os(DFG_VAR);
    let summary = match dfg_setting(theirs.as_deref()) {
        Some(value) => {
            std::env::set_var(DFG_VAR, value);
            "baseline compiler, no optimising compiler".to_string()
        }
        None => format!(
            "as {DFG_VAR}={} says",
            theirs.unwrap_or_default().to_string_lossy()
        ),
    };
    let _ = JS_SUMMARY.set(summary);
}

/// How the window's JavaScript runs (see [`lighter_javascript`]).
pub fn javascript_summary() -> &'static str {
    JS_SUMMARY
        .get()
        .map(String::as_str)
        .unwrap_or("JavaScriptCore's defaults")
}

/// After a large answer or job (an opened event, a package): gives the heap's free pages back to
/// the system a moment later, once the answer has been copied out and freed. What the bar above
/// leaves in the heap is the many small blocks of a view that was replaced: their free pages stay
/// resident until glibc trims them, and it trims only the top of its heaps by itself
/// (`malloc_trim` frees whole pages anywhere in them). At most one trim waits at a time; it runs
/// on a thread of its own, off the scheduler's and the window's threads, and takes about 0.25 ms.
/// Measured with `scale-bench`: the app settles about 1 MiB lower, the demo and the 2,000-session
/// conference alike (1.5 MiB when trimmed by hand from a debugger).
pub fn give_back_soon() {
    give_back_after(std::time::Duration::from_secs(2));
}

/// Whether a trim is waiting to run.
static WAITING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Trims the heap `delay` from now on a thread of its own, unless a trim is waiting already.
fn give_back_after(delay: std::time::Duration) {
    use std::sync::atomic::Ordering;
    if WAITING.swap(true, Ordering::AcqRel) {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("give-back".into())
        .spawn(move || {
            std::thread::sleep(delay);
            WAITING.store(false, Ordering::Release);
            trim();
        });
    if spawned.is_err() {
        WAITING.store(false, Ordering::Release);
    }
}

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn trim() {
    // SAFETY: `malloc_trim` takes no pointer and takes glibc's arena locks itself.
    unsafe { libc::malloc_trim(0) };
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn trim() {}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::Ordering;
    use std::time::{Duration, Instant};

    #[test]
    fn the_optimising_compiler_is_off_unless_the_user_says() {
        assert_eq!(dfg_setting(None), Some("false"));
        assert_eq!(dfg_setting(Some(std::ffi::OsStr::new("true"))), None);
        assert_eq!(dfg_setting(Some(std::ffi::OsStr::new("false"))), None);
    }

    #[test]
    fn one_trim_waits_at_a_time_and_then_runs() {
        give_back_after(Duration::from_millis(200));
        assert!(WAITING.load(Ordering::Acquire), "a trim waits");
        // A second ask while one waits adds nothing (no second thread, no second wait).
        give_back_after(Duration::from_secs(3600));
        let asked = Instant::now();
        while WAITING.load(Ordering::Acquire) {
            assert!(
                asked.elapsed() < Duration::from_secs(10),
                "the first trim never ran"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
        // Once it has run, the next ask waits again.
        give_back_after(Duration::from_millis(1));
        assert!(WAITING.load(Ordering::Acquire));
    }
}
