#!/usr/bin/env bash
# Installs what Showcall needs on Debian 12: system libraries for Tauri/WebKitGTK, the test
# tools (Xvfb, WebKitWebDriver, D-Bus, a notification daemon), tauri-driver, and the UI's npm
# packages. Safe to run again: it skips what is already there.
#   scripts/setup.sh          everything (build + tests)
#   scripts/setup.sh run      only what running the app needs
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

run_pkgs="libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libdbus-1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev gstreamer1.0-plugins-base gstreamer1.0-plugins-good ffmpeg"
# ffmpeg: ffprobe reads a video clip's container, codecs, size, frame rate and duration for the
# branding checks, and ffmpeg makes its still for the checklist (the app says so when absent).
# nginx + its RTMP and stream modules + openssl: a real RTMP/RTMPS ingest on loopback for tests.
# openbox + wmctrl (+ xprop from x11-utils): a window manager for the tests of closing and full screen.
# gnome-keyring: a real Secret Service for the test of stream keys in the OS credential store.
# xdg-utils + libfile-mimeinfo-perl + desktop-file-utils: the install test of the .deb (which
# application opens a .showcall file, and desktop-file-validate on its entry).
# chromium + chromium-driver: a real browser (headless, under WebDriver) opening the network
# views the app shares on loopback.
test_pkgs="xvfb webkit2gtk-driver dbus-x11 dunst xdotool imagemagick procps openbox wmctrl x11-utils gnome-keyring nginx-light libnginx-mod-rtmp libnginx-mod-stream openssl poppler-utils xdg-utils libfile-mimeinfo-perl desktop-file-utils shared-mime-info chromium chromium-driver"
pkgs="$run_pkgs"
[ "$what" = "run" ] || pkgs="$pkgs $test_pkgs"

missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "== apt-get install$missing"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "== apt-get install nodejs npm"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi

if [ "$what" != "run" ] && ! command -v tauri-driver >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "== cargo install tauri-driver"
  cargo install tauri-driver --locked --version '^2'
fi

if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "== npm ci (ui)"
  (cd ui && npm ci --no-audit --no-fund)
fi
