#!/usr/bin/env bash
# Sets up (first time) and launches Showcall. Extra arguments go to the app, e.g. --db PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
(cd ui && npm run build)
exec cargo run -p showcall-app -- "$@"
