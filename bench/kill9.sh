#!/usr/bin/env bash
# Kills `showcall` with SIGKILL at random instants during 10,000 writes (delays, and package
# exports now and then), then checks the database and the files it left. Prints one figure a
# line: kill9 writes, killed, acknowledged, lost, integrity, stray files, partial packages,
# export temp files left. Usage: bash bench/kill9.sh [WRITES] [SEED]
# The same test runs in CI with 300 writes (crates/cli/tests/kill9.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
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
