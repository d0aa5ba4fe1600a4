#!/usr/bin/env bash
# The network server under load in the real app, on loopback: VIEWERS speaker-timer views
# (Server-Sent Events) and RATE control calls a second for SECONDS, while a rehearsal notifies
# one cue a second. Prints update latency (p50/p99/max), deliveries, control call times, the
# app's CPU and PSS, and the notifications' lateness, missed and doubled.
# Usage: bash bench/share-load.sh [SECONDS] [--viewers N] [--rate R]   (default 300, 100, 10)
# SHOWCALL_APP=target/release/showcall-app drives a release build instead of the debug one.
set -euo pipefail
cd "$(dirname "$0")/.."
(cd ui && npm run build >/dev/null)
cargo build -q -p showcall-app
cargo build -q -p showcall-e2e --bin share-load-bench
SHOWCALL_KEY_STORE=file xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- target/debug/share-load-bench "$@"
