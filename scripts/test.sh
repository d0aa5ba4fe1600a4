#!/usr/bin/env bash
# Sets up (first time) and runs every test: formatting, lints, the UI's type check and unit
# tests, the Rust unit/integration tests, and the end-to-end tests in the real app window
# under Xvfb with a D-Bus session. Screenshots land in target/e2e-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# A CI run builds once: incremental caches would only take disk.
if [ "${CI:-}" = "true" ]; then export CARGO_INCREMENTAL=0; fi

echo "== ui: type check, unit tests, build"
(cd ui && npm run check && npm test && npm run build)

echo "== shared views: the page's logic (Node's own test runner)"
node --test crates/share/assets/view.test.mjs

echo "== rust: fmt, clippy"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets -- -D warnings

echo "== core has no tauri in its dependency tree"
if cargo tree -p showcall-core -e normal | grep -q tauri; then
  echo "showcall-core depends on tauri: keep Tauri in src-tauri" >&2
  exit 1
fi

echo "== rust: tests (unit, store, CLI, bindings, e2e in the real window)"
export RUST_BACKTRACE=1
# Stream keys go to the sealed file in tests: gnome-keyring is installed (for its own test), and
# an activated but locked keyring would ask for a password nobody can type. The OS-store test
# starts its own unlocked keyring and chooses the OS store explicitly.
export SHOWCALL_KEY_STORE=file
timeout 2400 xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- cargo test --workspace

echo "== package: build the .deb, install it, start the installed app, remove it"
# On CI the debug build is done with: give its disk to the release build.
if [ "${CI:-}" = "true" ]; then rm -rf target/debug; fi
bash scripts/package.sh
timeout 600 xvfb-run -a -s "-screen 0 1600x1000x24" dbus-run-session -- bash tests/install/deb.sh
