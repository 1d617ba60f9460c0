// The attacks of PROTOCOL.md §11, items 1 to 5, carried out against running chains with the
// runtime's real parameters (nothing is lowered): each one is refused by name or costs the
// attacker what the rule book says.
//
// Three chains, started together:
// - `--dev`: an empty DAO (nobody holds REP), Alice sudo: §11.1, the capture of the first pool.
// - `--chain local` (Alice, Bob, Charlie and Dave validate): founders hold 1,000 REP each from
//   genesis (§2) and there is no sudo: §11.1 on a chain with founders, §11.2 (buying REP without
//   consent), §11.3 (sniping) and §11.5 (squatting).
// - "crowd": the dev chain spec (`guild-node build-spec --chain dev`) with 1,025 more accounts
//   holding 1 unit of REP each (`//dust//0` to `//dust//1024`) and Bob holding 1,000 REP: §11.4,
//   crowding a pool's 1,024 staker slots with dust.
//
// Amounts are raw units (planck for GUILD, units for REP; both have 12 decimals): 1 GUILD = 10^12.
// `min_pool_fee` is §9's 0.01 GUILD = 10^10, `quorum` 10% and `quorum_miss_fee` 10%, read from the
// chains and checked.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  DAO_ACCOUNT as DAO,
  PPM,
  UNIT,
  account,
  buildChainSpec,
  cleanup,
  derivedAccounts,
  devAccounts,
  eventNames,
  expectError,
  expectOk,
  feeOf,
  hookEvents,
  markFailure,
  openPool,
  pick,
  poolIdOf,
  postIdOf,
  postTx,
  printLogTails,
  repOf,
  sendMany,
  sendTogether,
  startDevNode,
  startLocalNetwork,
  startSpecNode,
  sudoOutcome,
  totals,
  waitForBest,
  waitResolved,
  withNodeLogs,
} from '../lib/index.mjs';

const FOUNDER_REP = 1_000n * UNIT; // the local preset's founders (LOCAL_FOUNDER_REP)
const DUST_ACCOUNTS = 1_025; // one more than MaxStakersPerPool
const BOB_CROWD_REP = 1_000n * UNIT;

const sum = (xs) => xs.reduce((a, b) => a + b, 0n);

/** What `claim_fees` would pay `address` now (the runtime API). */
async function claimable(api, address) {
  return (await api.call.reputationApi.claimableFees(address)).toBigInt();
}

/**
 * Wait for pool `id` to resolve as QuorumNotMet and check its hook events against §4: every stake
 * released, M burned, `initiator` refunded `fee` less `floor(fee × quorum_miss_fee)`, which is paid
 * out as the fee salary. Returns { resolved, hook, kept, refund }.
 */
async function expectQuorumNotMet(api, id, { initiator, fee, minted, quorumMissFee }) {
  const resolved = await waitResolved(api, id, { timeoutMs: 90_000 });
  assert.equal(resolved.outcome, 'QuorumNotMet', `pool ${id}: ${resolved.outcome}`);
  const hook = await hookEvents(api, resolved.resolvedAt);
  const kept = (fee * quorumMissFee) / 1_000_000_000n;
  const refund = fee - kept;
  const refunded = pick(hook, 'validationPool', 'FeeRefunded').filter((d) => d.pool.toNumber() === id);
  assert.deepEqual(
    refunded.map((d) => [d.initiator.toString(), d.fee.toBigInt(), d.kept.toBigInt()]),
    [[initiator, refund, kept]],
    `pool ${id}: FeeRefunded; hook events: ${eventNames(hook)}`,
  );
  const burned = pick(hook, 'validationPool', 'RepBurned').filter((d) => d.pool.toNumber() === id);
  assert.deepEqual(burned.map((d) => d.amount.toBigInt()), [minted], `pool ${id}: its mint is burned`);
  assert.equal(pick(hook, 'validationPool', 'FeePaidOut').filter((d) => d.pool.toNumber() === id).length, 0);
  // Nothing was granted: no REP for anybody from this pool.
  assert.equal(pick(hook, 'reputation', 'RepGranted').length, 0, 'no REP granted');
  const transfer = pick(hook, 'balances', 'Transfer').find((d) => d.to.toString() === initiator);
  assert.ok(transfer, 'the refund moves from the DAO account to the initiator');
  assert.deepEqual([transfer.from.toString(), transfer.amount.toBigInt()], [DAO, refund]);
  return { resolved, hook, kept, refund };
}

describe('PROTOCOL.md §11: attacks 1 to 5 against running chains', { timeout: 900_000 }, () => {
  let started;
  let dev; // --dev node
  let devApi;
  let local; // --chain local network
  let localApi;
  let crowd; // the dev spec with 1,025 dust REP holders
  let crowdApi;
  let acc; // the dev accounts
  let dust; // the 1,025 dust accounts
  let minPoolFee;
  let quorumMissFee; // Perbill parts
  const txFees = new Map(); // `${chain}:${address}` -> Σ transaction fees paid in this file
  const paid = (chain, who, outcome) => {
    const key = `${chain}:${who.address}`;
    txFees.set(key, (txFees.get(key) ?? 0n) + feeOf(outcome));
    return outcome;
  };

  before(async () => {
    started = Date.now();
    try {
      acc = await devAccounts();
      dust = await derivedAccounts('dust', DUST_ACCOUNTS);
      // The crowd chain: the dev preset, plus the dust accounts (1 GUILD for fees, 1 unit of REP
      // each) and Bob's 1,000 REP, in the genesis patch.
      const spec = buildChainSpec('dev');
      spec.name = 'Guild Crowd';
      spec.id = 'guild_crowd';
      const patch = spec.genesis?.runtimeGenesis?.patch ?? spec.genesis?.runtimeGenesis?.config;
      assert.ok(patch?.balances?.balances, 'build-spec gives the dev preset\'s genesis as JSON');
      patch.balances.balances.push(...dust.map((d) => [d.address, UNIT]));
      patch.reputation ??= {};
      patch.reputation.accounts = [...(patch.reputation.accounts ?? []), [acc.bob.address, BOB_CROWD_REP], ...dust.map((d) => [d.address, 1])];
      [dev, local, crowd] = await Promise.all([
        startDevNode(),
        startLocalNetwork(),
        startSpecNode(spec, { name: 'crowd' }),
      ]);
      [devApi, localApi, crowdApi] = await Promise.all([dev.api(), local.nodes.alice.api(), crowd.api()]);
      for (const api of [devApi, localApi, crowdApi]) {
        const p = await api.query.validationPool.params();
        minPoolFee ??= p.minPoolFee.toBigInt();
        quorumMissFee ??= BigInt(p.quorumMissFee.toNumber());
        assert.equal(p.minPoolFee.toBigInt(), 10n ** 10n, '§9 min_pool_fee: 0.01 GUILD');
        assert.equal(p.quorum.toNumber(), 100_000_000, '§9 quorum: 10%');
        assert.equal(p.quorumMissFee.toNumber(), 100_000_000, '§9 quorum_miss_fee: 10%');
        assert.equal(p.mintingRatio.toBigInt(), 10n ** 18n, 'minting ratio 1');
      }
    } catch (error) {
      markFailure();
      printLogTails();
      throw error;
    }
  });

  after(async () => {
    await Promise.all([devApi, localApi, crowdApi].map((api) => api?.disconnect().catch(() => {})));
    await cleanup();
    if (started) console.log(`# attacks e2e: ${((Date.now() - started) / 1000).toFixed(1)} s with node starts`);
  });

  // §11.1 Capture of an empty DAO by the first pool. In an empty DAO the first pool passes (the
  // authors' minted FOR stake ties the unowned AGAINST stake) and its authors get all of M: all
  // the REP there is, and with it every later vote. §2 and §4: while nobody holds REP only root
  // opens a pool; a chain launched without sudo has founders holding REP from genesis, so its
  // first pool is judged by them. Cost to the attacker: nothing gained; every route is refused by
  // name, or (with founders) the pool needs their consent.
  test(
    '§11.1 capture of an empty DAO: nobody but root opens its first pool; with founders, the first pool needs their consent',
    { timeout: 240_000 },
    withNodeLogs(async () => {
      const { alice, eve } = acc;
      const bootstrapFee = UNIT; // 1 GUILD: an even mint, so the floored FOR half ties

      const onDev = async () => {
        const api = devApi;
        assert.deepEqual(await totals(api), { totalRep: 0n, unowned: 0n, totalMinted: 0n, totalBurned: 0n }, 'an empty DAO');
        assert.equal((await api.query.sudo.key()).toString(), alice.address);
        const posts = (await sendTogether(api, [postTx(api, eve, 'capture-by-pool'), postTx(api, eve, 'capture-by-proposal'), postTx(api, alice, 'bootstrap')])).map(expectOk);
        posts.forEach((o, i) => paid('dev', [eve, eve, alice][i], o));
        const [mine, proposal, boot] = posts.map(postIdOf);
        const eveBefore = await account(api, eve.address);
        const poolsBefore = (await api.query.validationPool.nextPoolId()).toNumber();

        // Eve tries every way to open the first pool on her own post; root opens the bootstrap
        // pool on Alice's post in the same block.
        const quorumUp = { SetParameter: { key: 'PoolQuorum', value: 120_000_000 } };
        const [byInitiate, byForce, bySudo, byProposal, byRoot] = await sendTogether(api, [
          [api.tx.validationPool.initiate(mine, bootstrapFee, 1), eve],
          [api.tx.validationPool.forceInitiate(eve.address, mine, bootstrapFee, 1), eve],
          [api.tx.sudo.sudo(api.tx.validationPool.forceInitiate(eve.address, mine, bootstrapFee, 1)), eve],
          [api.tx.governance.propose(proposal, quorumUp), eve],
          [api.tx.sudo.sudo(api.tx.validationPool.forceInitiate(alice.address, boot, bootstrapFee, 1)), alice],
        ]);
        [byInitiate, byForce, bySudo, byProposal].forEach((o) => paid('dev', eve, o));
        paid('dev', alice, byRoot);
        expectError(byInitiate, 'validationPool.BootstrapByRootOnly');
        expectError(byForce, 'BadOrigin');
        expectError(sudoOutcome(api, bySudo), 'sudo.RequireSudo');
        // A governance proposal's first stage is a pool the protocol opens: in an empty DAO it
        // would pass as the same tie and give the proposer all of M (§2: root only).
        assert.ok(
          !byProposal.ok,
          `governance.propose opened a pool in an empty DAO (events: ${eventNames(byProposal.events)}): its first stage would ` +
            'pass as a tie (quorum met with no REP held) and give the proposer all of its mint, against §2 (root only)',
        );
        for (const bad of [byInitiate, byForce, bySudo, byProposal]) {
          assert.equal(bad.filterEvents('validationPool', 'PoolInitiated').length, 0);
          assert.equal(bad.filterEvents('reputation', 'RepMinted').length, 0);
        }
        // Eve paid her transaction fees and nothing else.
        const eveAfter = await account(api, eve.address);
        const eveTxFees = sum([byInitiate, byForce, bySudo, byProposal].map(feeOf));
        assert.deepEqual(eveAfter, { free: eveBefore.free - eveTxFees, reserved: eveBefore.reserved });

        // Root's bootstrap pool is the only one; it passes as the tie and Alice gets all of M.
        const root = expectOk(sudoOutcome(api, byRoot));
        const pool = poolIdOf(root);
        assert.equal(pool, poolsBefore);
        assert.equal((await api.query.validationPool.nextPoolId()).toNumber(), poolsBefore + 1, 'no other pool opened');
        const r = await waitResolved(api, pool);
        assert.deepEqual(r, { resolvedAt: root.blockNumber + 2, outcome: 'Accepted', forTotal: UNIT / 2n, againstTotal: UNIT / 2n, post: boot });
        await waitForBest(api, r.resolvedAt + 1); // the propagation runs at the end of that block
        assert.equal((await repOf(api, alice.address)).free, bootstrapFee, 'Alice, the author root chose, holds M');
        assert.ok((await api.query.reputation.accounts(eve.address)).isNone, 'Eve holds no REP');
        assert.deepEqual(await totals(api), { totalRep: UNIT, unowned: 0n, totalMinted: UNIT, totalBurned: 0n });
        return { bootstrap: root.blockNumber };
      };

      const onLocal = async () => {
        const api = localApi;
        // Founders from genesis, no sudo.
        const founders = ['alice', 'bob', 'charlie', 'dave'].map((n) => acc[n].address);
        const holders = (await api.query.reputation.accounts.entries()).map(([k, v]) => [k.args[0].toString(), v.unwrap().free.toBigInt()]);
        assert.deepEqual(holders.sort(), founders.map((a) => [a, FOUNDER_REP]).sort(), 'the founders hold 1,000 REP each');
        assert.deepEqual(await totals(api), { totalRep: 4n * FOUNDER_REP, unowned: 0n, totalMinted: 4n * FOUNDER_REP, totalBurned: 0n });
        assert.ok((await api.query.sudo.key()).isNone, 'no sudo key');
        const [postOut] = await sendTogether(api, [postTx(api, eve, 'first-pool-on-local')]);
        paid('local', eve, expectOk(postOut));
        const mine = postIdOf(postOut);
        const claimsBefore = await Promise.all(founders.map((a) => claimable(api, a)));
        // The first pool of the chain, opened by an outsider on her own post (not refused: the
        // DAO is not empty), and the sudo route, which has no key.
        const [bySudo, byInitiate] = await sendTogether(api, [
          [api.tx.sudo.sudo(api.tx.validationPool.forceInitiate(eve.address, mine, minPoolFee, 1)), eve],
          [api.tx.validationPool.initiate(mine, minPoolFee, 1), eve],
        ]);
        paid('local', eve, bySudo);
        paid('local', eve, byInitiate);
        expectError(sudoOutcome(api, bySudo), 'sudo.RequireSudo');
        const pool = poolIdOf(expectOk(byInitiate));
        // Nobody else stakes: the founders' consent (10% of 4,000 REP) is missing.
        const { kept } = await expectQuorumNotMet(api, pool, { initiator: eve.address, fee: minPoolFee, minted: minPoolFee, quorumMissFee });
        assert.equal(kept, minPoolFee / 10n);
        assert.ok((await api.query.reputation.accounts(eve.address)).isNone, 'Eve holds no REP');
        const claimsAfter = await Promise.all(founders.map((a) => claimable(api, a)));
        // The kept 10% (10^9) is the founders' salary: 2.5 × 10^8 each.
        assert.deepEqual(claimsAfter.map((c, i) => c - claimsBefore[i]), founders.map(() => kept / 4n));
        assert.deepEqual(await totals(api), { totalRep: 4n * FOUNDER_REP, unowned: 0n, totalMinted: 4n * FOUNDER_REP + minPoolFee, totalBurned: minPoolFee });
        return { pool };
      };

      // Both parts run to their end (the local chain is quiet for the next test) before a
      // failure of either is reported.
      const settled = await Promise.allSettled([onDev(), onLocal()]);
      const failure = settled.find((r) => r.status === 'rejected');
      if (failure) throw failure.reason;
      const [d, l] = settled.map((r) => r.value);
      console.log(`# §11.1: dev bootstrap by root in #${d.bootstrap}; local: Eve's first pool ${l.pool} QuorumNotMet`);
    }),
  );

  // §11.2 Buying REP without consent. A founder pays a large fee on their own post (M = the fee,
  // half of it staked FOR in their name) and stakes their own REP FOR: nobody else takes part.
  // Without the consent quorum the pool would pass and mint them the whole fee in REP. §4: the
  // authors' own stakes are not consent; QuorumNotMet: every stake is released, M is burned, the
  // initiator gets the fee back less 10%, which is paid out as the salary of every REP holder.
  test(
    '§11.2 buying REP without consent: a 100 GUILD pool on one\'s own post, backed only by its author, is QuorumNotMet and costs 10 GUILD',
    { timeout: 180_000 },
    withNodeLogs(async () => {
      const api = localApi;
      const { dave } = acc;
      const founders = ['alice', 'bob', 'charlie', 'dave'].map((n) => acc[n].address);
      const fee = 100n * UNIT;
      const [postOut] = await sendTogether(api, [postTx(api, dave, 'buy-rep')]);
      paid('local', dave, expectOk(postOut));
      const mine = postIdOf(postOut);
      const daveBefore = await account(api, dave.address);
      const claimsBefore = await Promise.all(founders.map((a) => claimable(api, a)));
      const totalsBefore = await totals(api);
      const id = (await api.query.validationPool.nextPoolId()).toNumber();
      const [opened, staked] = await sendTogether(api, [
        [api.tx.validationPool.initiate(mine, fee, 1), dave],
        [api.tx.validationPool.stake(id, FOUNDER_REP, true), dave], // all of his REP
      ]);
      assert.equal(poolIdOf(expectOk(opened)), id);
      expectOk(staked);
      const pool = await openPool(api, id);
      assert.deepEqual(
        [pool.tally.forTotal.toBigInt(), pool.tally.againstTotal.toBigInt(), pool.tally.consentFor.toBigInt(), pool.tally.consentAgainst.toBigInt()],
        [fee / 2n + FOUNDER_REP, fee / 2n, 0n, 0n],
        'FOR: 50 GUILD minted + Dave\'s 1,000 REP, none of it consent (Dave is the author)',
      );

      const { resolved, hook, kept, refund } = await expectQuorumNotMet(api, id, { initiator: dave.address, fee, minted: fee, quorumMissFee });
      assert.deepEqual([kept, refund], [10n * UNIT, 90n * UNIT]);
      assert.deepEqual(
        pick(hook, 'validationPool', 'StakeSettled').map((d) => [d.who.toString(), d.returned.toBigInt(), d.lost.toBigInt(), d.reward.toBigInt()]),
        [[dave.address, FOUNDER_REP, 0n, 0n]],
      );
      assert.deepEqual(
        pick(hook, 'reputation', 'FeeDistributed').map((d) => [d.fee.toBigInt(), d.totalRep.toBigInt()]),
        [[kept, 4n * FOUNDER_REP]],
      );
      // REP not bought: Dave holds what he held, all free; the mint is burned.
      assert.deepEqual(await repOf(api, dave.address).then((r) => [r.free, r.heldPool]), [FOUNDER_REP, 0n]);
      assert.deepEqual(await totals(api), {
        totalRep: totalsBefore.totalRep,
        unowned: 0n,
        totalMinted: totalsBefore.totalMinted + fee,
        totalBurned: totalsBefore.totalBurned + fee,
      });
      // The fee: 90 GUILD back to Dave, 10 GUILD paid out to the 4,000 REP held, 2.5 GUILD each
      // (Dave's share of his own loss included: he is out 7.5 GUILD and the transaction fees).
      const claimsAfter = await Promise.all(founders.map((a) => claimable(api, a)));
      assert.deepEqual(claimsAfter.map((c, i) => c - claimsBefore[i]), founders.map(() => (10n * UNIT) / 4n));
      const daveAfter = await account(api, dave.address);
      assert.equal(daveAfter.free, daveBefore.free - fee + refund - feeOf(opened) - feeOf(staked));
      // No verdict: the post is still open, its deposit still held.
      const p = (await api.query.forum.posts(mine)).unwrap();
      assert.ok(p.status.isOpen);
      assert.ok(p.deposit.toBigInt() > 0n);
      assert.equal(p.value.toBigInt(), 0n);
      console.log(`# §11.2: pool ${id} (fee 100 GUILD) QuorumNotMet in #${resolved.resolvedAt}; Dave kept 1,000 REP, lost 10 GUILD to the salary`);
    }),
  );

  // §11.3 Sniping. A pool nobody backs holds only its minted stakes (half FOR in the authors' name,
  // half AGAINST in nobody's). One unit staked AGAINST would tip it to Rejected and the sniper, the
  // only AGAINST account, would take the whole mint as the pot. §4: one unit is no consent; the
  // pool is QuorumNotMet, the sniper's unit comes back and the mint is burned.
  test(
    '§11.3 sniping: one unit AGAINST a pool nobody backs takes nothing (QuorumNotMet)',
    { timeout: 180_000 },
    withNodeLogs(async () => {
      const api = localApi;
      const { bob, eve } = acc;
      const [postOut] = await sendTogether(api, [postTx(api, eve, 'unbacked')]);
      paid('local', eve, expectOk(postOut));
      const target = postIdOf(postOut);
      const [opened] = await sendTogether(api, [[api.tx.validationPool.initiate(target, minPoolFee, 2), eve]]);
      paid('local', eve, expectOk(opened));
      const id = poolIdOf(opened);
      const bobBefore = await repOf(api, bob.address);
      const [snipe] = await sendTogether(api, [[api.tx.validationPool.stake(id, 1, false), bob]]);
      paid('local', bob, expectOk(snipe));
      const pool = await openPool(api, id);
      assert.ok(snipe.blockNumber <= pool.end.toNumber(), 'the stake is in time');
      assert.deepEqual(
        [pool.tally.forTotal.toBigInt(), pool.tally.againstTotal.toBigInt(), pool.tally.consentAgainst.toBigInt()],
        [minPoolFee / 2n, minPoolFee / 2n + 1n, 1n],
        'AGAINST is ahead by the one unit',
      );

      const { resolved, hook } = await expectQuorumNotMet(api, id, { initiator: eve.address, fee: minPoolFee, minted: minPoolFee, quorumMissFee });
      assert.deepEqual(
        pick(hook, 'validationPool', 'StakeSettled').map((d) => [d.who.toString(), d.returned.toBigInt(), d.lost.toBigInt(), d.reward.toBigInt()]),
        [[bob.address, 1n, 0n, 0n]],
        'the sniper gets his unit back and no reward',
      );
      const bobAfter = await repOf(api, bob.address);
      assert.deepEqual([bobAfter.free, bobAfter.heldPool], [bobBefore.free, 0n], 'Bob\'s REP is what it was');
      assert.equal(pick(hook, 'forum', 'PostRejected').length, 0, 'no verdict on the post');
      assert.ok((await api.query.forum.posts(target)).unwrap().status.isOpen);
      console.log(`# §11.3: pool ${id}, 1 unit AGAINST ${minPoolFee} minted: QuorumNotMet in #${resolved.resolvedAt}, ${minPoolFee} burned, nothing taken`);
    }),
  );

  // §11.4 Crowding a pool. An attacker with many accounts fills a pool's MaxStakersPerPool (1,024)
  // slots with dust stakes (1 unit each) so that holders with real REP cannot stake. §4: when the
  // pool is full, a stake larger than the smallest evicts it (released at once, with an event);
  // an equal or smaller one is refused. Cost to the attacker: every larger holder who comes evicts
  // one dust stake; the dust keeps nobody out.
  test(
    '§11.4 crowding: 1,024 dust stakes fill a pool; a larger stake evicts the smallest, a dust stake is refused by name',
    { timeout: 300_000 },
    withNodeLogs(async () => {
      const api = crowdApi;
      const { alice, bob } = acc;
      const maxStakers = api.consts.validationPool.maxStakersPerPool.toNumber();
      assert.equal(maxStakers, 1024);
      assert.equal((await repOf(api, dust[0].address)).free, 1n);
      assert.equal((await repOf(api, bob.address)).free, BOB_CROWD_REP);
      const [postOut] = await sendTogether(api, [postTx(api, alice, 'crowded')]);
      const post = postIdOf(expectOk(postOut));
      // Long enough for the stakes to land; the test does not wait for its end.
      const [opened] = await sendTogether(api, [[api.tx.validationPool.initiate(post, minPoolFee, 100), alice]]);
      const id = poolIdOf(expectOk(opened));

      // The crowd: 1,024 dust stakes AGAINST, one per account (the first 1,024 dust accounts).
      const t0 = Date.now();
      const crowdOutcomes = await sendMany(api, dust.slice(0, maxStakers).map((d) => [api.tx.validationPool.stake(id, 1, false), d, 0]));
      const failed = crowdOutcomes.filter((o) => !o.ok);
      assert.equal(failed.length, 0, `dust stakes failed: ${[...new Set(failed.map((o) => o.error.message))].join(', ')}`);
      const blocks = [...new Set(crowdOutcomes.map((o) => o.blockNumber))].sort((a, b) => a - b);
      let pool = await openPool(api, id);
      assert.equal(pool.stakers.toNumber(), maxStakers, 'the pool is full');
      assert.ok(blocks.at(-1) <= pool.end.toNumber());
      const order = await api.query.validationPool.stakeOrder(id);
      assert.equal(order.length, maxStakers);
      const smallest = order[0];
      assert.equal(smallest[0].toBigInt(), 1n, 'the smallest stake is 1 unit');
      const evictee = smallest[1].toString();
      assert.deepEqual(
        [pool.tally.againstTotal.toBigInt(), pool.tally.consentAgainst.toBigInt()],
        [minPoolFee / 2n + BigInt(maxStakers), BigInt(maxStakers)],
      );

      // A larger holder comes: Bob stakes 100 REP FOR. The newest of the smallest stakes goes.
      const bobStake = 100n * UNIT;
      const [big] = await sendTogether(api, [[api.tx.validationPool.stake(id, bobStake, true), bob]]);
      expectOk(big);
      assert.deepEqual(
        big.filterEvents('validationPool', 'StakeEvicted').map(({ event: { data: d } }) => [d.pool.toNumber(), d.who.toString(), d.amount.toBigInt()]),
        [[id, evictee, 1n]],
        'StakeEvicted { pool, who: the smallest, newest stake, amount: 1 }',
      );
      const released = big.filterEvents('reputation', 'RepReleased').map(({ event: { data: d } }) => [d.who.toString(), d.reason.type, d.amount.toBigInt()]);
      assert.deepEqual(released, [[evictee, 'PoolStake', 1n]], 'the evicted unit is released at once');
      assert.deepEqual(await repOf(api, evictee).then((r) => [r.free, r.heldPool]), [1n, 0n]);
      assert.ok((await api.query.validationPool.stakes(id, evictee)).isNone);
      assert.equal((await api.query.validationPool.stakes(id, bob.address)).unwrap().amount.toBigInt(), bobStake);
      pool = await openPool(api, id);
      assert.equal(pool.stakers.toNumber(), maxStakers, 'still full');
      assert.deepEqual(
        [pool.tally.forTotal.toBigInt(), pool.tally.consentFor.toBigInt(), pool.tally.againstTotal.toBigInt(), pool.tally.consentAgainst.toBigInt()],
        [minPoolFee / 2n + bobStake, bobStake, minPoolFee / 2n + BigInt(maxStakers - 1), BigInt(maxStakers - 1)],
      );

      // More dust is refused by name: the evicted account again, and the 1,025th account.
      const evictedPair = dust.find((d) => d.address === evictee);
      const refused = await sendTogether(api, [
        [api.tx.validationPool.stake(id, 1, false), evictedPair],
        [api.tx.validationPool.stake(id, 1, true), dust[maxStakers]],
      ]);
      for (const out of refused) {
        expectError(out, 'validationPool.StakeTooSmallForFullPool');
        assert.equal(out.filterEvents('validationPool', 'StakeEvicted').length, 0);
      }
      assert.equal((await openPool(api, id)).stakers.toNumber(), maxStakers);
      console.log(
        `# §11.4: 1,024 dust stakes in #${blocks.join(', #')} (${((Date.now() - t0) / 1000).toFixed(1)} s); ` +
          `Bob's 100 REP evicted ${evictee} in #${big.blockNumber}; dust refused in #${refused[0].blockNumber}`,
      );
    }),
  );

  // §11.5 Squatting. (a) Opening a pool on someone else's post, to judge it before its author is
  // ready or to hold its one open pool: refused, NotAnAuthor. (b) Opening a pool on a post a
  // protocol rule owns (a governance proposal), even as its co-author, to block or pre-empt its
  // stages: refused, ProtocolPost. (c) Filling the end block where a protocol pool must end (a
  // proposal's first stage), so that it cannot open: an author's pools take at most half of an end
  // block (32 of MaxPoolsEndingPerBlock = 64; the 33rd is refused, TooManyPoolsEndingAt), so the
  // proposal's stage still opens there. Cost to the squatter: every pool's fee (at least
  // min_pool_fee) and every post's deposit.
  test(
    '§11.5 squatting: pools on others\' posts and on proposals are refused; 32 own pools per end block cannot keep a proposal\'s stage out',
    { timeout: 240_000 },
    withNodeLogs(async () => {
      const api = localApi;
      const { bob, eve } = acc;
      const ending = api.consts.validationPool.maxPoolsEndingPerBlock.toNumber();
      const half = Math.ceil(ending / 2);
      assert.deepEqual([ending, half], [64, 32]);
      const stage = (await api.query.governance.params()).stages[0].duration.toNumber();
      // Bob's posts: Y his alone, X with Eve as co-author (the proposal). Eve's posts: one per
      // pool she tries to open, 33 for each of 3 end blocks.
      const FILLED = 3;
      const eveTexts = Array.from({ length: FILLED * (half + 1) }, (_, i) => `squat-${i}`);
      const posts = (await sendMany(api, [
        postTx(api, bob, 'bob-alone'),
        postTx(api, bob, 'bob-proposal', { authors: [[bob.address, PPM / 2], [eve.address, PPM / 2]] }),
        ...eveTexts.map((t) => postTx(api, eve, t)),
      ])).map(expectOk);
      const [y, x, ...evePosts] = posts.map(postIdOf);
      const eveBefore = await account(api, eve.address);
      // Sent just after a block is imported, so that all of Eve's extrinsics land in the next one.
      await waitForBest(api, (await api.rpc.chain.getHeader()).number.toNumber() + 1, { intervalMs: 100 });

      // One block: Eve opens 32 pools ending in each of the 3 blocks where the proposal's first
      // stage can end (it is proposed in one of the next 3 blocks and lasts `stage` blocks), then a
      // 33rd for each (refused), and one on Bob's post (refused).
      const durations = Array.from({ length: FILLED }, (_, k) => 1 + stage + k);
      const squat = [];
      durations.forEach((d, k) => {
        for (let i = 0; i <= half; i++) squat.push([api.tx.validationPool.initiate(evePosts[k * (half + 1) + i], minPoolFee, d), eve]);
      });
      squat.push([api.tx.validationPool.initiate(y, minPoolFee, 1), eve]);
      const outs = await sendMany(api, squat, { concurrency: squat.length });
      const bq = outs[0].blockNumber;
      assert.ok(outs.every((o) => o.blockNumber === bq), 'Eve\'s pools open in one block');
      const squatPools = [];
      durations.forEach((d, k) => {
        const group = outs.slice(k * (half + 1), (k + 1) * (half + 1));
        group.slice(0, half).forEach((o) => squatPools.push(poolIdOf(expectOk(o))));
        expectError(group[half], 'validationPool.TooManyPoolsEndingAt');
      });
      expectError(outs.at(-1), 'validationPool.NotAnAuthor');
      const ends = durations.map((d) => bq + d);
      for (const end of ends) assert.equal((await api.query.validationPool.endingAt(end)).length, half, `#${end} holds 32 of Eve's pools`);

      // Bob proposes on X: the first stage's pool opens, in an end block Eve filled.
      const change = { SetParameter: { key: 'PoolQuorum', value: 120_000_000 } };
      const [proposed] = await sendTogether(api, [[api.tx.governance.propose(x, change), bob]]);
      expectOk(proposed);
      const started = proposed.findEvent('governance', 'StageStarted');
      assert.ok(started, `governance.StageStarted; events: ${eventNames(proposed.events)}`);
      const stagePool = started.event.data.pool.toNumber();
      const stageOpen = await openPool(api, stagePool);
      const end = stageOpen.end.toNumber();
      assert.equal(end, proposed.blockNumber + stage, 'the stage ends where it should, not later');
      assert.ok(ends.includes(end), `the stage ends in #${end}, one of the filled blocks #${ends.join(', #')}`);
      const there = (await api.query.validationPool.endingAt(end)).map((p) => p.toNumber());
      assert.equal(there.length, half + 1);
      assert.equal(there.at(-1), stagePool);
      assert.ok(there.slice(0, half).every((p) => squatPools.includes(p)));

      // Nobody opens a pool on the proposal's post: not its co-author Eve, not Bob himself.
      const onProposal = await sendTogether(api, [
        [api.tx.validationPool.initiate(x, minPoolFee, 1), eve],
        [api.tx.validationPool.initiate(x, minPoolFee, 1), bob],
      ]);
      onProposal.forEach((o) => expectError(o, 'validationPool.ProtocolPost'));

      // What the squat cost Eve so far: 99 post deposits held and 96 pool fees paid (each pool
      // will be QuorumNotMet and refund 90% of its fee, 10% going to the salary).
      const deposit = (await api.query.forum.params()).postDeposit.toBigInt();
      const eveAfter = await account(api, eve.address);
      const feesPaidIn = pick(outs.flatMap((o) => o.events), 'validationPool', 'PoolInitiated').reduce((a, d) => a + d.fee.toBigInt(), 0n);
      assert.equal(feesPaidIn, BigInt(FILLED * half) * minPoolFee);
      assert.equal(eveAfter.reserved - eveBefore.reserved, 0n, 'the deposits were held with the posts');
      assert.ok(eveBefore.reserved >= BigInt(FILLED * (half + 1)) * deposit);
      assert.equal(eveBefore.free - eveAfter.free, feesPaidIn + sum(outs.map(feeOf)) + sum(onProposal.slice(0, 1).map(feeOf)));
      console.log(
        `# §11.5: Eve's ${FILLED * half} pools fill #${ends.join(', #')} to 32 each; Bob's proposal stage (pool ${stagePool}) ends in #${end} with ${there.length} pools`,
      );
    }),
  );
});
