// The everyday pallets of a Substrate chain on a dev chain (`guild-node --dev`), through signed
// extrinsics as polkadot.js apps sends them:
//
//   - `utility.batchAll`: an author posts work and opens its pool in one atomic extrinsic (the
//     post's id is `forum.nextPostId` read before sending); a batch whose second call fails
//     leaves nothing behind (no post, no deposit held).
//   - `proxy`: a REP holder delegates staking to a hot key with the `Staking` proxy type. The
//     proxy stakes in the holder's name (`validationPool.Staked` for the holder); a transfer, a
//     pool initiation and a batch hiding a transfer through the same proxy are refused with
//     `system.CallFiltered`, and the holder's balance moves only by the proxy deposit.
//   - `multisig`: a 2-of-2 multisig of two dev accounts approves and executes a transfer.
//
// Setup: the dev DAO starts empty, so sudo (Alice) bootstraps it with `forceInitiate` on Alice's
// post (an even fee: PROTOCOL.md §4's tie), which gives Alice the minted REP.

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { createKeyMulti, encodeAddress, sortAddresses } from '@polkadot/util-crypto';

import {
  cleanup,
  devAccount,
  expectOk,
  freeBalance,
  markFailure,
  postIdOf,
  postTx,
  poolIdOf,
  printLogTails,
  repOf,
  sendTogether,
  signAndSend,
  startDevNode,
  sudo,
  UNIT,
  waitResolved,
  withNodeLogs,
} from '../lib/index.mjs';

describe('everyday pallets: utility, proxy, multisig', { timeout: 300_000 }, () => {
  let node;
  let api;
  let alice;
  let bob;
  let charlie;
  let dave;

  before(async () => {
    try {
      node = await startDevNode();
      api = await node.api();
      [alice, bob, charlie, dave] = await Promise.all(['alice', 'bob', 'charlie', 'dave'].map(devAccount));
      // Bootstrap the empty dev DAO: root opens the first pool on Alice's post.
      const posted = expectOk(await signAndSend(api, ...postTx(api, alice, 'everyday-first')));
      const first = postIdOf(posted);
      const opened = expectOk(
        await sudo(api, api.tx.validationPool.forceInitiate(alice.address, first, 2n * UNIT, 1)),
      );
      await waitResolved(api, poolIdOf(opened));
      const rep = await repOf(api, alice.address);
      assert.equal(rep.free, 2n * UNIT, 'Alice holds the bootstrap pool mint');
    } catch (e) {
      markFailure();
      printLogTails();
      throw e;
    }
  });

  after(async () => {
    await api?.disconnect();
    await cleanup();
  });

  test(
    'utility.batchAll posts work and opens its pool atomically; a failing batch leaves nothing',
    withNodeLogs(async () => {
      const id = (await api.query.forum.nextPostId()).toNumber();
      const [post] = postTx(api, bob, 'everyday-batched');
      const batch = api.tx.utility.batchAll([post, api.tx.validationPool.initiate(id, UNIT / 100n, null)]);
      const outcome = expectOk(await signAndSend(api, batch, bob));
      assert.equal(postIdOf(outcome), id);
      const pool = poolIdOf(outcome);
      const open = (await api.query.validationPool.pools(pool)).unwrap().asOpen;
      assert.equal(open.post.toNumber(), id);
      assert.equal(open.fee.toBigInt(), UNIT / 100n);

      // The same with a fee below min_pool_fee: the batch fails and the post is not stored.
      const next = (await api.query.forum.nextPostId()).toNumber();
      const [post2] = postTx(api, bob, 'everyday-batched-bad');
      const bad = api.tx.utility.batchAll([post2, api.tx.validationPool.initiate(next, 1, null)]);
      const failed = await signAndSend(api, bad, bob);
      assert.equal(failed.ok, false);
      assert.equal(failed.error.message, 'validationPool.FeeBelowMinimum');
      assert.equal((await api.query.forum.nextPostId()).toNumber(), next, 'no post stored');
      assert.ok((await api.query.forum.posts(next)).isNone);
    }),
  );

  test(
    'a Staking proxy stakes in the holder’s name and can do nothing else',
    withNodeLogs(async () => {
      // Bob's post and pool, for Alice (a REP holder, not an author) to stake on.
      const posted = expectOk(await signAndSend(api, ...postTx(api, bob, 'everyday-proxied')));
      const post = postIdOf(posted);
      const pool = poolIdOf(expectOk(await signAndSend(api, api.tx.validationPool.initiate(post, UNIT / 100n, 20), bob)));

      const reserved = async () => (await api.query.system.account(alice.address)).data.reserved.toBigInt();
      const reservedBefore = await reserved();
      const before = await freeBalance(api, alice.address);
      expectOk(await signAndSend(api, api.tx.proxy.addProxy(dave.address, 'Staking', 0), alice));
      const deposit = (await reserved()) - reservedBefore;
      assert.ok(deposit > 0n, 'a proxy holds a deposit');
      assert.equal(deposit, (await api.query.proxy.proxies(alice.address))[1].toBigInt());

      const viaProxy = (call) => api.tx.proxy.proxy(alice.address, null, call);
      const [staked, transfer, initiate, hidden] = await sendTogether(api, [
        [viaProxy(api.tx.validationPool.stake(pool, UNIT / 2n, true)), dave],
        [viaProxy(api.tx.balances.transferKeepAlive(dave.address, UNIT)), dave],
        [viaProxy(api.tx.validationPool.initiate(post, UNIT / 100n, null)), dave],
        [viaProxy(api.tx.utility.batch([api.tx.validationPool.stake(pool, 1n, true), api.tx.balances.transferKeepAlive(dave.address, UNIT)])), dave],
      ]);
      const result = (outcome) => {
        const ev = outcome.findEvent('proxy', 'ProxyExecuted');
        assert.ok(ev, 'proxy.ProxyExecuted');
        return ev.event.data.result;
      };
      expectOk(staked);
      assert.ok(result(staked).isOk, 'the stake went through');
      const ev = staked.findEvent('validationPool', 'Staked');
      assert.equal(ev.event.data.who.toString(), alice.address, 'staked in Alice’s name');
      assert.equal((await repOf(api, alice.address)).heldPool, UNIT / 2n);
      for (const [what, outcome] of [['transfer', transfer], ['initiate', initiate]]) {
        const r = result(outcome);
        assert.ok(r.isErr, `${what} refused`);
        assert.ok(r.asErr.isModule, `${what}: a module error`);
        const { section, name } = api.registry.findMetaError(r.asErr.asModule);
        assert.equal(`${section}.${name}`, 'system.CallFiltered', what);
      }
      // A batch is a call the proxy type allows only when every call in it is allowed.
      const r = result(hidden);
      assert.ok(r.isErr);
      const { section, name } = api.registry.findMetaError(r.asErr.asModule);
      assert.equal(`${section}.${name}`, 'system.CallFiltered');
      assert.equal((await repOf(api, alice.address)).heldPool, UNIT / 2n, 'nothing of the hidden batch ran');
      // Alice paid only the proxy deposit and her own fee; Dave paid the proxied calls' fees.
      const after = await freeBalance(api, alice.address);
      assert.ok(before - after >= deposit && before - after < deposit + UNIT / 10n, `Alice spent ${before - after}`);
    }),
  );

  test(
    'a 2-of-2 multisig approves and executes a transfer',
    withNodeLogs(async () => {
      const signatories = sortAddresses([bob.address, charlie.address]);
      const multi = encodeAddress(createKeyMulti(signatories, 2), 42);
      expectOk(await signAndSend(api, api.tx.balances.transferKeepAlive(multi, 10n * UNIT), bob));
      const call = api.tx.balances.transferKeepAlive(dave.address, 3n * UNIT);
      const weight = (await call.paymentInfo(multi)).weight;
      const daveBefore = await freeBalance(api, dave.address);
      const others = (who) => signatories.filter((a) => a !== who.address);
      const first = expectOk(await signAndSend(api, api.tx.multisig.approveAsMulti(2, others(bob), null, call.method.hash, weight), bob));
      const when = first.findEvent('multisig', 'NewMultisig') && {
        height: first.blockNumber,
        index: first.result.events.find(({ event }) => event.method === 'NewMultisig').phase.asApplyExtrinsic.toNumber(),
      };
      assert.ok(when, 'multisig.NewMultisig');
      const done = expectOk(await signAndSend(api, api.tx.multisig.asMulti(2, others(charlie), when, call.method, weight), charlie));
      const executed = done.findEvent('multisig', 'MultisigExecuted');
      assert.ok(executed && executed.event.data.result.isOk, 'multisig.MultisigExecuted Ok');
      assert.equal((await freeBalance(api, dave.address)) - daveBefore, 3n * UNIT);
    }),
  );
});
