#!/usr/bin/env bash
# Command 1: set up, build and start a development chain (Alice validates alone; blocks are
# produced every 6 s and finalized at once). RPC on ws://127.0.0.1:9944 for polkadot.js apps.
# Extra arguments go to the node, e.g. `scripts/dev.sh --base-path ./.local/dev` to keep the chain.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
guild_build
exec "$GUILD_NODE" --dev --rpc-port 9944 --rpc-cors all "$@"
