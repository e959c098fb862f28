#!/usr/bin/env bash
# Benchmark, not part of scripts/test.sh: installs what is missing (with the
# browser and openssl), makes a release build with the pinned tools, then runs
# scripts/bench.mjs against two hosts side by side: HTTP/2 + brotli
# (scripts/h2-server.mjs over TLS, a self-signed certificate made once in
# target/bench/tls/; the budgets are judged here) and HTTP/1.1 + gzip
# (tests/e2e/server.mjs, the worst case). Sizes and budgets, Lighthouse 12,
# the time until the loan estimator answers, screen switches, a village's
# size and a policy entry's static page, each a median of 5 runs on each host
# under 4x CPU and slow 4G. Printed and written to target/bench/latest.json.
#
#   scripts/bench.sh                  everything
#   scripts/bench.sh --no-build       measure the dist/ already there
#   scripts/bench.sh -- <args>        arguments for bench.mjs, e.g. -- --runs 3
#                                     or -- --page '?v=loan' or -- --host h2br
#                                     or -- --only static-page or -- --strict
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
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
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
