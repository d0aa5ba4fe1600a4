#!/usr/bin/env bash
# Sets up and runs every test. Increment 1: core and CLI.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo test --workspace
