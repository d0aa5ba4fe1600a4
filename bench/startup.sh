#!/usr/bin/env bash
# Prints Showcall's launch-to-first-render times and memory (PSS incl. WebKit children) under
# Xvfb. Usage: bash bench/startup.sh [RUNS]   (needs scripts/setup.sh done and the app built)
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build >/dev/null)
cargo build -q -p showcall-app
cargo build -q -p showcall-e2e --bin startup-bench
xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- target/debug/startup-bench "${1:-5}"
