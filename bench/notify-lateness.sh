#!/usr/bin/env bash
# Notification lateness end to end: the real app rehearses a synthetic event of N cues (default
# 500, one a second) at 1×; dbus-monitor times each Notify call. Prints median, p99, max.
# Usage: bash bench/notify-lateness.sh [CUES]   (needs scripts/setup.sh done; ~9 min for 500)
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build >/dev/null)
cargo build -q -p showcall-app
cargo build -q -p showcall-e2e --bin notify-lateness-bench
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- target/debug/notify-lateness-bench "${1:-500}"
