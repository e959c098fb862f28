#!/usr/bin/env bash
# Installs what building and testing need, skipping whatever is already present
# at the pinned version, so a second run takes seconds and installs nothing.
#
#   scripts/setup.sh            Rust target/components, Trunk, wasm-bindgen-cli, npm packages
#   scripts/setup.sh --browser  ... plus Debian chromium, chromium-driver and a CJK font (for the tests),
#                               and openssl (the bench's HTTP/2 host makes its certificate with it)
#
# BANGFU_BROWSER=1 in the environment is the same as --browser.
set -euo pipefail
# shellcheck source=scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$BANGFU_ROOT"

need_browser="${BANGFU_BROWSER:-0}"
for arg in "$@"; do
  case "$arg" in
    --browser) need_browser=1 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) bangfu_die "setup.sh: unknown argument '$arg' (try --help)" ;;
  esac
done

setup_start=$SECONDS
installed=()   # what this run actually installed, for the summary line

# Prints "ok: <what>" or runs the install and records it.
have() { printf '  ok: %s\n' "$*"; }

# --- Rust -------------------------------------------------------------------
bangfu_heading "setup: Rust toolchain"
if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
  bangfu_die "cargo/rustup not found; install Rust $(sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)+ with rustup first"
fi
have "$(rustc --version)"

if grep -qx wasm32-unknown-unknown <<<"$(rustup target list --installed)"; then
  have "target wasm32-unknown-unknown"
else
  rustup target add wasm32-unknown-unknown
  installed+=("wasm32 target")
fi
for comp in rustfmt clippy; do
  # `cargo fmt`/`cargo clippy` only answer --version when the component is there.
  if cargo "${comp/rustfmt/fmt}" --version >/dev/null 2>&1; then
    have "component $comp"
  else
    rustup component add "$comp"
    installed+=("$comp")
  fi
done

# `trunk --offline` passes --offline to cargo, so every crate must already be
# downloaded; this is a no-op (well under a second) when they are.
cargo fetch --quiet
have "crates in Cargo.lock downloaded"

# --- wasm-bindgen version: Cargo.lock is the source of truth ---------------------
# The CLI must equal the library exactly or the generated glue does not load.
wb_versions="$(awk '/^\[\[package\]\]/ {n=""} /^name = "wasm-bindgen"$/ {n=1; next}
                    n && /^version = / {gsub(/"/, "", $3); print $3; n=""}' Cargo.lock | sort -u)"
[ -n "$wb_versions" ] || bangfu_die "no wasm-bindgen package in Cargo.lock (run 'cargo generate-lockfile'?)"
[ "$(wc -l <<<"$wb_versions")" -eq 1 ] \
  || bangfu_die "Cargo.lock holds several wasm-bindgen versions: ${wb_versions//$'\n'/, }; keep exactly one"
WASM_BINDGEN_VERSION="$wb_versions"

# Trunk must be pinned to the same version or, offline, it tries a download.
# trunk_tool KEY: the string value of KEY in Trunk.toml's [tools] table.
trunk_tool() {
  awk -v key="$1" '/^[ \t]*\[/ {sec=$0; gsub(/[ \t]/, "", sec)}
    sec == "[tools]" && $0 ~ "^[ \t]*" key "[ \t]*=" {
      sub(/^[^=]*=[ \t]*/, ""); sub(/[ \t]*#.*$/, ""); gsub(/"/, ""); print; exit }' Trunk.toml
}
trunk_wb="$(trunk_tool wasm_bindgen)"
[ "$trunk_wb" = "$WASM_BINDGEN_VERSION" ] \
  || bangfu_die "Trunk.toml [tools] wasm_bindgen is '${trunk_wb:-unset}' but Cargo.lock has wasm-bindgen $WASM_BINDGEN_VERSION; set wasm_bindgen = \"$WASM_BINDGEN_VERSION\" in Trunk.toml"
trunk_wo="$(trunk_tool wasm_opt)"
[ "$trunk_wo" = "version_$BINARYEN_VERSION" ] \
  || bangfu_die "Trunk.toml [tools] wasm_opt is '${trunk_wo:-unset}', expected \"version_$BINARYEN_VERSION\" (npm binaryen@$BINARYEN_VERSION)"

# --- Trunk ----------------------------------------------------------------------
bangfu_heading "setup: Trunk $TRUNK_VERSION"
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
  have "trunk $TRUNK_VERSION"
else
  # --version is required: plain --locked picks 0.22.x, which needs a newer rustc.
  echo "  installing trunk $TRUNK_VERSION (takes ~8 minutes on 2 cores)"
  # --force: the binary is missing or wrong even if cargo's records say it is
  # installed (e.g. a CI cache that restored ~/.cargo/.crates.toml but not bin/).
  cargo install trunk --version "$TRUNK_VERSION" --locked --force
  installed+=("trunk $TRUNK_VERSION")
fi

# --- wasm-bindgen-cli -------------------------------------------------------------
bangfu_heading "setup: wasm-bindgen-cli $WASM_BINDGEN_VERSION"
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  have "wasm-bindgen $WASM_BINDGEN_VERSION"
else
  # No --locked: its lockfile pins a dependency version missing from crates.io.
  # --force for the same reason as Trunk above.
  echo "  installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~2 minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  installed+=("wasm-bindgen-cli $WASM_BINDGEN_VERSION")
fi

# --- wasm-split-cli ----------------------------------------------------------------
# The split step of the build (scripts/build-wasm.mjs). It has no --version,
# so cargo's own record says which version the binary is.
bangfu_heading "setup: wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
if command -v wasm-split-cli >/dev/null \
   && cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  have "wasm-split-cli $WASM_SPLIT_VERSION"
else
  echo "  installing wasm_split_cli_support $WASM_SPLIT_VERSION (takes ~3 minutes)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --locked --features build-binary --force
  installed+=("wasm-split-cli $WASM_SPLIT_VERSION")
fi

# --- npm: binaryen (wasm-opt) and Playwright ------------------------------------
bangfu_heading "setup: npm packages (binaryen, @playwright/test)"
command -v npm >/dev/null || bangfu_die "npm not found; install Node.js 20+"
# node_modules is refreshed only when package.json or package-lock.json changed
# since the last `npm ci`; the stamp holds their hash.
stamp=node_modules/.bangfu-npm-stamp
want="$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  have "node_modules matches package-lock.json"
else
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
  installed+=("npm packages")
fi
# Trunk checks `wasm-opt --version` against [tools] wasm_opt; make sure the
# npm copy is the one on PATH.
wo="$(wasm-opt --version 2>/dev/null || true)"
case "$wo" in
  "wasm-opt version $BINARYEN_VERSION "*) have "$wo at $(command -v wasm-opt)" ;;
  *) bangfu_die "wasm-opt on PATH is '${wo:-missing}' ($(command -v wasm-opt || echo none)), expected binaryen $BINARYEN_VERSION from node_modules" ;;
esac

# --- Chromium (only for the browser tests) ------------------------------------
if [ "$need_browser" = 1 ]; then
  bangfu_heading "setup: Debian chromium + chromium-driver + a Chinese font + openssl"
  pkgs=()
  [ -x /usr/bin/chromium ] || pkgs+=(chromium)
  [ -x /usr/bin/chromedriver ] || pkgs+=(chromium-driver)
  # The bench's HTTP/2 host needs a certificate; Node reads them but cannot make one.
  command -v openssl >/dev/null || pkgs+=(openssl)
  # Without any CJK font the screenshots show boxes instead of 汉字.
  [ -n "$(fc-list :lang=zh 2>/dev/null || true)" ] || pkgs+=(fonts-wqy-microhei)
  if [ "${#pkgs[@]}" -eq 0 ]; then
    have "$(/usr/bin/chromium --version 2>/dev/null | head -n1)"
    have "Chinese font: $(fc-list :lang=zh family | head -n1)"
    have "$(openssl version)"
  else
    # Playwright cannot download browsers here; Debian's chromium is the browser.
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y "${pkgs[@]}"
    installed+=("${pkgs[@]}")
  fi
fi

if [ "${#installed[@]}" -eq 0 ]; then
  bangfu_heading "setup: done in $((SECONDS - setup_start))s, nothing to install"
else
  bangfu_heading "setup: done in $((SECONDS - setup_start))s, installed: $(printf '%s, ' "${installed[@]}" | sed 's/, $//')"
fi
