#!/usr/bin/env bash
# A build as a school that ships only its own plan makes it: a copy of the
# tree with one plan file in assets/plans/, built into dist-one-plan/
# (tests/e2e/one-plan.test.mjs opens it). Same target folder ($CARGO_TARGET_DIR
# if set), so only the workspace crates are compiled again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
plan="${1:-kjentmann-brosjyre}"
copy="$(mktemp -d)"
trap 'rm -rf "$copy"' EXIT
git -C "$root" ls-files -z | (cd "$root" && xargs -0 cp --parents -t "$copy")
# Untracked edits of tracked files are copied as they stand in the work tree.
find "$copy/assets/plans" -maxdepth 1 -name '*.json' ! -name "$plan.json" -delete
(cd "$copy" && CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}" trunk build --release --offline --dist "$root/dist-one-plan" >/dev/null)
