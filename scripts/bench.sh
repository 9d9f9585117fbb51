#!/usr/bin/env bash
# Builds the release and prints the benchmark: file sizes, start-up time
# against a static page, the slow link on a plain and a compressing host
# (bench-hosts.mjs; HOST_RUNS runs, 3 by default), and the engine's time
# per route. Prints figures;
# never a pass/fail (the size budget is held by a test in test.sh).
set -euo pipefail
source "$(dirname "$0")/setup.sh" --browser
trunk build --release --offline
echo "== $(date -u +%Y-%m-%d), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
node scripts/bench.mjs
RUNS=${HOST_RUNS:-3} node scripts/bench-hosts.mjs
echo
cargo run --quiet --release -p rusplan-domain --example route_bench
