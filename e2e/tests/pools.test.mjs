// Validation pools on a dev chain (`guild-node --dev`), through signed extrinsics (issue 4,
// end-to-end part): the worked example of PROTOCOL.md §4 with real accounts, evaluated by the
// chain itself in the block after the pool's end (nobody calls `evaluate`).
//
// REP cannot be transferred, so the example's starting holdings come from pools too: in an empty
// DAO a first pool passes (the authors' minted FOR stake against the unowned AGAINST stake is a
// tie) and its author gets all of M. Dave pays every fee, so the pools open in his nonce order
// (blocks counted from the first one with the test's extrinsics):
//
//   block 1  Alice, Bob and Carol (the dev account Charlie) submit posts A, B and P.
//   block 2  Dave opens pool 0 on A (fee 100, 1 block), pool 1 on B (fee 50, 1 block) and pool 2
//            on P (fee 20, 3 blocks): the §4 pool, M = 20, 10 FOR in Carol's name, 10 AGAINST.
//   block 4  pools 0 and 1 resolve in the hook: Alice 100 REP, Bob 50 REP. In the same block
//            Alice stakes 40 FOR and Bob 30 AGAINST in pool 2; four bad stakes fail by name.
//   block 6  pool 2 resolves in the hook: Accepted 50 : 40; Carol 18, Alice 132, Bob 20; the fee
//            of 20 is paid out as salary to the holders before this pool's REP moved (Alice 100,
//            Bob 50 of 150 REP: 13 and 6, 1 unit of dust stays in the DAO account).
//   block 7  Alice and Bob claim their fees; Carol, who held no REP at the payout, has none.
//
// Amounts are raw units: REP has the native token's 12 decimals and `minting_ratio` is 1, so a
// fee of 20 planck mints 20 units of REP.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';

import {
  account,
  claimableFromStorage,
  cleanup,
  devAccount,
  eventNames,
  expectError,
  expectOk,
  feeOf,
  hookEvents,
  markFailure,
  pick,
  printLogTails,
  repOf,
  sendTogether,
  startDevNode,
  totals,
  waitForBest,
  waitResolved,
  withNodeLogs,
} from '../lib/index.mjs';

const PPM = 1_000_000;

/** The DAO account: `PalletId(*b"guild/da").into_account_truncating()`. */
const DAO = encodeAddress(u8aConcat(stringToU8a('modlguild/da'), new Uint8Array(20)), 42);

describe('validation pools on a dev chain: the worked example of PROTOCOL.md §4', { timeout: 600_000 }, () => {
  let node;
  let api;
  let started;
  let alice;
  let bob;
  let carol; // the dev account Charlie: authors P
  let dave; // pays every pool's fee
  let ed;
  let deposit;
  const post = {}; // A, B, P: post ids
  const opened = {}; // outcomes of the initiations: pool ids 0, 1, 2
  const before0 = {}; // native balances before anything
  let stakeOutcomes; // block 4
  let stakeBlock;
  let pool2; // its OpenPool record after the stakes
  const fees = new Map(); // address -> Σ transaction fees paid in this file

  const paid = (who, outcome) => fees.set(who.address, (fees.get(who.address) ?? 0n) + feeOf(outcome));

  before(async () => {
    started = Date.now();
    try {
      node = await startDevNode();
      api = await node.api();
      [alice, bob, carol, dave] = await Promise.all(['alice', 'bob', 'charlie', 'dave'].map(devAccount));
      ed = api.consts.balances.existentialDeposit.toBigInt();
      deposit = (await api.query.forum.params()).postDeposit.toBigInt();
      for (const who of [alice, bob, carol, dave]) before0[who.address] = await account(api, who.address);
      before0[DAO] = await account(api, DAO);
    } catch (error) {
      markFailure();
      printLogTails();
      throw error;
    }
  });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await cleanup();
    if (started) console.log(`# pools e2e: ${((Date.now() - started) / 1000).toFixed(1)} s with node start`);
  });

  test(
    'the dev chain starts with an empty DAO, §9 pool rules and 5-block pools; the DAO account holds the ED',
    { timeout: 30_000 },
    withNodeLogs(async () => {
      const pallets = Object.fromEntries(
        api.runtimeMetadata.asLatest.pallets.map((p) => [p.name.toString(), p.index.toNumber()]),
      );
      assert.equal(pallets.ValidationPool, 12);
      assert.deepEqual(Object.keys(api.tx.validationPool).sort(), ['evaluate', 'initiate', 'setParams', 'stake']);
      const p = await api.query.validationPool.params();
      assert.equal(p.mintingRatio.toBigInt(), 10n ** 18n, 'minting ratio 1 (FixedU128)');
      assert.equal(p.stakeForAuthor.toNumber(), 500_000_000, 'stake_for_author 50%');
      assert.equal(p.quorum.toNumber(), 100_000_000, 'quorum 10%');
      assert.equal(p.winRatio.toNumber(), 500_000_000, 'win ratio 50%');
      assert.equal(p.binding.toNumber(), 1_000_000_000, 'binding 100%');
      assert.equal(p.redistributeLosingStakes.isTrue, true, 'redistribute on');
      assert.equal(p.poolDurationMin.toNumber(), 1);
      assert.equal(p.poolDurationDefault.toNumber(), 5);
      assert.deepEqual(await totals(api), { totalRep: 0n, unowned: 0n, totalMinted: 0n, totalBurned: 0n });
      assert.equal((await api.query.validationPool.nextPoolId()).toNumber(), 0);
      assert.equal(before0[DAO].free, ed, 'the DAO account exists with the existential deposit');
      assert.equal(deposit > 0n, true);
    }),
  );

  test(
    'three posts, then three pools opened by Dave in one block: fees to the DAO account, M minted unowned',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      // Block 1: one post each (ids read back from the events: senders are not ordered).
      const submit = (who, text) => [
        api.tx.forum.submitPost(blake2AsHex(text), `ipfs://${text}`, [[who.address, PPM]], []),
        who,
      ];
      const posts = (await sendTogether(api, [submit(alice, 'post-A'), submit(bob, 'post-B'), submit(carol, 'post-P')])).map(expectOk);
      [post.A, post.B, post.P] = posts.map((o) => o.findEvent('forum', 'PostSubmitted').event.data.post.toNumber());
      posts.forEach((o, i) => paid([alice, bob, carol][i], o));
      assert.deepEqual([post.A, post.B, post.P].sort(), [0, 1, 2]);

      // Block 2: Dave's three pools, in his nonce order: ids 0, 1, 2.
      const init = (p, fee, duration) => [api.tx.validationPool.initiate(p, fee, duration), dave];
      const outs = (await sendTogether(api, [init(post.A, 100, 1), init(post.B, 50, 1), init(post.P, 20, 5)])).map(expectOk);
      outs.forEach((o) => paid(dave, o));
      const b2 = outs[0].blockNumber;
      assert.ok(outs.every((o) => o.blockNumber === b2), 'the three pools open in one block');
      assert.ok(b2 > posts[0].blockNumber);
      const expected = [
        { pool: 0, post: post.A, fee: 100n, minted: 100n, forMinted: 50n, againstMinted: 50n, end: b2 + 1 },
        { pool: 1, post: post.B, fee: 50n, minted: 50n, forMinted: 25n, againstMinted: 25n, end: b2 + 1 },
        { pool: 2, post: post.P, fee: 20n, minted: 20n, forMinted: 10n, againstMinted: 10n, end: b2 + 5 },
      ];
      for (const [i, out] of outs.entries()) {
        const ev = out.findEvent('validationPool', 'PoolInitiated');
        assert.ok(ev, `PoolInitiated missing; events: ${eventNames(out.events)}`);
        const d = ev.event.data;
        assert.deepEqual(
          {
            pool: d.pool.toNumber(),
            post: d.post.toNumber(),
            fee: d.fee.toBigInt(),
            minted: d.minted.toBigInt(),
            forMinted: d.forMinted.toBigInt(),
            againstMinted: d.againstMinted.toBigInt(),
            end: d.end.toNumber(),
          },
          expected[i],
        );
        assert.equal(d.initiator.toString(), dave.address);
        // The fee moved to the DAO account; M was minted into the unowned pot.
        const transfer = out.findEvent('balances', 'Transfer');
        assert.ok(transfer, 'balances.Transfer of the fee');
        assert.equal(transfer.event.data.from.toString(), dave.address);
        assert.equal(transfer.event.data.to.toString(), DAO);
        assert.equal(transfer.event.data.amount.toBigInt(), expected[i].fee);
        assert.equal(out.findEvent('reputation', 'RepMinted').event.data.amount.toBigInt(), expected[i].minted);
        opened[i] = out;
      }
      for (const e of expected) {
        const open = (await api.query.validationPool.pools(e.pool)).unwrap();
        assert.ok(open.isOpen);
        assert.equal(open.asOpen.tally.forTotal.toBigInt(), e.forMinted);
        assert.equal(open.asOpen.tally.againstTotal.toBigInt(), e.againstMinted);
        assert.equal((await api.query.validationPool.poolOfPost(e.post)).unwrap().toNumber(), e.pool);
      }
      assert.deepEqual(await totals(api), { totalRep: 0n, unowned: 170n, totalMinted: 170n, totalBurned: 0n });
      assert.equal((await account(api, DAO)).free, ed + 170n);
      assert.equal((await account(api, dave.address)).free, before0[dave.address].free - 170n - fees.get(dave.address));
      console.log(`# posts in #${posts[0].blockNumber}, pools 0-2 opened in #${b2}`);
    }),
  );

  test(
    'first pools of an empty DAO pass in the hook after their end: Alice 100 REP, Bob 50; stakes in pool 2 and bad stakes by name',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const b2 = opened[0].blockNumber;
      // Pools 0 and 1 end in b2+1 and are both accepted: pool 0 is evaluated in b2+2, pool 1 in
      // b2+3 (no pool is evaluated while an accepted one's propagation is pending), each
      // propagated at the end of its block, after the block's extrinsics. Sent once b2+3 is out,
      // the stakes land in b2+4, when Bob holds all of his REP, and by pool 2's end (b2+5).
      await waitForBest(api, b2 + 3);
      stakeOutcomes = await sendTogether(api, [
        [api.tx.validationPool.stake(2, 40, true), alice],
        [api.tx.validationPool.stake(2, 61, true), alice], // 60 free left
        [api.tx.validationPool.stake(2, 30, false), bob],
        [api.tx.validationPool.stake(2, 1, true), bob], // already AGAINST
        [api.tx.validationPool.stake(2, 1, false), carol], // no REP yet
        [api.tx.validationPool.stake(0, 1, true), dave], // pool 0 is resolved
        [api.tx.validationPool.stake(2, 0, true), dave],
      ]);
      const [a40, a61, b30, bFor, cNoRep, dResolved, dZero] = stakeOutcomes;
      stakeOutcomes.forEach((o, i) => paid([alice, alice, bob, bob, carol, dave, dave][i], o));
      stakeBlock = a40.blockNumber;
      // Normally b2+4; one block later still fits.
      assert.ok(
        stakeOutcomes.every((o) => o.blockNumber >= b2 + 4 && o.blockNumber <= b2 + 5),
        `stakes in blocks ${stakeOutcomes.map((o) => o.blockNumber)}: after pools 0 and 1, by pool 2's end (#${b2 + 5})`,
      );

      // Pool 0 resolved in b2+2, pool 1 in b2+3, each with its propagation in its block.
      const r0 = await waitResolved(api, 0);
      const r1 = await waitResolved(api, 1);
      assert.deepEqual(r0, { resolvedAt: b2 + 2, outcome: 'Accepted', forTotal: 50n, againstTotal: 50n, post: post.A });
      assert.deepEqual(r1, { resolvedAt: b2 + 3, outcome: 'Accepted', forTotal: 25n, againstTotal: 25n, post: post.B });
      const hook0 = await hookEvents(api, b2 + 2);
      const hook1 = await hookEvents(api, b2 + 3);
      const resolvedIn = (hook) => pick(hook, 'validationPool', 'PoolResolved').map((d) => [d.pool.toNumber(), d.outcome.type, d.forTotal.toBigInt(), d.againstTotal.toBigInt()]);
      assert.deepEqual(resolvedIn(hook0), [[0, 'Accepted', 50n, 50n]]);
      assert.deepEqual(resolvedIn(hook1), [[1, 'Accepted', 25n, 25n]]);
      // Pool 0's fee arrives while nobody holds REP: it waits, and joins pool 1's payout, which
      // Alice (100 REP, all there is: pool 0's propagation ran before pool 1) takes whole.
      assert.deepEqual(pick(hook0, 'reputation', 'FeeDeferred').map((d) => d.fee.toBigInt()), [100n]);
      assert.deepEqual(pick(hook0, 'reputation', 'FeeDistributed').length, 0);
      assert.deepEqual(
        pick(hook1, 'reputation', 'FeeDistributed').map((d) => [d.fee.toBigInt(), d.totalRep.toBigInt()]),
        [[150n, 100n]],
      );
      const paidOut = (hook) => pick(hook, 'validationPool', 'FeePaidOut').map((d) => [d.pool.toNumber(), d.fee.toBigInt()]);
      assert.deepEqual([...paidOut(hook0), ...paidOut(hook1)], [[0, 100n], [1, 50n]]);
      // Each author got all of M: the minted FOR half propagated into the post, the AGAINST half
      // as the pot's only FOR weight.
      const settledIn = (hook) => pick(hook, 'validationPool', 'StakeSettled').map((d) => [d.pool.toNumber(), d.who.toString(), d.reward.toBigInt()]);
      assert.deepEqual(settledIn(hook0), [[0, alice.address, 50n]]);
      assert.deepEqual(settledIn(hook1), [[1, bob.address, 25n]]);
      const propagatedIn = (hook) => pick(hook, 'forum', 'Propagated').map((d) => [d.post.toNumber(), d.amount.toBigInt(), d.burned.toBigInt()]);
      assert.deepEqual(propagatedIn(hook0), [[post.A, 50n, 0n]]);
      assert.deepEqual(propagatedIn(hook1), [[post.B, 25n, 0n]]);
      const ratifiedIn = (hook) => pick(hook, 'forum', 'PostRatified').map((d) => [d.post.toNumber(), d.depositReleased.toBigInt()]);
      assert.deepEqual(ratifiedIn(hook0), [[post.A, deposit]]);
      assert.deepEqual(ratifiedIn(hook1), [[post.B, deposit]]);
      assert.equal(pick([...hook0, ...hook1], 'validationPool', 'RepBurned').length, 0, 'nothing burned');
      for (const [p, value] of [[post.A, 50n], [post.B, 25n]]) {
        const stored = (await api.query.forum.posts(p)).unwrap();
        assert.ok(stored.status.isRatified);
        assert.equal(stored.value.toBigInt(), value);
      }

      // The good stakes; the bad ones failed by name and changed nothing.
      expectOk(a40);
      expectOk(b30);
      expectError(a61, 'validationPool.InsufficientFreeRep');
      expectError(bFor, 'validationPool.AlreadyStakedOtherSide');
      expectError(cNoRep, 'validationPool.InsufficientFreeRep');
      expectError(dResolved, 'validationPool.PoolAlreadyResolved');
      expectError(dZero, 'validationPool.ZeroStake');
      for (const bad of [a61, bFor, cNoRep, dResolved, dZero]) {
        assert.ok(bad.error.docs.length > 0, `${bad.error.message} has docs`);
        assert.equal(bad.filterEvents('validationPool', 'Staked').length, 0);
        assert.equal(bad.filterEvents('reputation', 'RepHeld').length, 0);
      }
      for (const [out, who, amount, inFavor] of [[a40, alice, 40n, true], [b30, bob, 30n, false]]) {
        const d = out.findEvent('validationPool', 'Staked').event.data;
        assert.deepEqual([d.pool.toNumber(), d.who.toString(), d.amount.toBigInt(), d.inFavor.isTrue], [2, who.address, amount, inFavor]);
        const held = out.findEvent('reputation', 'RepHeld').event.data;
        assert.equal(held.reason.type, 'PoolStake');
        assert.equal(held.amount.toBigInt(), amount);
      }

      assert.deepEqual(await repOf(api, alice.address).then(({ free, heldPool, heldAvailability }) => ({ free, heldPool, heldAvailability })), {
        free: 60n,
        heldPool: 40n,
        heldAvailability: 0n,
      });
      assert.deepEqual(await repOf(api, bob.address).then(({ free, heldPool, heldAvailability }) => ({ free, heldPool, heldAvailability })), {
        free: 20n,
        heldPool: 30n,
        heldAvailability: 0n,
      });
      assert.ok((await api.query.reputation.accounts(carol.address)).isNone, 'Carol holds no REP yet');
      assert.deepEqual(await totals(api), { totalRep: 150n, unowned: 20n, totalMinted: 170n, totalBurned: 0n });
      // The runtime API agrees with storage.
      const viaApi = (await api.call.reputationApi.repOf(alice.address)).toJSON();
      assert.deepEqual(viaApi, { free: 60, heldPool: 40, heldAvailability: 0 });
      assert.equal((await api.call.reputationApi.claimableFees(alice.address)).toBigInt(), 150n);
      assert.equal((await api.call.reputationApi.claimableFees(bob.address)).toBigInt(), 0n);

      pool2 = (await api.query.validationPool.pools(2)).unwrap().asOpen;
      assert.equal(pool2.tally.forTotal.toBigInt(), 50n, 'FOR: 10 minted + 40 Alice');
      assert.equal(pool2.tally.againstTotal.toBigInt(), 40n, 'AGAINST: 10 minted + 30 Bob');
      assert.equal(pool2.stakers.toNumber(), 2);
      const aliceStake = (await api.query.validationPool.stakes(2, alice.address)).unwrap();
      assert.deepEqual([aliceStake.inFavor.isTrue, aliceStake.amount.toBigInt(), aliceStake.availability.toBigInt()], [true, 40n, 0n]);
      const bobStake = (await api.query.validationPool.stakes(2, bob.address)).unwrap();
      assert.deepEqual([bobStake.inFavor.isTrue, bobStake.amount.toBigInt()], [false, 30n]);
      console.log(`# pools 0, 1 resolved in #${b2 + 2}, #${b2 + 3}, stakes in #${stakeBlock}`);
    }),
  );

  test(
    '§4: pool 2 resolves by itself after its end, Accepted 50:40; Carol 18, Alice 132, Bob 20; P ratified with 10',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const end = pool2.end.toNumber();
      const r2 = await waitResolved(api, 2);
      assert.deepEqual(r2, { resolvedAt: end + 1, outcome: 'Accepted', forTotal: 50n, againstTotal: 40n, post: post.P });
      assert.ok((await api.query.validationPool.poolOfPost(post.P)).isNone, 'P has no open pool any more');
      assert.equal((await api.query.validationPool.stakes.entries(2)).length, 0, 'the stakes are removed');

      const hook = await hookEvents(api, end + 1);
      const resolved = pick(hook, 'validationPool', 'PoolResolved');
      assert.equal(resolved.length, 1, `one PoolResolved; hook events: ${eventNames(hook)}`);
      const d = resolved[0];
      assert.deepEqual(
        [d.pool.toNumber(), d.post.toNumber(), d.outcome.type, d.forTotal.toBigInt(), d.againstTotal.toBigInt()],
        [2, post.P, 'Accepted', 50n, 40n],
      );
      // The salary first, with the holdings from before this pool's REP moves: 150 REP.
      assert.deepEqual(pick(hook, 'validationPool', 'FeePaidOut').map((e) => [e.pool.toNumber(), e.fee.toBigInt()]), [[2, 20n]]);
      assert.deepEqual(
        pick(hook, 'reputation', 'FeeDistributed').map((e) => [e.fee.toBigInt(), e.totalRep.toBigInt()]),
        [[20n, 150n]],
      );
      // Losers lose all of their stake (binding 100%) into the pot: 10 unowned AGAINST + 30 = 40,
      // split 40 : 10 between Alice's stake and the authors' minted FOR stake.
      const settled = pick(hook, 'validationPool', 'StakeSettled')
        .map((e) => ({ who: e.who.toString(), returned: e.returned.toBigInt(), lost: e.lost.toBigInt(), reward: e.reward.toBigInt() }))
        .sort((x, y) => x.who.localeCompare(y.who));
      const want = [
        { who: alice.address, returned: 40n, lost: 0n, reward: 32n },
        { who: bob.address, returned: 0n, lost: 30n, reward: 0n },
        { who: carol.address, returned: 0n, lost: 0n, reward: 8n },
      ].sort((x, y) => x.who.localeCompare(y.who));
      assert.deepEqual(settled, want);
      assert.deepEqual(
        pick(hook, 'reputation', 'RepSlashed').map((e) => [e.who.toString(), e.reason.type, e.amount.toBigInt()]),
        [[bob.address, 'PoolStake', 30n]],
      );
      assert.deepEqual(
        pick(hook, 'reputation', 'RepReleased').map((e) => [e.who.toString(), e.reason.type, e.amount.toBigInt()]),
        [[alice.address, 'PoolStake', 40n]],
      );
      const granted = pick(hook, 'reputation', 'RepGranted').map((e) => [e.who.toString(), e.amount.toBigInt()]);
      assert.deepEqual(
        granted.sort(),
        [[carol.address, 10n], [alice.address, 32n], [carol.address, 8n]].sort(),
        'P gets the 10 minted FOR (to Carol), the pot 32 to Alice and 8 to Carol',
      );
      assert.deepEqual(
        pick(hook, 'forum', 'Propagated').map((e) => [e.post.toNumber(), e.amount.toBigInt(), e.burned.toBigInt(), e.visits.toNumber()]),
        [[post.P, 10n, 0n, 1]],
      );
      assert.deepEqual(
        pick(hook, 'forum', 'PostRatified').map((e) => [e.post.toNumber(), e.depositReleased.toBigInt()]),
        [[post.P, deposit]],
      );
      assert.equal(pick(hook, 'validationPool', 'RepBurned').length + pick(hook, 'reputation', 'RepBurned').length, 0, 'nothing burned');

      // The result of §4, to the unit.
      const rep = async (who) => {
        const r = await repOf(api, who.address);
        return { free: r.free, held: r.heldPool + r.heldAvailability };
      };
      assert.deepEqual(await rep(carol), { free: 18n, held: 0n }, 'Carol 18');
      assert.deepEqual(await rep(alice), { free: 132n, held: 0n }, 'Alice 132');
      assert.deepEqual(await rep(bob), { free: 20n, held: 0n }, 'Bob 20');
      assert.deepEqual(await totals(api), { totalRep: 170n, unowned: 0n, totalMinted: 170n, totalBurned: 0n }, '170 = 150 + 20');
      assert.deepEqual((await api.call.reputationApi.totals()).toJSON(), { totalRep: 170, unowned: 0, totalMinted: 170, totalBurned: 0 });
      for (const [who, free] of [[carol, 18], [alice, 132], [bob, 20]]) {
        assert.deepEqual((await api.call.reputationApi.repOf(who.address)).toJSON(), { free, heldPool: 0, heldAvailability: 0 });
      }

      const p = (await api.query.forum.posts(post.P)).unwrap();
      assert.ok(p.status.isRatified, 'P is Ratified');
      assert.equal(p.value.toBigInt(), 10n, 'P holds the 10 minted FOR');
      assert.equal(p.deposit.toBigInt(), 0n);
      assert.equal((await account(api, carol.address)).reserved, 0n, 'Carol’s deposit is released');
      assert.equal((await account(api, alice.address)).reserved, 0n);
      assert.equal((await account(api, bob.address)).reserved, 0n);
      // Nobody called `evaluate`: no extrinsic of that name in any block of this chain.
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      for (let n = 1; n <= best; n++) {
        const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(n));
        for (const xt of block.block.extrinsics) {
          assert.notEqual(`${xt.method.section}.${xt.method.method}`, 'validationPool.evaluate', `evaluate called in #${n}`);
        }
      }
      console.log(`# pool 2 (ended #${end}) resolved in #${end + 1}`);
    }),
  );

  test(
    'the fee salary: 20 shared by the 150 REP held before the pool moved (Alice 13, Bob 6, 1 of dust); claims pay it out',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      // Alice: 150 of pools 0 + 1 (she held all REP then) + floor(20 × 100 / 150) = 13.
      // Bob: floor(20 × 50 / 150) = 6. Carol held nothing at the payout.
      const expected = new Map([[alice.address, 163n], [bob.address, 6n], [carol.address, 0n]]);
      for (const [who, amount] of expected) {
        assert.equal((await api.call.reputationApi.claimableFees(who)).toBigInt(), amount, `claimable of ${who} (runtime API)`);
        assert.equal(await claimableFromStorage(api, who), amount, `claimable of ${who} (storage)`);
      }
      assert.equal((await api.query.reputation.undistributedFees()).toBigInt(), 0n);
      const daoBefore = await account(api, DAO);
      assert.equal(daoBefore.free, ed + 170n, 'the DAO account holds every fee paid in');

      const balancesBefore = {};
      for (const who of [alice, bob, carol]) balancesBefore[who.address] = await account(api, who.address);
      const [ca, cb, cc] = await sendTogether(api, [
        [api.tx.reputation.claimFees(), alice],
        [api.tx.reputation.claimFees(), bob],
        [api.tx.reputation.claimFees(), carol],
      ]);
      [[alice, ca], [bob, cb], [carol, cc]].forEach(([who, o]) => paid(who, o));
      expectOk(ca);
      expectOk(cb);
      expectError(cc, 'reputation.NothingToClaim');
      for (const [out, who] of [[ca, alice], [cb, bob]]) {
        const d = out.findEvent('reputation', 'FeesClaimed').event.data;
        assert.equal(d.who.toString(), who.address);
        assert.equal(d.amount.toBigInt(), expected.get(who.address));
        const t = out.findEvent('balances', 'Transfer').event.data;
        assert.deepEqual([t.from.toString(), t.to.toString(), t.amount.toBigInt()], [DAO, who.address, expected.get(who.address)]);
        const after = await account(api, who.address);
        assert.equal(after.free, balancesBefore[who.address].free + expected.get(who.address) - feeOf(out));
        assert.equal((await api.call.reputationApi.claimableFees(who.address)).toBigInt(), 0n);
      }
      assert.equal((await account(api, carol.address)).free, balancesBefore[carol.address].free - feeOf(cc));
      // What is left in the DAO account: its existential deposit and the dust of the last payout.
      assert.equal((await account(api, DAO)).free, ed + 1n);

      // Every native balance, from the start: posts' deposits came back, fees went to the DAO
      // account and out again as salary, the rest is transaction fees.
      const delta = { [alice.address]: 163n, [bob.address]: 6n, [carol.address]: 0n, [dave.address]: -170n };
      for (const who of [alice, bob, carol, dave]) {
        const now = await account(api, who.address);
        assert.equal(now.reserved, 0n, `${who.address} holds nothing`);
        assert.equal(now.free, before0[who.address].free + delta[who.address] - (fees.get(who.address) ?? 0n), `balance of ${who.address}`);
      }
      console.log(`# fees claimed in #${ca.blockNumber}`);
    }),
  );
});
