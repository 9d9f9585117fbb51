#!/usr/bin/env bash
# Installs what is missing, builds the release and serves it at
# http://127.0.0.1:8080 (rebuilding when files change).
set -euo pipefail
source "$(dirname "$0")/setup.sh"
# No autoreload: its injected inline script would break the CSP.
exec trunk serve --release --offline --no-autoreload "$@"
