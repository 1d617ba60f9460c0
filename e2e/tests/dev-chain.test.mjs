// The dev chain (`guild-node --dev` on a temporary base path): Alice authors every slot and her
// GRANDPA vote alone finalizes. Checked through @polkadot/api, as polkadot.js apps would see it.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { stringToU8a, u8aConcat } from '@polkadot/util';
import { encodeAddress } from '@polkadot/util-crypto';

import {
  HeadSampler,
  UNIT,
  cleanup,
  devAccount,
  expectOk,
  freeBalance,
  freshAccount,
  heads,
  markFailure,
  meanBlockTimeMs,
  metric,
  printLogTails,
  signAndSend,
  ss58,
  startDevNode,
  waitFor,
  withNodeLogs,
} from '../lib/index.mjs';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';

describe('dev chain', { timeout: 600_000 }, () => {
  let node;
  let api;
  let sampler;

  before(async () => {
    try {
      node = await startDevNode();
      api = await node.api();
      sampler = await new HeadSampler(api).start();
    } catch (error) {
      markFailure();
      printLogTails();
      throw error;
    }
  });

  after(async () => {
    sampler?.stop();
    await cleanup();
  });

  test(
    'produces blocks and finalizes them within 30 s',
    { timeout: 60_000 },
    withNodeLogs(async () => {
      // Counted from the moment the RPC answers: the node is up, BABE waits for the next slot.
      // GRANDPA's default voting rule votes 2 blocks behind the best, so #1 is final once #3 is
      // built: about 3 slots (18 s) plus the wait for the first one.
      const deadline = node.readyAt + 30_000;
      const h = await waitFor(
        async () => {
          const h = await heads(api);
          return h.best >= 3 && h.finalized >= 1 ? h : false;
        },
        { timeoutMs: Math.max(deadline - Date.now(), 0), what: 'best >= 3 and finalized >= 1' },
      );
      assert.ok(h.finalized <= h.best);
      // The finalized block is on the canonical chain.
      assert.equal((await api.rpc.chain.getBlockHash(h.finalized)).toHex(), h.finalizedHash);
    }),
  );

  test(
    'metadata decodes and holds the foundation pallets',
    { timeout: 30_000 },
    withNodeLogs(async () => {
      assert.ok(api.runtimeMetadata.version >= 14, `metadata v${api.runtimeMetadata.version}`);
      const pallets = api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString());
      for (const name of ['System', 'Timestamp', 'Babe', 'Grandpa', 'Session', 'Balances', 'TransactionPayment', 'Sudo']) {
        assert.ok(pallets.includes(name), `pallet ${name} missing from metadata: ${pallets.join(', ')}`);
      }
      // Decoded items a wallet uses.
      assert.equal(typeof api.tx.balances.transferKeepAlive, 'function');
      assert.equal(typeof api.tx.sudo.sudo, 'function');
      assert.equal(typeof api.query.system.account, 'function');
      // 6 s slots.
      assert.equal(api.consts.babe.expectedBlockTime.toNumber(), 6_000);
      assert.ok(api.consts.babe.epochDuration.toNumber() > 0);
      const version = api.runtimeVersion;
      console.log(`# runtime ${version.specName.toString()} v${version.specVersion.toNumber()}, metadata v${api.runtimeMetadata.version}, ${pallets.length} pallets`);
      // Alice validates alone on dev.
      const authorities = await api.query.babe.authorities();
      assert.equal(authorities.length, 1);
      assert.equal(ss58(authorities[0][0]), ALICE);
      const validators = await api.query.session.validators();
      assert.deepEqual(validators.map(ss58), [ALICE]);
    }),
  );

  test(
    'chain properties: GUILD, 12 decimals, ss58 42',
    { timeout: 30_000 },
    withNodeLogs(async () => {
      const raw = await node.rpc('system_properties');
      const one = (v) => (Array.isArray(v) ? v[0] : v);
      assert.equal(one(raw.tokenSymbol), 'GUILD', JSON.stringify(raw));
      assert.equal(one(raw.tokenDecimals), 12, JSON.stringify(raw));
      assert.equal(raw.ss58Format, 42, JSON.stringify(raw));
      // What polkadot.js apps reads after connecting.
      assert.deepEqual(api.registry.chainTokens, ['GUILD']);
      assert.deepEqual(api.registry.chainDecimals, [12]);
      assert.equal(api.registry.chainSS58, 42);
      assert.equal(api.consts.system.ss58Prefix.toNumber(), 42);
    }),
  );

  test(
    'a signed balances.transferKeepAlive is included and its events read back',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const alice = await devAccount('alice');
      const dest = await freshAccount();
      const ed = api.consts.balances.existentialDeposit.toBigInt();
      const amount = ed * 10n > UNIT ? ed * 10n : UNIT;
      assert.equal(await freeBalance(api, dest.address), 0n, 'fresh account is empty');

      const outcome = expectOk(
        await signAndSend(api, api.tx.balances.transferKeepAlive(dest.address, amount), alice),
      );
      assert.ok(outcome.blockNumber > 0);
      assert.ok(outcome.findEvent('system', 'ExtrinsicSuccess'), 'system.ExtrinsicSuccess');

      const transfer = outcome.findEvent('balances', 'Transfer');
      assert.ok(transfer, `balances.Transfer missing; events: ${outcome.events.map((e) => `${e.event.section}.${e.event.method}`).join(', ')}`);
      const { from, to, amount: moved } = transfer.event.data;
      assert.equal(from.toString(), alice.address);
      assert.equal(to.toString(), dest.address);
      assert.equal(moved.toBigInt(), amount);

      // The state of the inclusion block and of its parent.
      const header = await api.rpc.chain.getHeader(outcome.blockHash);
      const parent = header.parentHash.toHex();
      assert.equal(await freeBalance(api, dest.address, outcome.blockHash), amount);

      const feeEvent = outcome.findEvent('transactionPayment', 'TransactionFeePaid');
      assert.ok(feeEvent, 'transactionPayment.TransactionFeePaid');
      const fee = feeEvent.event.data.actualFee.toBigInt() + feeEvent.event.data.tip.toBigInt();
      assert.ok(fee > 0n, 'a signed transfer pays a fee');
      // Whatever part of the fee goes back to Alice (she authors every dev block) is a deposit.
      const refunded = outcome
        .filterEvents('balances', 'Deposit')
        .filter(({ event }) => event.data.who.toString() === alice.address)
        .reduce((sum, { event }) => sum + event.data.amount.toBigInt(), 0n);
      const before = await freeBalance(api, alice.address, parent);
      const afterwards = await freeBalance(api, alice.address, outcome.blockHash);
      assert.equal(before - afterwards, amount + fee - refunded, 'Alice paid the amount and the fee');
      // PROTOCOL.md §5: the fee is not burned; it waits in the DAO account for the session's report.
      const dao = encodeAddress(u8aConcat(stringToU8a('modlguild/da'), new Uint8Array(20)), 42);
      const [atParent, atBlock] = [await api.at(parent), await api.at(outcome.blockHash)];
      const daoGain = (await freeBalance(api, dao, outcome.blockHash)) - (await freeBalance(api, dao, parent));
      const counted = (await atBlock.query.validatorSet.sessionFees()).toBigInt() - (await atParent.query.validatorSet.sessionFees()).toBigInt();
      assert.deepEqual([daoGain, counted], [fee, fee], 'the fee reached the DAO account and counts for the session report');
      assert.equal(outcome.filterEvents('balances', 'Burned').length, 0, 'nothing burned');
      console.log(`# transfer of ${amount} planck included in #${outcome.blockNumber}, fee ${fee}`);
    }),
  );

  test(
    'BABE and GRANDPA RPCs answer',
    { timeout: 60_000 },
    withNodeLogs(async () => {
      const { methods } = await node.rpc('rpc_methods');
      for (const m of [
        'babe_epochAuthorship',
        'grandpa_roundState',
        'grandpa_proveFinality',
        'grandpa_subscribeJustifications',
        'payment_queryInfo',
        'system_accountNextIndex',
      ]) {
        assert.ok(methods.includes(m), `RPC ${m} not served`);
      }

      // Alice's key is in the dev node's keystore: she can claim slots of this epoch.
      const authorship = await node.rpc('babe_epochAuthorship');
      assert.ok(authorship[ALICE], `no slots for Alice: ${JSON.stringify(authorship)}`);
      const claims = Object.values(authorship[ALICE]).reduce((n, slots) => n + slots.length, 0);
      assert.ok(claims > 0, `Alice claims no slot: ${JSON.stringify(authorship[ALICE])}`);

      // One voter: weight 1, threshold 1; decoded by @polkadot/api.
      const round = await api.rpc.grandpa.roundState();
      assert.equal(round.best.totalWeight.toNumber(), 1);
      assert.equal(round.best.thresholdWeight.toNumber(), 1);

      // A finality proof for a finalized block. Before the first authority set change GRANDPA has
      // no set boundary to prove against and says so (sc-consensus-grandpa's error 4).
      const { finalized } = await heads(api);
      try {
        const proof = await node.rpc('grandpa_proveFinality', [finalized]);
        assert.ok(proof === null || /^0x[0-9a-f]*$/.test(proof), `grandpa_proveFinality: ${JSON.stringify(proof)}`);
      } catch (error) {
        assert.match(error.message, /not covered by authority set changes/, error.message);
      }
    }),
  );

  test(
    'metrics: block time, finality lag, memory',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const { best } = await heads(api);
      const last = Math.max(best, 3);
      if (best < 3) await waitFor(async () => (await heads(api)).best >= 3, { what: 'best >= 3' });
      const blockTime = await meanBlockTimeMs(api, 1, last);
      metric('dev_block_time_ms', blockTime);
      const lag = sampler.lagBlocks();
      const lagMs = sampler.lagMs();
      metric('dev_finality_lag_blocks_mean', lag.mean);
      metric('dev_finality_lag_blocks_max', lag.max);
      metric('dev_finality_lag_ms_mean', lagMs.mean);
      metric('dev_blocks_observed', last);
      metric('dev_rss_kb', node.rssKb());
      // 6 s slots and Alice claims every slot (secondary slots fill the gaps).
      assert.ok(blockTime >= 5_900 && blockTime <= 9_000, `mean block time ${blockTime} ms`);
      // GRANDPA's default voting rule votes 2 blocks behind the best: a steady lag of 2 to 3.
      assert.ok(lag.max <= 5, `finality lag up to ${lag.max} blocks with a single voter`);
    }),
  );
});
