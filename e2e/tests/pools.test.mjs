// Validation pools on a dev chain (`guild-node --dev`), through signed extrinsics (issue 4,
// end-to-end part): the worked example of PROTOCOL.md §4 with real accounts, evaluated by the
// chain itself in the block after the pool's end (nobody calls `evaluate`).
//
// REP cannot be transferred, so the example's starting holdings (Alice 100, Bob 50) come from
// pools too, under the rules of edition 2 (§2, §4): while nobody holds REP only root opens a pool
// (`forceInitiate`, through `sudo`; Alice is the dev chain's sudo), and it passes (the authors'
// minted FOR stake against the unowned AGAINST stake is a tie, with an even fee); every later
// pool needs the consent of non-authors (10% of the REP held). Each author opens the pool on
// their own post (blocks counted from the first one with the test's extrinsics):
//
//   block 1   root lowers `min_pool_fee` to 1 (see below); Alice, Bob and Carol (the dev account
//             Charlie) submit posts A, B and P.
//   block 2   root opens pool 0 on A (fee 90, paid by Dave, 1 block); Bob's own `initiate` fails
//             with BootstrapByRootOnly, Dave's on P with NotAnAuthor.
//   block 4   pool 0 resolves in the hook: Alice 90 REP. Bob opens pool 1 on B (fee 60, 2 blocks).
//   block 5   Alice stakes 15 FOR in pool 1 (consent 15 ≥ 10% of 90); Carol opens pool 2 on P
//             (fee 20, 5 blocks): the §4 pool, M = 20, 10 FOR in Carol's name, 10 AGAINST.
//   block 7   pool 1 resolves: Accepted 45 : 30; the pot of 30 splits 10 to Alice's 15 and 20 to
//             the authors' 30, and B gets the 30 minted FOR: Alice 100, Bob 50.
//   block 8   Alice stakes 40 FOR and Bob 30 AGAINST in pool 2; four bad stakes fail by name.
//   block 11  pool 2 resolves in the hook: consent 70 ≥ 15, Accepted 50 : 40; Carol 18, Alice
//             132, Bob 20; the fee of 20 is paid out as salary to the holders before this pool's
//             REP moved (Alice 100, Bob 50 of 150 REP: 13 and 6, 1 unit of dust stays in the DAO
//             account).
//   block 12  Alice and Bob claim their fees; Carol, who held no REP at the payout, has none.
//
// Amounts are raw units: REP has the native token's 12 decimals and `minting_ratio` is 1, so a
// fee of 20 planck mints 20 units of REP. §9's `min_pool_fee` (0.01 GUILD = 10^10 planck) would
// refuse such fees, so this test lowers it to 1 planck first, as root
// (`sudo(validationPool.setParams({ ...current, minPoolFee: 1 }))`), to show §4's example to the
// unit; every other rule keeps the dev preset's values. (tests/attacks.test.mjs runs with the
// real defaults.)

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import {
  daoAccount,
  DAO_ACCOUNT as DAO,
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
  poolIdOf,
  postIdOf,
  postTx,
  printLogTails,
  repOf,
  sendTogether,
  startDevNode,
  sudoOutcome,
  totals,
  waitForBest,
  waitResolved,
  withNodeLogs,
} from '../lib/index.mjs';

describe('validation pools on a dev chain: the worked example of PROTOCOL.md §4', { timeout: 600_000 }, () => {
  let node;
  let api;
  let started;
  let alice; // sudo; authors A
  let bob; // authors B
  let carol; // the dev account Charlie: authors P
  let dave; // pays for the bootstrap pool
  let ed;
  let deposit;
  let minPoolFee; // the dev preset's (§9's) min_pool_fee, before this test lowers it
  const post = {}; // A, B, P: post ids
  const opened = {}; // outcomes of the initiations: pool ids 0, 1, 2
  const before0 = {}; // native balances before anything
  let stakeOutcomes; // block 8
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
      before0[DAO] = await daoAccount(api, DAO);
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
      assert.deepEqual(Object.keys(api.tx.validationPool).sort(), ['evaluate', 'forceInitiate', 'initiate', 'setParams', 'stake']);
      const p = await api.query.validationPool.params();
      assert.equal(p.mintingRatio.toBigInt(), 10n ** 18n, 'minting ratio 1 (FixedU128)');
      assert.equal(p.stakeForAuthor.toNumber(), 500_000_000, 'stake_for_author 50%');
      assert.equal(p.quorum.toNumber(), 100_000_000, 'quorum 10%');
      assert.equal(p.winRatio.toNumber(), 500_000_000, 'win ratio 50%');
      assert.equal(p.binding.toNumber(), 1_000_000_000, 'binding 100%');
      assert.equal(p.redistributeLosingStakes.isTrue, true, 'redistribute on');
      assert.equal(p.poolDurationMin.toNumber(), 1);
      assert.equal(p.poolDurationDefault.toNumber(), 5);
      minPoolFee = p.minPoolFee.toBigInt();
      assert.equal(minPoolFee, 10n ** 10n, 'min_pool_fee 0.01 GUILD');
      assert.equal(p.quorumMissFee.toNumber(), 100_000_000, 'quorum_miss_fee 10%');
      assert.equal(api.consts.validationPool.maxStakersPerPool.toNumber(), 1024);
      assert.deepEqual(await totals(api), { totalRep: 0n, unowned: 0n, totalMinted: 0n, totalBurned: 0n });
      assert.equal((await api.query.validationPool.nextPoolId()).toNumber(), 0);
      assert.equal(before0[DAO].free, ed, 'the DAO account exists with the existential deposit');
      assert.equal(deposit > 0n, true);
      assert.equal((await api.query.sudo.key()).toString(), alice.address, 'Alice is sudo');
    }),
  );

  test(
    'three posts; root opens the first pool, paid by Dave: fee to the DAO account, M minted unowned; nobody else can',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      // Block 1: root lowers min_pool_fee to 1 planck (see the header), one post each (ids read
      // back from the events: senders are not ordered).
      const current = (await api.query.validationPool.params()).toJSON();
      const [lowered, ...posts] = await sendTogether(api, [
        [api.tx.sudo.sudo(api.tx.validationPool.setParams({ ...current, minPoolFee: 1 })), alice],
        postTx(api, alice, 'post-A'),
        postTx(api, bob, 'post-B'),
        postTx(api, carol, 'post-P'),
      ]);
      expectOk(sudoOutcome(api, lowered));
      paid(alice, lowered);
      posts.map(expectOk).forEach((o, i) => paid([alice, bob, carol][i], o));
      [post.A, post.B, post.P] = posts.map(postIdOf);
      assert.deepEqual([post.A, post.B, post.P].sort(), [0, 1, 2]);
      assert.equal((await api.query.validationPool.params()).minPoolFee.toBigInt(), 1n);

      // Block 2: the bootstrap pool, opened by root and paid by Dave (fee 90: an even mint, so the
      // floored FOR half ties the AGAINST half). Nobody else may open a pool while nobody holds
      // REP (§2), and only its authors may open a pool on a post (§4).
      const [force, bobOwn, daveOnP] = await sendTogether(api, [
        [api.tx.sudo.sudo(api.tx.validationPool.forceInitiate(dave.address, post.A, 90, 1)), alice],
        [api.tx.validationPool.initiate(post.B, 60, 2), bob],
        [api.tx.validationPool.initiate(post.P, 20, 5), dave],
      ]);
      const out = expectOk(sudoOutcome(api, force));
      paid(alice, force);
      paid(bob, bobOwn);
      paid(dave, daveOnP);
      expectError(bobOwn, 'validationPool.BootstrapByRootOnly');
      expectError(daveOnP, 'validationPool.NotAnAuthor');
      for (const bad of [bobOwn, daveOnP]) {
        assert.equal(bad.filterEvents('validationPool', 'PoolInitiated').length, 0);
        assert.equal(bad.filterEvents('balances', 'Transfer').length, 0, 'no fee moved');
      }
      const b2 = out.blockNumber;
      assert.ok(b2 > posts[0].blockNumber);
      const expected = { pool: 0, post: post.A, fee: 90n, minted: 90n, forMinted: 45n, againstMinted: 45n, end: b2 + 1 };
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
        expected,
      );
      assert.equal(d.initiator.toString(), dave.address, 'root named Dave as the initiator');
      // The fee moved from Dave to the DAO account; M was minted into the unowned pot.
      const transfer = out.findEvent('balances', 'Transfer');
      assert.ok(transfer, 'balances.Transfer of the fee');
      assert.deepEqual(
        [transfer.event.data.from.toString(), transfer.event.data.to.toString(), transfer.event.data.amount.toBigInt()],
        [dave.address, DAO, 90n],
      );
      assert.equal(out.findEvent('reputation', 'RepMinted').event.data.amount.toBigInt(), 90n);
      opened[0] = out;
      const open = (await api.query.validationPool.pools(0)).unwrap();
      assert.ok(open.isOpen);
      assert.equal(open.asOpen.tally.forTotal.toBigInt(), 45n);
      assert.equal(open.asOpen.tally.againstTotal.toBigInt(), 45n);
      assert.equal((await api.query.validationPool.poolOfPost(post.A)).unwrap().toNumber(), 0);
      assert.equal((await api.query.validationPool.nextPoolId()).toNumber(), 1, 'one pool only');
      assert.deepEqual(await totals(api), { totalRep: 0n, unowned: 90n, totalMinted: 90n, totalBurned: 0n });
      assert.equal((await daoAccount(api, DAO)).free, ed + 90n);
      assert.equal((await account(api, dave.address)).free, before0[dave.address].free - 90n - fees.get(dave.address));
      console.log(`# posts in #${posts[0].blockNumber}, pool 0 opened by root in #${b2}`);
    }),
  );

  test(
    'the bootstrap pool passes: Alice 90 REP; Bob\'s pool with Alice\'s consent: Alice 100, Bob 50; stakes in Carol\'s pool 2 and bad stakes by name',
    { timeout: 180_000 },
    withNodeLogs(async () => {
      const b2 = opened[0].blockNumber;
      // Pool 0 ends in b2+1 and is evaluated in b2+2's hook, before that block's extrinsics:
      // sent once b2+1 is out, Bob's initiate finds REP held and is his own to make.
      await waitForBest(api, b2 + 1);
      const [initB] = await sendTogether(api, [[api.tx.validationPool.initiate(post.B, 60, 2), bob]]);
      paid(bob, expectOk(initB));
      const b3 = initB.blockNumber;
      assert.ok(b3 >= b2 + 2);
      assert.equal(poolIdOf(initB), 1);
      const r0 = await waitResolved(api, 0);
      assert.deepEqual(r0, { resolvedAt: b2 + 2, outcome: 'Accepted', forTotal: 45n, againstTotal: 45n, post: post.A });
      // Pool 1 needs the consent of non-authors: 10% of the 90 REP Alice holds. She stakes 15 FOR;
      // Carol opens the §4 pool on her post.
      const [aliceOn1, initP] = await sendTogether(api, [
        [api.tx.validationPool.stake(1, 15, true), alice],
        [api.tx.validationPool.initiate(post.P, 20, 5), carol],
      ]);
      paid(alice, expectOk(aliceOn1));
      paid(carol, expectOk(initP));
      assert.equal(poolIdOf(initP), 2);
      opened[1] = initB;
      opened[2] = initP;
      const init = (out) => {
        const d = out.findEvent('validationPool', 'PoolInitiated').event.data;
        return [d.pool.toNumber(), d.post.toNumber(), d.initiator.toString(), d.fee.toBigInt(), d.minted.toBigInt(), d.forMinted.toBigInt(), d.againstMinted.toBigInt(), d.end.toNumber()];
      };
      assert.deepEqual(init(initB), [1, post.B, bob.address, 60n, 60n, 30n, 30n, b3 + 2]);
      assert.deepEqual(init(initP), [2, post.P, carol.address, 20n, 20n, 10n, 10n, initP.blockNumber + 5]);
      const pool1 = (await api.query.validationPool.pools(1)).unwrap().asOpen;
      assert.deepEqual(
        [pool1.tally.forTotal.toBigInt(), pool1.tally.againstTotal.toBigInt(), pool1.tally.consentFor.toBigInt(), pool1.tally.consentAgainst.toBigInt()],
        [45n, 30n, 15n, 0n],
        'pool 1: 30 minted + 15 Alice FOR (consent 15), 30 minted AGAINST',
      );

      // Pool 1 resolves in b3+3 (after its end, b3+2): sent once that block is out, the stakes
      // in pool 2 land when Bob holds his REP, and by pool 2's end.
      const r1 = await waitResolved(api, 1);
      assert.deepEqual(r1, { resolvedAt: b3 + 3, outcome: 'Accepted', forTotal: 45n, againstTotal: 30n, post: post.B });
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
      const end2 = initP.blockNumber + 5;
      assert.ok(
        stakeOutcomes.every((o) => o.blockNumber > r1.resolvedAt && o.blockNumber <= end2),
        `stakes in blocks ${stakeOutcomes.map((o) => o.blockNumber)}: after pool 1, by pool 2's end (#${end2})`,
      );

      const hook0 = await hookEvents(api, b2 + 2);
      const hook1 = await hookEvents(api, b3 + 3);
      const resolvedIn = (hook) => pick(hook, 'validationPool', 'PoolResolved').map((d) => [d.pool.toNumber(), d.outcome.type, d.forTotal.toBigInt(), d.againstTotal.toBigInt()]);
      assert.deepEqual(resolvedIn(hook0), [[0, 'Accepted', 45n, 45n]]);
      assert.deepEqual(resolvedIn(hook1), [[1, 'Accepted', 45n, 30n]]);
      // Pool 0's fee arrives while nobody holds REP: it waits, and joins pool 1's payout, which
      // Alice (90 REP, all there is) takes whole.
      assert.deepEqual(pick(hook0, 'reputation', 'FeeDeferred').map((d) => d.fee.toBigInt()), [90n]);
      assert.deepEqual(pick(hook0, 'reputation', 'FeeDistributed').length, 0);
      assert.deepEqual(
        pick(hook1, 'reputation', 'FeeDistributed').map((d) => [d.fee.toBigInt(), d.totalRep.toBigInt()]),
        [[150n, 90n]],
      );
      const paidOut = (hook) => pick(hook, 'validationPool', 'FeePaidOut').map((d) => [d.pool.toNumber(), d.fee.toBigInt()]);
      assert.deepEqual([...paidOut(hook0), ...paidOut(hook1)], [[0, 90n], [1, 60n]]);
      // Pool 0: Alice, the only author, gets all of M: the minted FOR half propagated into A, the
      // AGAINST half as the pot's only FOR weight. Pool 1: the pot (30 minted AGAINST) splits
      // 15 : 30 between Alice's stake and Bob's minted FOR stake, 10 and 20; B gets the 30 minted.
      const settledIn = (hook) => pick(hook, 'validationPool', 'StakeSettled').map((d) => [d.pool.toNumber(), d.who.toString(), d.returned.toBigInt(), d.lost.toBigInt(), d.reward.toBigInt()]);
      assert.deepEqual(settledIn(hook0), [[0, alice.address, 0n, 0n, 45n]]);
      assert.deepEqual(
        settledIn(hook1).sort(),
        [[1, alice.address, 15n, 0n, 10n], [1, bob.address, 0n, 0n, 20n]].sort(),
      );
      const propagatedIn = (hook) => pick(hook, 'forum', 'Propagated').map((d) => [d.post.toNumber(), d.amount.toBigInt(), d.burned.toBigInt()]);
      assert.deepEqual(propagatedIn(hook0), [[post.A, 45n, 0n]]);
      assert.deepEqual(propagatedIn(hook1), [[post.B, 30n, 0n]]);
      const ratifiedIn = (hook) => pick(hook, 'forum', 'PostRatified').map((d) => [d.post.toNumber(), d.depositReleased.toBigInt()]);
      assert.deepEqual(ratifiedIn(hook0), [[post.A, deposit]]);
      assert.deepEqual(ratifiedIn(hook1), [[post.B, deposit]]);
      assert.equal(pick([...hook0, ...hook1], 'validationPool', 'RepBurned').length, 0, 'nothing burned');
      for (const [p, value] of [[post.A, 45n], [post.B, 30n]]) {
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
      assert.deepEqual(viaApi, { free: 60, heldPool: 40, heldAvailability: 0, heldBlockProduction: 0 });
      // Pools 0 and 1 paid 150 to the 90 REP Alice held (§5: fee per REP floored in the
      // accumulator, FEE_SCALE 10^18): floor(floor(150 × 10^18 / 90) × 90 / 10^18) = 149; the
      // unit of dust stays in the DAO account. (Edition 1's bootstrap gave Alice 100 REP at that
      // payout, which divides 150 exactly; edition 2 needs Bob's pool to have consent, hence 90.)
      assert.equal((await api.call.reputationApi.claimableFees(alice.address)).toBigInt(), 149n);
      assert.equal((await api.call.reputationApi.claimableFees(bob.address)).toBigInt(), 0n);

      pool2 = (await api.query.validationPool.pools(2)).unwrap().asOpen;
      assert.equal(pool2.tally.forTotal.toBigInt(), 50n, 'FOR: 10 minted + 40 Alice');
      assert.equal(pool2.tally.againstTotal.toBigInt(), 40n, 'AGAINST: 10 minted + 30 Bob');
      assert.equal(pool2.tally.consentFor.toBigInt(), 40n, 'consent FOR: Alice, not an author of P');
      assert.equal(pool2.tally.consentAgainst.toBigInt(), 30n, 'consent AGAINST: Bob');
      assert.equal(pool2.stakers.toNumber(), 2);
      const aliceStake = (await api.query.validationPool.stakes(2, alice.address)).unwrap();
      assert.deepEqual([aliceStake.inFavor.isTrue, aliceStake.amount.toBigInt(), aliceStake.availability.toBigInt()], [true, 40n, 0n]);
      const bobStake = (await api.query.validationPool.stakes(2, bob.address)).unwrap();
      assert.deepEqual([bobStake.inFavor.isTrue, bobStake.amount.toBigInt()], [false, 30n]);
      console.log(`# pool 0 resolved in #${b2 + 2}, pool 1 opened in #${b3} and resolved in #${b3 + 3}, stakes in #${stakeBlock}`);
    }),
  );
  test(
    '§4: pool 2 resolves by itself after its end, Accepted 50:40; Carol 18, Alice 132, Bob 20; P ratified with 10',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const end = pool2.end.toNumber();
      const r2 = await waitResolved(api, 2);
      assert.deepEqual(r2, { resolvedAt: end + 1, outcome: 'Accepted', forTotal: 50n, againstTotal: 40n, post: post.P });
      // The consent quorum: non-authors staked 40 + 30 = 70 ≥ 10% of the 150 REP held.
      const tally2 = (await api.query.validationPool.pools(2)).unwrap().asResolved.tally;
      assert.deepEqual([tally2.consentFor.toBigInt(), tally2.consentAgainst.toBigInt()], [40n, 30n]);
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
        assert.deepEqual((await api.call.reputationApi.repOf(who.address)).toJSON(), { free, heldPool: 0, heldAvailability: 0, heldBlockProduction: 0 });
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
      // Alice: 149 of pools 0 + 1 (150 paid to her 90 REP, the only REP then: 1 unit of rounding
      // dust, see above) + floor(20 × 100 / 150) = 13.
      // Bob: floor(20 × 50 / 150) = 6. Carol held nothing at the payout.
      const expected = new Map([[alice.address, 162n], [bob.address, 6n], [carol.address, 0n]]);
      for (const [who, amount] of expected) {
        assert.equal((await api.call.reputationApi.claimableFees(who)).toBigInt(), amount, `claimable of ${who} (runtime API)`);
        assert.equal(await claimableFromStorage(api, who), amount, `claimable of ${who} (storage)`);
      }
      assert.equal((await api.query.reputation.undistributedFees()).toBigInt(), 0n);
      const daoBefore = await daoAccount(api, DAO);
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
      // What is left in the DAO account: its existential deposit and the dust of two payouts (1
      // from pool 1's, 1 from pool 2's).
      assert.equal((await daoAccount(api, DAO)).free, ed + 2n);

      // Every native balance, from the start: posts' deposits came back, fees went to the DAO
      // account and out again as salary, the rest is transaction fees.
      // Dave paid pool 0's fee (90), Bob pool 1's (60), Carol pool 2's (20).
      const delta = { [alice.address]: 162n, [bob.address]: 6n - 60n, [carol.address]: -20n, [dave.address]: -90n };
      for (const who of [alice, bob, carol, dave]) {
        const now = await account(api, who.address);
        assert.equal(now.reserved, 0n, `${who.address} holds nothing`);
        assert.equal(now.free, before0[who.address].free + delta[who.address] - (fees.get(who.address) ?? 0n), `balance of ${who.address}`);
      }
      console.log(`# fees claimed in #${ca.blockNumber}`);
    }),
  );
});
