#!/usr/bin/env bash
# Benchmark, not part of scripts/test.sh: installs what is missing (with the
# browser), makes a release build with the pinned tools, then runs
# scripts/bench.mjs: sizes and budgets, Lighthouse 12 (3 runs, medians) and
# the time until the loan estimator answers under 4x CPU and slow 4G.
# Results are printed and written to target/bench/latest.json.
#
#   scripts/bench.sh                  everything
#   scripts/bench.sh --no-build       measure the dist/ already there
#   scripts/bench.sh -- <args>        arguments for bench.mjs, e.g. -- --runs 5
#                                     or -- --page '?v=loan' or -- --strict
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$BANGFU_ROOT"

build=1
bench_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --) shift; bench_args=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) bangfu_die "bench.sh: unknown argument '$1' (try --help)" ;;
  esac
  shift
done

if [ "$build" = 1 ]; then
  scripts/setup.sh --browser
  bangfu_heading "release build (trunk build)"
  trunk build --release --offline --skip-version-check
fi
bangfu_heading "benchmark (scripts/bench.mjs)"
exec node scripts/bench.mjs "${bench_args[@]}"
