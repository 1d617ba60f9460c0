// Forum governance on a dev chain (`guild-node --dev`), end to end through signed extrinsics
// (issue 6, PROTOCOL.md §8):
//
// 0. Edition 2 (§2, §4): the dev chain's DAO starts empty and only root opens its first pool, so
//    root (`sudo(validationPool.forceInitiate)`) bootstraps two supporters' REP with a pool on a
//    post they co-author. Every later pool needs the consent of non-authors (10% of all REP):
//    the supporters give it.
// 1. A pool parameter change passes the three staged pools of its proposal post (REP holders
//    staking for it), is applied in the block whose hook accepts the last stage, and the next pool
//    is judged by it; bad proposals are refused by name and a signed `setParams` is a BadOrigin.
//    The proposal holds its 10 GUILD deposit until it is enacted, then returns it (§8).
// 2. A runtime upgrade (the same runtime with spec_version 101, built by
//    `scripts/build-upgrade-runtime.sh`) is ratified the same way, with the FOR stakes of
//    non-authors above `upgrade_support` (33% of all REP) at the last stage; it is scheduled and
//    authorized `upgrade_delay` (5 blocks in the dev preset) later, which returns the deposit;
//    an ordinary account then applies the code with `system.applyAuthorizedUpgrade`, the chain
//    goes on with the new runtime and its storage is intact.
//
// One node for the whole file. The dev preset's stages last 5 blocks each, so each proposal takes
// 18 blocks (the upgrade 5 more): about 60 blocks, 5 to 6 minutes. Part 2 needs the upgraded wasm at
// $GUILD_UPGRADE_WASM, by default ~/.cache/guild/upgrade/guild_runtime_upgrade.compact.compressed.wasm
// (`scripts/build-upgrade-runtime.sh` builds it from the node's sources and prints its path); it
// fails, saying so, when the file is missing.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';

import { u8aToHex } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';

import {
  UNIT,
  cleanup,
  connectApi,
  devAccount,
  eventNames,
  expectError,
  expectOk,
  freshAccount,
  markFailure,
  printLogTails,
  sendTogether,
  signAndSend,
  startDevNode,
  sudo,
  waitFor,
  withNodeLogs,
} from '../lib/index.mjs';

const PPM = 1_000_000;
const BILLION = 1_000_000_000n;
/** Root's bootstrap pool: its mint (100 REP) goes to the two backers. */
const BOOTSTRAP_FEE = 100n * UNIT;

/** Where `scripts/build-upgrade-runtime.sh` puts the upgraded runtime (it prints this path). */
function upgradeWasmPath() {
  return (
    process.env.GUILD_UPGRADE_WASM ??
    path.join(os.homedir(), '.cache', 'guild', 'upgrade', 'guild_runtime_upgrade.compact.compressed.wasm')
  );
}

/**
 * Native-token holds of `address`: { 'Forum.PostDeposit': bigint, 'Governance.ProposalFees': bigint,
 * 'Governance.ProposalDeposit': bigint }.
 */
async function holdsOf(api, address, at = api) {
  const holds = await at.query.balances.holds(address);
  const out = {};
  for (const { id, amount } of holds) out[`${id.type}.${id.value.type ?? id.value.toString()}`] = amount.toBigInt();
  return out;
}

async function freeRep(api, address) {
  const rec = await api.query.reputation.accounts(address);
  return rec.isSome ? rec.unwrap().free.toBigInt() : 0n;
}

/**
 * The events of every block of the best chain from block 1, fetched on demand (a single BABE
 * authority: no forks). Each block: { number, hash, records } with the `EventRecord`s (phase and
 * event), decoded with the runtime of that block.
 */
class BlockLog {
  constructor(api) {
    this.api = api;
    this.blocks = [];
    this.next = 1;
    this.syncing = null;
  }

  sync() {
    this.syncing ??= (async () => {
      try {
        const best = (await this.api.rpc.chain.getHeader()).number.toNumber();
        while (this.next <= best) {
          const n = this.next;
          const hash = (await this.api.rpc.chain.getBlockHash(n)).toHex();
          const records = await this.eventsAt(n, hash);
          this.blocks[n] = { number: n, hash, records: [...records] };
          this.next = n + 1;
        }
      } finally {
        this.syncing = null;
      }
    })();
    return this.syncing;
  }

  /**
   * The event records of block `hash`, decoded with that block's runtime. Around the runtime
   * upgrade the client can fail to decode them while it switches its registry to the new
   * runtime (seen once in CI: "Unable to decode storage system.events"); the two runtimes'
   * metadata is the same but for the spec version (the upgrade test asserts it), so the block is
   * then decoded with the current one.
   */
  async eventsAt(n, hash) {
    try {
      return await (await this.api.at(hash)).query.system.events();
    } catch (error) {
      if (!/Unable to decode storage system\.events/.test(String(error?.message))) throw error;
      console.log(`# block #${n}: events decoded with the current runtime's metadata (${error.message.slice(0, 80)}…)`);
      return this.api.query.system.events.at(hash);
    }
  }

  /** Events `section.method` in blocks from..to (inclusive) for which `match(data, record)` holds. */
  find(section, method, { from = 1, to = this.next - 1, match = () => true } = {}) {
    const found = [];
    for (let n = Math.max(from, 1); n <= to && n < this.next; n += 1) {
      for (const record of this.blocks[n].records) {
        const { event } = record;
        if (event.section === section && event.method === method && match(event.data, record)) {
          found.push({ block: this.blocks[n], record, data: event.data });
        }
      }
    }
    return found;
  }

  /** Wait for the first event `section.method` from block `from` on matching `match`. */
  async wait(section, method, { from = 1, match = () => true, timeoutMs = 120_000 } = {}) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.sync();
      const [hit] = this.find(section, method, { from, match });
      if (hit) return hit;
      if (Date.now() > deadline) {
        throw new Error(`no ${section}.${method} from block #${from} within ${timeoutMs} ms (best #${this.next - 1})`);
      }
      await sleep(400);
    }
  }

  /** The event names of block n, for messages. */
  names(n) {
    return eventNames(this.blocks[n]?.records ?? []);
  }
}

describe('forum governance on a dev chain', { timeout: 1_500_000 }, () => {
  let node;
  let api;
  let log;
  let started;
  let alice;
  let author; // proposes the parameter change; its REP stakes in every later stage
  let upgrader; // proposes the runtime upgrade
  let outsider; // no post, no REP, not sudo: refused calls, applies the upgrade
  let backers; // [s1, s2]: co-authors of root's bootstrap post, never authors of a proposal
  let supporters; // accounts whose free REP is staked FOR each stage
  let proposalDeposit;
  const posts = {}; // name -> post id
  let proposalFee;
  let deposit;

  before(async () => {
    started = Date.now();
    try {
      node = await startDevNode();
      api = await node.api();
      log = new BlockLog(api);
      alice = await devAccount('alice');
      [author, upgrader, outsider] = await Promise.all([freshAccount(), freshAccount(), freshAccount()]);
      backers = await Promise.all([freshAccount(), freshAccount()]);
      supporters = [...backers, author, upgrader];
      const govParams = await api.query.governance.params();
      proposalFee = govParams.proposalFee.toBigInt();
      proposalDeposit = govParams.proposalDeposit.toBigInt();
      deposit = (await api.query.forum.params()).postDeposit.toBigInt();
      assert.equal(proposalFee, UNIT, 'dev preset: a stage costs 1 GUILD');
      assert.equal(proposalDeposit, 10n * UNIT, '§9: a proposal deposit is 10 GUILD');
      assert.equal(deposit, UNIT, 'dev preset: a post deposit is 1 GUILD');
      assert.equal((await api.query.reputation.totalRep()).toBigInt(), 0n, 'the DAO starts with no REP');

      const fund = (who) => [api.tx.balances.transferKeepAlive(who.address, 1000n * UNIT), alice];
      (await sendTogether(api, [fund(author), fund(upgrader), fund(outsider), ...backers.map(fund)])).forEach(expectOk);

      // Posts: the parameter proposal, the refused proposals, a post with an open pool, the pool
      // after the change (author); the upgrade proposal and a second upgrade proposal (upgrader);
      // root's bootstrap post, co-authored by the two backers (half each).
      const post = (who, name, authors = [[who.address, PPM]]) => [
        api.tx.forum.submitPost(blake2AsHex(`governance e2e: ${name}`), `ipfs://governance/${name}`, authors, []),
        who,
      ];
      const names = [
        ['param', author],
        ['refused', author],
        ['withPool', author],
        ['nextPool', author],
        ['upgrade', upgrader],
        ['upgrade2', upgrader],
        ['bootstrap', backers[0], backers.map((b) => [b.address, PPM / 2])],
      ];
      const outs = await sendTogether(api, names.map(([name, who, authors]) => post(who, name, authors)));
      for (const [i, [name]] of names.entries()) {
        const ev = expectOk(outs[i]).findEvent('forum', 'PostSubmitted');
        assert.ok(ev, `forum.PostSubmitted for ${name}`);
        posts[name] = ev.event.data.post.toNumber();
      }

      // The empty DAO's first pool, opened by root (Alice pays 100 GUILD), 1 block: it passes as
      // the tie of an empty DAO and the backers get all of its mint, 50 REP each.
      const boot = expectOk(
        await sudo(api, api.tx.validationPool.forceInitiate(alice.address, posts.bootstrap, BOOTSTRAP_FEE, 1)),
      );
      const bootPool = boot.findEvent('validationPool', 'PoolInitiated').event.data.pool.toNumber();
      await log.wait('validationPool', 'PoolResolved', { from: boot.blockNumber, match: (d) => d.pool.toNumber() === bootPool, timeoutMs: 60_000 });
      await waitFor(async () => (await freeRep(api, backers[1].address)) === BOOTSTRAP_FEE / 2n, { what: 'the backers’ REP', timeoutMs: 30_000 });
      for (const b of backers) assert.equal(await freeRep(api, b.address), BOOTSTRAP_FEE / 2n);
      assert.equal((await api.query.reputation.totalRep()).toBigInt(), BOOTSTRAP_FEE);
    } catch (error) {
      markFailure();
      printLogTails();
      throw error;
    }
  });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await cleanup();
    if (started) console.log(`# governance e2e: ${((Date.now() - started) / 1000).toFixed(1)} s with node start`);
  });

  /**
   * Follow proposal `id` through every stage from its first pool: each stage's pool is judged by
   * the stage's rules and lasts its duration; the supporters stake all their free REP FOR it; each
   * pool is accepted, the proposal passes to the next stage in the same block and its held fees
   * go into it; the change must not be applied before the last stage. Returns per stage
   * { pool, startBlock, end, passBlock } and the final block.
   */
  async function passStages(id, firstPool, proposedIn, { beforeEnact } = {}) {
    const proposal = (await api.query.governance.proposals(id)).unwrap();
    const stages = proposal.stages.map((s) => ({
      quorum: s.quorum.toNumber(),
      winRatio: s.winRatio.toNumber(),
      binding: s.binding.toNumber(),
      duration: s.duration.toNumber(),
    }));
    const proposer = proposal.proposer.toString();
    const records = [];
    let pool = firstPool;
    let startBlock = proposedIn;
    for (const [stage, rules] of stages.entries()) {
      // The stage's pool, as it opened.
      const opened = (await api.query.validationPool.pools(pool)).unwrap();
      assert.ok(opened.isOpen, `stage ${stage}: pool ${pool} is open`);
      const open = opened.asOpen;
      assert.equal(open.post.toNumber(), proposal.post.toNumber(), `stage ${stage}: the pool judges the proposal's post`);
      assert.equal(open.initiator.toString(), proposer, `stage ${stage}: the proposer pays the pool`);
      assert.equal(open.fee.toBigInt(), proposal.fee.toBigInt(), `stage ${stage}: fee`);
      assert.deepEqual(
        { quorum: open.rules.quorum.toNumber(), winRatio: open.rules.winRatio.toNumber(), binding: open.rules.binding.toNumber() },
        { quorum: rules.quorum, winRatio: rules.winRatio, binding: rules.binding },
        `stage ${stage}: the pool is judged by the stage's rules`,
      );
      const end = open.end.toNumber();
      assert.equal(end, startBlock + rules.duration, `stage ${stage}: the pool lasts the stage's duration`);
      const state = (await api.query.governance.proposals(id)).unwrap().state;
      assert.ok(state.isVoting, `stage ${stage}: proposal ${id} is voting`);
      assert.deepEqual(
        { stage: state.asVoting.stage.toNumber(), attempt: state.asVoting.attempt.toNumber(), pool: state.asVoting.pool.toNumber() },
        { stage, attempt: 1, pool },
      );
      assert.equal((await api.query.governance.proposalOfPool(pool)).unwrap().toNumber(), id);
      // One fee per stage not yet opened stays held from the proposer.
      const held = (await holdsOf(api, proposer))['Governance.ProposalFees'] ?? 0n;
      assert.equal(held, proposal.fee.toBigInt() * BigInt(stages.length - 1 - stage), `stage ${stage}: stage fees held`);
      // Edition 2 (§8): the deposit stays held while the proposal is open.
      assert.equal(proposal.deposit.toBigInt(), proposalDeposit);
      assert.equal((await holdsOf(api, proposer))['Governance.ProposalDeposit'], proposalDeposit, `stage ${stage}: deposit held`);

      // REP holders stake for the proposal.
      const stakes = [];
      for (const who of supporters) {
        const free = await freeRep(api, who.address);
        if (free > 0n) stakes.push([api.tx.validationPool.stake(pool, free, true), who, free]);
      }
      const outs = await sendTogether(api, stakes.map(([tx, who]) => [tx, who]));
      for (const [i, out] of outs.entries()) {
        expectOk(out);
        assert.ok(out.blockNumber <= end, `stage ${stage}: stake in #${out.blockNumber}, the pool ends at #${end}`);
        assert.equal(out.findEvent('validationPool', 'Staked').event.data.amount.toBigInt(), stakes[i][2]);
      }

      // The pool is accepted in the hook of the first block after its end.
      const passed = await log.wait('governance', 'StagePassed', {
        from: startBlock,
        match: (d) => d.proposal.toNumber() === id && d.stage.toNumber() === stage,
        timeoutMs: (rules.duration + 6) * 6_000 + 30_000,
      });
      const passBlock = passed.block.number;
      assert.equal(passBlock, end + 1, `stage ${stage}: evaluated right after its end`);
      assert.ok(passed.record.phase.isInitialization, `stage ${stage}: passed in the block's hook`);
      assert.equal(passed.data.pool.toNumber(), pool);
      const [resolved] = log.find('validationPool', 'PoolResolved', {
        from: passBlock,
        to: passBlock,
        match: (d) => d.pool.toNumber() === pool,
      });
      assert.ok(resolved, `stage ${stage}: validationPool.PoolResolved in #${passBlock}: ${log.names(passBlock)}`);
      assert.equal(resolved.data.outcome.type, 'Accepted', `stage ${stage}: pool outcome`);
      assert.equal(passed.data.forTotal.toBigInt(), resolved.data.forTotal.toBigInt());
      assert.equal(passed.data.againstTotal.toBigInt(), resolved.data.againstTotal.toBigInt());
      assert.equal(log.find('governance', 'StageFailed', { from: startBlock, to: passBlock }).length, 0);
      assert.equal(log.find('governance', 'StageRetried', { from: startBlock, to: passBlock }).length, 0);
      records.push({ stage, pool, startBlock, end, passBlock, forTotal: passed.data.forTotal.toBigInt(), againstTotal: passed.data.againstTotal.toBigInt() });

      if (stage + 1 < stages.length) {
        // The next stage opens in the same block, on the post the first stage ratified.
        const [next] = log.find('governance', 'StageStarted', {
          from: passBlock,
          to: passBlock,
          match: (d) => d.proposal.toNumber() === id && d.stage.toNumber() === stage + 1,
        });
        assert.ok(next, `stage ${stage + 1} starts in #${passBlock}: ${log.names(passBlock)}`);
        assert.equal(next.data.attempt.toNumber(), 1);
        pool = next.data.pool.toNumber();
        startBlock = passBlock;
        const post = (await api.query.forum.posts(proposal.post)).unwrap();
        assert.equal(post.status.type, 'Ratified', `after stage ${stage}: the post is ratified`);
        assert.equal(post.deposit.toBigInt(), 0n, 'the ratified post’s deposit is released');
        if (beforeEnact) await beforeEnact(stage);
      }
    }
    return { stages, records, enactBlock: records.at(-1).passBlock };
  }

  test(
    'a pool parameter change passes every stage, is applied when the last stage is accepted, and the next pool uses it',
    { timeout: 600_000 },
    withNodeLogs(async () => {
      const t0 = Date.now();
      const key = 'PoolQuorum';
      const params0 = await api.query.validationPool.params();
      const oldQuorum = BigInt(params0.quorum.toNumber());
      assert.equal(oldQuorum, 100_000_000n, 'dev preset: pool quorum 10%');
      const newQuorum = oldQuorum * 2n; // the upper bound, inclusive
      const change = { SetParameter: { key, value: newQuorum } };
      const id = (await api.query.governance.nextProposalId()).toNumber();
      const govParams = await api.query.governance.params();
      const stageCount = govParams.stages.length;
      assert.equal(stageCount, 3, 'dev preset: three stages');
      // Dev preset: PROTOCOL.md §8's stages (binding 0% / 50% / 100%, win ratio 1/2, 3/5, 2/3,
      // quorum 10%), 5 blocks each.
      assert.deepEqual(
        govParams.stages.map((s) => [s.quorum.toNumber(), s.winRatio.toNumber(), s.binding.toNumber(), s.duration.toNumber()]),
        [
          [100_000_000, 500_000_000, 0, 5],
          [100_000_000, 600_000_000, 500_000_000, 5],
          [100_000_000, 666_666_666, 1_000_000_000, 5], // Perbill::from_rational(2, 3): floor
        ],
      );
      const heldBefore = await holdsOf(api, author.address);

      // One block: the proposal, then every refused one (after it, by nonce), and the signed
      // setParams calls.
      const other = (k, v, post = posts.refused, who = author) => [api.tx.governance.propose(post, { SetParameter: { key: k, value: v } }), who];
      const refused = [
        ['governance.ParameterAlreadyProposed', other(key, 150_000_000n)],
        ['governance.ChangeOutOfBounds', other('PoolDurationDefault', 11n)], // 5 → 11 > ×2
        ['governance.ChangeOutOfBounds', other('PoolDurationDefault', 2n)], // 5 → 2 < ×½
        ['governance.ChangeOutOfBounds', other('ForumPostDeposit', 2n * UNIT + 1n)],
        ['governance.ChangeOutOfBounds', other('PoolBinding', 499_999_999n)], // 100% → < 50%
        ['governance.FractionAboveOne', other('PoolWinRatio', BILLION + 1n)],
        ['governance.ValueUnchanged', other('PoolDurationDefault', 5n)],
        ['governance.PostAlreadyProposed', other('PoolDurationDefault', 6n, posts.param)],
        ['governance.NotAnAuthor', other('PoolDurationDefault', 6n, posts.refused, outsider)],
        // Edition 2 (§8 hard ranges): 50% → 45% lies within ×½..×2 but below the win ratio's
        // hard range (50% ..= 90%).
        ['governance.OutsideHardRange', other('PoolWinRatio', 450_000_000n)],
        // Edition 2 (DECISIONS.md, governance): a post that a pool is judging cannot carry a
        // proposal. The pool is the author's own, opened just before (same block, nonce order).
        ['governance.PostHasOpenPool', other('PoolDurationDefault', 6n, posts.withPool)],
        ['BadOrigin', [api.tx.validationPool.setParams({ ...params0.toJSON(), quorum: Number(newQuorum) }), outsider]],
        ['BadOrigin', [api.tx.governance.setParams({ ...govParams.toJSON(), proposalFee: 1 }), outsider]],
        ['BadOrigin', [api.tx.forum.setParams({ ...(await api.query.forum.params()).toJSON(), postDeposit: 1 }), outsider]],
      ];
      const [proposed, withPool, ...outs] = await sendTogether(api, [
        [api.tx.governance.propose(posts.param, change), author],
        [api.tx.validationPool.initiate(posts.withPool, proposalFee, 5), author],
        ...refused.map(([, call]) => call),
      ]);
      expectOk(proposed);
      expectOk(withPool);
      assert.equal(withPool.blockNumber, proposed.blockNumber);
      const ev = proposed.findEvent('governance', 'Proposed');
      assert.ok(ev, `governance.Proposed; events: ${eventNames(proposed.events)}`);
      assert.equal(ev.event.data.proposal.toNumber(), id);
      assert.equal(ev.event.data.post.toNumber(), posts.param);
      assert.equal(ev.event.data.proposer.toString(), author.address);
      assert.equal(ev.event.data.change.asSetParameter.key.type, key);
      assert.equal(ev.event.data.change.asSetParameter.value.toBigInt(), newQuorum);
      assert.equal(ev.event.data.stages.toNumber(), stageCount);
      assert.equal(ev.event.data.fee.toBigInt(), proposalFee);
      assert.equal(ev.event.data.deposit.toBigInt(), proposalDeposit, 'edition 2: `Proposed` carries the deposit');
      const started0 = proposed.findEvent('governance', 'StageStarted');
      assert.ok(started0, 'the first stage starts with the proposal');
      assert.equal(started0.event.data.stage.toNumber(), 0);
      assert.equal(started0.event.data.attempt.toNumber(), 1);
      const pool0 = started0.event.data.pool.toNumber();
      assert.ok(proposed.findEvent('validationPool', 'PoolInitiated'), 'the first stage’s pool opened');
      // The first stage's fee is paid now, the two others are held, and so is the deposit.
      const held = await holdsOf(api, author.address);
      assert.equal(held['Governance.ProposalFees'], 2n * proposalFee);
      assert.equal(held['Governance.ProposalDeposit'], proposalDeposit);
      assert.equal(held['Forum.PostDeposit'], heldBefore['Forum.PostDeposit']);
      // Storage shows the proposal and its stage.
      const stored = (await api.query.governance.proposals(id)).unwrap();
      assert.equal(stored.post.toNumber(), posts.param);
      assert.equal(stored.proposer.toString(), author.address);
      assert.equal(stored.proposedAt.toNumber(), proposed.blockNumber);
      assert.equal(stored.stages.length, stageCount);
      assert.equal((await api.query.governance.proposalOfParameter(key)).unwrap().toNumber(), id);
      assert.equal((await api.query.governance.proposalOfPost(posts.param)).unwrap().toNumber(), id);

      for (const [i, [name]] of refused.entries()) {
        const out = outs[i];
        assert.ok(!out.ok, `refused case ${i} (${name}) was accepted`);
        assert.equal(out.error.message, name, `refused case ${i}: ${out.error.message} (${out.error.docs}), expected ${name}`);
        assert.equal(out.filterEvents('governance', 'Proposed').length, 0);
        assert.equal(out.filterEvents('validationPool', 'PoolInitiated').length, 0);
        assert.equal(out.filterEvents('validationPool', 'ParamsSet').length, 0);
      }
      assert.ok(outs.some((o) => o.blockNumber === proposed.blockNumber), 'the refusals share the proposal’s block');
      // Nothing of the refused proposals is left behind.
      assert.equal((await api.query.governance.nextProposalId()).toNumber(), id + 1, 'one proposal made');
      assert.ok((await api.query.governance.proposalOfPost(posts.refused)).isNone);
      assert.ok((await api.query.validationPool.poolOfPost(posts.refused)).isNone, 'no pool on the refused post');
      for (const k of ['PoolDurationDefault', 'ForumPostDeposit', 'PoolBinding', 'PoolWinRatio']) {
        assert.ok((await api.query.governance.proposalOfParameter(k)).isNone, `no proposal on ${k}`);
      }
      assert.equal((await holdsOf(api, outsider.address))['Governance.ProposalFees'] ?? 0n, 0n);
      assert.deepEqual((await api.query.validationPool.params()).toJSON(), params0.toJSON(), 'pool parameters unchanged');
      assert.equal((await api.query.governance.params()).proposalFee.toBigInt(), proposalFee);
      assert.equal((await api.query.forum.params()).postDeposit.toBigInt(), deposit);

      // The stages. Between them the change is not applied.
      const { records, enactBlock } = await passStages(id, pool0, proposed.blockNumber, {
        beforeEnact: async (stage) => {
          assert.equal(BigInt((await api.query.validationPool.params()).quorum.toNumber()), oldQuorum, `not applied after stage ${stage}`);
        },
      });
      // Every stage needs the consent of non-authors (edition 2, §4): the backers' and the
      // upgrader's stakes; the later stages' stricter win ratios are met with the author's REP too.
      assert.ok(records[1].forTotal * 5n >= 3n * (records[1].forTotal + records[1].againstTotal));
      assert.ok(records[2].forTotal * 3n >= 2n * (records[2].forTotal + records[2].againstTotal));

      // Applied in the block whose hook accepted the last stage.
      const block = log.blocks[enactBlock];
      const [changed] = log.find('governance', 'ParameterChanged', { from: enactBlock, to: enactBlock });
      assert.ok(changed, `governance.ParameterChanged in #${enactBlock}: ${log.names(enactBlock)}`);
      assert.ok(changed.record.phase.isInitialization);
      assert.equal(changed.data.proposal.toNumber(), id);
      assert.equal(changed.data.key.type, key);
      assert.equal(changed.data.old.toBigInt(), oldQuorum);
      assert.equal(changed.data[3].toBigInt(), newQuorum, '`new`'); // no getter named `new`
      const [paramsSet] = log.find('validationPool', 'ParamsSet', { from: enactBlock, to: enactBlock });
      assert.ok(paramsSet, `validationPool.ParamsSet in #${enactBlock}`);
      assert.equal(BigInt(paramsSet.data.params.quorum.toNumber()), newQuorum);
      assert.equal(log.find('governance', 'ParameterChanged', { from: 1, to: enactBlock - 1 }).length, 0, 'not applied earlier');
      assert.equal(log.find('governance', 'ChangeFailed', { from: 1, to: enactBlock }).length, 0);
      const parent = await api.at(log.blocks[enactBlock - 1].hash);
      const atEnact = await api.at(block.hash);
      assert.equal(BigInt((await parent.query.validationPool.params()).quorum.toNumber()), oldQuorum, 'old value before that block');
      const paramsAfter = await atEnact.query.validationPool.params();
      assert.equal(BigInt(paramsAfter.quorum.toNumber()), newQuorum, 'validationPool.params shows the new quorum');
      assert.deepEqual({ ...paramsAfter.toJSON(), quorum: 0 }, { ...params0.toJSON(), quorum: 0 }, 'nothing else changed');
      assert.equal(BigInt((await api.query.validationPool.params()).quorum.toNumber()), newQuorum);
      // The proposal ended, its parameter is free again and no fee is held.
      const state = (await api.query.governance.proposals(id)).unwrap().state;
      assert.ok(state.isEnacted, `proposal ${id} enacted: ${state.toString()}`);
      assert.equal(state.asEnacted.at.toNumber(), enactBlock);
      assert.ok((await api.query.governance.proposalOfParameter(key)).isNone);
      assert.ok((await api.query.governance.proposalOfPool(records.at(-1).pool)).isNone);
      assert.equal((await holdsOf(api, author.address))['Governance.ProposalFees'] ?? 0n, 0n, 'no stage fee held');
      // Edition 2 (§8): the deposit comes back with the change made, in the same block.
      const [returned] = log.find('governance', 'DepositReturned', { from: enactBlock, to: enactBlock });
      assert.ok(returned, `governance.DepositReturned in #${enactBlock}: ${log.names(enactBlock)}`);
      assert.deepEqual([returned.data.proposal.toNumber(), returned.data.who.toString(), returned.data.amount.toBigInt()], [id, author.address, proposalDeposit]);
      assert.equal(log.find('governance', 'DepositForfeited', { from: 1, to: enactBlock }).length, 0);
      assert.equal((await holdsOf(api, author.address))['Governance.ProposalDeposit'] ?? 0n, 0n, 'no deposit held');
      const post = (await api.query.forum.posts(posts.param)).unwrap();
      assert.equal(post.status.type, 'Ratified');
      assert.ok((await freeRep(api, author.address)) > 0n, 'the author earned REP');

      // The next pool is judged by the new quorum. Edition 2 (§4): the quorum is a consent
      // quorum, the stakes of non-authors against all REP T; a backer stakes 15% of T FOR, which
      // would meet the old 10% and does not meet the new 20%. (Edition 1 counted the pool's mint:
      // the fee was T/6 then.)
      const total = (await api.query.reputation.totalRep()).toBigInt();
      const consent = (total * 15n) / 100n;
      const fee = proposalFee;
      const minted = fee; // minting ratio 1
      const [backer] = backers;
      assert.ok((await freeRep(api, backer.address)) >= consent, 'the backer holds 15% of all REP');
      assert.ok(consent * BILLION >= oldQuorum * total, 'the old quorum would be met');
      assert.ok(consent * BILLION < newQuorum * total, 'the new quorum is not');
      // A two-block pool, not to wait for the default five: the backer stakes once it is open
      // (two signers' extrinsics in one block may come in either order).
      const opened = expectOk(await signAndSend(api, api.tx.validationPool.initiate(posts.nextPool, fee, 2), author));
      const nextPool = opened.findEvent('validationPool', 'PoolInitiated').event.data.pool.toNumber();
      const backed = expectOk(await signAndSend(api, api.tx.validationPool.stake(nextPool, consent, true), backer));
      assert.ok(backed.blockNumber <= opened.blockNumber + 2, 'staked before the pool’s end');
      const open = (await api.query.validationPool.pools(nextPool)).unwrap().asOpen;
      assert.equal(open.end.toNumber(), opened.blockNumber + 2);
      assert.equal(BigInt(open.rules.quorum.toNumber()), newQuorum, 'the next pool copies the new quorum');
      assert.equal(open.minted.toBigInt(), minted);
      assert.equal(open.tally.consentFor.toBigInt(), consent, 'the backer’s stake is consent');
      const resolved = await log.wait('validationPool', 'PoolResolved', {
        from: opened.blockNumber,
        match: (d) => d.pool.toNumber() === nextPool,
        timeoutMs: 60_000,
      });
      assert.equal(resolved.block.number, opened.blockNumber + 3);
      const totalThen = (await (await api.at(log.blocks[resolved.block.number - 1].hash)).query.reputation.totalRep()).toBigInt();
      assert.equal(totalThen, total, 'no REP moved meanwhile');
      assert.equal(resolved.data.outcome.type, 'QuorumNotMet', 'the next pool misses the new quorum');
      const refunds = log.find('validationPool', 'FeeRefunded', { from: resolved.block.number, to: resolved.block.number, match: (d) => d.pool.toNumber() === nextPool });
      assert.equal(refunds.length, 1, 'its fee is refunded');
      // Less the pools' quorum_miss_fee (10%), paid out as salary (§4).
      assert.deepEqual([refunds[0].data.fee.toBigInt(), refunds[0].data.kept.toBigInt()], [fee - fee / 10n, fee / 10n]);
      console.log(
        `# proposal ${id}: proposed #${proposed.blockNumber}, stages passed #${records.map((r) => r.passBlock).join(', #')}, ` +
          `quorum ${oldQuorum} → ${newQuorum} in #${enactBlock}; next pool ${nextPool} QuorumNotMet in #${resolved.block.number}; ` +
          `${((Date.now() - t0) / 1000).toFixed(1)} s`,
      );
    }),
  );

  test(
    'a runtime upgrade ratified through the forum is applied by any account on the running chain',
    { timeout: 600_000 },
    withNodeLogs(async () => {
      const t0 = Date.now();
      const wasmPath = upgradeWasmPath();
      if (!fs.existsSync(wasmPath)) {
        throw new Error(
          `the upgraded runtime (spec_version 101) is missing: ${wasmPath}\n` +
            'Build it with `scripts/build-upgrade-runtime.sh` (it prints the path of the wasm), ' +
            'or point GUILD_UPGRADE_WASM at it.',
        );
      }
      const wasm = fs.readFileSync(wasmPath);
      // As hex: a Uint8Array given for `Bytes` would be read as already SCALE-encoded.
      const code = u8aToHex(wasm);
      const codeHash = blake2AsHex(wasm, 256);
      const currentCode = await node.rpc('state_getStorage', [u8aToHex(Buffer.from(':code'))]);
      assert.notEqual(blake2AsHex(currentCode, 256), codeHash, 'the upgraded runtime differs from the running one');
      const version0 = await node.rpc('state_getRuntimeVersion');
      assert.equal(version0.specVersion, 100);
      assert.ok((await api.query.system.authorizedUpgrade()).isNone, 'nothing authorized yet');
      const sudoKey = (await api.query.sudo.key()).unwrapOr(null)?.toString();
      assert.notEqual(sudoKey, outsider.address, 'the applier is not the sudo key');

      // The proposal, a second upgrade proposal (refused while the first is voting) and an
      // attempt to apply the code before any authorization.
      const id = (await api.query.governance.nextProposalId()).toNumber();
      const [proposed, second, early] = await sendTogether(api, [
        [api.tx.governance.propose(posts.upgrade, { UpgradeRuntime: { codeHash } }), upgrader],
        [api.tx.governance.propose(posts.upgrade2, { UpgradeRuntime: { codeHash: blake2AsHex('another runtime', 256) } }), upgrader],
        [api.tx.system.applyAuthorizedUpgrade(code), outsider],
      ]);
      expectOk(proposed);
      expectError(second, 'governance.UpgradeAlreadyProposed');
      expectError(early, 'system.NothingAuthorized');
      const ev = proposed.findEvent('governance', 'Proposed').event.data;
      assert.equal(ev.proposal.toNumber(), id);
      assert.ok(ev.change.isUpgradeRuntime);
      assert.equal(ev.change.asUpgradeRuntime.codeHash.toHex(), codeHash);
      assert.equal((await api.query.governance.upgradeProposal()).unwrap().toNumber(), id);
      const pool0 = proposed.findEvent('governance', 'StageStarted').event.data.pool.toNumber();

      const { records, enactBlock } = await passStages(id, pool0, proposed.blockNumber, {
        beforeEnact: async (stage) => {
          assert.ok((await api.query.system.authorizedUpgrade()).isNone, `nothing authorized after stage ${stage}`);
        },
      });

      // Edition 2 (§8 upgrade support): the last stage's FOR stakes of non-authors (the backers
      // and the author) reach ⌈33% × total REP⌉, read after the stage's settlement.
      const govParams = await api.query.governance.params();
      const support = BigInt(govParams.upgradeSupport.toNumber());
      const delay = govParams.upgradeDelay.toNumber();
      assert.equal(support, 330_000_000n, '§9: upgrade_support 33%');
      assert.equal(delay, 5, 'dev preset: upgrade_delay 5 blocks');
      const lastPool = (await api.query.validationPool.pools(records.at(-1).pool)).unwrap().asResolved;
      const consentFor = lastPool.tally.consentFor.toBigInt();
      const totalAtEnact = (await (await api.at(log.blocks[enactBlock].hash)).query.reputation.totalRep()).toBigInt();
      const required = (support * totalAtEnact + BILLION - 1n) / BILLION;
      assert.ok(consentFor >= required, `non-author FOR stakes ${consentFor} ≥ ${required} (33% of ${totalAtEnact})`);
      assert.equal(log.find('governance', 'UpgradeSupportNotMet', { from: proposed.blockNumber, to: enactBlock }).length, 0);

      // Edition 2 (§8 upgrade delay): the last stage schedules the upgrade; nothing is authorized
      // before `upgrade_delay` blocks have passed.
      const [scheduled] = log.find('governance', 'UpgradeScheduled', { from: enactBlock, to: enactBlock });
      assert.ok(scheduled, `governance.UpgradeScheduled in #${enactBlock}: ${log.names(enactBlock)}`);
      const due = enactBlock + delay;
      assert.deepEqual([scheduled.data.proposal.toNumber(), scheduled.data.codeHash.toHex(), scheduled.data.due.toNumber()], [id, codeHash, due]);
      const atEnact = await api.at(log.blocks[enactBlock].hash);
      assert.ok((await atEnact.query.system.authorizedUpgrade()).isNone, 'not authorized when the last stage passes');
      const scheduledState = (await atEnact.query.governance.proposals(id)).unwrap().state;
      assert.ok(scheduledState.isScheduled, `proposal ${id} scheduled: ${scheduledState.toString()}`);
      assert.deepEqual([scheduledState.asScheduled.accepted.toNumber(), scheduledState.asScheduled.due.toNumber()], [enactBlock, due]);
      assert.equal((await atEnact.query.governance.upgradeProposal()).unwrap().toNumber(), id, 'the upgrade slot stays taken');
      assert.equal((await holdsOf(api, upgrader.address, atEnact))['Governance.ProposalDeposit'], proposalDeposit, 'the deposit is still held');
      assert.equal(log.find('governance', 'UpgradeAuthorized', { from: proposed.blockNumber, to: due - 1 }).length, 0);
      assert.equal(log.find('system', 'UpgradeAuthorized', { from: proposed.blockNumber, to: due - 1 }).length, 0);

      // Authorized by the hook of block `due`, with version checks; the deposit comes back.
      const authorized = await log.wait('governance', 'UpgradeAuthorized', { from: enactBlock, timeoutMs: (delay + 6) * 6_000 });
      assert.equal(authorized.block.number, due, `authorized in #${due}`);
      assert.ok(authorized.record.phase.isInitialization, 'by the hook');
      assert.equal(authorized.data.proposal.toNumber(), id);
      assert.equal(authorized.data.codeHash.toHex(), codeHash);
      const [sysAuthorized] = log.find('system', 'UpgradeAuthorized', { from: due, to: due });
      assert.ok(sysAuthorized, `system.UpgradeAuthorized in #${due}`);
      assert.equal(sysAuthorized.data.codeHash.toHex(), codeHash);
      assert.equal(sysAuthorized.data.checkVersion.isTrue, true);
      const [returned] = log.find('governance', 'DepositReturned', { from: due, to: due });
      assert.ok(returned, `governance.DepositReturned in #${due}: ${log.names(due)}`);
      assert.deepEqual([returned.data.proposal.toNumber(), returned.data.who.toString(), returned.data.amount.toBigInt()], [id, upgrader.address, proposalDeposit]);
      assert.equal((await holdsOf(api, upgrader.address))['Governance.ProposalDeposit'] ?? 0n, 0n, 'no deposit held');
      const authorization = (await api.query.system.authorizedUpgrade()).unwrap();
      assert.equal(authorization.codeHash.toHex(), codeHash, 'system.authorizedUpgrade holds the hash');
      assert.ok(authorization.checkVersion.isTrue);
      const state = (await api.query.governance.proposals(id)).unwrap().state;
      assert.ok(state.isEnacted, `proposal ${id} enacted: ${state.toString()}`);
      assert.equal(state.asEnacted.at.toNumber(), due);
      assert.ok((await api.query.governance.upgradeProposal()).isNone);
      assert.equal(await node.rpc('state_getRuntimeVersion').then((v) => v.specVersion), 100, 'authorized, not applied');

      // What must survive the upgrade.
      const snapshot = async (a) => ({
        post: (await a.query.forum.posts(posts.param)).toJSON(),
        upgradePost: (await a.query.forum.posts(posts.upgrade)).toJSON(),
        nextPostId: (await a.query.forum.nextPostId()).toNumber(),
        rep: {
          total: (await a.query.reputation.totalRep()).toString(),
          minted: (await a.query.reputation.totalMinted()).toString(),
          burned: (await a.query.reputation.totalBurned()).toString(),
          author: (await a.query.reputation.accounts(author.address)).toJSON(),
          upgrader: (await a.query.reputation.accounts(upgrader.address)).toJSON(),
        },
        balances: {
          author: (await a.query.system.account(author.address)).data.toJSON(),
          upgrader: (await a.query.system.account(upgrader.address)).data.toJSON(),
        },
        poolParams: (await a.query.validationPool.params()).toJSON(),
        proposals: (await a.query.governance.proposals.entries()).map(([k, v]) => [k.toHex(), v.toJSON()]).sort(),
        pools: (await a.query.validationPool.nextPoolId()).toNumber(),
      });
      const before = await snapshot(api);
      assert.equal(before.pools, records.at(-1).pool + 1, 'no pool opened since');
      const outsiderBefore = (await api.query.system.account(outsider.address)).data.free.toBigInt();

      // Any account applies it: first the wrong code (the running one), then the authorized one.
      const [wrong, applied] = await sendTogether(api, [
        [api.tx.system.applyAuthorizedUpgrade(currentCode), outsider],
        [api.tx.system.applyAuthorizedUpgrade(code), outsider],
      ]);
      expectError(wrong, 'system.Unauthorized');
      expectOk(applied);
      const updated = applied.findEvent('system', 'CodeUpdated');
      assert.ok(updated, `system.CodeUpdated; events: ${eventNames(applied.events)}`);
      // data[0]: `data.hash` is the codec's own hash (of the event data), not the field.
      assert.equal(updated.event.data[0].toHex(), codeHash);
      assert.equal(applied.filterEvents('system', 'RejectedInvalidAuthorizedUpgrade').length, 0);
      const feePaid = applied.findEvent('transactionPayment', 'TransactionFeePaid');
      assert.equal(feePaid.event.data.actualFee.toBigInt(), 0n, 'applying an authorized upgrade is free');
      const wrongFee = wrong.findEvent('transactionPayment', 'TransactionFeePaid').event.data.actualFee.toBigInt();
      const upgradeBlock = applied.blockNumber;
      console.log(`# upgrade applied by ${outsider.address} in #${upgradeBlock} (${wasm.length} bytes)`);

      // The next block runs the new runtime.
      await log.wait('system', 'ExtrinsicSuccess', { from: upgradeBlock + 1, timeoutMs: 60_000 });
      await log.sync();
      const parentHash = log.blocks[upgradeBlock - 1].hash;
      assert.equal((await node.rpc('state_getRuntimeVersion', [parentHash])).specVersion, 100);
      const version = await node.rpc('state_getRuntimeVersion');
      assert.equal(version.specVersion, 101, 'the chain runs spec_version 101');
      assert.equal(version.specName, 'guild');
      assert.equal(
        blake2AsHex(await node.rpc('state_getStorage', [u8aToHex(Buffer.from(':code'))]), 256),
        codeHash,
        ':code is the authorized runtime',
      );
      assert.ok((await api.query.system.authorizedUpgrade()).isNone, 'the authorization is used up');
      const lastUpgrade = (await api.query.system.lastRuntimeUpgrade()).unwrap();
      assert.equal(lastUpgrade.specVersion.toNumber(), 101);
      assert.ok(log.blocks[upgradeBlock + 1], 'a block after the upgrade');

      // A new connection sees the new runtime, the same metadata and the same storage.
      const api2 = await connectApi(node.wsUrl);
      try {
        assert.equal(api2.runtimeVersion.specVersion.toNumber(), 101);
        await waitForSpec(api, 101);
        // Same pallets, calls, storage, events, errors and constants, but for System's `Version`.
        const strip = (latest) =>
          latest.pallets.map((p) => ({ ...p.toJSON(), constants: p.name.toString() === 'System' ? null : p.constants.toJSON() }));
        assert.deepEqual(
          strip(api2.runtimeMetadata.asLatest),
          strip((await api.at(parentHash)).registry.metadata),
          'the upgraded runtime has the same pallets, calls, storage and events: if not, it was built from other sources than the node (rebuild it with scripts/build-upgrade-runtime.sh)',
        );
        const afterUpgrade = await snapshot(api2);
        assert.deepEqual(afterUpgrade, before, 'storage intact after the upgrade');
        const outsiderAfter = (await api2.query.system.account(outsider.address)).data.free.toBigInt();
        assert.equal(outsiderAfter, outsiderBefore - wrongFee, 'the applier paid for the wrong code only');
        // And the chain goes on: a post submitted under the new runtime.
        const out = expectOk(
          await signAndSend(api2, api2.tx.forum.submitPost(blake2AsHex('after the upgrade'), 'ipfs://after', [[author.address, PPM]], []), author),
        );
        const postId = out.findEvent('forum', 'PostSubmitted').event.data.post.toNumber();
        assert.equal(postId, before.nextPostId);
        assert.equal((await api2.query.forum.posts(postId)).unwrap().uri.toUtf8(), 'ipfs://after');
        console.log(
          `# proposal ${id}: stages passed #${records.map((r) => r.passBlock).join(', #')}, scheduled in #${enactBlock}, authorized in #${due}, ` +
            `code updated in #${upgradeBlock}, spec ${version0.specVersion} → ${version.specVersion}; post ${postId} in #${out.blockNumber}; ` +
            `${((Date.now() - t0) / 1000).toFixed(1)} s`,
        );
      } finally {
        await api2.disconnect().catch(() => {});
      }
    }),
  );
});

async function waitForSpec(api, spec, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (api.runtimeVersion.specVersion.toNumber() !== spec) {
    if (Date.now() > deadline) throw new Error(`the API still sees spec_version ${api.runtimeVersion.specVersion} after ${timeoutMs} ms`);
    await sleep(300);
  }
}
