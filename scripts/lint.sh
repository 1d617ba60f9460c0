#!/usr/bin/env bash
# Lint: formatting (rustfmt.toml, stable rustfmt) and clippy with warnings as errors, on every
# crate and target, in the shared target directory and the release profile of the other
# scripts, so its build is reused.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

cargo fmt --all -- --check
cargo clippy --locked --release --workspace --all-targets -- -D warnings
