#!/usr/bin/env bash
# Install what building and testing Guild needs on a Debian or Ubuntu machine. Idempotent: when
# everything is present it only checks, in a few seconds.
set -euo pipefail

need_apt=()
for pkg in clang libclang-dev protobuf-compiler build-essential pkg-config git; do
	dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
command -v node >/dev/null 2>&1 || need_apt+=(nodejs)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
	echo "setup: installing ${need_apt[*]}"
	SUDO=""
	[ "$(id -u)" -ne 0 ] && SUDO="sudo"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! command -v rustup >/dev/null 2>&1; then
	echo "setup: rustup is missing; install Rust with rustup first (https://rustup.rs)" >&2
	exit 1
fi
rustup target list --installed | grep -qx wasm32v1-none || rustup target add wasm32v1-none
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src

node_major=$(node -e 'console.log(process.versions.node.split(".")[0])')
if [ "$node_major" -lt 18 ]; then
	echo "setup: Node.js 18 or newer is needed for the end-to-end tests (found $(node --version))" >&2
	exit 1
fi
echo "setup: ok"
