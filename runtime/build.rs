fn main() {
	// The metadata hash (RFC 78) is built into the wasm for `CheckMetadataHash`: offline signers
	// such as Ledger devices check a transaction against it.
	#[cfg(all(feature = "std", feature = "metadata-hash"))]
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("GUILD", 12)
		.build();
	#[cfg(all(feature = "std", not(feature = "metadata-hash")))]
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}
