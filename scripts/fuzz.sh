#!/usr/bin/env bash
# The property tests of tests/fuzz_properties.rs at scale: the link parser,
# the stored-record decoder, the backup importer and the amount/rate/term
# parsers, each property for CASES cases (default 1,000,000), optimised, one
# thread. Prints each target's count of cases, accepted inputs (whose round
# trip was checked) and panics (any panic or failed property stops the run
# with the smallest failing input), and the time taken.
#
#   scripts/fuzz.sh              1,000,000 cases per property
#   scripts/fuzz.sh 50000        another count
#
# `cargo test` runs the same properties with 300 cases each. Builds in
# target/fuzz (or $FUZZ_TARGET_DIR) with opt-level 2 and no LTO, so it never
# invalidates the app's own builds.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$BANGFU_ROOT"

cases="${1:-1000000}"
case "$cases" in ''|*[!0-9]*) bangfu_die "fuzz.sh: CASES must be a number, got '$cases'" ;; esac
export CARGO_TARGET_DIR="${FUZZ_TARGET_DIR:-$BANGFU_ROOT/target/fuzz}"
export CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_OPT_LEVEL=2 CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16
export CARGO_PROFILE_RELEASE_PANIC=unwind

bangfu_heading "fuzz: $cases cases per property"
start=$SECONDS
log="${CARGO_TARGET_DIR}/fuzz.log"
mkdir -p "$CARGO_TARGET_DIR"
status=0
PROPTEST_CASES="$cases" cargo test --release --offline --test fuzz_properties -- --nocapture --test-threads=1 \
  > "$log" 2>&1 || status=$?
grep -v '^\s*Compiling' "$log" | tail -n 40
bangfu_heading "fuzz summary ($((SECONDS - start)) s, exit $status)"
grep -o 'fuzz: .*' "$log" | sort || true
exit "$status"
