#!/usr/bin/env bash
# Prints the app's CPU use while idle in the live view, on the demo and on the 2,000-session
# conference (asking when told + the view's own clock + the scheduler). Usage:
# bash bench/live-idle.sh [SECONDS] [demo|conference]   (needs scripts/setup.sh done)
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build >/dev/null)
cargo build -q -p showcall-app
cargo build -q -p showcall-e2e --bin live-idle-bench
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- target/debug/live-idle-bench "${1:-30}" "${2:-}"
