#!/usr/bin/env bash
# The four-validator local network (Alice, Bob, Charlie, Dave; `--chain local`) on 127.0.0.1.
#
#   scripts/local-testnet.sh start     start the four validators in the background
#   scripts/local-testnet.sh status    which run, with best / finalized block and peers
#   scripts/local-testnet.sh stop      stop them (SIGINT, SIGKILL after 20 s)
#   scripts/local-testnet.sh purge     stop them and delete the chain data and logs
#   scripts/local-testnet.sh logs NAME follow one node's log
#
# Node i (alice=0 .. dave=3): RPC ws://127.0.0.1:$((9944+i)), p2p port 30333+i, Prometheus 9615+i.
# Everything lives under one folder, $GUILD_TESTNET_DIR (default ./.local/testnet in the repository):
# <name>/ (base path), <name>.log, <name>.pid. Alice is the bootnode: her node key is fixed, and her
# peer id is read from her log ("Local node identity is: ...").
# The binary is $GUILD_NODE, else $CARGO_TARGET_DIR/release/guild-node (CARGO_TARGET_DIR defaults
# to $HOME/.cache/guild/target, as in scripts/env.sh).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAMES=(alice bob charlie dave)
RPC_BASE="${GUILD_TESTNET_RPC_PORT:-9944}"
P2P_BASE="${GUILD_TESTNET_P2P_PORT:-30333}"
PROM_BASE="${GUILD_TESTNET_PROMETHEUS_PORT:-9615}"
STOP_TIMEOUT=20

dir="${GUILD_TESTNET_DIR:-$REPO_ROOT/.local/testnet}"
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac

target_dir="${CARGO_TARGET_DIR:-$HOME/.cache/guild/target}"
case "$target_dir" in /*) ;; *) target_dir="$REPO_ROOT/$target_dir" ;; esac
BIN="${GUILD_NODE:-$target_dir/release/guild-node}"

die() { echo "local-testnet: $*" >&2; exit 1; }
say() { echo "local-testnet: $*"; }

index_of() {
	local i
	for i in "${!NAMES[@]}"; do [[ "${NAMES[$i]}" == "$1" ]] && { echo "$i"; return; }; done
	die "unknown node '$1' (one of: ${NAMES[*]})"
}
node_key() { printf '%064x' $(( $1 + 1 )); } # fixed ed25519 secret: 00..01 for alice, 00..02 for bob...
pid_file() { echo "$dir/$1.pid"; }
log_file() { echo "$dir/$1.log"; }

# The pid of a running node NAME (from its pid file, checked to be a guild-node), or nothing.
running_pid() {
	local f pid cmd
	f="$(pid_file "$1")"
	[[ -f "$f" ]] || return 0
	pid="$(cat "$f")"
	[[ "$pid" =~ ^[0-9]+$ ]] || return 0
	kill -0 "$pid" 2>/dev/null || return 0
	if [[ -r "/proc/$pid/cmdline" ]]; then
		cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline")"
	else
		cmd="$(ps -p "$pid" -o args= 2>/dev/null || true)"
	fi
	[[ "$cmd" == *guild-node* ]] && echo "$pid"
	return 0
}

# JSON-RPC call on node i's port; prints the raw answer (empty on failure).
rpc() {
	local port=$(( RPC_BASE + $1 )) method="$2" params="${3:-[]}"
	curl -s --max-time 2 -H 'content-type: application/json' \
		-d "{\"id\":1,\"jsonrpc\":\"2.0\",\"method\":\"$method\",\"params\":$params}" \
		"http://127.0.0.1:$port" 2>/dev/null || true
}
json_field() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }

peer_id_from_log() {
	sed -n 's/.*Local node identity is: \([[:alnum:]]*\).*/\1/p' "$(log_file "$1")" 2>/dev/null | tail -n 1
}

start_node() {
	local name="$1" i bootnode="${2:-}" log pid
	i="$(index_of "$name")"
	if pid="$(running_pid "$name")" && [[ -n "$pid" ]]; then
		say "$name already runs (pid $pid)"
		return 0
	fi
	log="$(log_file "$name")"
	[[ -f "$log" ]] && mv -f "$log" "$log.prev"
	local args=(
		--chain local --"$name" --validator --name "$name"
		--base-path "$dir/$name"
		--port $(( P2P_BASE + i )) --rpc-port $(( RPC_BASE + i )) --prometheus-port $(( PROM_BASE + i ))
		--rpc-cors all --rpc-methods unsafe
		--node-key "$(node_key "$i")"
		--no-telemetry --no-mdns --allow-private-ip --discover-local
	)
	[[ -n "$bootnode" ]] && args+=(--bootnodes "$bootnode")
	echo "# $BIN ${args[*]}" >"$log"
	nohup "$BIN" "${args[@]}" >>"$log" 2>&1 </dev/null &
	echo $! >"$(pid_file "$name")"
	say "$name started (pid $!), RPC ws://127.0.0.1:$(( RPC_BASE + i )), log $log"
}

# Wait until node NAME logs its peer id; prints it.
wait_peer_id() {
	local name="$1" peer pid
	for _ in $(seq 1 600); do
		peer="$(peer_id_from_log "$name")"
		[[ -n "$peer" ]] && { echo "$peer"; return 0; }
		pid="$(running_pid "$name")"
		[[ -n "$pid" ]] || { tail -n 20 "$(log_file "$name")" >&2; die "$name exited during start-up; log $(log_file "$name")"; }
		sleep 0.1
	done
	tail -n 20 "$(log_file "$name")" >&2
	die "$name did not log its peer id within 60 s"
}

wait_rpc() {
	local name="$1" i
	i="$(index_of "$name")"
	for _ in $(seq 1 600); do
		[[ -n "$(rpc "$i" system_health | json_field peers)" ]] && return 0
		[[ -n "$(running_pid "$name")" ]] || { tail -n 20 "$(log_file "$name")" >&2; die "$name exited during start-up"; }
		sleep 0.1
	done
	die "$name: RPC did not answer within 60 s"
}

cmd_start() {
	if [[ ! -x "$BIN" ]]; then
		die "no node binary at $BIN
build it first:  (cd $REPO_ROOT && . scripts/env.sh && cargo build --locked --release -p guild-node)
or set GUILD_NODE to an existing guild-node binary"
	fi
	mkdir -p "$dir"
	say "binary $BIN; data and logs in $dir"
	start_node alice
	local peer bootnode
	peer="$(wait_peer_id alice)"
	bootnode="/ip4/127.0.0.1/tcp/$P2P_BASE/p2p/$peer"
	say "bootnode $bootnode"
	local name
	for name in "${NAMES[@]:1}"; do start_node "$name" "$bootnode"; done
	if command -v curl >/dev/null; then
		for name in "${NAMES[@]}"; do wait_rpc "$name"; done
		say "all four answer RPC"
	fi
	say "polkadot.js apps: https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A$RPC_BASE#/explorer"
	say "status: $0 status   stop: $0 stop"
}

stop_node() {
	local name="$1" pid
	pid="$(running_pid "$name")"
	if [[ -z "$pid" ]]; then
		rm -f "$(pid_file "$name")"
		return 0
	fi
	kill -INT "$pid" 2>/dev/null || true
	for _ in $(seq 1 $(( STOP_TIMEOUT * 10 ))); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if kill -0 "$pid" 2>/dev/null; then
		say "$name (pid $pid) did not stop in ${STOP_TIMEOUT} s, killing it"
		kill -KILL "$pid" 2>/dev/null || true
	fi
	rm -f "$(pid_file "$name")"
	say "$name stopped"
}

cmd_stop() {
	local name
	for name in "${NAMES[@]}"; do stop_node "$name" & done
	wait
}

cmd_status() {
	say "data and logs in $dir"
	local i name pid health best fhash fin peers
	for i in "${!NAMES[@]}"; do
		name="${NAMES[$i]}"
		pid="$(running_pid "$name")"
		if [[ -z "$pid" ]]; then
			printf '%-8s stopped\n' "$name"
			continue
		fi
		if command -v curl >/dev/null; then
			health="$(rpc "$i" system_health)"
			peers="$(json_field peers <<<"$health")"
			best="$(rpc "$i" chain_getHeader | json_field number)"
			fhash="$(rpc "$i" chain_getFinalizedHead | json_field result)"
			fin=""
			[[ -n "$fhash" ]] && fin="$(rpc "$i" chain_getHeader "[\"$fhash\"]" | json_field number)"
			printf '%-8s running (pid %s)  rpc ws://127.0.0.1:%s  best #%s  finalized #%s  peers %s\n' \
				"$name" "$pid" $(( RPC_BASE + i )) \
				"$([[ -n "$best" ]] && printf '%d' "$best" || echo '?')" \
				"$([[ -n "$fin" ]] && printf '%d' "$fin" || echo '?')" "${peers:-?}"
		else
			printf '%-8s running (pid %s)  rpc ws://127.0.0.1:%s\n' "$name" "$pid" $(( RPC_BASE + i ))
		fi
	done
}

cmd_purge() {
	cmd_stop
	[[ -n "$dir" && "$dir" != "/" && -d "$dir" ]] || { say "nothing to purge"; return 0; }
	rm -rf "$dir"
	say "removed $dir"
}

cmd_logs() {
	local name="${1:-alice}"
	index_of "$name" >/dev/null
	exec tail -n 50 -f "$(log_file "$name")"
}

case "${1:-}" in
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
purge) cmd_purge ;;
logs) shift; cmd_logs "$@" ;;
*)
	sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
	exit 2
	;;
esac
