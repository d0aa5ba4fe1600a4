#!/usr/bin/env bash
# Prints the app's CPU use while idle in the live view, on the demo and on the 2,000-session
# conference (asking when told + the view's own clock + the scheduler), from the release app as
# it ships (LIVE_IDLE_DEBUG=1: the debug build, as this bench used to run). Usage:
# bash bench/live-idle.sh [SECONDS] [demo|conference]   (needs scripts/setup.sh done)
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build >/dev/null)
if [ -n "${LIVE_IDLE_DEBUG:-}" ]; then
  cargo build -q -p showcall-app
  app="$PWD/target/debug/showcall-app"
else
  cargo build -q --release -p showcall-app
  app="$PWD/target/release/showcall-app"
fi
cargo build -q -p showcall-e2e --bin live-idle-bench
SHOWCALL_APP="$app" \
  xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- target/debug/live-idle-bench "${1:-30}" "${2:-}"
