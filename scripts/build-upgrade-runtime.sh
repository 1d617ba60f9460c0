#!/usr/bin/env bash
# Build the Guild runtime with the next spec_version (feature `upgrade-test`), for the end-to-end
# test that ratifies and applies a runtime upgrade through the forum. Only the runtime crate is
# compiled again (its dependencies are the node's), and the wasm is copied out at once so the
# node's own build is untouched. Prints the path of the compressed wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
cargo build --locked --release -p guild-runtime --features upgrade-test >&2
out="$HOME/.cache/guild/upgrade"
mkdir -p "$out"
cp "$CARGO_TARGET_DIR/release/wbuild/guild-runtime/guild_runtime.compact.compressed.wasm" \
	"$out/guild_runtime_upgrade.compact.compressed.wasm"
echo "$out/guild_runtime_upgrade.compact.compressed.wasm"
