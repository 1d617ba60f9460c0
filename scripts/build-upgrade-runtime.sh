#!/usr/bin/env bash
# Build the Guild runtime with the next spec_version (feature `upgrade-test`) and the
# `TryRuntime` API (feature `try-runtime`), for the end-to-end tests that ratify and apply a
# runtime upgrade through the forum and that run the upgrade's migrations and every pallet's
# `try_state` against a running chain (Chopsticks' try-runtime). Prints the path of the compressed
# wasm.
#
# It has a target directory of its own beside the node's ($HOME/.cache/guild/target-upgrade), so
# the node's runtime and wasm in the shared target are never overwritten (the node is not rebuilt
# after the tests) and the features of this build never re-resolve the node's dependencies.
# `cargo check` suffices: the runtime's build script compiles the wasm in full, while the native
# crates it needs are only checked.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
target="${GUILD_UPGRADE_TARGET_DIR:-$HOME/.cache/guild/target-upgrade}"
CARGO_TARGET_DIR="$target" cargo check --locked --release -p guild-runtime \
	--features upgrade-test,try-runtime >&2
out="$HOME/.cache/guild/upgrade"
mkdir -p "$out"
cp "$target/release/wbuild/guild-runtime/guild_runtime.compact.compressed.wasm" \
	"$out/guild_runtime_upgrade.compact.compressed.wasm"
echo "$out/guild_runtime_upgrade.compact.compressed.wasm"
