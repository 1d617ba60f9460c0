#!/usr/bin/env bash
# Build the two runtimes of the end-to-end tests, both with the next spec_version (feature
# `upgrade-test`), and print the path of the first:
#
# - the upgrade runtime, with the release features only, for the test that ratifies and applies a
#   runtime upgrade through the forum: `~/.cache/guild/upgrade/guild_runtime_upgrade...wasm`.
#   Only the runtime crate is compiled again (its dependencies are the node's); its wasm is copied
#   out at once.
# - the try-runtime runtime (`upgrade-test,try-runtime`: the `TryRuntime` API, whose metadata
#   differs), for Chopsticks' try-runtime check of the upgrade's migrations and every pallet's
#   `try_state` against a running chain: `~/.cache/guild/upgrade/guild_runtime_try...wasm`. It
#   has a target directory of its own ($HOME/.cache/guild/target-upgrade), so that its features
#   never re-resolve the node's dependencies; `cargo check` suffices there, since the runtime's
#   build script compiles the wasm in full.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
out="$HOME/.cache/guild/upgrade"
mkdir -p "$out"
wasm=wbuild/guild-runtime/guild_runtime.compact.compressed.wasm

target="${GUILD_UPGRADE_TARGET_DIR:-$HOME/.cache/guild/target-upgrade}"
CARGO_TARGET_DIR="$target" cargo check --locked --release -p guild-runtime \
	--features upgrade-test,try-runtime >&2
cp "$target/release/$wasm" "$out/guild_runtime_try.compact.compressed.wasm"

cargo build --locked --release -p guild-runtime --features upgrade-test >&2
cp "$CARGO_TARGET_DIR/release/$wasm" "$out/guild_runtime_upgrade.compact.compressed.wasm"
echo "$out/guild_runtime_upgrade.compact.compressed.wasm"
