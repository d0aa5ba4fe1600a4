#!/usr/bin/env bash
# Installs the .deb built by scripts/package.sh on this machine, as a user would, and checks it:
# the CLI on the PATH, the desktop entry valid, `.showcall` files opening with Showcall, the
# installed app starting with a fresh HOME and showing its window; then removes the package and
# checks that the user's data folder is left alone. Prints the package's sizes and the cold start.
# Run under a display and a session bus: xvfb-run -a dbus-run-session -- bash tests/install/deb.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
fail() { echo "install test: $*" >&2; exit 1; }

deb=$(ls target/release/bundle/deb/*.deb 2>/dev/null | head -n1)
[ -n "$deb" ] || fail "no .deb under target/release/bundle/deb (run scripts/package.sh)"
pkg=$(dpkg-deb -f "$deb" Package)
echo "package $deb ($pkg)"
echo "package size $(( $(stat -c %s "$deb") / 1024 )) KiB"
echo "installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"

# A package already installed by an earlier run goes first (the test installs it itself).
$SUDO apt-get remove -y -qq "$pkg" >/dev/null 2>&1 || true
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "./$deb" >/dev/null

home=$(mktemp -d)
trap 'pkill -f "^/usr/bin/showcall-app" 2>/dev/null || true; rm -rf "$home"' EXIT

# The CLI, from the PATH.
[ "$(command -v showcall)" = /usr/bin/showcall ] || fail "showcall is not on the PATH at /usr/bin"
version=$(HOME="$home" showcall --version)
echo "$version" | grep -q "^showcall " || fail "showcall --version printed: $version"
echo "cli $version"

# The desktop entry, its icon at every size, and the file type.
entry=$(dpkg -L "$pkg" | grep '^/usr/share/applications/.*\.desktop$' | head -n1)
[ -n "$entry" ] || fail "no desktop entry installed"
desktop-file-validate "$entry" || fail "desktop-file-validate refused $entry"
grep -q '^MimeType=.*application/x-showcall' "$entry" || fail "$entry does not take application/x-showcall"
grep -Eq '^Exec=.*%[fFuU]' "$entry" || fail "$entry does not pass the opened file to the app"
for size in 16x16 24x24 32x32 48x48 64x64 128x128 256x256 512x512; do
  dpkg -L "$pkg" | grep -q "/usr/share/icons/hicolor/$size/apps/" || fail "no $size icon"
done
[ -f /usr/share/mime/packages/showcall.xml ] || fail "no MIME type definition"
touch "$home/gala.showcall"
mime=$(HOME="$home" xdg-mime query filetype "$home/gala.showcall")
[ "$mime" = application/x-showcall ] || fail "a .showcall file is seen as $mime"
default=$(HOME="$home" xdg-mime query default application/x-showcall)
[ "$default" = "$(basename "$entry")" ] || fail "xdg-mime names '$default' for .showcall files, not $(basename "$entry")"
echo "mime application/x-showcall opens with $default"

# The installed app starts, with a fresh HOME, and shows its window.
start=$(date +%s%N)
HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_CONFIG_HOME="$home/.config" \
  /usr/bin/showcall-app >"$home/app.log" 2>&1 &
app=$!
deadline=$(( $(date +%s) + 60 ))
until xdotool search --onlyvisible --name '^Showcall$' >/dev/null 2>&1; do
  kill -0 "$app" 2>/dev/null || { cat "$home/app.log" >&2; fail "the installed app exited"; }
  [ "$(date +%s)" -lt "$deadline" ] || fail "no Showcall window within 60 s"
  sleep 0.05
done
echo "cold start (exec to window shown) $(( ($(date +%s%N) - start) / 1000000 )) ms"
data="$home/.local/share/ca.showcall.desktop"
[ -f "$data/showcall.db" ] || fail "the app made no database in $data"
sleep 1
kill "$app"; wait "$app" 2>/dev/null || true

# Removing the package leaves the user's data alone.
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq "$pkg" >/dev/null
[ ! -e /usr/bin/showcall-app ] && [ ! -e /usr/bin/showcall ] || fail "files left after apt-get remove"
[ -f "$data/showcall.db" ] || fail "apt-get remove touched the user's data"
echo "install test: passed"
