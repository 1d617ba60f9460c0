#!/usr/bin/env bash
# Measure the weights of Guild's pallets and write them into each pallet's weights.rs.
# This builds the node a second time with `runtime-benchmarks` (a separate set of artifacts in
# the same target directory), so it is not part of the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. scripts/env.sh
cargo build --locked --release -p guild-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/release/guild-node"
steps="${STEPS:-50}"
repeat="${REPEAT:-20}"
for pallet in "$@"; do
	crate="pallets/${pallet#pallet_}"
	crate="${crate//_/-}"
	echo "bench: $pallet -> $crate/src/weights.rs"
	"$node" benchmark pallet --runtime "$CARGO_TARGET_DIR/release/wbuild/guild-runtime/guild_runtime.compact.compressed.wasm" \
		--genesis-builder=runtime --genesis-builder-preset=development \
		--pallet "$pallet" --extrinsic '*' --steps "$steps" --repeat "$repeat" \
		--heap-pages 4096 --template scripts/weight-template.hbs --output "$crate/src/weights.rs"
done
