# Sourced (not executed) by the other scripts: common paths and PATH order.
# shellcheck shell=bash

# Repository root, whatever directory the caller started in.
BANGFU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BANGFU_ROOT

# node_modules/.bin goes first so wasm-opt from npm binaryen@132 wins over a
# Debian wasm-opt (binaryen 108 yields a blank page); ~/.cargo/bin next for
# trunk and wasm-bindgen installed by `cargo install`.
case ":$PATH:" in
  *":$HOME/.cargo/bin:"*) ;;
  *) PATH="$HOME/.cargo/bin:$PATH" ;;
esac
PATH="$BANGFU_ROOT/node_modules/.bin:${PATH#"$BANGFU_ROOT/node_modules/.bin:"}"
export PATH

# No browser downloads are possible here: Playwright drives Debian's chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

# Pinned tool versions. wasm-bindgen is not pinned here: it is read from
# Cargo.lock so the CLI always matches the library.
export TRUNK_VERSION="0.21.14"
export BINARYEN_VERSION="132"
# The splitter (crate wasm_split_cli_support, binary wasm-split-cli) must
# read what the wasm_split_helpers in Cargo.lock writes: 0.2.x with 0.2.x.
export WASM_SPLIT_VERSION="0.2.4"

# Colourless, greppable headings for CI logs.
bangfu_heading() { printf '\n==> %s\n' "$*"; }
bangfu_die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }
