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
