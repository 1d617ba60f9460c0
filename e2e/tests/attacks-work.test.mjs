// The attacks of PROTOCOL.md §11 on work requests, availability and governance, carried out against
// running chains: items 5 (the governance side of squatting), 6 (dust requests, binding experts
// for ever), 7 (steering the draw), 8 (eternal dust stakes) and 9 (bricking governance). Each is
// refused by name or costs the attacker what the rule book says.
//
// Two chains, started together:
// - `--dev` (Alice sudo, the DAO empty at genesis): root's bootstrap pool gives five accounts 100
//   REP each (experts E1..E4 and the voter V1), then items 5, 6, 7 and 9. The three groups of
//   tests (work requests: 7 then 6; squatting: 5; bricking: 9) run concurrently on it, each with
//   its own accounts; Alice's sudo calls go one at a time.
// - "experts": the dev chain spec (`guild-node build-spec --chain dev`) with 1,024 more accounts
//   (`//expert//0` ..) holding 10 GUILD and 1 REP each in the genesis patch, and Bob 10 REP: item
//   8 fills the availability list (MaxExperts = 1,024) with 1-REP stakes.
//
// Amounts are raw units (planck for GUILD, units for REP; both have 12 decimals): 1 GUILD = 10^12.
// The dev preset's parameters are read from the chain and checked: min_request_fee 1 GUILD,
// max_draws 3, no_show_slash 50%, evidence_timeout 20 blocks (lowered to 2 by root for item 6
// only: the rule is the same, the test 5 times shorter), proposal_deposit 10 GUILD, stages of 5
// blocks, max_attempts 3, quorum and quorum_miss_fee 10%.

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
  eventsIn,
  expectError,
  expectOk,
  feeOf,
  freshAccount,
  markFailure,
  postIdOf,
  postTx,
  printLogTails,
  repOf,
  sendMany,
  sendTogether,
  signAndSend,
  startDevNode,
  startSpecNode,
  sudoOutcome,
  totals,
  waitFor,
  waitForBest,
  waitResolved,
  withNodeLogs,
} from '../lib/index.mjs';
import { addGenesisAccounts, candidatesOf, serialized, simulateDraws } from '../lib/work.mjs';

const REP = UNIT; // 12 decimals too (minting ratio 1)
const BOOTSTRAP_FEE = 500n * UNIT; // root's first pool: 100 REP to each of its five authors
const EXPERT_ACCOUNTS = 1_024; // MaxExperts

const only = (events, section, method) => events.filter((e) => e.section === section && e.method === method);

/** The holds of `address` by reason: { 'Governance.ProposalDeposit': bigint, ... }. */
async function holdsOf(api, address, at = api) {
  const out = {};
  for (const { id, amount } of await at.query.balances.holds(address)) out[`${id.type}.${id.value.type ?? id.value.toString()}`] = amount.toBigInt();
  return out;
}

/** babe.authorVrfRandomness stored by block n (its own VRF output), as hex (null if none). */
async function vrfAt(api, n) {
  const at = await api.at(await api.rpc.chain.getBlockHash(n));
  const v = await at.query.babe.authorVrfRandomness();
  return v.isSome ? v.unwrap().toHex() : null;
}

// The groups run concurrently; the tests of a group one after the other (nested suites inherit
// `concurrency`, hence `false` on each).
describe('PROTOCOL.md §11: attacks 5 (governance), 6, 7, 8 and 9 against running chains', { timeout: 1_200_000, concurrency: true }, () => {
  let started;
  let dev; // --dev node
  let api;
  let experts; // the experts chain
  let expertsApi;
  let acc; // dev accounts
  let E; // [E1, E2, E3, E4]: experts, 100 REP each
  let V1; // a REP holder who votes (100 REP)
  let V2; // proposes in §11.9, no REP
  let squatter; // §11.5
  let rival; // §11.5: wants the squatted slot
  let customer; // §11.6 and §11.7: Ferdie
  const posts = {};
  let asRoot; // Alice's sudo calls, one at a time
  let bizParams;
  let govParams;

  const rootCall = (call) => asRoot(async () => sudoOutcome(api, await signAndSend(api, api.tx.sudo.sudo(call), acc.alice)));

  before(async () => {
    started = Date.now();
    try {
      acc = await devAccounts();
      customer = acc.ferdie;
      asRoot = serialized();
      const dust = await derivedAccounts('expert', EXPERT_ACCOUNTS);
      const spec = buildChainSpec('dev');
      spec.name = 'Guild Experts';
      spec.id = 'guild_experts';
      addGenesisAccounts(spec, {
        balances: dust.map((d) => [d.address, 10n * UNIT]),
        rep: [[acc.bob.address, 10n * REP], ...dust.map((d) => [d.address, REP])],
      });
      [dev, experts] = await Promise.all([startDevNode(), startSpecNode(spec, { name: 'experts' })]);
      [api, expertsApi] = await Promise.all([dev.api(), experts.api()]);
      experts.dust = dust;

      bizParams = await api.query.business.params();
      govParams = await api.query.governance.params();
      assert.equal(bizParams.minRequestFee.toBigInt(), UNIT, '§9 min_request_fee: 1 GUILD');
      assert.equal(bizParams.maxDraws.toNumber(), 3, '§9 max_draws: 3');
      assert.equal(bizParams.noShowSlash.toNumber(), 500_000_000, '§9 no_show_slash: 50%');
      assert.equal(bizParams.evidenceTimeout.toNumber(), 20, 'dev preset: evidence_timeout 20 blocks');
      assert.equal(govParams.proposalDeposit.toBigInt(), 10n * UNIT, '§9 proposal_deposit: 10 GUILD');
      assert.equal(govParams.maxAttempts.toNumber(), 3);
      assert.deepEqual(govParams.stages.map((s) => s.duration.toNumber()), [5, 5, 5], 'dev preset: three stages of 5 blocks');
      const pools = await api.query.validationPool.params();
      assert.equal(pools.quorum.toNumber(), 100_000_000, '§9 quorum: 10%');
      assert.equal(pools.quorumMissFee.toNumber(), 100_000_000, '§9 quorum_miss_fee: 10%');
      assert.equal(pools.poolDurationMin.toNumber(), 1, 'dev preset: pools of at least 1 block');

      // Accounts: the experts and V1 get REP from root's bootstrap pool; the others only GUILD.
      const fresh = await Promise.all(Array.from({ length: 8 }, () => freshAccount()));
      E = fresh.slice(0, 4);
      [V1, V2, squatter, rival] = fresh.slice(4);
      const fund = (who) => [api.tx.balances.transferKeepAlive(who.address, 1_000n * UNIT), acc.alice];
      (await sendTogether(api, fresh.map(fund))).forEach(expectOk);

      // Every post the tests use, now (while the post deposit is the preset's 1 GUILD).
      const holders = [...E, V1];
      const list = [
        ['bootstrap', holders[0], { authors: holders.map((h) => [h.address, PPM / holders.length]) }],
        ['squat', squatter],
        ['rivalWithPool', rival],
        ['rival', rival],
        ['brickRefused', V2],
        ['brickOk', V2],
      ];
      const outs = (await sendTogether(api, list.map(([name, who, opts]) => postTx(api, who, `attacks-work: ${name}`, opts)))).map(expectOk);
      list.forEach(([name], i) => {
        posts[name] = postIdOf(outs[i]);
      });

      // §2, §4: the empty DAO's first pool is root's; it passes as a tie and its authors get
      // all of M: 100 REP each.
      const boot = expectOk(await rootCall(api.tx.validationPool.forceInitiate(acc.alice.address, posts.bootstrap, BOOTSTRAP_FEE, 1)));
      const pool = boot.findEvent('validationPool', 'PoolInitiated').event.data.pool.toNumber();
      const r = await waitResolved(api, pool, { timeoutMs: 60_000 });
      assert.equal(r.outcome, 'Accepted');
      await waitForBest(api, r.resolvedAt + 1); // propagated at the end of the resolution block
      for (const h of holders) assert.equal((await repOf(api, h.address)).free, 100n * REP);
      assert.equal((await totals(api)).totalRep, BOOTSTRAP_FEE);
    } catch (error) {
      markFailure();
      printLogTails();
      throw error;
    }
  });

  after(async () => {
    await Promise.all([api, expertsApi].map((a) => a?.disconnect().catch(() => {})));
    await cleanup();
    if (started) console.log(`# attacks-work e2e: ${((Date.now() - started) / 1000).toFixed(1)} s with node starts`);
  });

  describe('work requests', { concurrency: false }, () => {
    // §11.7 Steering the draw. A customer who could compute who will be drawn when submitting a
    // request could pick the moment (or the request id) that draws a friend. §6: the draw uses
    // randomness nobody knew when the request was submitted: BABE's VRF output of a later block.
    // The chain (DECISIONS.md, work requests): nothing is drawn in the submission block n, the
    // draw is scheduled after n+1 and made by the hook of n+2 with `ParentBlockRandomness`, i.e.
    // the VRF output of block n+1, produced after the request was in a block. Cost to the
    // attacker: no control; the test recomputes the draw from that VRF output exactly and shows
    // that the randomness known at submission would have drawn differently.
    test(
      '§11.7 steering the draw: nothing drawn at submission; the hook draws two blocks later from the next block’s VRF output, unknown when submitting',
      { timeout: 240_000 },
      withNodeLogs(async () => {
        // The experts stake 10, 20, 30 and 40 REP until well ahead.
        const best = (await api.rpc.chain.getHeader()).number.toNumber();
        const until = best + 1_000;
        (await sendTogether(api, E.map((e, i) => [api.tx.availability.stakeAvailability('Requests', BigInt(10 * (i + 1)) * REP, until), e]))).forEach(expectOk);
        // Three requests by the customer in one block (ids k, k+1, k+2), each 1 GUILD.
        const k = (await api.query.business.nextRequestId()).toNumber();
        const fee = bizParams.minRequestFee.toBigInt();
        const outs = (await sendTogether(api, [0, 1, 2].map((i) => [api.tx.business.submitRequest(fee, `0x${'77'.repeat(31)}0${i}`, `ipfs://steer-${i}`), customer]))).map(expectOk);
        const n = outs[0].blockNumber;
        assert.ok(outs.every((o) => o.blockNumber === n), 'one submission block');
        const ids = outs.map((o) => o.findEvent('business', 'RequestSubmitted').event.data.request.toNumber());
        assert.deepEqual(ids, [k, k + 1, k + 2]);
        // data[1]: `at` is the event data's own (Array) method, not the field.
        assert.deepEqual(outs.map((o) => o.findEvent('business', 'DrawScheduled').event.data[1].toNumber()), [n + 1, n + 1, n + 1]);

        await waitForBest(api, n + 2);
        const evs = await eventsIn(api, n, n + 2);
        const drawn = (e) =>
          ((e.section === 'business' && ['WorkerAssigned', 'RequestPending'].includes(e.method)) || (e.section === 'availability' && e.method === 'ExpertDrawn')) &&
          ids.includes(e.data.request.toNumber());
        assert.equal(evs.filter((e) => e.block <= n + 1 && drawn(e)).length, 0, 'nothing drawn in the submission block nor the next');
        const assigned = only(evs, 'business', 'WorkerAssigned').filter((e) => ids.includes(e.data.request.toNumber()));
        assert.deepEqual(assigned.map((e) => e.block), [n + 2, n + 2, n + 2], 'drawn in block n+2');
        assert.ok(assigned.every((e) => e.phase.isInitialization), 'by the hook, not by a call');

        // The randomness: the VRF output stored by block n+1 (BABE's on_finalize), which the hook of
        // n+2 reads as ParentBlockRandomness. It differs from every VRF output that existed when
        // the request was signed (blocks ≤ n−1) or included (block n).
        const used = await vrfAt(api, n + 1);
        assert.ok(used, 'block n+1 has a VRF output');
        const known = [];
        for (let b = 1; b <= n; b += 1) {
          const v = await vrfAt(api, b);
          if (v) known.push([b, v]);
        }
        assert.ok(!known.some(([, v]) => v === used), 'the draw’s randomness did not exist at submission');

        // The draw recomputed from that VRF output and the candidates block n+1 left: exactly the
        // chain's assignments.
        const candidates = await candidatesOf(await api.at(await api.rpc.chain.getBlockHash(n + 1)));
        assert.deepEqual(candidates.map((c) => c.who).sort(), E.map((e) => e.address).sort());
        const requests = ids.map((request) => ({ request, attempt: 0, exclude: [customer.address] }));
        const predicted = simulateDraws(candidates, used, requests, n + 2);
        assert.deepEqual(
          predicted.map((p) => [p.request, p.who, p.amount]),
          assigned.map((e) => [e.data.request.toNumber(), e.data.worker.toString(), e.data.stake.toBigInt()]),
          'the draw is determined by the VRF output of block n+1',
        );
        // With the randomness of any block the submitter could see, the same requests would have
        // drawn differently for some of them: the outcome was not computable at submission.
        const alternatives = known.map(([b, v]) => [b, simulateDraws(candidates, v, requests, n + 2).map((p) => p.who)]);
        const differing = alternatives.filter(([, whos]) => whos.join() !== predicted.map((p) => p.who).join());
        assert.ok(differing.length > 0, 'some earlier VRF output draws other experts');
        const lastKnown = simulateDraws(candidates, known.at(-1)[1], requests, n + 2);
        assert.notDeepEqual(lastKnown.map((p) => p.ticket), predicted.map((p) => p.ticket), 'the submission block’s VRF output gives other tickets');
        console.log(
          `# §11.7: requests ${ids.join(', ')} submitted in #${n}, drawn in #${n + 2}'s hook with #${n + 1}'s VRF output ` +
            `(${predicted.map((p) => `ticket ${p.ticket} of ${p.total}`).join('; ')}); ${differing.length} of ${known.length} earlier VRF outputs draw otherwise`,
        );

        // The customer cancels: the workers are released without a slash.
        const cancels = (await sendTogether(api, ids.map((id) => [api.tx.business.cancel(id), customer]))).map(expectOk);
        for (const [i, c] of cancels.entries()) {
          const d = c.findEvent('business', 'RequestCancelled').event.data;
          assert.deepEqual([d.request.toNumber(), d.fee.toBigInt()], [ids[i], fee]);
          assert.ok(c.findEvent('availability', 'StakeReleased'));
        }
        assert.equal((await candidatesOf(api)).length, 4, 'every expert drawable again');
        assert.deepEqual(await holdsOf(api, customer.address), {}, 'no fee held');
      }),
    );

    // §11.6 Dust requests and binding experts for ever. A request below `min_request_fee` would
    // let a customer tie up experts (and the deadline lists) for next to nothing; a request whose
    // worker never delivers must not keep the worker's stake bound, nor be drawn again for ever.
    // §7: fee ≥ min_request_fee (`FeeBelowMinimum`); a worker who misses `evidence_timeout`
    // loses `no_show_slash` (50%) of the stake, burned, and is released; at most `max_draws` (3)
    // workers are drawn, then the fee is refunded. Cost: the dust request is refused; each bound
    // expert is free again `evidence_timeout` + 1 blocks after the draw.
    test(
      '§11.6 dust requests: a fee below min_request_fee is refused; no-shows are released after the evidence timeout and after max_draws the fee is refunded',
      { timeout: 300_000 },
      withNodeLogs(async () => {
        const min = bizParams.minRequestFee.toBigInt();
        const before0 = await account(api, customer.address);
        const next0 = (await api.query.business.nextRequestId()).toNumber();
        const [dustReq, zero] = await sendTogether(api, [
          [api.tx.business.submitRequest(min - 1n, `0x${'66'.repeat(32)}`, 'ipfs://dust'), customer],
          [api.tx.business.submitRequest(0, `0x${'66'.repeat(32)}`, 'ipfs://zero'), customer],
        ]);
        expectError(dustReq, 'business.FeeBelowMinimum');
        expectError(zero, 'business.FeeBelowMinimum');
        assert.equal((await api.query.business.nextRequestId()).toNumber(), next0, 'no request stored');
        assert.deepEqual(await account(api, customer.address), { free: before0.free - feeOf(dustReq) - feeOf(zero), reserved: before0.reserved }, 'nothing held');

        // Root shortens evidence_timeout to 2 blocks (the rule is the same, the test shorter).
        const timeout = 2;
        expectOk(await rootCall(api.tx.business.setParams({ ...bizParams.toJSON(), evidenceTimeout: timeout })));
        const stakesBefore = new Map();
        for (const e of E) stakesBefore.set(e.address, (await api.query.availability.stakes('Requests', e.address)).unwrap().amount.toBigInt());
        const customerBefore = await account(api, customer.address);

        const sub = expectOk(await signAndSend(api, api.tx.business.submitRequest(min, `0x${'55'.repeat(32)}`, 'ipfs://no-show'), customer));
        const id = sub.findEvent('business', 'RequestSubmitted').event.data.request.toNumber();
        const s = sub.blockNumber;
        // Three draws, each followed by a no-show: the request ends Refunded after the third.
        const end = await waitFor(
          async () => {
            const r = (await api.query.business.requests(id)).unwrap();
            return r.status.isRefunded ? (await api.rpc.chain.getHeader()).number.toNumber() : false;
          },
          { timeoutMs: 200_000, what: `request ${id} refunded` },
        );
        const evs = (await eventsIn(api, s, end)).filter((e) => e.data.request === undefined || e.data.request.toNumber() === id);
        const assigned = only(evs, 'business', 'WorkerAssigned').map((e) => ({ block: e.block, worker: e.data.worker.toString(), stake: e.data.stake.toBigInt(), deadline: e.data.deadline.toNumber() }));
        const noShows = only(evs, 'business', 'NoShow').map((e) => ({ block: e.block, worker: e.data.worker.toString(), burned: e.data.burned.toBigInt() }));
        const released = only(evs, 'availability', 'StakeReleased').map((e) => ({ block: e.block, who: e.data.who.toString(), stake: e.data.stake.toBigInt() }));
        assert.equal(assigned.length, 3, `max_draws workers drawn: ${assigned.map((a) => `${a.worker}@#${a.block}`).join(', ')}`);
        assert.equal(new Set(assigned.map((a) => a.worker)).size, 3, 'never the same no-show twice');
        assert.equal(assigned[0].block, s + 2, 'first draw two blocks after the submission');
        for (const [i, a] of assigned.entries()) {
          assert.equal(a.deadline, a.block + timeout, `draw ${i + 1}: evidence deadline`);
          assert.equal(a.stake, stakesBefore.get(a.worker));
          // Released by the hook of the block after the deadline: bound for timeout + 1 blocks.
          assert.deepEqual(noShows[i], { block: a.deadline + 1, worker: a.worker, burned: a.stake / 2n }, `draw ${i + 1}: no-show`);
          assert.deepEqual(released[i], { block: a.deadline + 1, who: a.worker, stake: a.stake - a.stake / 2n }, `draw ${i + 1}: released`);
          if (i > 0) assert.equal(a.block, assigned[i - 1].deadline + 3, `draw ${i + 1}: drawn two blocks after the no-show`);
        }
        const refunded = only(evs, 'business', 'RequestRefunded');
        assert.equal(refunded.length, 1);
        assert.equal(refunded[0].block, assigned[2].deadline + 1, 'refunded with the third no-show');
        assert.deepEqual([refunded[0].data.customer.toString(), refunded[0].data.fee.toBigInt()], [customer.address, min]);
        const r = (await api.query.business.requests(id)).unwrap();
        assert.equal(r.draws.toNumber(), 3);
        // Nobody is bound any more; the fee is back; the burned REP is the three slashes.
        for (const e of E) assert.ok((await api.query.availability.stakes('Requests', e.address)).unwrap().bound.isNone, 'unbound');
        assert.equal((await candidatesOf(api)).length, 4, 'every expert drawable again');
        assert.deepEqual(await holdsOf(api, customer.address), {});
        assert.deepEqual(await account(api, customer.address), { free: customerBefore.free - feeOf(sub), reserved: customerBefore.reserved }, 'the whole fee came back');
        // The slashes are burned (other tests' pools burn REP meanwhile: read per worker).
        const slashed = only(evs, 'availability', 'StakeSlashed').map((e) => [e.data.who.toString(), e.data.burned.toBigInt()]);
        assert.deepEqual(slashed, noShows.map((x) => [x.worker, x.burned]));
        for (const a of assigned) assert.equal((await repOf(api, a.worker)).heldAvailability, a.stake - a.stake / 2n, 'half of the stake is left, unbound');
        console.log(
          `# §11.6: request ${id} (fee ${min}) submitted in #${s}; drawn in #${assigned.map((a) => a.block).join(', #')}; ` +
            `no-shows in #${noShows.map((x) => x.block).join(', #')} (burned ${noShows.map((x) => x.burned).join(', ')}); refunded in #${refunded[0].block}`,
        );
      }),
    );
  });

  describe('squatting', { concurrency: false }, () => {
    // §11.5 Squatting a parameter's proposal slot (the governance side). One proposal per
    // parameter may be in voting: a squatter who proposes a change nobody backs blocks every
    // other proposal on that parameter until it ends. §8: proposing holds `proposal_deposit` (10
    // GUILD), forfeited to the fee salary when the proposal is rejected or expires; each missed
    // quorum also keeps `quorum_miss_fee` of the stage fee (§4). A post with an open pool cannot
    // carry a proposal (`PostHasOpenPool`). Cost to the squatter: 10 GUILD to the REP holders, and
    // 0.1 GUILD per attempt (3 attempts), for 18 blocks of holding the slot.
    test(
      '§11.5 squatting a proposal slot: an unbacked proposal holds it until it expires and forfeits its 10 GUILD deposit to the salary; a post under a pool cannot be proposed',
      { timeout: 300_000 },
      withNodeLogs(async () => {
        const key = 'PoolQuorum';
        const deposit = govParams.proposalDeposit.toBigInt();
        const stageFee = govParams.proposalFee.toBigInt();
        const before = await account(api, squatter.address);
        const id = (await api.query.governance.nextProposalId()).toNumber();
        const poolId = (await api.query.validationPool.nextPoolId()).toNumber();
        // The squatter proposes; the rival then finds the slot taken, and cannot propose a post
        // that a pool is judging either (its own pool, opened just before).
        // (Two signers' extrinsics in one block may come in either order: the squatter's first.)
        const squat = await signAndSend(api, api.tx.governance.propose(posts.squat, { SetParameter: { key, value: 150_000_000 } }), squatter);
        const [rivalPool, taken, underPool] = await sendTogether(api, [
          [api.tx.validationPool.initiate(posts.rivalWithPool, stageFee, null), rival],
          [api.tx.governance.propose(posts.rival, { SetParameter: { key, value: 120_000_000 } }), rival],
          [api.tx.governance.propose(posts.rivalWithPool, { SetParameter: { key: 'PoolQuorumMissFee', value: 120_000_000 } }), rival],
        ]);
        expectOk(squat);
        expectOk(rivalPool);
        expectError(taken, 'governance.ParameterAlreadyProposed');
        expectError(underPool, 'governance.PostHasOpenPool');
        assert.ok((await api.query.governance.proposalOfPost(posts.rivalWithPool)).isNone);
        const proposed = squat.findEvent('governance', 'Proposed').event.data;
        assert.deepEqual([proposed.proposal.toNumber(), proposed.deposit.toBigInt()], [id, deposit]);
        assert.equal((await holdsOf(api, squatter.address))['Governance.ProposalDeposit'], deposit);
        const p = squat.blockNumber;
        assert.equal(squat.findEvent('governance', 'StageStarted').event.data.pool.toNumber(), poolId);

        // Nobody stakes: each attempt of stage 0 misses its quorum; the third expires it.
        const expired = await waitFor(
          async () => {
            const st = (await api.query.governance.proposals(id)).unwrap().state;
            return st.isExpired ? st.asExpired.at.toNumber() : false;
          },
          { timeoutMs: 240_000, what: `proposal ${id} expired` },
        );
        const evs = await eventsIn(api, p, expired);
        const mine = (e) => e.data.proposal?.toNumber() === id;
        // Each attempt's pool lasts the stage's 5 blocks and is judged right after (a block
        // later if the pools' hook is busy with other pools); the next attempt opens in the
        // block that judged the last one.
        const stagePools = [poolId, ...only(evs, 'governance', 'StageStarted').filter((e) => mine(e) && e.block > p).map((e) => e.data.pool.toNumber())];
        assert.equal(stagePools.length, 3);
        const resolved = [];
        for (const sp of stagePools) resolved.push(await waitResolved(api, sp));
        assert.deepEqual(resolved.map((r) => r.outcome), ['QuorumNotMet', 'QuorumNotMet', 'QuorumNotMet']);
        assert.deepEqual(
          only(evs, 'governance', 'StageRetried').filter(mine).map((e) => [e.block, e.data.attempt.toNumber()]),
          [[resolved[0].resolvedAt, 2], [resolved[1].resolvedAt, 3]],
        );
        assert.deepEqual(only(evs, 'governance', 'ProposalExpired').filter(mine).map((e) => e.block), [resolved[2].resolvedAt]);
        assert.equal(expired, resolved[2].resolvedAt);
        assert.ok(expired >= p + 18, 'held for 3 attempts of 5 blocks (+1 each to evaluate)');
        // The squatter's stage pools: each refunds 0.9 GUILD and keeps 0.1 GUILD for the salary.
        const refunds = only(evs, 'validationPool', 'FeeRefunded').filter((e) => stagePools.includes(e.data.pool.toNumber()));
        assert.deepEqual(refunds.map((e) => [e.data.initiator.toString(), e.data.fee.toBigInt(), e.data.kept.toBigInt()]), stagePools.map(() => [squatter.address, stageFee - stageFee / 10n, stageFee / 10n]));
        // The deposit: forfeited, moved on hold to the DAO account and paid out as salary.
        const forfeited = only(evs, 'governance', 'DepositForfeited').filter(mine);
        assert.deepEqual(forfeited.map((e) => [e.block, e.data.who.toString(), e.data.amount.toBigInt()]), [[expired, squatter.address, deposit]]);
        const moved = only(evs, 'balances', 'TransferOnHold').filter((e) => e.block === expired && e.data.source.toString() === squatter.address);
        assert.deepEqual(moved.map((e) => [e.data.dest.toString(), e.data.amount.toBigInt()]), [[DAO, deposit]]);
        const salary = only(evs, 'reputation', 'FeeDistributed').filter((e) => e.block === expired && e.data.fee.toBigInt() === deposit);
        assert.equal(salary.length, 1, `the deposit is paid out as salary: ${eventNames(evs.filter((e) => e.block === expired).map((e) => ({ event: e })))}`);
        assert.equal(only(evs, 'governance', 'DepositReturned').filter(mine).length, 0);
        // What it cost: the deposit, three kept shares and the transaction fee; the later stages'
        // fees were released; the post's deposit stays held (no pool judged the post, §3).
        const afterAcc = await account(api, squatter.address);
        const holds = await holdsOf(api, squatter.address);
        assert.equal(holds['Governance.ProposalDeposit'] ?? 0n, 0n);
        assert.equal(holds['Governance.ProposalFees'] ?? 0n, 0n);
        const postDeposit = (await api.query.forum.posts(posts.squat)).unwrap().deposit.toBigInt();
        assert.equal(afterAcc.reserved, postDeposit);
        const cost = before.free + before.reserved - afterAcc.free - afterAcc.reserved;
        assert.equal(cost, deposit + 3n * (stageFee / 10n) + feeOf(squat), `the squatter paid ${cost}`);
        // The slot is free again: the rival's proposal is accepted now.
        const again = expectOk(await signAndSend(api, api.tx.governance.propose(posts.rival, { SetParameter: { key, value: 120_000_000 } }), rival));
        assert.ok(again.findEvent('governance', 'Proposed'));
        console.log(`# §11.5: proposal ${id} held ${key} from #${p} to #${expired}, cost ${cost} (deposit ${deposit} forfeited to the salary)`);
      }),
    );
  });

  describe('bricking governance', { concurrency: false }, () => {
    // §11.9 Bricking governance. A proposal that leaves governance unable to act — a shortest
    // pool longer than a stage (no stage could open), a business pool outside the pools' bounds,
    // a win ratio a small minority can block, a post deposit nobody can pay (the "0 → 10^30"
    // attack) — must not pass. §8: hard ranges (`OutsideHardRange`) and joint checks with named
    // errors, checked when proposed (and again when enacted); refused proposals hold nothing, and
    // a normal proposal still passes. Root puts the chain where one accepted proposal could do the
    // damage: pool_duration_min 4 (as if 1 → 2 → 4 had passed, each within ×2 and the checks) and
    // the post deposit 0.
    test(
      '§11.9 bricking governance: proposals that would leave it unable to act are refused by name; a normal proposal still passes',
      { timeout: 300_000 },
      withNodeLogs(async () => {
        const pools0 = await api.query.validationPool.params();
        expectOk(await rootCall(api.tx.validationPool.setParams({ ...pools0.toJSON(), poolDurationMin: 4 })));
        const forum0 = await api.query.forum.params();
        expectOk(await rootCall(api.tx.forum.setParams({ ...forum0.toJSON(), postDeposit: 0 })));
        assert.equal((await api.query.validationPool.params()).poolDurationMin.toNumber(), 4);
        assert.equal((await api.query.forum.params()).postDeposit.toBigInt(), 0n);

        const set = (key, value) => [api.tx.governance.propose(posts.brickRefused, { SetParameter: { key, value } }), V2];
        const refused = [
          // 4 → 8: within ×2, but the stages (5 blocks) would be shorter than the shortest pool.
          ['governance.StageDurationOutsidePoolBounds', set('PoolDurationMin', 8n)],
          // A stage of 3 blocks is below the shortest pool (4).
          ['governance.StageDurationOutsidePoolBounds', set({ GovernanceStageDuration: 0 }, 3n)],
          // The work requests' pool (5) below the shortest pool.
          ['governance.BusinessDurationOutsidePoolBounds', set('BusinessPoolDuration', 3n)],
          // From a deposit of 0 the ratio puts no bound: the hard range (≤ 1,000 GUILD) does.
          ['governance.OutsideHardRange', set('ForumPostDeposit', 10n ** 30n)],
          ['governance.OutsideHardRange', set('ForumPostDeposit', 1_000n * UNIT + 1n)],
          // 50% → 95% is within ×2 but a 6% minority could block every pool.
          ['governance.OutsideHardRange', set('PoolWinRatio', 950_000_000n)],
          // One stage (3 → 1): below ×½ first; the hard range (≥ 2 stages) is behind it.
          ['governance.ChangeOutOfBounds', set('GovernanceStageCount', 1n)],
        ];
        const v2Before = await account(api, V2.address);
        const outs = await sendTogether(api, refused.map(([, call]) => call));
        for (const [i, [name]] of refused.entries()) {
          assert.ok(!outs[i].ok, `case ${i} (${name}) was accepted`);
          assert.equal(outs[i].error.message, name, `case ${i}: ${outs[i].error.message} (${outs[i].error.docs}), expected ${name}`);
          assert.equal(outs[i].filterEvents('validationPool', 'PoolInitiated').length, 0);
        }
        assert.ok((await api.query.governance.proposalOfPost(posts.brickRefused)).isNone, 'nothing proposed');
        assert.deepEqual(await account(api, V2.address), { free: v2Before.free - outs.reduce((a, o) => a + feeOf(o), 0n), reserved: v2Before.reserved }, 'refusals hold nothing');

        // A normal proposal still passes: pool_duration_min 4 → 2, V1 staking 90 REP FOR each stage
        // (consent: more than 10% of the ~500 REP there are).
        const id = (await api.query.governance.nextProposalId()).toNumber();
        const ok = expectOk(await signAndSend(api, api.tx.governance.propose(posts.brickOk, { SetParameter: { key: 'PoolDurationMin', value: 2 } }), V2));
        let pool = ok.findEvent('governance', 'StageStarted').event.data.pool.toNumber();
        let from = ok.blockNumber;
        for (let stage = 0; stage < 3; stage += 1) {
          expectOk(await signAndSend(api, api.tx.validationPool.stake(pool, 90n * REP, true), V1));
          const passed = await waitFor(
            async () => {
              const head = (await api.rpc.chain.getHeader()).number.toNumber();
              const evs = await eventsIn(api, from, head);
              from = head + 1;
              const hit = evs.find((e) => e.section === 'governance' && ['StagePassed', 'StageFailed', 'StageRetried', 'ProposalAborted'].includes(e.method) && e.data.proposal.toNumber() === id);
              if (hit) {
                assert.equal(hit.method, 'StagePassed', `stage ${stage}: ${hit.method}`);
                const next = evs.find((e) => e.section === 'governance' && e.method === 'StageStarted' && e.data.proposal.toNumber() === id && e.block === hit.block);
                return { block: hit.block, events: evs.filter((e) => e.block === hit.block), next };
              }
              return false;
            },
            { timeoutMs: 90_000, what: `stage ${stage} of proposal ${id}` },
          );
          if (stage < 2) {
            pool = passed.next.data.pool.toNumber();
          } else {
            const changed = only(passed.events, 'governance', 'ParameterChanged');
            assert.deepEqual(changed.map((e) => [e.data.key.type, e.data.old.toBigInt(), e.data[3].toBigInt()]), [['PoolDurationMin', 4n, 2n]]);
            assert.ok(only(passed.events, 'governance', 'DepositReturned').length === 1);
          }
        }
        assert.equal((await api.query.validationPool.params()).poolDurationMin.toNumber(), 2);
        assert.ok((await api.query.governance.proposals(id)).unwrap().state.isEnacted);
        console.log(`# §11.9: ${refused.length} bricking proposals refused by name; proposal ${id} (pool_duration_min 4 → 2) enacted`);
      }),
    );
  });

  describe('eternal dust stakes', { concurrency: false }, () => {
    // §11.8 Filling the expert list with eternal dust stakes. MaxExperts (1,024) accounts may
    // hold an availability stake; if each could stake the minimum for ever, a full list would
    // lock every later expert out of the work. §6: `until` at most `max_availability_period`
    // ahead (`ExpiryTooFar`), for a new stake and an extension; when the list is full, a larger
    // stake displaces the smallest unbound one (released to its owner, `Displaced`) and an equal
    // or smaller one is refused (`StakeTooSmallToDisplace`). Cost: dust stakes expire within the
    // cap and are pushed out by any larger stake.
    test(
      '§11.8 eternal dust stakes: expiries beyond the cap refused; a list full of 1,024 minimum stakes gives way to a larger stake',
      { timeout: 600_000 },
      withNodeLogs(async () => {
        const x = expertsApi;
        const dust = experts.dust;
        const { bob } = acc;
        const av = await x.query.availability.params();
        const min = av.minAvailabilityStake.toBigInt();
        const period = av.maxAvailabilityPeriod.toNumber();
        assert.equal(min, REP, '§9 min_availability_stake: 1 REP');
        assert.equal(period, 90 * 14_400, '§9 max_availability_period: 90 days of 6 s blocks');
        assert.equal(x.consts.availability.maxExperts.toNumber(), EXPERT_ACCOUNTS);

        let best = (await x.rpc.chain.getHeader()).number.toNumber();
        // Beyond the cap: refused, nothing held.
        const far = await signAndSend(x, x.tx.availability.stakeAvailability('Requests', min, best + period + 100), dust[0]);
        expectError(far, 'availability.ExpiryTooFar');
        assert.equal((await repOf(x, dust[0].address)).heldAvailability, 0n);

        // 1,024 minimum stakes, as long as allowed.
        const until = best + period;
        const t0 = Date.now();
        const outs = await sendMany(x, dust.map((d) => [x.tx.availability.stakeAvailability('Requests', min, until), d]), { timeoutMs: 400_000 });
        const failed = outs.filter((o) => !o.ok);
        assert.equal(failed.length, 0, `stakes failed: ${failed.slice(0, 3).map((o) => o.error.message).join(', ')}`);
        const blocks = new Set(outs.map((o) => o.blockNumber));
        assert.equal((await x.query.availability.stakeCount('Requests')).toNumber(), EXPERT_ACCOUNTS, 'the list is full');
        const candidates = await candidatesOf(x);
        assert.equal(candidates.length, EXPERT_ACCOUNTS);
        console.log(`# §11.8: 1,024 stakes in ${blocks.size} blocks, ${((Date.now() - t0) / 1000).toFixed(1)} s`);

        // Extending one beyond the cap: refused.
        best = (await x.rpc.chain.getHeader()).number.toNumber();
        expectError(await signAndSend(x, x.tx.availability.stakeAvailability('Requests', 0, best + period + 100), dust[1]), 'availability.ExpiryTooFar');
        // A new expert with as little as the smallest stake: refused; with one unit more: the
        // smallest (the first listed, all being equal) is displaced and released to its owner.
        const smallest = candidates[0];
        const [equal, larger] = await sendTogether(x, [
          [x.tx.availability.stakeAvailability('Requests', min, until), bob],
          [x.tx.availability.stakeAvailability('Requests', min + 1n, until), bob],
        ]);
        expectError(equal, 'availability.StakeTooSmallToDisplace');
        expectOk(larger);
        const displaced = larger.findEvent('availability', 'Displaced').event.data;
        assert.deepEqual([displaced.who.toString(), displaced.amount.toBigInt(), displaced.by.toString()], [smallest.who, min, bob.address]);
        assert.deepEqual(await repOf(x, smallest.who).then((r) => [r.free, r.heldAvailability]), [min, 0n], 'released to its owner');
        assert.ok((await x.query.availability.stakes('Requests', smallest.who)).isNone);
        assert.equal((await x.query.availability.stakeCount('Requests')).toNumber(), EXPERT_ACCOUNTS);
        // The displaced dust cannot come back with dust.
        const owner = dust.find((d) => d.address === smallest.who);
        expectError(await signAndSend(x, x.tx.availability.stakeAvailability('Requests', min, until), owner), 'availability.StakeTooSmallToDisplace');
        const after = await candidatesOf(x);
        assert.ok(after.some((c) => c.who === bob.address && c.amount === min + 1n), 'Bob is listed');
        assert.ok(!after.some((c) => c.who === smallest.who));
        assert.ok(after.every((c) => c.until <= best + period), 'no stake lies beyond the cap');
        console.log(`# §11.8: ${smallest.who} displaced by Bob's ${min + 1n}; equal stakes refused`);
      }),
    );
  });
});
