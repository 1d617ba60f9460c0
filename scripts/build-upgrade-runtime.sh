#!/usr/bin/env bash
# Build the Guild runtime with the next spec_version (`--cfg guild_upgrade_test`), for the
# end-to-end test that ratifies and applies a runtime upgrade through the forum. It has its own
# target directory, so it never invalidates the node's build; after the first time it is cached.
# Prints the path of the compressed wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
upgrade_target="${GUILD_UPGRADE_TARGET_DIR:-$HOME/.cache/guild/upgrade-target}"
CARGO_TARGET_DIR="$upgrade_target" WASM_BUILD_RUSTFLAGS="--cfg guild_upgrade_test" \
	cargo build --locked --release -p guild-runtime >&2
echo "$upgrade_target/release/wbuild/guild-runtime/guild_runtime.compact.compressed.wasm"
