// Availability and work requests on a dev chain (`guild-node --dev`), through signed extrinsics
// (issue 5, end-to-end part): the expert market end to end, every balance checked.
//
// Accounts (dev keys): Charlie is the customer, Bob the expert, Alice another REP holder (and the
// dev chain's sudo key), Dave pays the fees of the pools that give Alice and Bob their first REP
// (REP cannot be transferred). Blocks are counted from the first one with the test's extrinsics:
//
//   block 1   Alice posts A; Bob posts B and his evidence E; Charlie submits request 0 with a fee
//             of 10 GUILD, held from him. The request is not drawn in its own block (edition 2,
//             §6 late randomness): `DrawScheduled` for block 2, drawn by the hook of block 3,
//             which finds no expert: the request waits (Pending).
//   block 2   root opens pool 0 on A (the empty DAO's first pool: only root may, §2 and §4;
//             `sudo(forceInitiate)`, Dave paying the fee of 3 GUILD), 1 block: it passes as the
//             tie of an empty DAO and gives Alice all of its mint, 3 REP.
//   block 5   root opens pool 1 on B (Dave pays 3 GUILD), 1 block, and Alice stakes her 3 REP FOR:
//             the DAO is no longer empty, so the pool needs consent (§4: stakes of non-authors
//             ≥ 10% of all REP), which Alice gives. Accepted 4.5 : 1.5: the pot of 1.5 REP goes
//             1 to Alice and 0.5 to Bob's minted stake, B gets the 1.5 minted FOR: Alice 4 REP,
//             Bob 2 REP. (Edition 1 had Dave open both pools with fees 4 and 2 GUILD and no
//             consent; the totals, 6 GUILD of fees and 6 REP, are the same.)
//   block 8   Bob stakes his 2 REP as availability; the hook of block 10 draws him for the waiting
//             request (no call draws, §11.7), and he submits E as its evidence.
//   block 5   Charlie approves: the held fee is released and pays for pool 2 on E (M = 10 REP:
//             5 FOR in Bob's name, 5 AGAINST), Bob's availability stake counting FOR.
//   block 6   Alice stakes 1 REP FOR.
//   block 14  the hook resolves pool 2 (Accepted 8 : 5 REP; Alice's 1 REP is the consent, Bob's
//             stake is an author's): the fee is paid out as salary to the
//             6 REP held before the pool (Alice 4, Bob 2), the pot of 5 REP goes to the FOR side
//             (Alice 1/8, Bob's stake 2/8, the authors' minted stake 5/8), E gets the 5 REP minted
//             FOR; request 0 is Done and Bob's stake unbound.
//   block 15  Alice and Bob claim their fees.
//
// The dev preset's business pool lasts 5 blocks; nothing here calls `evaluate` or
// `process_deadline`.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';

import {
  daoAccount,
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
  sudoOutcome,
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

// Edition 2 (§4 consent quorum): pool 1 needs a non-author's stake, Alice's 3 REP; the fees are
// chosen so that Alice ends with 4 REP and Bob with 2, as in edition 1 (fees 4 and 2 GUILD then).
const FEE_A = 3n * UNIT; // pool 0: Alice's first REP (root's bootstrap pool)
const FEE_B = 3n * UNIT; // pool 1: Bob's first REP, with Alice's consent
const ALICE_STAKE_B = 3n * REP; // Alice's FOR stake in pool 1: all of her REP then
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
  let b2; // block of root's bootstrap pool 0
  let b3; // block of pool 1 and Alice's consent
  let until; // Bob's availability expiry
  let stakeBlock; // Bob's availability stake
  let assignBlock; // two blocks on: the hook draws Bob
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
      start[DAO] = await daoAccount(api, DAO);
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
      // Edition 2 (§7, §9): fees of at least 1 GUILD, at most 3 workers drawn per request.
      assert.equal(p.minRequestFee.toBigInt(), UNIT);
      assert.equal(p.maxDraws.toNumber(), 3);
      assert.ok(FEE >= p.minRequestFee.toBigInt());
      assert.equal((await api.query.business.nextRequestId()).toNumber(), 0);
      assert.equal((await api.query.availability.candidates('Requests')).length, 0, 'no expert yet');
      assert.deepEqual(await totals(api, { checkRuntimeApi: true }), { totalRep: 0n, unowned: 0n, totalMinted: 0n, totalBurned: 0n });
      assert.equal(start[DAO].free, ed, 'the DAO account holds its existential deposit');
    }),
  );

  test(
    'a request is drawn two blocks after its submission; with no expert available it waits Pending with its fee held from the customer',
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
      // Edition 2 (§6, §11.7): nothing is drawn in the submission block; the draw is scheduled
      // after block b1+1, i.e. made by the hook of b1+2 with the VRF output of b1+1.
      assert.equal(req.filterEvents('business', 'RequestPending').length, 0, 'not drawn at submission');
      assert.equal(req.filterEvents('business', 'WorkerAssigned').length, 0);
      const scheduled = req.findEvent('business', 'DrawScheduled').event.data;
      // data[1]: `at` is the event data's own (Array) method, not the field.
      assert.deepEqual([scheduled.request.toNumber(), scheduled[1].toNumber()], [0, b1 + 1]);
      const drawing = await request0(api);
      // (Read right after inclusion: the hook of b1+2 may already have run; either state is fine.)
      assert.ok(drawing.status.isDrawing || drawing.status.isPending, `status ${drawing.status.type}`);
      await waitForBest(api, b1 + 2);
      const hook = await hookEvents(api, b1 + 2);
      assert.deepEqual(pick(hook, 'business', 'RequestPending').map((d) => d.request.toNumber()), [0], `hook of #${b1 + 2}: ${eventNames(hook)}`);
      assert.equal(pick(hook, 'business', 'WorkerAssigned').length, 0);
      assert.equal(pick(await hookEvents(api, b1 + 1), 'business', 'RequestPending').length, 0, 'not drawn in b1+1 either');
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
    'root’s bootstrap pool and a consented pool give Alice 4 REP and Bob 2 REP; Bob stakes availability, is drawn for the waiting request and submits evidence',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      // Edition 2 (§2, §4): in an empty DAO only root opens a pool. Dave's own `initiate` on
      // Alice's post fails (not an author), and Alice's on her own post too (the DAO is empty).
      const force = (p, fee) => api.tx.sudo.sudo(api.tx.validationPool.forceInitiate(dave.address, p, fee, 1));
      const [byDave, byAlice, root0] = await sendTogether(api, [
        [api.tx.validationPool.initiate(post.A, FEE_A, 1), dave],
        [api.tx.validationPool.initiate(post.A, FEE_A, 1), alice],
        [force(post.A, FEE_A), alice],
      ]);
      paid(dave, byDave);
      paid(alice, byAlice);
      paid(alice, root0);
      expectError(byDave, 'validationPool.NotAnAuthor');
      expectError(byAlice, 'validationPool.BootstrapByRootOnly');
      const init0 = expectOk(sudoOutcome(api, root0)).findEvent('validationPool', 'PoolInitiated').event.data;
      b2 = root0.blockNumber;
      assert.deepEqual([init0.pool.toNumber(), init0.initiator.toString(), init0.fee.toBigInt(), init0.end.toNumber()], [0, dave.address, FEE_A, b2 + 1]);
      assert.equal((await daoAccount(api, DAO)).free, ed + FEE_A);
      // Pool 0 ends in b2+1 and is accepted in the hook of b2+2 (the tie of an empty DAO), then
      // propagated at the end of that block: Alice holds 3 REP from b2+3 on.
      const r0 = await waitResolved(api, 0, { timeoutMs: 90_000 });
      assert.deepEqual([r0.resolvedAt, r0.outcome], [b2 + 2, 'Accepted']);
      await waitForBest(api, b2 + 2);
      assert.deepEqual(repShape(await repOf(api, alice.address)), { free: FEE_A, heldPool: 0n, heldAvailability: 0n }, 'Alice holds all of pool 0’s mint');

      // Pool 1 on B: the DAO holds REP now, so it needs consent; Alice stakes all of her REP FOR
      // in the same block (her nonce order: the sudo call, then the stake).
      const [root1, consent] = await sendTogether(api, [
        [force(post.B, FEE_B), alice],
        [api.tx.validationPool.stake(1, ALICE_STAKE_B, true), alice],
      ]);
      paid(alice, root1);
      paid(alice, consent);
      const init1 = expectOk(sudoOutcome(api, root1)).findEvent('validationPool', 'PoolInitiated').event.data;
      b3 = root1.blockNumber;
      assert.deepEqual([init1.pool.toNumber(), init1.initiator.toString(), init1.fee.toBigInt(), init1.end.toNumber()], [1, dave.address, FEE_B, b3 + 1]);
      expectOk(consent);
      assert.equal(consent.blockNumber, b3);
      assert.equal((await daoAccount(api, DAO)).free, ed + FEE_A + FEE_B);

      // Pool 1 is accepted in the hook of b3+2 and propagated at the end of that block: sent once
      // b3+2 is out, these land when Bob holds all of his 2 REP. Bob's nonce order: stake, then
      // evidence.
      await waitForBest(api, b3 + 2);
      until = b3 + 200;
      // Bob stakes his REP as availability. No call draws (§11.7: its sender would pick the
      // block, and so the randomness): the hook two blocks later scans the pending queue, with
      // the VRF output of the block after the stake, and draws Bob. He submits his evidence once
      // assigned.
      const [stake] = await sendTogether(api, [[api.tx.availability.stakeAvailability('Requests', 2n * REP, until), bob]]);
      paid(bob, stake);
      stakeBlock = stake.blockNumber;
      assert.ok(stakeBlock >= b3 + 3, 'after the block that gives Bob his REP (normally the next one)');
      assignBlock = stakeBlock + 2;
      await waitForBest(api, assignBlock);
      const [evidence] = await sendTogether(api, [[api.tx.business.submitEvidence(0, post.E), bob]]);
      paid(bob, evidence);
      assert.ok(evidence.blockNumber > assignBlock);

      // The hooks of b2+2 and b3+2 resolved the bootstrap pools, one each.
      const r1 = await waitResolved(api, 1, { timeoutMs: 90_000 });
      assert.deepEqual([r1.resolvedAt, r1.outcome, r1.forTotal, r1.againstTotal], [b3 + 2, 'Accepted', FEE_B / 2n + ALICE_STAKE_B, FEE_B / 2n]);
      const hook0 = await hookEvents(api, b2 + 2);
      const hook1 = await hookEvents(api, b3 + 2);
      assert.deepEqual(pick(hook0, 'reputation', 'FeeDeferred').map((d) => d.fee.toBigInt()), [FEE_A]);
      assert.deepEqual(
        pick(hook1, 'reputation', 'FeeDistributed').map((d) => [d.fee.toBigInt(), d.totalRep.toBigInt()]),
        [[FEE_A + FEE_B, 3n * REP]],
        'pool 0’s fee waits for a holder; pool 1 pays both fees to Alice, the only holder (3 REP, before pool 1 moves REP)',
      );
      // Pot 1.5 REP (AGAINST minted) over FOR weight 4.5: Alice's 3 REP → 1 REP, Bob's minted
      // 1.5 → 0.5 REP; B gets the 1.5 REP minted FOR (Bob).
      assert.deepEqual(
        pick(hook1, 'validationPool', 'StakeSettled').map((d) => [d.who.toString(), d.returned.toBigInt(), d.lost.toBigInt(), d.reward.toBigInt()]).sort(),
        [[alice.address, ALICE_STAKE_B, 0n, REP], [bob.address, 0n, 0n, REP / 2n]].sort(),
      );
      assert.deepEqual(pick(hook1, 'forum', 'Propagated').map((d) => [d.post.toNumber(), d.amount.toBigInt()]), [[post.B, FEE_B / 2n]]);

      // Bob's stake, the draw and the evidence.
      expectOk(stake);
      const staked = stake.findEvent('availability', 'Staked').event.data;
      assert.deepEqual(
        [staked.who.toString(), staked.added.toBigInt(), staked.total.toBigInt(), staked.until.toNumber()],
        [bob.address, 2n * REP, 2n * REP, until],
      );
      assert.equal(stake.findEvent('availability', 'ExpertDrawn'), undefined, 'the staking call draws nobody');
      assert.equal(stake.findEvent('business', 'WorkerAssigned'), undefined, 'the staking call assigns nobody');
      assert.equal(pick(await hookEvents(api, stakeBlock + 1), 'availability', 'ExpertDrawn').length, 0, 'nor the next block');
      const hookA = await hookEvents(api, assignBlock);
      const drawn = pick(hookA, 'availability', 'ExpertDrawn');
      assert.deepEqual(drawn.map((d) => [d.request.toNumber(), d.who.toString(), d.stake.toBigInt()]), [[0, bob.address, 2n * REP]], 'drawn by the hook two blocks after the stake');
      const assigned = pick(hookA, 'business', 'WorkerAssigned');
      assert.deepEqual(
        assigned.map((d) => [d.request.toNumber(), d.worker.toString(), d.stake.toBigInt(), d.deadline.toNumber()]),
        [[0, bob.address, 2n * REP, assignBlock + 20]],
      );
      const held = stake.findEvent('reputation', 'RepHeld').event.data;
      assert.deepEqual([held.who.toString(), held.reason.type, held.amount.toBigInt()], [bob.address, 'Availability', 2n * REP]);

      expectOk(evidence);
      const ev = evidence.findEvent('business', 'EvidenceSubmitted').event.data;
      assert.deepEqual(
        [ev.request.toNumber(), ev.worker.toString(), ev.post.toNumber(), ev.reviewDeadline.toNumber()],
        [0, bob.address, post.E, evidence.blockNumber + 10],
      );

      const r = await request0(api);
      assert.ok(r.status.isEvidenceSubmitted, `status ${r.status.type}`);
      assert.equal(r.status.asEvidenceSubmitted.worker.toString(), bob.address);
      assert.equal(r.status.asEvidenceSubmitted.post.toNumber(), post.E);
      // One draw: Bob's. Edition 2 (DECISIONS.md, work requests): a draw that finds nobody (the
      // hook's, in b1+2) does not count towards `max_draws` (edition 1 counted it: 2).
      assert.equal(r.draws.toNumber(), 1);
      assert.equal((await api.query.business.evidenceOf(post.E)).unwrap().toNumber(), 0);
      const bobStake = (await api.query.availability.stakes('Requests', bob.address)).unwrap();
      assert.deepEqual([bobStake.amount.toBigInt(), bobStake.until.toNumber(), bobStake.bound.unwrap().toNumber()], [2n * REP, until, 0]);
      assert.equal((await api.query.availability.candidates('Requests')).length, 0, 'a bound stake is no candidate');
      assert.deepEqual(repShape(await repOf(api, alice.address)), { free: 4n * REP, heldPool: 0n, heldAvailability: 0n });
      assert.deepEqual(repShape(await repOf(api, bob.address)), { free: 0n, heldPool: 0n, heldAvailability: 2n * REP });
      assert.deepEqual(await totals(api, { checkRuntimeApi: true }), { totalRep: 6n * REP, unowned: 0n, totalMinted: 6n * REP, totalBurned: 0n });
      assert.deepEqual(await holdsOf(api, charlie.address), [{ reason: 'Business.RequestFee', amount: FEE }], 'the fee is still held');
      console.log(`# bootstrap pools in #${b2} and #${b3}, resolved in #${b2 + 2}, #${b3 + 2}; Bob's stake in #${stakeBlock}, drawn in #${assignBlock}`);
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
      assert.equal((await daoAccount(api, DAO)).free, ed + FEE_A + FEE_B + FEE);
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
      assert.deepEqual((await api.call.reputationApi.repOf(bob.address)).toJSON(), { free: 9_375_000_000_000, heldPool: 0, heldAvailability: 2_000_000_000_000, heldBlockProduction: 0 });
      assert.deepEqual(await totals(api, { checkRuntimeApi: true }), { totalRep: 16n * REP, unowned: 0n, totalMinted: 16n * REP, totalBurned: 0n });
      const bobStake = (await api.query.availability.stakes('Requests', bob.address)).unwrap();
      assert.deepEqual([bobStake.amount.toBigInt(), bobStake.until.toNumber(), bobStake.bound.isNone], [2n * REP, until, true]);
      const candidates = (await api.query.availability.candidates('Requests')).map((c) => [c.who.toString(), c.amount.toBigInt(), c.until.toNumber()]);
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
      assert.deepEqual(await daoAccount(api, DAO), { free: ed + dust, reserved: 0n }, 'the DAO account keeps its ED and the dust');
      // Transaction fees went to the DAO account (they wait there for the session's report);
      // nothing created or destroyed tokens.
      assert.equal((await api.query.balances.totalIssuance()).toBigInt(), issuance0, 'total issuance');
      assert.equal((await api.query.reputation.undistributedFees()).toBigInt(), 0n);
      assert.ok((await request0(api)).status.isDone, 'request 0 is Done');
      console.log(`# fees claimed in #${ca.blockNumber}`);
    }),
  );
});
