#!/usr/bin/env bash
# Notification lateness end to end: the real app rehearses a synthetic event of N cues (default
# 500, one a second) at 1×; dbus-monitor times each Notify call. Prints median, p99, max, the
# cues missed and those sent twice.
# --loaded: meanwhile the app opens, applies and exports a package with N MB of attached files
# (--package-mb, default 2000) and makes 100 edits, through its own commands; prints their times.
# Usage: bash bench/notify-lateness.sh [CUES] [--loaded [--package-mb N]]
#   (needs scripts/setup.sh done; ~9 min for 500; loaded, a few GB free in the temp folder)
# SHOWCALL_APP=target/release/showcall-app drives a release build instead of the debug one.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build >/dev/null)
cargo build -q -p showcall-app
cargo build -q -p showcall-e2e --bin notify-lateness-bench
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- target/debug/notify-lateness-bench "$@"
