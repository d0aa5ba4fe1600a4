#!/usr/bin/env bash
# Kills `showcall` with SIGKILL at random instants during 10,000 writes (delays, and package
# exports now and then), then checks the database and the files it left. Prints one figure a
# line: kill9 writes, killed, acknowledged, lost, integrity, stray files, partial packages,
# export temp files left. Usage: bash bench/kill9.sh [WRITES] [SEED]
# The same test runs in CI with 300 writes (crates/cli/tests/kill9.rs).
#
# bash bench/kill9.sh --app [RUNS] [SEED]: the same through the real window (tests/tests/kill9.rs,
# 4 runs in CI): the app killed RUNS times while it edits and notifies live cues; prints kill9-app
# runs, killed, acknowledged, lost, notifications, notified twice, integrity, stray files.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = --app ]; then
  export SHOWCALL_KILL9_APP_RUNS="${2:-25}"
  if [ -n "${3:-}" ]; then export SHOWCALL_KILL9_SEED="$3"; fi
  cargo build -q -p showcall-app
  out=$(mktemp)
  trap 'rm -f "$out"' EXIT
  status=0
  SHOWCALL_KEY_STORE=file xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- \
    cargo test -q -p showcall-e2e --test kill9 -- --nocapture >"$out" 2>&1 || status=$?
  grep '^kill9-app ' "$out" || true
  if [ "$status" -ne 0 ]; then
    cat "$out" >&2
    exit "$status"
  fi
  exit 0
fi
export SHOWCALL_KILL9_WRITES="${1:-10000}"
if [ -n "${2:-}" ]; then export SHOWCALL_KILL9_SEED="$2"; fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
cargo test -q -p showcall-cli --test kill9 -- --nocapture >"$out" 2>&1 || status=$?
grep '^kill9 ' "$out" || true
if [ "$status" -ne 0 ]; then
  cat "$out" >&2
  exit "$status"
fi
