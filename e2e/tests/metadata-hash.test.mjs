// Offline signers (Ledger) on a dev chain: `CheckMetadataHash` (RFC 78).
//
// The runtime is built with its metadata hash (`metadata-hash`, GUILD, 12 decimals). A signer
// that cannot trust the metadata it is handed computes the merkleized metadata's digest with
// `@polkadot-api/merkleize-metadata` (what a Ledger app checks its proofs against) and signs in
// mode 1 with that hash in the signed payload. The chain accepts the transaction only if its own
// hash is the same: a transaction signed over a wrong hash has a bad signature and is refused by
// the pool, and a runtime without the hash would refuse every mode-1 transaction.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { u8aToHex } from '@polkadot/util';

import {
  cleanup,
  devAccount,
  expectOk,
  freeBalance,
  markFailure,
  printLogTails,
  signAndSend,
  startDevNode,
  UNIT,
  withNodeLogs,
} from '../lib/index.mjs';

describe('CheckMetadataHash: signing with the metadata hash, as a Ledger does', { timeout: 180_000 }, () => {
  let node;
  let api;
  let alice;
  let bob;
  let digest;

  before(async () => {
    try {
      node = await startDevNode();
      api = await node.api();
      [alice, bob] = await Promise.all(['alice', 'bob'].map(devAccount));
      const v15 = await api.call.metadata.metadataAtVersion(15);
      assert.ok(v15.isSome, 'the runtime serves metadata V15');
      const bytes = v15.unwrap().toU8a(true);
      digest = u8aToHex(merkleizeMetadata(bytes, { decimals: 12, tokenSymbol: 'GUILD' }).digest());
    } catch (e) {
      markFailure();
      printLogTails();
      throw e;
    }
  });

  after(async () => {
    await api?.disconnect();
    await cleanup();
  });

  test(
    'the extension is in the metadata and a transaction signed in mode 1 with the right hash is accepted',
    withNodeLogs(async () => {
      const names = api.registry.metadata.extrinsic.transactionExtensions.map((e) => e.identifier.toString());
      assert.ok(names.includes('CheckMetadataHash'), `extensions: ${names.join(', ')}`);
      const before = await freeBalance(api, bob.address);
      const outcome = expectOk(
        await signAndSend(api, api.tx.balances.transferKeepAlive(bob.address, UNIT), alice, { mode: 1, metadataHash: digest }),
      );
      assert.equal((await freeBalance(api, bob.address)) - before, UNIT);
      // The extrinsic on chain carries mode 1.
      const { block } = await api.rpc.chain.getBlock(outcome.blockHash);
      const xt = block.extrinsics.find((x) => x.hash.toHex() === outcome.txHash);
      assert.equal(xt.mode.toNumber(), 1, 'mode 1 in the extrinsic');
    }),
  );

  test(
    'a transaction signed over a wrong metadata hash is refused',
    withNodeLogs(async () => {
      const wrong = `0x${'11'.repeat(32)}`;
      assert.notEqual(wrong, digest);
      await assert.rejects(
        signAndSend(api, api.tx.balances.transferKeepAlive(bob.address, UNIT), alice, { mode: 1, metadataHash: wrong }),
        /bad signature|Invalid|1010/i,
      );
    }),
  );
});
