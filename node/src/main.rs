//! The Guild node: BABE block production, GRANDPA finality, the Guild runtime.

mod benchmarking;
mod chain_spec;
mod cli;
mod command;
mod rpc;
mod service;

fn main() -> sc_cli::Result<()> {
	command::run()
}
