#!/usr/bin/env bash
# Prints the window's figures at the size of a real conference (launch and open → calendar,
# PSS, edit p50/p95) for the demo and the 2,000-session conference, from the release app under
# Xvfb, and the core's edit figures. Usage: bash bench/scale.sh [EDITS]  (scripts/setup.sh first)
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build >/dev/null)
cargo build -q --release -p showcall-app
cargo build -q -p showcall-e2e --bin scale-bench
SHOWCALL_APP="$PWD/target/release/showcall-app" \
  xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- target/debug/scale-bench "${1:-50}"
cargo bench -q -p showcall-core --bench edit
