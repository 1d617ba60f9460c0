// Chopsticks (`@acala-network/chopsticks`) against a running Guild chain (`guild-node --dev`): a
// user can try a governance change before voting on it, and a new runtime's migrations and every
// pallet's `try_state` can be run against the live state before the forum authorizes it
// (docs/CHOPSTICKS.md has the commands).
//
// The real chain is made busy first, through signed extrinsics: root's bootstrap pool gives two
// backers 50 REP each (resolved), a pool parameter proposal (`PoolQuorum` 10% → 20%) opens its
// first stage, a backer's own 100-block pool holds the other backer's FOR stake (open), that backer
// stakes availability and a customer's work request draws him (Assigned).
//
// 1. Dry-run of a proposal's enactment: Chopsticks forks the node at its best block
//    (`chopsticks --endpoint ws://… --block <hash> --build-block-mode Manual
//    --mock-signature-host`); in the fork, the user (a backer, with his own key) and the REP
//    holders he expects to support it (the other backer and the proposer, impersonated with
//    Chopsticks' mock signatures) stake FOR each stage's pool, and the rest of the stage is crossed
//    with one block numbered the pool's end + 1 (`dev_newBlock` with `unsafeBlockHeight`, as a
//    live chain's hour-long stage would be), whose hook passes the stage; the last one enacts the
//    change: in the fork `validationPool.params.quorum` is 20%, `ParameterChanged` and
//    `DepositReturned`, the proposal Enacted. The real chain, which went on producing blocks
//    meanwhile, still has 10%, its proposal not past its first stage, and none of the fork's
//    blocks. A longer jump, past the end of the 100-block pool, is caught up by the hook within
//    ⌈skipped / 16⌉ blocks: the pool resolves in the fork, stays open on the chain.
// 2. try-runtime: `chopsticks try-runtime --runtime $GUILD_TRY_RUNTIME_WASM --checks All` against the
//    node runs the upgrade runtime's (spec_version + 1, built with the `try-runtime` feature)
//    `TryRuntime_on_runtime_upgrade`: its migrations with pre/post checks, the decoding of the
//    entire state, and the `try_state` of every pallet in the metadata, on the busy chain's state:
//    it succeeds within the block weight. In a fork whose `Reputation::TotalRep` was raised by one
//    unit (`dev_setStorage`), the same command pointed at the fork fails, the runtime's log naming
//    the pallet and the broken invariant (Σ accounts' REP ≠ TotalRep).
//
// One node, about 10 real blocks (60 s); the forks build about 25 blocks, a fraction of a second
// each; a try-runtime run takes 5 to 15 s. About 100 s in all. Part 2 needs the try-runtime build
// of the try-runtime build of the upgrade runtime at $GUILD_TRY_RUNTIME_WASM, by default
// ~/.cache/guild/upgrade/guild_runtime_try.compact.compressed.wasm
// (`scripts/build-upgrade-runtime.sh` builds it and prints its path); it fails, saying so, when the
// file is missing or has no `TryRuntime` API.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { blake2AsHex } from '@polkadot/util-crypto';

import { forkBlock, runChopsticks, startFork } from '../lib/chopsticks.mjs';
import {
  PPM,
  UNIT,
  cleanup,
  devAccount,
  eventNames,
  expectOk,
  freshAccount,
  markFailure,
  openPool,
  poolIdOf,
  postIdOf,
  postTx,
  printLogTails,
  repOf,
  sendTogether,
  sudo,
  startDevNode,
  waitFor,
  waitForBest,
  waitResolved,
  withNodeLogs,
} from '../lib/index.mjs';

/** One REP: 12 decimals like the native token (minting ratio 1). */
const REP = 10n ** 12n;
const BOOTSTRAP_FEE = 100n * UNIT;
const OLD_QUORUM = 100_000_000n; // dev preset: 10%
const NEW_QUORUM = 200_000_000n;

/** Where `scripts/build-upgrade-runtime.sh` puts the upgrade runtime (it prints this path). */
function upgradeWasmPath() {
  return (
    process.env.GUILD_TRY_RUNTIME_WASM ??
    path.join(os.homedir(), '.cache', 'guild', 'upgrade', 'guild_runtime_try.compact.compressed.wasm')
  );
}

/** The events of block `number` of `api`'s chain, with their phases. */
async function eventsAt(api, number) {
  const hash = await api.rpc.chain.getBlockHash(number);
  return (await api.at(hash)).query.system.events();
}

function find(records, section, method) {
  return records.filter(({ event }) => event.section === section && event.method === method);
}

/** The last `n` lines of a command's output, for assertion messages. */
function tail(text, n = 40) {
  return text.split('\n').slice(-n).join('\n');
}

describe('Chopsticks against a running Guild chain: a proposal dry-run in a fork, try-runtime', { timeout: 600_000 }, () => {
  let node;
  let api;
  let started;
  let alice; // sudo, funds the others
  let author; // proposes the parameter change
  let user; // a backer who tries the proposal in a fork before voting
  let other; // the other backer, impersonated in the fork
  let customer; // submits the work request
  const posts = {};
  let proposal; // { id, block, pool }
  let ownPool; // the other backer's open 100-block pool
  let requestId;

  before(async () => {
    started = Date.now();
    try {
      node = await startDevNode();
      api = await node.api();
      alice = await devAccount('alice');
      [author, user, other, customer] = await Promise.all([freshAccount(), freshAccount(), freshAccount(), freshAccount()]);
      const fund = (who) => [api.tx.balances.transferKeepAlive(who.address, 1000n * UNIT), alice];
      (await sendTogether(api, [author, user, other, customer].map(fund))).forEach(expectOk);

      const named = [
        ['param', postTx(api, author, 'chopsticks e2e: quorum 20%')],
        ['bootstrap', postTx(api, user, 'chopsticks e2e: bootstrap', { authors: [[user.address, PPM / 2], [other.address, PPM / 2]] })],
        ['own', postTx(api, other, 'chopsticks e2e: a work of the other backer')],
      ];
      const outs = await sendTogether(api, named.map(([, tx]) => tx));
      named.forEach(([name], i) => (posts[name] = postIdOf(expectOk(outs[i]))));

      // The empty DAO's first pool, opened by root: its mint, 100 REP, goes to the two backers.
      const boot = poolIdOf(
        expectOk(await sudo(api, api.tx.validationPool.forceInitiate(alice.address, posts.bootstrap, BOOTSTRAP_FEE, 1))),
      );
      assert.equal((await waitResolved(api, boot, { timeoutMs: 60_000 })).outcome, 'Accepted');
      await waitFor(async () => (await repOf(api, other.address)).free === BOOTSTRAP_FEE / 2n, { what: 'the backers’ REP', timeoutMs: 30_000 });

      // One block: the proposal (its first stage opens), the other backer's own pool (100
      // blocks), the user's availability stake (20 REP) and a work request of 10 GUILD.
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      const [proposed, own, available, request] = await sendTogether(api, [
        [api.tx.governance.propose(posts.param, { SetParameter: { key: 'PoolQuorum', value: NEW_QUORUM } }), author],
        [api.tx.validationPool.initiate(posts.own, UNIT, 100), other],
        [api.tx.availability.stakeAvailability('Requests', 20n * REP, best + 1_000), user],
        [api.tx.business.submitRequest(10n * UNIT, blake2AsHex('chopsticks e2e: request'), 'ipfs://chopsticks-request'), customer],
      ]);
      [proposed, own, available, request].forEach(expectOk);
      const started0 = proposed.findEvent('governance', 'StageStarted');
      assert.ok(started0, `governance.StageStarted: ${eventNames(proposed.events)}`);
      proposal = {
        id: proposed.findEvent('governance', 'Proposed').event.data.proposal.toNumber(),
        block: proposed.blockNumber,
        pool: started0.event.data.pool.toNumber(),
      };
      ownPool = poolIdOf(own);
      requestId = request.findEvent('business', 'RequestSubmitted').event.data.request.toNumber();

      // The user stakes 10 REP FOR the other backer's pool, which stays open; the request is
      // drawn two blocks after its submission and assigned to the only available expert.
      expectOk((await sendTogether(api, [[api.tx.validationPool.stake(ownPool, 10n * REP, true), user]]))[0]);
      await waitFor(async () => (await api.query.business.requests(requestId)).unwrap().status.isAssigned, {
        what: `request ${requestId} assigned`,
        timeoutMs: 60_000,
      });
      console.log(`# chain busy at #${(await api.rpc.chain.getHeader()).number} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      markFailure();
      printLogTails();
      throw error;
    }
  });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await cleanup();
    if (started) console.log(`# chopsticks e2e: ${((Date.now() - started) / 1000).toFixed(1)} s with node start`);
  });

  test(
    'a user forks the running chain and carries a parameter proposal to enactment in the fork; the chain itself keeps the old value',
    { timeout: 240_000 },
    withNodeLogs(async () => {
      const t0 = Date.now();
      const forkHead = await api.rpc.chain.getHeader();
      const forkHash = forkHead.hash.toHex();
      const forkNumber = forkHead.number.toNumber();
      const at = await api.at(forkHash);
      const state0 = (await at.query.governance.proposals(proposal.id)).unwrap().state;
      assert.ok(state0.isVoting && state0.asVoting.stage.toNumber() === 0, `proposal ${proposal.id} in its first stage at #${forkNumber}: ${state0}`);
      assert.equal(BigInt((await at.query.validationPool.params()).quorum.toNumber()), OLD_QUORUM);

      // What a user runs: `chopsticks --endpoint ws://127.0.0.1:<port> --block <hash>
      // --build-block-mode Manual --mock-signature-host`.
      const fork = await startFork({ endpoint: node.wsUrl, block: forkHash, mockSignatureHost: true });
      const fapi = await fork.api();
      const head = await fapi.rpc.chain.getHeader();
      assert.equal(head.hash.toHex(), forkHash, 'the fork starts at the forked block');
      assert.equal((await fapi.rpc.state.getRuntimeVersion()).specName.toString(), 'guild');
      const deposit = (await fapi.query.governance.params()).proposalDeposit.toBigInt();

      // Each stage: the user (his key) and the supporters he expects (mock signatures) stake all
      // their free REP FOR the stage's pool; blocks are built to the block after its end.
      const supporters = [user, other.address, author.address];
      const passed = [];
      let enactBlock;
      for (let round = 0; round < 6 && enactBlock === undefined; round += 1) {
        const state = (await fapi.query.governance.proposals(proposal.id)).unwrap().state;
        assert.ok(state.isVoting, `fork: proposal ${proposal.id} voting: ${state}`);
        const stage = state.asVoting.stage.toNumber();
        const pool = state.asVoting.pool.toNumber();
        const end = (await openPool(fapi, pool)).end.toNumber();
        const stakes = [];
        for (const who of supporters) {
          const free = (await repOf(fapi, typeof who === 'string' ? who : who.address)).free;
          if (free > 0n) stakes.push([fapi.tx.validationPool.stake(pool, free, true), who]);
        }
        assert.ok(stakes.length >= 2, `stage ${stage}: the backers hold free REP`);
        for (const out of await forkBlock(fork, fapi, stakes)) {
          expectOk(out);
          assert.ok(out.findEvent('validationPool', 'Staked'), `stage ${stage}: staked`);
          assert.ok(out.blockNumber <= end, `stage ${stage}: stake in #${out.blockNumber}, the pool ends at #${end}`);
        }
        // The stage's remaining blocks are crossed at once, as on a live chain whose stages last
        // an hour of blocks: one block numbered end + 1, whose hook evaluates the pool.
        assert.equal(await fork.jumpTo(end + 1), end + 1);
        const records = await eventsAt(fapi, end + 1);
        const [stagePassed] = find(records, 'governance', 'StagePassed');
        assert.ok(stagePassed, `fork #${end + 1}: governance.StagePassed: ${eventNames(records)}`);
        assert.deepEqual([stagePassed.event.data.proposal.toNumber(), stagePassed.event.data.stage.toNumber()], [proposal.id, stage]);
        assert.ok(stagePassed.phase.isInitialization, 'passed in the block’s hook');
        passed.push(stage);
        if (find(records, 'governance', 'ParameterChanged').length) enactBlock = end + 1;
      }
      assert.deepEqual(passed, [0, 1, 2], 'three stages passed in the fork');

      // In the fork: the change is enacted and the deposit returned.
      const records = await eventsAt(fapi, enactBlock);
      const [changed] = find(records, 'governance', 'ParameterChanged');
      assert.equal(changed.event.data.key.type, 'PoolQuorum');
      assert.equal(changed.event.data.old.toBigInt(), OLD_QUORUM);
      assert.equal(changed.event.data[3].toBigInt(), NEW_QUORUM, '`new`');
      const [returned] = find(records, 'governance', 'DepositReturned');
      assert.ok(returned, `fork #${enactBlock}: governance.DepositReturned: ${eventNames(records)}`);
      assert.deepEqual([returned.event.data.who.toString(), returned.event.data.amount.toBigInt()], [author.address, deposit]);
      assert.equal(BigInt((await fapi.query.validationPool.params()).quorum.toNumber()), NEW_QUORUM, 'fork: the new quorum');
      const enacted = (await fapi.query.governance.proposals(proposal.id)).unwrap().state;
      assert.ok(enacted.isEnacted && enacted.asEnacted.at.toNumber() === enactBlock, `fork: enacted at #${enactBlock}: ${enacted}`);
      const forkedHashes = await Promise.all([forkNumber + 1, enactBlock].map(async (n) => (await fapi.rpc.chain.getBlockHash(n)).toHex()));
      const forkMs = Date.now() - t0;

      // The real chain went on without the fork: old quorum, the proposal not past its first
      // stage (nobody staked there: it is retried), and none of the fork's blocks.
      await waitForBest(api, forkNumber + 2);
      const realHead = (await api.rpc.chain.getHeader()).number.toNumber();
      assert.equal(BigInt((await api.query.validationPool.params()).quorum.toNumber()), OLD_QUORUM, 'the chain keeps its quorum');
      const real = (await api.query.governance.proposals(proposal.id)).unwrap().state;
      assert.ok(!real.isEnacted, `the chain's proposal is not enacted: ${real}`);
      if (real.isVoting) assert.equal(real.asVoting.stage.toNumber(), 0, `the chain's proposal is in its first stage: ${real}`);
      for (const [i, n] of [forkNumber + 1, enactBlock].entries()) {
        if (n > realHead) continue;
        assert.notEqual((await api.rpc.chain.getBlockHash(n)).toHex(), forkedHashes[i], `block #${n} differs`);
      }

      // A longer jump, as across a live chain's hour-long stage: the other backer's 100-block pool,
      // its end far ahead, is crossed in one block; the hook walks at most 16 skipped end blocks
      // a block, so the pool resolves within ⌈skipped / 16⌉ blocks after the jump.
      const ownEnd = (await openPool(fapi, ownPool)).end.toNumber();
      const from = (await fapi.rpc.chain.getHeader()).number.toNumber();
      assert.ok(ownEnd - from > 32, `the pool ends at #${ownEnd}, far from #${from}`);
      await fork.jumpTo(ownEnd + 1);
      const catchUp = Math.ceil((ownEnd + 1 - from) / 16);
      let resolvedIn;
      for (let i = 0; i <= catchUp && resolvedIn === undefined; i += 1) {
        if (i > 0) await fork.newBlock(1);
        const pool = (await fapi.query.validationPool.pools(ownPool)).unwrap();
        if (pool.isResolved) resolvedIn = pool.asResolved.resolvedAt.toNumber();
      }
      assert.ok(resolvedIn !== undefined, `fork: pool ${ownPool} resolved within ${catchUp} blocks after the jump to #${ownEnd + 1}`);
      assert.ok((await api.query.validationPool.pools(ownPool)).unwrap().isOpen, 'the chain’s pool is still open');

      await fapi.disconnect();
      await fork.stop();
      console.log(`# the 100-block pool resolved in #${resolvedIn}, ${resolvedIn - ownEnd - 1} blocks after the jump to #${ownEnd + 1}`);
      console.log(`# fork at #${forkNumber}: 3 stages and the enactment in #${enactBlock} (${(forkMs / 1000).toFixed(1)} s)`);
    }),
  );

  test(
    'try-runtime: the upgrade runtime’s migrations and every pallet’s try_state pass against the running chain’s state',
    { timeout: 240_000 },
    withNodeLogs(async () => {
      const wasm = upgradeWasmPath();
      assert.ok(
        fs.existsSync(wasm),
        `no upgrade runtime at ${wasm}: build it with \`bash scripts/build-upgrade-runtime.sh\` (spec_version + 1, feature try-runtime) or set GUILD_TRY_RUNTIME_WASM`,
      );
      const head = await api.rpc.chain.getHeader();
      const hash = head.hash.toHex();
      const at = await api.at(hash);
      // The state it runs on: posts, pools open and resolved with stakes, an availability stake
      // bound to an assigned work request, REP holders, a proposal.
      assert.ok((await at.query.forum.nextPostId()).toNumber() >= 3, 'posts');
      const pools = (await at.query.validationPool.pools.entries()).map(([, p]) => p.unwrap());
      assert.ok(pools.some((p) => p.isResolved), 'a resolved pool');
      assert.ok(pools.some((p) => p.isOpen), 'an open pool');
      assert.ok((await at.query.validationPool.stakes.entries()).length > 0, 'pool stakes');
      assert.ok((await at.query.availability.stakes('Requests', user.address)).isSome, 'an availability stake');
      const status = (await at.query.business.requests(requestId)).unwrap().status;
      assert.ok(status.isAssigned && status.asAssigned.worker.toString() === user.address, `request assigned: ${status}`);
      assert.ok((await at.query.reputation.accounts.entries()).length >= 2, 'REP holders');
      assert.ok((await at.query.governance.proposals(proposal.id)).isSome, 'a proposal');
      const spec = (await api.rpc.state.getRuntimeVersion(hash)).specVersion.toNumber();

      // `--output-path`: the call's result, (consumed weight, block weight), and the runtime's
      // whole log (`--runtime-log-level 3`: info) as JSON instead of the printed summary.
      const run = await runChopsticks(
        ['try-runtime', '--endpoint', node.wsUrl, '--block', hash, '--runtime', wasm, '--checks', 'All', '--runtime-log-level', '3', '--output-path', 'try-runtime.json'],
        { timeoutMs: 180_000 },
      );
      assert.doesNotMatch(
        run.output,
        /Function to start was not found/,
        `${wasm} has no TryRuntime API (TryRuntime_on_runtime_upgrade): build it with the try-runtime feature ` +
          '(`bash scripts/build-upgrade-runtime.sh`)',
      );
      assert.equal(run.code, 0, `chopsticks try-runtime exited with ${run.code} (log ${run.logPath}):\n${tail(run.output)}`);
      assert.match(run.output, new RegExp(`Current runtime spec_name: guild, spec_version: ${spec}\\b`));
      assert.match(run.output, new RegExp(`New runtime spec_name: guild, spec_version: ${spec + 1}\\b`));
      const response = JSON.parse(fs.readFileSync(path.join(run.dir, 'try-runtime.json'), 'utf8'));
      const log = response.runtimeLogs.map((l) => l.message).join('\n');
      // After the migrations the whole state decodes, then every pallet's try_state runs, and none
      // reports an error.
      assert.match(log, /Entire runtime state decodes without error/);
      for (const pallet of api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString())) {
        assert.match(log, new RegExp(`Running "${pallet}" try-state checks`), `${pallet}'s try_state ran`);
      }
      assert.doesNotMatch(log, /failed|Detected errors/, 'no check failed');
      const [used, max] = api.createType('(Weight, Weight)', response.result);
      assert.ok(used.refTime.toBigInt() > 0n && used.refTime.toBigInt() <= max.refTime.toBigInt(), `weight ${used} within ${max}`);
      console.log(`# try-runtime at #${head.number}: weight ${used.refTime} of ${max.refTime}, ${(run.ms / 1000).toFixed(1)} s`);
    }),
  );

  test(
    'try-runtime catches a broken invariant: pointed at a fork whose TotalRep is off by one, the same check fails',
    { timeout: 240_000 },
    withNodeLogs(async () => {
      const wasm = upgradeWasmPath();
      assert.ok(fs.existsSync(wasm), `no upgrade runtime at ${wasm}`);
      const hash = (await api.rpc.chain.getHeader()).hash.toHex();
      const fork = await startFork({ endpoint: node.wsUrl, block: hash });
      const fapi = await fork.api();
      const total = (await fapi.query.reputation.totalRep()).toBigInt();
      const sum = (await fapi.query.reputation.accounts.entries())
        .map(([, r]) => r.unwrap())
        .reduce((s, r) => s + r.free.toBigInt() + r.heldPoolStake.toBigInt() + r.heldAvailability.toBigInt(), 0n);
      assert.equal(sum, total, 'Σ accounts’ REP = TotalRep before');
      await fork.setStorage({ Reputation: { TotalRep: (total + 1n).toString() } });
      assert.equal((await fapi.query.reputation.totalRep()).toBigInt(), total + 1n, 'the fork serves the broken value');
      assert.equal((await (await api.at(hash)).query.reputation.totalRep()).toBigInt(), total, 'the node keeps its value');

      const run = await runChopsticks(['try-runtime', '--endpoint', fork.wsUrl, '--runtime', wasm, '--checks', 'All', '--runtime-log-level', '3'], {
        timeoutMs: 180_000,
      });
      assert.doesNotMatch(run.output, /Function to start was not found/, `${wasm} has no TryRuntime API (TryRuntime_on_runtime_upgrade)`);
      assert.notEqual(run.code, 0, `try-runtime passed on a broken state:\n${tail(run.output)}`);
      // The runtime's log names the pallet and the invariant, then the check stops the runtime.
      assert.match(
        run.output,
        /"Reputation" try_state checks failed: Other\("Σ accounts' REP differs from TotalRep"\)/,
        `the failure names the invariant:\n${tail(run.output)}`,
      );
      assert.match(run.output, /Error: wasm `unreachable` instruction executed/, 'the runtime stopped');
      assert.doesNotMatch(run.output, /Consumed weight/);
      await fapi.disconnect();
      await fork.stop();
    }),
  );
});
