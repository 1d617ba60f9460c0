# Shared settings of Guild's scripts: one target directory that outlives work trees, so that
# builds after the first are incremental.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/guild/target}"
GUILD_NODE="${GUILD_NODE:-$CARGO_TARGET_DIR/release/guild-node}"
export GUILD_NODE
# The node and the tests are built with one profile and one feature set, so nothing is built twice.
guild_build() {
	cargo build --locked --release --workspace "$@"
}
