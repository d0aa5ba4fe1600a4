// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    // Before any thread: how glibc's allocator gives memory back (see `memory`).
    showcall_app::memory::keep_large_blocks_mapped();
    // Before any thread or window: the web processes inherit the variables these two may set.
    showcall_app::memory::lighter_javascript();
    showcall_app::gpu::choose();
    showcall_app::run();
}
