#!/usr/bin/env bash
# Builds the installable Showcall: a .deb with the app, the `showcall` CLI beside it on the PATH,
# a desktop entry, icons at every size and the `.showcall` file type. Everything comes from the
# package registries set up by scripts/setup.sh and the Tauri CLI's npm build (prebuilt, pinned in
# packaging/package.json): no step downloads a tool while bundling (so no AppImage).
#   bash scripts/package.sh       -> prints the path of the .deb (under target/release/bundle/deb/)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run

if [ ! -d packaging/node_modules ] || [ packaging/package-lock.json -nt packaging/node_modules/.package-lock.json ]; then
  echo "== npm ci (packaging: the Tauri CLI)"
  (cd packaging && npm ci --no-audit --no-fund)
fi
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  (cd ui && npm ci --no-audit --no-fund)
fi

echo "== ui: build"
(cd ui && npm run build)

echo "== release build of the CLI (installed beside the app)"
cargo build --release --locked -p showcall-cli

# The Tauri CLI wants the app's Cargo manifest beside its config, and resolves the config's
# paths (ui/dist, assets/…) from there: links for the length of the build only.
links="src-tauri/tauri.conf.json src-tauri/ui src-tauri/assets"
cleanup() { for l in $links; do [ -L "$l" ] && rm -f "$l"; done; }
trap cleanup EXIT
ln -sfn ../tauri.conf.json src-tauri/tauri.conf.json
ln -sfn ../ui src-tauri/ui
ln -sfn ../assets src-tauri/assets

echo "== tauri build --bundles deb"
rm -rf target/release/bundle/deb
TAURI_APP_PATH=src-tauri TAURI_FRONTEND_PATH=ui \
  packaging/node_modules/.bin/tauri build --bundles deb --ci -- --locked

deb=$(ls target/release/bundle/deb/*.deb)
echo "$deb"
