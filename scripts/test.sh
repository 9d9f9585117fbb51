#!/usr/bin/env bash
# Installs what is missing and runs every test: the domain natively, the
# components in headless Chromium, and the built app end to end.
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser

echo "== Format and lints"
cargo fmt --all -- --check
cargo clippy --quiet -p rusplan-domain --all-targets -- -D warnings
cargo clippy --quiet -p rusplan --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet -p rusplan-prerender -- -D warnings

echo "== No school's words in code (their plans hold them)"
node scripts/school-words.mjs

echo "== Domain: cargo test (native)"
cargo test -p rusplan-domain
if cargo tree -p rusplan-domain -e normal --prefix none | grep -E '^(leptos|web-sys|wasm-bindgen|js-sys|gloo)'; then
  echo "The domain crate must not depend on browser crates." >&2
  exit 1
fi

echo "== Components: wasm-bindgen-test in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver \
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test -p rusplan --target wasm32-unknown-unknown

echo "== Release build (trunk, offline)"
trunk build --release --offline

echo "== A build with one school's plan only (for tests/e2e/one-plan.test.mjs)"
./scripts/one-plan-build.sh kjentmann-brosjyre

echo "== End to end: Playwright + axe in headless Chromium"
node --test --test-concurrency=1 --test-timeout=600000 tests/e2e/
