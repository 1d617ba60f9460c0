//! The Guild node: BABE block production, GRANDPA finality, the Guild runtime.
// `sc_cli::Error` is the framework's error type of every command runner: its size is not ours.
#![allow(clippy::result_large_err)]

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
