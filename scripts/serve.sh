#!/usr/bin/env bash
# Development server: installs what is missing (no browser needed), then
# `trunk serve` with live reload at http://127.0.0.1:8080 (address and port
# are set in Trunk.toml). Extra arguments go to `trunk serve`, e.g. --release.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$BANGFU_ROOT"

scripts/setup.sh
bangfu_heading "trunk serve at http://127.0.0.1:8080/ (Ctrl-C stops)"
# --offline/--skip-version-check: Trunk must not try to reach the network for
# tool downloads or its update check; the tools are pinned in Trunk.toml.
exec trunk serve --offline --skip-version-check "$@"
