// Availability and work requests on a dev chain (`guild-node --dev`), through signed extrinsics
// (issue 5, end-to-end part): the expert market end to end, every balance checked.
//
// Accounts (dev keys): Charlie is the customer, Bob the expert, Alice another REP holder, Dave pays
// the fees of the pools that give Alice and Bob their first REP (REP cannot be transferred).
// Blocks are counted from the first one with the test's extrinsics:
//
//   block 1   Alice posts A; Bob posts B and his evidence E; Charlie submits request 0 with a fee
//             of 10 GUILD, held from him: no expert has staked, so it waits (Pending).
//   block 2   Dave opens pool 0 on A (fee 4 GUILD) and pool 1 on B (fee 2 GUILD), 1 block each.
//   block 4   the hook resolves them (an empty DAO's first pools pass): Alice 4 REP, Bob 2 REP.
//             Bob stakes his 2 REP as availability: the waiting request draws him at once; he
//             submits E as its evidence in the same block.
//   block 5   Charlie approves: the held fee is released and pays for pool 2 on E (M = 10 REP:
//             5 FOR in Bob's name, 5 AGAINST), Bob's availability stake counting FOR.
//   block 6   Alice stakes 1 REP FOR.
//   block 11  the hook resolves pool 2 (Accepted 8 : 5 REP): the fee is paid out as salary to the
//             6 REP held before the pool (Alice 4, Bob 2), the pot of 5 REP goes to the FOR side
//             (Alice 1/8, Bob's stake 2/8, the authors' minted stake 5/8), E gets the 5 REP minted
//             FOR; request 0 is Done and Bob's stake unbound.
//   block 12  Alice and Bob claim their fees.
//
// The dev preset's business pool lasts 5 blocks; nothing here calls `evaluate` or
// `process_deadline`.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';

import {
  FEE_SCALE,
  UNIT,
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
/** One REP: 12 decimals like the native token (minting ratio 1). */
const REP = 10n ** 12n;

/** The DAO account: `PalletId(*b"guild/da").into_account_truncating()`. */
const DAO = encodeAddress(u8aConcat(stringToU8a('modlguild/da'), new Uint8Array(20)), 42);

const FEE_A = 4n * UNIT; // pool 0: Alice's first REP
const FEE_B = 2n * UNIT; // pool 1: Bob's first REP
const FEE = 10n * UNIT; // the request's fee

const repShape = ({ free, heldPool, heldAvailability }) => ({ free, heldPool, heldAvailability });

/** Native-token holds of `address`: [{ reason: 'Business.RequestFee', amount: bigint }]. */
async function holdsOf(api, address) {
  const holds = await api.query.balances.holds(address);
  return holds.map(({ id, amount }) => ({ reason: `${id.type}.${id.value.type ?? id.value.toString()}`, amount: amount.toBigInt() }));
}

async function request0(api) {
  return (await api.query.business.requests(0)).unwrap();
}

describe('work requests on a dev chain: request, draw, evidence, review, pool, salary', { timeout: 600_000 }, () => {
  let node;
  let api;
  let started;
  let alice; // REP holder who stakes in the request's pool
  let bob; // the expert
  let charlie; // the customer
  let dave; // pays the bootstrap pools
  let ed;
  let deposit;
  const post = {}; // A, B, E
  const start = {}; // native balances at the start
  let issuance0;
  const fees = new Map(); // address -> Σ transaction fees paid in this file
  let b1; // block of the posts and the request
  let b2; // block of the bootstrap pools
  let until; // Bob's availability expiry
  let assignBlock; // block 4
  let reviewBlock; // block 5
  let pool2End;

  const paid = (who, outcome) => fees.set(who.address, (fees.get(who.address) ?? 0n) + feeOf(outcome));

  before(async () => {
    started = Date.now();
    try {
      node = await startDevNode();
      api = await node.api();
      [alice, bob, charlie, dave] = await Promise.all(['alice', 'bob', 'charlie', 'dave'].map(devAccount));
      ed = api.consts.balances.existentialDeposit.toBigInt();
      deposit = (await api.query.forum.params()).postDeposit.toBigInt();
      for (const who of [alice, bob, charlie, dave]) start[who.address] = await account(api, who.address);
      start[DAO] = await account(api, DAO);
      issuance0 = (await api.query.balances.totalIssuance()).toBigInt();
    } catch (error) {
      markFailure();
      printLogTails();
      throw error;
    }
  });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await cleanup();
    if (started) console.log(`# business e2e: ${((Date.now() - started) / 1000).toFixed(1)} s with node start`);
  });

  test(
    'the dev preset: availability (13) and business (14) with 1 REP minimum stake, 20/10-block timeouts, 5-block pools',
    { timeout: 30_000 },
    withNodeLogs(async () => {
      const pallets = Object.fromEntries(
        api.runtimeMetadata.asLatest.pallets.map((p) => [p.name.toString(), p.index.toNumber()]),
      );
      assert.equal(pallets.Availability, 13);
      assert.equal(pallets.Business, 14);
      assert.equal((await api.query.availability.params()).minAvailabilityStake.toBigInt(), REP);
      const p = await api.query.business.params();
      assert.equal(p.evidenceTimeout.toNumber(), 20);
      assert.equal(p.reviewTimeout.toNumber(), 10);
      assert.equal(p.poolDuration.toNumber(), 5);
      assert.equal(p.maxValidationAttempts.toNumber(), 3);
      assert.equal((await api.query.business.nextRequestId()).toNumber(), 0);
      assert.equal((await api.query.availability.candidates()).length, 0, 'no expert yet');
      assert.deepEqual(await totals(api, { checkRuntimeApi: true }), { totalRep: 0n, unowned: 0n, totalMinted: 0n, totalBurned: 0n });
      assert.equal(start[DAO].free, ed, 'the DAO account holds its existential deposit');
    }),
  );

  test(
    'a request with no expert available waits Pending with its fee held from the customer',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const submit = (who, text) => [api.tx.forum.submitPost(blake2AsHex(text), `ipfs://${text}`, [[who.address, PPM]], []), who];
      const specHash = blake2AsHex('request 0: audit the widget');
      const outs = (
        await sendTogether(api, [
          submit(alice, 'post-A'),
          submit(bob, 'post-B'),
          submit(bob, 'evidence-E'), // after B in Bob's nonce order
          [api.tx.business.submitRequest(FEE, specHash, 'ipfs://spec-0'), charlie],
        ])
      ).map(expectOk);
      outs.forEach((o, i) => paid([alice, bob, bob, charlie][i], o));
      b1 = outs[0].blockNumber;
      assert.ok(outs.every((o) => o.blockNumber === b1), 'one block');
      [post.A, post.B, post.E] = outs.slice(0, 3).map((o) => o.findEvent('forum', 'PostSubmitted').event.data.post.toNumber());
      assert.ok(post.B < post.E);

      const req = outs[3];
      const submitted = req.findEvent('business', 'RequestSubmitted').event.data;
      assert.deepEqual(
        [submitted.request.toNumber(), submitted.customer.toString(), submitted.fee.toBigInt(), submitted.specHash.toHex()],
        [0, charlie.address, FEE, specHash],
      );
      assert.equal(req.findEvent('business', 'RequestPending').event.data.request.toNumber(), 0);
      assert.equal(req.filterEvents('business', 'WorkerAssigned').length, 0);
      const held = req.findEvent('balances', 'Held').event.data;
      assert.equal(held.who.toString(), charlie.address);
      assert.equal(held.amount.toBigInt(), FEE);
      assert.equal(`${held.reason.type}.${held.reason.value.type}`, 'Business.RequestFee');

      const r = await request0(api);
      assert.ok(r.status.isPending, `status ${r.status.type}`);
      assert.equal(r.customer.toString(), charlie.address);
      assert.equal(r.fee.toBigInt(), FEE);
      assert.equal(r.specHash.toHex(), specHash);
      assert.equal(r.uri.toUtf8(), 'ipfs://spec-0');
      assert.deepEqual(await holdsOf(api, charlie.address), [{ reason: 'Business.RequestFee', amount: FEE }]);
      const c = await account(api, charlie.address);
      assert.equal(c.reserved, FEE);
      assert.equal(c.free, start[charlie.address].free - FEE - fees.get(charlie.address));
      console.log(`# posts and request 0 in #${b1}`);
    }),
  );

  test(
    'first pools give Alice 4 REP and Bob 2 REP; Bob stakes availability, is drawn for the waiting request and submits evidence',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const init = (p, fee) => [api.tx.validationPool.initiate(p, fee, 1), dave];
      const outs = (await sendTogether(api, [init(post.A, FEE_A), init(post.B, FEE_B)])).map(expectOk);
      outs.forEach((o) => paid(dave, o));
      b2 = outs[0].blockNumber;
      assert.deepEqual(outs.map((o) => o.findEvent('validationPool', 'PoolInitiated').event.data.pool.toNumber()), [0, 1]);
      assert.equal((await account(api, DAO)).free, ed + FEE_A + FEE_B);

      // Both bootstrap pools end in b2+1 and are accepted: pool 0 is evaluated in b2+2, pool 1 in
      // b2+3 (no pool is evaluated while an accepted one's propagation is pending), each
      // propagated at the end of its block, after the block's extrinsics. Sent once b2+3 is out,
      // these land when Bob holds all of his 2 REP. Bob's nonce order: stake, then evidence.
      await waitForBest(api, b2 + 3);
      until = b2 + 200;
      const [stake, evidence] = await sendTogether(api, [
        [api.tx.availability.stakeAvailability(2n * REP, until), bob],
        [api.tx.business.submitEvidence(0, post.E), bob],
      ]);
      [[bob, stake], [bob, evidence]].forEach(([who, o]) => paid(who, o));
      assignBlock = stake.blockNumber;
      assert.ok(assignBlock >= b2 + 4, 'after the block that gives Bob his REP (normally the next one)');
      assert.equal(evidence.blockNumber, assignBlock);

      // The hooks of b2+2 and b2+3 resolved the bootstrap pools, one each.
      const r0 = await waitResolved(api, 0, { timeoutMs: 90_000 });
      const r1 = await waitResolved(api, 1, { timeoutMs: 90_000 });
      assert.deepEqual([r0.resolvedAt, r0.outcome, r1.resolvedAt, r1.outcome], [b2 + 2, 'Accepted', b2 + 3, 'Accepted']);
      const hook0 = await hookEvents(api, b2 + 2);
      const hook1 = await hookEvents(api, b2 + 3);
      assert.deepEqual(pick(hook0, 'reputation', 'FeeDeferred').map((d) => d.fee.toBigInt()), [FEE_A]);
      assert.deepEqual(
        pick(hook1, 'reputation', 'FeeDistributed').map((d) => [d.fee.toBigInt(), d.totalRep.toBigInt()]),
        [[FEE_A + FEE_B, 4n * REP]],
        'pool 0’s fee waits for a holder; pool 1 pays both fees to Alice, the only holder (pool 0’s propagation included)',
      );

      // Bob's stake, the draw and the evidence.
      expectOk(stake);
      const staked = stake.findEvent('availability', 'Staked').event.data;
      assert.deepEqual(
        [staked.who.toString(), staked.added.toBigInt(), staked.total.toBigInt(), staked.until.toNumber()],
        [bob.address, 2n * REP, 2n * REP, until],
      );
      const drawn = stake.findEvent('availability', 'ExpertDrawn');
      assert.ok(drawn, `availability.ExpertDrawn missing; events: ${eventNames(stake.events)}`);
      assert.deepEqual([drawn.event.data.request.toNumber(), drawn.event.data.who.toString(), drawn.event.data.stake.toBigInt()], [0, bob.address, 2n * REP]);
      const assigned = stake.findEvent('business', 'WorkerAssigned').event.data;
      assert.deepEqual(
        [assigned.request.toNumber(), assigned.worker.toString(), assigned.stake.toBigInt(), assigned.deadline.toNumber()],
        [0, bob.address, 2n * REP, assignBlock + 20],
      );
      const held = stake.findEvent('reputation', 'RepHeld').event.data;
      assert.deepEqual([held.who.toString(), held.reason.type, held.amount.toBigInt()], [bob.address, 'Availability', 2n * REP]);

      expectOk(evidence);
      const ev = evidence.findEvent('business', 'EvidenceSubmitted').event.data;
      assert.deepEqual(
        [ev.request.toNumber(), ev.worker.toString(), ev.post.toNumber(), ev.reviewDeadline.toNumber()],
        [0, bob.address, post.E, assignBlock + 10],
      );

      const r = await request0(api);
      assert.ok(r.status.isEvidenceSubmitted, `status ${r.status.type}`);
      assert.equal(r.status.asEvidenceSubmitted.worker.toString(), bob.address);
      assert.equal(r.status.asEvidenceSubmitted.post.toNumber(), post.E);
      // Two draws: the one at submission that found nobody, and Bob's.
      assert.equal(r.draws.toNumber(), 2);
      assert.equal((await api.query.business.evidenceOf(post.E)).unwrap().toNumber(), 0);
      const bobStake = (await api.query.availability.stakes(bob.address)).unwrap();
      assert.deepEqual([bobStake.amount.toBigInt(), bobStake.until.toNumber(), bobStake.bound.unwrap().toNumber()], [2n * REP, until, 0]);
      assert.equal((await api.query.availability.candidates()).length, 0, 'a bound stake is no candidate');
      assert.deepEqual(repShape(await repOf(api, alice.address)), { free: 4n * REP, heldPool: 0n, heldAvailability: 0n });
      assert.deepEqual(repShape(await repOf(api, bob.address)), { free: 0n, heldPool: 0n, heldAvailability: 2n * REP });
      assert.deepEqual(await totals(api, { checkRuntimeApi: true }), { totalRep: 6n * REP, unowned: 0n, totalMinted: 6n * REP, totalBurned: 0n });
      assert.deepEqual(await holdsOf(api, charlie.address), [{ reason: 'Business.RequestFee', amount: FEE }], 'the fee is still held');
      console.log(`# bootstrap pools in #${b2}, resolved in #${b2 + 2}, #${b2 + 3}; Bob's stake and evidence in #${assignBlock}`);
    }),
  );

  test(
    'the customer approves: the held fee pays for the pool on the evidence, the worker’s stake counts FOR; Alice stakes',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const charlieBefore = await account(api, charlie.address);
      // With two bad calls by Alice, which fail the same way before or after the review.
      const [review, wrong, late] = await sendTogether(api, [
        [api.tx.business.review(0, true), charlie],
        [api.tx.business.review(0, true), alice], // not the customer
        [api.tx.business.submitEvidence(0, post.A), alice], // the evidence is in already
      ]);
      paid(charlie, review);
      paid(alice, wrong);
      paid(alice, late);
      expectOk(review);
      expectError(wrong, 'business.NotCustomer');
      expectError(late, 'business.NotAwaitingEvidence');
      reviewBlock = review.blockNumber;
      assert.ok(reviewBlock > assignBlock);
      const rv = review.findEvent('business', 'Reviewed').event.data;
      assert.deepEqual([rv.request.toNumber(), rv.customer.toString(), rv.approve.isTrue], [0, charlie.address, true]);
      const released = review.findEvent('balances', 'Released').event.data;
      assert.deepEqual([released.who.toString(), released.amount.toBigInt()], [charlie.address, FEE]);
      const transfer = review.findEvent('balances', 'Transfer').event.data;
      assert.deepEqual([transfer.from.toString(), transfer.to.toString(), transfer.amount.toBigInt()], [charlie.address, DAO, FEE]);
      const init = review.findEvent('validationPool', 'PoolInitiated').event.data;
      pool2End = reviewBlock + 5;
      assert.deepEqual(
        [init.pool.toNumber(), init.post.toNumber(), init.initiator.toString(), init.fee.toBigInt(), init.minted.toBigInt(), init.forMinted.toBigInt(), init.againstMinted.toBigInt(), init.end.toNumber()],
        [2, post.E, charlie.address, FEE, 10n * REP, 5n * REP, 5n * REP, pool2End],
      );
      const workerStake = review.findEvent('validationPool', 'Staked').event.data;
      assert.deepEqual([workerStake.pool.toNumber(), workerStake.who.toString(), workerStake.amount.toBigInt(), workerStake.inFavor.isTrue], [2, bob.address, 2n * REP, true]);
      const started = review.findEvent('business', 'PoolStarted').event.data;
      assert.deepEqual(
        [started.request.toNumber(), started.pool.toNumber(), started.post.toNumber(), started.fee.toBigInt(), started.worker.toString(), started.stake.toBigInt(), started.attempt.toNumber()],
        [0, 2, post.E, FEE, bob.address, 2n * REP, 1],
      );
      const r = await request0(api);
      assert.ok(r.status.isValidating, `status ${r.status.type}`);
      assert.equal(r.status.asValidating.pool.toNumber(), 2);
      assert.equal(r.verdict.unwrap().isTrue, true);
      assert.equal((await api.query.business.requestOfPool(2)).unwrap().toNumber(), 0);
      // The customer's fee left the hold for the DAO account.
      assert.deepEqual(await holdsOf(api, charlie.address), []);
      const c = await account(api, charlie.address);
      assert.equal(c.reserved, 0n);
      assert.equal(c.free, charlieBefore.free - feeOf(review), 'the fee came out of the hold, not the free balance');
      assert.equal((await account(api, DAO)).free, ed + FEE_A + FEE_B + FEE);
      assert.deepEqual(await totals(api, { checkRuntimeApi: true }), { totalRep: 6n * REP, unowned: 10n * REP, totalMinted: 16n * REP, totalBurned: 0n });

      // Another REP holder stakes in the pool (the pool exists from the review's block on).
      const [aStake, cStake] = await sendTogether(api, [
        [api.tx.validationPool.stake(2, REP, true), alice],
        [api.tx.validationPool.stake(2, 1, true), charlie], // the customer holds no REP
      ]);
      paid(alice, aStake);
      paid(charlie, cStake);
      expectOk(aStake);
      expectError(cStake, 'validationPool.InsufficientFreeRep');
      assert.ok(aStake.blockNumber <= pool2End, 'staked before the pool’s end');
      const open = (await api.query.validationPool.pools(2)).unwrap().asOpen;
      assert.equal(open.tally.forTotal.toBigInt(), 8n * REP, 'FOR: 5 minted + Bob’s 2 availability + Alice’s 1');
      assert.equal(open.tally.againstTotal.toBigInt(), 5n * REP);
      assert.equal(open.stakers.toNumber(), 2);
      const bs = (await api.query.validationPool.stakes(2, bob.address)).unwrap();
      assert.deepEqual([bs.inFavor.isTrue, bs.amount.toBigInt(), bs.availability.toBigInt()], [true, 0n, 2n * REP]);
      assert.deepEqual(repShape(await repOf(api, alice.address)), { free: 3n * REP, heldPool: REP, heldAvailability: 0n });
      console.log(`# review and pool 2 in #${reviewBlock}, Alice's stake in #${aStake.blockNumber}`);
    }),
  );

  test(
    'the pool resolves by itself: Accepted, fee paid out as salary, REP to the FOR side, request Done, stake unbound',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const r2 = await waitResolved(api, 2, { timeoutMs: 90_000 });
      assert.deepEqual(r2, { resolvedAt: pool2End + 1, outcome: 'Accepted', forTotal: 8n * REP, againstTotal: 5n * REP, post: post.E });
      const hook = await hookEvents(api, pool2End + 1);
      const resolved = pick(hook, 'validationPool', 'PoolResolved');
      assert.equal(resolved.length, 1, `hook events: ${eventNames(hook)}`);
      assert.equal(resolved[0].outcome.type, 'Accepted');
      assert.deepEqual(
        pick(hook, 'reputation', 'FeeDistributed').map((d) => [d.fee.toBigInt(), d.totalRep.toBigInt()]),
        [[FEE, 6n * REP]],
        'the fee is shared by the 6 REP held before the pool moved',
      );
      // Pot = 5 REP AGAINST minted (nobody lost anything), over FOR weight 8 REP: Alice 1/8, Bob's
      // stake 2/8, the authors' minted stake 5/8 (Bob, E's only author).
      const settled = pick(hook, 'validationPool', 'StakeSettled').map((d) => [d.who.toString(), d.returned.toBigInt(), d.lost.toBigInt(), d.reward.toBigInt()]);
      assert.deepEqual(
        settled.sort(),
        [
          [bob.address, 2n * REP, 0n, 1_250_000_000_000n],
          [alice.address, REP, 0n, 625_000_000_000n],
          [bob.address, 0n, 0n, 3_125_000_000_000n],
        ].sort(),
      );
      assert.deepEqual(
        pick(hook, 'forum', 'Propagated').map((d) => [d.post.toNumber(), d.amount.toBigInt(), d.burned.toBigInt()]),
        [[post.E, 5n * REP, 0n]],
      );
      assert.deepEqual(pick(hook, 'forum', 'PostRatified').map((d) => [d.post.toNumber(), d.depositReleased.toBigInt()]), [[post.E, deposit]]);
      const rel = pick(hook, 'availability', 'StakeReleased').map((d) => [d.who.toString(), d.request.toNumber(), d.stake.toBigInt()]);
      assert.deepEqual(rel, [[bob.address, 0, 2n * REP]]);
      const done = pick(hook, 'business', 'RequestDone').map((d) => [d.request.toNumber(), d.worker.toString(), d.post.toNumber(), d.pool.unwrap().toNumber(), d.fee.toBigInt()]);
      assert.deepEqual(done, [[0, bob.address, post.E, 2, FEE]]);
      assert.equal(pick(hook, 'reputation', 'RepBurned').length, 0, 'nothing burned');

      const r = await request0(api);
      assert.ok(r.status.isDone, `status ${r.status.type}`);
      assert.equal(r.status.asDone.worker.toString(), bob.address);
      assert.equal(r.status.asDone.post.toNumber(), post.E);
      assert.equal(r.status.asDone.pool.unwrap().toNumber(), 2);
      assert.ok((await api.query.business.requestOfPool(2)).isNone);
      assert.equal((await api.query.business.due.entries()).length, 0, 'no deadline left');
      const e = (await api.query.forum.posts(post.E)).unwrap();
      assert.ok(e.status.isRatified);
      assert.equal(e.value.toBigInt(), 5n * REP);

      // REP: Bob 2 (still held as availability, unbound and drawable again) + 1.25 + 3.125 + 5;
      // Alice 4 + 0.625. Minted 16 = 6 + 10, nothing burned.
      assert.deepEqual(repShape(await repOf(api, alice.address)), { free: 4_625_000_000_000n, heldPool: 0n, heldAvailability: 0n });
      assert.deepEqual(repShape(await repOf(api, bob.address)), { free: 9_375_000_000_000n, heldPool: 0n, heldAvailability: 2n * REP });
      assert.deepEqual((await api.call.reputationApi.repOf(bob.address)).toJSON(), { free: 9_375_000_000_000, heldPool: 0, heldAvailability: 2_000_000_000_000 });
      assert.deepEqual(await totals(api, { checkRuntimeApi: true }), { totalRep: 16n * REP, unowned: 0n, totalMinted: 16n * REP, totalBurned: 0n });
      const bobStake = (await api.query.availability.stakes(bob.address)).unwrap();
      assert.deepEqual([bobStake.amount.toBigInt(), bobStake.until.toNumber(), bobStake.bound.isNone], [2n * REP, until, true]);
      const candidates = (await api.query.availability.candidates()).map((c) => [c.who.toString(), c.amount.toBigInt(), c.until.toNumber()]);
      assert.deepEqual(candidates, [[bob.address, 2n * REP, until]]);
      console.log(`# pool 2 resolved in #${pool2End + 1}`);
    }),
  );

  test(
    'holders claim their fee share; every native balance adds up (fees, holds, DAO account, issuance)',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      // FeePerRep: (4 + 2) GUILD over Alice's 4 REP, then 10 GUILD over 6 REP.
      const aliceShare = ((((FEE_A + FEE_B) * FEE_SCALE) / (4n * REP) + (FEE * FEE_SCALE) / (6n * REP)) * 4n * REP) / FEE_SCALE;
      const bobShare = (((FEE * FEE_SCALE) / (6n * REP)) * 2n * REP) / FEE_SCALE;
      assert.equal(aliceShare, 12_666_666_666_666n);
      assert.equal(bobShare, 3_333_333_333_333n);
      const dust = FEE_A + FEE_B + FEE - aliceShare - bobShare;
      assert.equal(dust, 1n);
      const want = new Map([[alice.address, aliceShare], [bob.address, bobShare], [charlie.address, 0n]]);
      for (const [who, amount] of want) {
        assert.equal((await api.call.reputationApi.claimableFees(who)).toBigInt(), amount, `claimable of ${who} (runtime API)`);
        assert.equal(await claimableFromStorage(api, who), amount, `claimable of ${who} (storage)`);
      }

      const [ca, cb, cc] = await sendTogether(api, [
        [api.tx.reputation.claimFees(), alice],
        [api.tx.reputation.claimFees(), bob],
        [api.tx.reputation.claimFees(), charlie],
      ]);
      [[alice, ca], [bob, cb], [charlie, cc]].forEach(([who, o]) => paid(who, o));
      expectOk(ca);
      expectOk(cb);
      expectError(cc, 'reputation.NothingToClaim');
      for (const [out, who] of [[ca, alice], [cb, bob]]) {
        const d = out.findEvent('reputation', 'FeesClaimed').event.data;
        assert.deepEqual([d.who.toString(), d.amount.toBigInt()], [who.address, want.get(who.address)]);
        const t = out.findEvent('balances', 'Transfer').event.data;
        assert.deepEqual([t.from.toString(), t.to.toString(), t.amount.toBigInt()], [DAO, who.address, want.get(who.address)]);
        assert.equal((await api.call.reputationApi.claimableFees(who.address)).toBigInt(), 0n);
      }

      // Every balance from the start: each account's transaction fees, and
      //   Alice +her salary, Bob +his salary (the post deposits came back on ratification),
      //   Charlie −the request fee, Dave −the bootstrap fees, the DAO account +the dust.
      const delta = {
        [alice.address]: aliceShare,
        [bob.address]: bobShare,
        [charlie.address]: -FEE,
        [dave.address]: -(FEE_A + FEE_B),
      };
      let allFees = 0n;
      for (const who of [alice, bob, charlie, dave]) {
        const now = await account(api, who.address);
        assert.equal(now.reserved, 0n, `${who.address} holds nothing`);
        assert.deepEqual(await holdsOf(api, who.address), []);
        const f = fees.get(who.address) ?? 0n;
        allFees += f;
        assert.equal(now.free, start[who.address].free + delta[who.address] - f, `balance of ${who.address}`);
      }
      assert.deepEqual(await account(api, DAO), { free: ed + dust, reserved: 0n }, 'the DAO account keeps its ED and the dust');
      // Transaction fees are burned; nothing else created or destroyed tokens.
      assert.equal((await api.query.balances.totalIssuance()).toBigInt(), issuance0 - allFees, 'total issuance');
      assert.equal((await api.query.reputation.undistributedFees()).toBigInt(), 0n);
      assert.ok((await request0(api)).status.isDone, 'request 0 is Done');
      console.log(`# fees claimed in #${ca.blockNumber}`);
    }),
  );
});
