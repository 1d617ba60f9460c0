// Block production as Guild work (PROTOCOL.md §12) on a network of real nodes: the local preset's
// four validators (Alice, Bob, Charlie and Dave, the founders) and Eve's node, on a chain spec
// whose genesis sets 10-slot sessions (`:EpochDuration:`, a storage parameter of the runtime), so
// that elections, reports and exclusions happen within minutes. The steps share the network:
//   Eve joins without root → Dave stopped is dropped, finality goes on → Charlie's keys run on two
//   nodes: reported, slashed, disabled, not re-elected → the sessions' fees reach the holders.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, before, describe } from 'node:test';

import { bnToU8a, u8aToHex } from '@polkadot/util';
import { decodeAddress, xxhashAsHex } from '@polkadot/util-crypto';

import {
  FEE_SCALE,
  GuildNode,
  UNIT,
  buildChainSpec,
  cleanup,
  devAccounts,
  eventsIn,
  expectOk,
  makeTempDir,
  nodeBinary,
  parseSpecJson,
  repOf,
  sendTogether,
  signAndSend,
  ss58,
  startLocalNetwork,
  steps,
  stringifySpecJson,
  testNodeKey,
  waitFor,
  waitForFinalized,
  waitResolved,
  withNodeLogs,
} from '../lib/index.mjs';
import { addGenesisAccounts } from '../lib/work.mjs';

const REP = UNIT;
const SESSION_SLOTS = 10; // 60 s sessions
const SESSION_MS = SESSION_SLOTS * 6_000;
const EVE_REP = 200n * REP;
const EVE_STAKE = 100n * REP;
const FOUNDER_STAKE = 50n * REP;
const TIP = 50n * (UNIT / 1_000n); // 0.05 GUILD: the fees reach a pool's minimum (0.01) at once

/** The local chain spec, raw, with Eve holding REP and sessions of `SESSION_SLOTS` slots. */
function shortSessionSpec(dir, eve) {
  const plain = buildChainSpec('local');
  addGenesisAccounts(plain, { rep: [[eve, EVE_REP]] });
  const plainPath = path.join(dir, 'plain.json');
  fs.writeFileSync(plainPath, stringifySpecJson(plain));
  const r = spawnSync(nodeBinary(), ['build-spec', '--chain', plainPath, '--raw', '--disable-default-bootnode'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`build-spec --raw failed (${r.status}):\n${r.stderr}`);
  const raw = parseSpecJson(r.stdout);
  // `pub storage EpochDuration: u64` lives at twox128(":EpochDuration:").
  raw.genesis.raw.top[xxhashAsHex(':EpochDuration:', 128)] = u8aToHex(bnToU8a(SESSION_SLOTS, { bitLength: 64, isLe: true }));
  const rawPath = path.join(dir, 'raw.json');
  fs.writeFileSync(rawPath, stringifySpecJson(raw));
  return rawPath;
}

/** The best block number seen by `api`. */
async function best(api) {
  return (await api.rpc.chain.getHeader()).number.toNumber();
}

// The steps build on each other: once one fails, the later ones are skipped.
const step = steps();

describe('block production as Guild work on five real nodes', { timeout: 2_400_000 }, () => {
  let net;
  let eveNode;
  let api;
  let acc;
  let start; // the first block of the test's extrinsics

  const validators = async (at = api) => (await at.query.session.validators()).map(ss58);

  before(
    withNodeLogs(async () => {
      acc = await devAccounts();
      const dir = makeTempDir('guild-e2e-blocks-');
      const chain = shortSessionSpec(dir, acc.eve.address);
      net = await startLocalNetwork({ chain, dir });
      // Eve's node: a validator node with an empty keystore; she makes her keys over RPC.
      eveNode = new GuildNode({
        name: 'eve',
        chain,
        binary: net.list[0].binary,
        validator: true,
        nodeKey: testNodeKey(5),
        basePath: path.join(dir, 'eve'),
        logDir: path.join(dir, 'logs'),
        bootnodes: [net.bootnode],
        extraArgs: ['--allow-private-ip', '--discover-local'],
      });
      await eveNode.start();
      api = await net.nodes.alice.api();
    }),
    { timeout: 300_000 },
  );

  after(async () => {
    await cleanup();
  });

  step(
    'a fifth node whose account stakes BlockProduction REP and sets keys is elected without root and authors blocks',
    { timeout: 600_000 },
    withNodeLogs(async () => {
      const { alice, bob, charlie, dave, eve } = acc;
      assert.ok((await api.query.sudo.key()).isNone, 'no sudo on the local chain');
      const babe = await api.call.babeApi.configuration();
      assert.equal(babe.epochLength.toNumber(), SESSION_SLOTS, 'short sessions from genesis');
      assert.deepEqual((await validators()).sort(), [alice, bob, charlie, dave].map((a) => a.address).sort());
      await waitForFinalized(net.nodes.alice, 1, { timeoutMs: 180_000 });

      // Eve's node makes session keys (the operator's `author_rotateKeysWithOwner`), Eve registers them
      // (with a tip, so that the session's fees open a report pool) and stakes; the founders
      // stake too, less than Eve, so that the election keeps all five.
      // The owner is the SCALE encoding of her account id: the proof signs it with every new key.
      const { keys, proof } = await eveNode.rpc('author_rotateKeysWithOwner', [u8aToHex(decodeAddress(eve.address))]);
      assert.ok(proof, 'the runtime proves key ownership');
      const until = (await best(api)) + 100_000;
      start = await best(api);
      const [setKeys] = await sendTogether(api, [
        [api.tx.session.setKeys(keys, proof), eve],
      ], { tip: TIP });
      expectOk(setKeys);
      const stakes = await sendTogether(api, [
        [api.tx.availability.stakeAvailability('BlockProduction', EVE_STAKE, until), eve],
        ...[alice, bob, charlie, dave].map((who) => [api.tx.availability.stakeAvailability('BlockProduction', FOUNDER_STAKE, until), who]),
      ]);
      stakes.forEach(expectOk);
      assert.equal((await repOf(api, eve.address)).heldBlockProduction, EVE_STAKE);
      const stakedAt = Math.max(...stakes.map((s) => s.blockNumber));

      // Elected at a session end, in the set two sessions later: no root call anywhere.
      await waitFor(async () => (await validators()).includes(eve.address), {
        timeoutMs: 5 * SESSION_MS,
        intervalMs: 2_000,
        what: 'Eve in session.validators',
      });
      // An election runs in a block's initialisation, before its extrinsics: the first one that
      // sees every stake is in a block after the last stake's.
      const elected = await eventsIn(api, stakedAt + 1, await best(api), 'validatorSet', 'Elected');
      const first = elected.find((e) => e.data.validators.map(ss58).includes(eve.address));
      assert.ok(first, 'an Elected event names Eve');
      // Eve's stake is the largest; the founders' four equal stakes follow.
      const set = first.data.validators.map(ss58);
      assert.equal(set[0], eve.address);
      assert.deepEqual(set.slice(1).sort(), [alice, bob, charlie, dave].map((a) => a.address).sort());
      assert.equal(first.data.filled.toNumber(), 0, 'no genesis filling: five qualify');
      const babeKey = keys.slice(0, 66);
      assert.ok((await api.query.babe.authorities()).some(([id]) => id.toHex() === babeKey), 'her BABE key is an authority');

      // She authors: blocks counted for her in the session, and a block whose header she sealed.
      const authored = await waitFor(
        async () => {
          const blocks = await api.query.validatorSet.sessionBlocks();
          const mine = blocks.find(([who]) => ss58(who) === eve.address);
          return mine ? mine[1].toNumber() : false;
        },
        { timeoutMs: 3 * SESSION_MS, intervalMs: 2_000, what: 'a block by Eve' },
      );
      const head = await api.derive.chain.getHeader(await api.rpc.chain.getBlockHash(await best(api)));
      console.log(`# Eve elected (${elected.length} elections since #${stakedAt}), ${authored} block(s) by her; head #${head.number} by ${ss58(head.author)}`);

      // GRANDPA's voters become the five, and finality goes on.
      await waitFor(async () => (await api.rpc.grandpa.roundState()).best.totalWeight.toNumber() === 5, {
        timeoutMs: 3 * SESSION_MS,
        intervalMs: 2_000,
        what: 'five GRANDPA voters',
      });
      const { finalized } = await net.nodes.alice.heads();
      await waitForFinalized(eveNode, finalized + 2, { timeoutMs: 120_000 });
    }),
  );

  step(
    'a validator stopped for a session is not re-elected and leaves the set, and finality goes on',
    { timeout: 900_000 },
    withNodeLogs(async () => {
      const { dave } = acc;
      await net.nodes.dave.stop();
      const stoppedAt = await best(api);
      const { finalized } = await net.nodes.alice.heads();
      // Absent: a secondary slot of his stayed empty and he authored nothing; the next election
      // leaves him out, and the set two sessions on has no Dave.
      await waitFor(async () => !(await validators()).includes(dave.address), {
        timeoutMs: 8 * SESSION_MS,
        intervalMs: 2_000,
        what: 'Dave out of session.validators',
      });
      const now = await best(api);
      const notReElected = await eventsIn(api, stoppedAt, now, 'validatorSet', 'NotReElected');
      assert.ok(
        notReElected.some((e) => ss58(e.data.who) === dave.address && e.data.reason.type === 'Absent'),
        `NotReElected { Dave, Absent }: ${JSON.stringify(notReElected.map((e) => e.data.toHuman()))}`,
      );
      assert.equal((await repOf(api, dave.address)).heldBlockProduction, FOUNDER_STAKE, 'absence costs no REP');
      // Finality went on while he was away.
      const after = await net.nodes.alice.heads();
      assert.ok(after.finalized >= finalized + SESSION_SLOTS, `finalized #${finalized} → #${after.finalized}`);
      console.log(`# Dave stopped at #${stoppedAt}, out of the set at #${now}; finalized #${finalized} → #${after.finalized}`);
      // Back online, he is elected again.
      await net.nodes.dave.start();
      await waitFor(async () => (await validators()).includes(dave.address), {
        timeoutMs: 6 * SESSION_MS,
        intervalMs: 2_000,
        what: 'Dave back in session.validators',
      });
    }),
  );

  step(
    'a node run twice with the same keys equivocates, is reported by the nodes, slashed, disabled and not re-elected',
    { timeout: 900_000 },
    withNodeLogs(async () => {
      const { charlie } = acc;
      const params = await api.query.validatorSet.params();
      const slash = params.equivocationSlash.toNumber(); // Perbill
      const before = await repOf(api, charlie.address);
      const burnedBefore = (await api.query.reputation.totalBurned()).toBigInt();
      const from = await best(api);
      // Charlie's keys on a second node: both author in his slots.
      const twin = new GuildNode({
        name: 'charlie-twin',
        key: 'charlie',
        chain: net.list[0].opts.chain,
        binary: net.list[0].binary,
        validator: true,
        nodeKey: testNodeKey(6),
        basePath: path.join(net.dir, 'charlie-twin'),
        logDir: path.join(net.dir, 'logs'),
        bootnodes: [net.bootnode],
        extraArgs: ['--allow-private-ip', '--discover-local'],
      });
      await twin.start();
      const punishedIn = await waitFor(
        async () => {
          const entries = await api.query.validatorSet.punished.entries();
          const mine = entries.find(([key]) => ss58(key.args[1]) === charlie.address);
          return mine ? mine[0].args[0].toNumber() : false;
        },
        { timeoutMs: 6 * SESSION_MS, intervalMs: 2_000, what: 'Charlie punished' },
      );
      await twin.stop();
      const now = await best(api);
      const [equivocated] = await eventsIn(api, from, now, 'validatorSet', 'Equivocated');
      assert.ok(equivocated, 'validatorSet.Equivocated');
      assert.equal(ss58(equivocated.data.who), charlie.address);
      const burned = (FOUNDER_STAKE * BigInt(slash)) / 1_000_000_000n;
      assert.equal(equivocated.data.burned.toBigInt(), burned, 'equivocation_slash of the stake');
      // The report came as BABE's or GRANDPA's unsigned report extrinsic, submitted by a node.
      const block = await api.rpc.chain.getBlock(await api.rpc.chain.getBlockHash(equivocated.block));
      assert.ok(equivocated.phase.isApplyExtrinsic, 'punished by an extrinsic');
      const report = block.block.extrinsics[equivocated.phase.asApplyExtrinsic.toNumber()];
      assert.ok(['babe', 'grandpa'].includes(report.method.section) && report.method.method.startsWith('reportEquivocation'), `${report.method.section}.${report.method.method}`);
      assert.ok(!report.isSigned, 'an unsigned report from a node');
      const afterRep = await repOf(api, charlie.address);
      assert.equal(afterRep.heldBlockProduction, before.heldBlockProduction - burned, 'the stake lost the slash');
      assert.equal((await api.query.reputation.totalBurned()).toBigInt() - burnedBefore, burned, 'burned');
      const stake = (await api.query.availability.stakes('BlockProduction', charlie.address)).unwrap();
      assert.equal(stake.amount.toBigInt(), FOUNDER_STAKE - burned);
      const at = await api.at(await api.rpc.chain.getBlockHash(equivocated.block));
      const index = (await at.query.session.validators()).map(ss58).indexOf(charlie.address);
      const disabled = (await at.query.session.disabledValidators()).map(([i]) => i.toNumber());
      assert.ok(disabled.includes(index), `Charlie (index ${index}) disabled: ${JSON.stringify(disabled)}`);
      // The next election leaves him out.
      const [next] = await waitFor(
        async () => {
          const list = await eventsIn(api, equivocated.block, await best(api), 'validatorSet', 'Elected');
          return list.length ? list : false;
        },
        { timeoutMs: 2 * SESSION_MS, intervalMs: 2_000, what: 'the next election' },
      );
      assert.ok(!next.data.validators.map(ss58).includes(charlie.address), 'Charlie not re-elected');
      console.log(`# Charlie equivocated; punished for session ${punishedIn} in #${equivocated.block}, ${burned} burned; election in #${next.block} without him`);
    }),
  );

  step(
    "a session's transaction fees reach the holders as salary through its report's pool",
    { timeout: 300_000 },
    withNodeLogs(async () => {
      const posted = await eventsIn(api, start, await best(api), 'validatorSet', 'ReportPosted');
      assert.ok(posted.length >= 1, 'at least one report posted (the tip paid for its pool)');
      const report = posted[0].data;
      const fee = report.fee.toBigInt();
      assert.ok(fee >= TIP, `the report's fee ${fee} holds the tip`);
      const pool = report.pool.toNumber();
      const resolved = await waitResolved(api, pool, { timeoutMs: 120_000 });
      assert.equal(resolved.outcome, 'Accepted');
      // The salary: in the resolving block the fee (with any fee left undistributed before) is
      // shared by every REP held, through the fee per REP.
      const hash = await api.rpc.chain.getBlockHash(resolved.resolvedAt);
      const parent = (await api.rpc.chain.getHeader(hash)).parentHash;
      const [atParent, atBlock] = [await api.at(parent), await api.at(hash)];
      const waiting = (await atParent.query.reputation.undistributedFees()).toBigInt();
      const [distributed] = await eventsIn(api, resolved.resolvedAt, resolved.resolvedAt, 'reputation', 'FeeDistributed');
      assert.ok(distributed, 'reputation.FeeDistributed');
      assert.equal(distributed.data.fee.toBigInt(), fee + waiting, 'the report fee is the salary');
      const held = distributed.data.totalRep.toBigInt();
      assert.equal(held, (await atParent.query.reputation.totalRep()).toBigInt(), 'shared by the REP held before');
      const acc0 = (await atParent.query.reputation.feePerRep()).toBigInt();
      const acc1 = (await atBlock.query.reputation.feePerRep()).toBigInt();
      assert.equal(acc1 - acc0, ((fee + waiting) * FEE_SCALE) / held, 'fee per REP');
      // The validators received the report's REP by blocks.
      const rewarded = await eventsIn(api, resolved.resolvedAt, resolved.resolvedAt, 'validatorSet', 'ReportRewarded');
      assert.ok(rewarded.length >= 1, 'validators rewarded');
      const blocks = rewarded.reduce((s, e) => s + e.data.blocks.toNumber(), 0);
      assert.equal(blocks, report.blocks.toNumber(), 'every block of the report is paid');
      console.log(`# report of session ${report.session} (post ${report.post}, pool ${pool}, fee ${fee}) accepted in #${resolved.resolvedAt}; ${rewarded.length} validators rewarded`);
    }),
  );
});
