# Sourced by serve.sh, test.sh and bench.sh: installs what is missing, and
# only that, so a second run takes seconds. Nothing here downloads a
# prebuilt binary: tools come from crates.io, npm and Debian.
#
#   source scripts/setup.sh            # build tools
#   source scripts/setup.sh --browser  # and Chromium + ChromeDriver for tests

TRUNK_VERSION=0.21.14

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

setup_rust() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Legger til Rust-målet wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installerer trunk $TRUNK_VERSION (tar ca. 10 minutter første gang)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
  # wasm-bindgen must match the library version in Cargo.lock exactly.
  local bindgen
  bindgen=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen" ]; then
    say "Installerer wasm-bindgen-cli $bindgen"
    # Without --locked: the crate's own lock file pins a yanked dependency.
    cargo install wasm-bindgen-cli --version "$bindgen"
  fi
}

setup_node() {
  # npm ci only when package-lock.json changed since the last install.
  if ! cmp -s package-lock.json node_modules/.setup-lock 2>/dev/null; then
    say "Installerer npm-pakker (wasm-opt, Playwright, axe)"
    npm ci --no-audit --no-fund --loglevel=error
    cp package-lock.json node_modules/.setup-lock
  fi
  export PATH="$PWD/node_modules/.bin:$PATH"
}

setup_browser() {
  local want=()
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then want+=(chromium chromium-driver); fi
  # tests/e2e/hosting.test.mjs runs docs/hosting/'s example configs on them.
  if [ ! -x /usr/sbin/nginx ]; then want+=(nginx); fi
  if [ ! -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then want+=(libnginx-mod-http-brotli-static); fi
  if [ ! -x /usr/bin/caddy ]; then want+=(caddy); fi
  if [ ${#want[@]} -gt 0 ]; then
    say "Installerer fra Debian: ${want[*]}"
    as_root apt-get update -qq
    apt_install_no_services "${want[@]}"
  fi
}

# Debian starts a package's service as it installs it (nginx and Caddy on
# port 80). The tests start their own servers on free loopback ports, so keep
# the system's from starting: a policy-rc.d that says no, for this install
# only, unless the machine already has one.
apt_install_no_services() {
  local policy=/usr/sbin/policy-rc.d added='' status=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    added=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || status=$?
  if [ -n "$added" ]; then as_root rm -f "$policy"; fi
  return "$status"
}

cd "$(git rev-parse --show-toplevel 2>/dev/null || dirname "${BASH_SOURCE[0]}")/" || return 1
export PATH="$HOME/.cargo/bin:$PATH"
setup_rust
setup_node
if [ "${1:-}" = "--browser" ]; then setup_browser; fi
