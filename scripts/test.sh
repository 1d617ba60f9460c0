#!/usr/bin/env bash
# Command 2: set up, build, and run every test: the pallets' unit and property tests, then the
# end-to-end tests against the real node binary through @polkadot/api.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh

# Formatting first: it takes seconds and fails before anything is built.
cargo fmt --all -- --check

start=$(date +%s)
guild_build
echo "test: build took $(( $(date +%s) - start )) s"

cargo test --locked --release --workspace

# The runtime with the next spec_version, for the forum-ratified runtime-upgrade test, and its
# try-runtime build beside it, for Chopsticks' try-runtime check.
GUILD_UPGRADE_WASM="$(bash scripts/build-upgrade-runtime.sh)"
GUILD_TRY_RUNTIME_WASM="$(dirname "$GUILD_UPGRADE_WASM")/guild_runtime_try.compact.compressed.wasm"
export GUILD_UPGRADE_WASM GUILD_TRY_RUNTIME_WASM

(cd e2e && npm ci --no-audit --no-fund --loglevel=error)
node --test --test-concurrency=1 e2e/tests/
echo "test: all done in $(( $(date +%s) - start )) s"
