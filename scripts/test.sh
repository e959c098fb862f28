#!/usr/bin/env bash
# The project's whole check, as CI runs it (.ci/run calls this):
# setup, formatting, clippy (native and wasm32), native tests, release build,
# browser tests. Stops at the first failing step and prints a summary.
#
#   scripts/test.sh                 everything
#   scripts/test.sh --e2e-only      setup, release build, browser tests only
#   scripts/test.sh -- <args>       extra arguments for `playwright test`,
#                                   e.g. -- tests/e2e/smoke.spec.mjs or -- --grep 贷款
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$BANGFU_ROOT"

e2e_only=0
pw_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --e2e-only) e2e_only=1 ;;
    --) shift; pw_args=("$@"); break ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) bangfu_die "test.sh: unknown argument '$1' (try --help)" ;;
  esac
  shift
done

total_start=$SECONDS
results=()

summary() {
  printf '\n==> summary (%ss in all)\n' "$((SECONDS - total_start))"
  printf '  %s\n' "${results[@]}"
}

# step NAME COMMAND...: runs one step under a heading; on failure prints the
# summary and exits with the step's status.
step() {
  local name="$1"; shift
  local start=$SECONDS rc=0
  bangfu_heading "$name"
  printf '    $ %s\n' "$*"
  "$@" || rc=$?
  local took=$((SECONDS - start))
  if [ "$rc" -eq 0 ]; then
    results+=("$(printf 'ok    %4ss  %s' "$took" "$name")")
  else
    results+=("$(printf 'FAIL  %4ss  %s (exit %s)' "$took" "$name" "$rc")")
    summary
    printf '\nFAILED: %s\n' "$name" >&2
    exit "$rc"
  fi
}

step "setup (tools + chromium)" scripts/setup.sh --browser
if [ "$e2e_only" = 0 ]; then
  step "format (cargo fmt --check)" cargo fmt --all -- --check
  step "clippy, native, all targets" cargo clippy --all-targets -- -D warnings
  step "clippy, wasm32 lib + bin" cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings
  step "native tests (cargo test)" cargo test
fi
# A stale dist/ must never be tested: Trunk replaces it, and a failed build stops here.
step "release build (trunk build)" trunk build --release --offline --skip-version-check
step "browser tests (playwright, tests/e2e)" playwright test "${pw_args[@]}"

summary
printf '\nALL PASSED\n'
