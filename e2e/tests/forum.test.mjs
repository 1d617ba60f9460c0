// The forum and the REP ledger on a dev chain (`guild-node --dev`), through signed extrinsics as a
// wallet sends them (issue 3, end-to-end part): posts with references are stored as submitted with
// their deposit held; each kind of bad post is rejected with its named error and leaves nothing
// behind; an empty fee claim fails; REP has no transfer call.
//
// One node for the whole file and about five blocks: extrinsics that do not depend on each other
// go into the same block (explicit nonces).

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { blake2AsHex } from '@polkadot/util-crypto';

import {
  UNIT,
  cleanup,
  devAccount,
  eventNames,
  expectError,
  expectOk,
  freshAccount,
  markFailure,
  nextNonce,
  printLogTails,
  sendTogether,
  startDevNode,
  withNodeLogs,
} from '../lib/index.mjs';

const PPM = 1_000_000;

/** Native-token holds of `address`: [{ reason: 'Forum.PostDeposit', amount: bigint }]. */
async function holdsOf(api, address, at = api) {
  const holds = await at.query.balances.holds(address);
  return holds.map(({ id, amount }) => ({
    reason: `${id.type}.${id.value.type ?? id.value.toString()}`,
    amount: amount.toBigInt(),
  }));
}

async function reservedOf(api, address, at = api) {
  return (await at.query.system.account(address)).data.reserved.toBigInt();
}

describe('forum and reputation on a dev chain', { timeout: 600_000 }, () => {
  let node;
  let api;
  let started;
  // Fresh accounts funded in `before`: exact hold and balance assertions.
  let p1; // submits posts 0 and 1
  let p2; // submits post 2
  let p3; // co-author of post 2; sends every bad post
  let poor; // can pay a fee but not the post deposit
  let dave; // a dev account without REP: claims fees
  let deposit; // forum.params().postDeposit
  let claimOutcome; // reputation.claimFees by Dave, sent with the funding

  before(async () => {
    started = Date.now();
    try {
      node = await startDevNode();
      api = await node.api();
      const alice = await devAccount('alice');
      dave = await devAccount('dave');
      [p1, p2, p3, poor] = await Promise.all([freshAccount(), freshAccount(), freshAccount(), freshAccount()]);
      deposit = (await api.query.forum.params()).postDeposit.toBigInt();
      assert.ok(deposit > 0n, 'the dev preset sets a post deposit');

      // What a post costs in fees, so the poor account can pay one but not the deposit.
      const ed = api.consts.balances.existentialDeposit.toBigInt();
      const probe = api.tx.forum.submitPost(blake2AsHex('probe'), 'ipfs://probe', [[poor.address, PPM]], []);
      const fee = (await probe.paymentInfo(poor)).partialFee.toBigInt();
      const poorFunds = ed + deposit / 2n;
      assert.ok(fee * 4n < deposit / 2n, `a post's fee (${fee}) is small next to half the deposit (${deposit / 2n})`);

      const fund = (who, amount) => [api.tx.balances.transferKeepAlive(who.address, amount), alice];
      const outcomes = await sendTogether(api, [
        fund(p1, 100n * UNIT),
        fund(p2, 100n * UNIT),
        fund(p3, 100n * UNIT),
        fund(poor, poorFunds),
        [api.tx.reputation.claimFees(), dave],
      ]);
      outcomes.slice(0, 4).forEach(expectOk);
      claimOutcome = outcomes[4];
    } catch (error) {
      markFailure();
      printLogTails();
      throw error;
    }
  });

  after(async () => {
    await api?.disconnect().catch(() => {});
    await cleanup();
    if (started) console.log(`# forum e2e: ${((Date.now() - started) / 1000).toFixed(1)} s with node start`);
  });

  test(
    'metadata: reputation (10) has claimFees and no REP transfer; forum (11) has submitPost',
    { timeout: 30_000 },
    withNodeLogs(async () => {
      const pallets = Object.fromEntries(
        api.runtimeMetadata.asLatest.pallets.map((p) => [p.name.toString(), p.index.toNumber()]),
      );
      assert.equal(pallets.Reputation, 10);
      assert.equal(pallets.Forum, 11);

      // No call of any kind moves REP between accounts: the only call is claimFees (native token).
      const repCalls = Object.keys(api.tx.reputation);
      assert.deepEqual(repCalls, ['claimFees'], `reputation calls: ${repCalls.join(', ')}`);
      for (const call of repCalls) {
        assert.doesNotMatch(call, /transfer|send|move|give|gift|assign|approve|delegate/i);
      }
      // Nor anywhere else in the runtime: the only transfers are the native token's.
      for (const [section, calls] of Object.entries(api.tx)) {
        if (section === 'balances') continue;
        for (const call of Object.keys(calls)) assert.doesNotMatch(`${section}.${call}`, /transfer/i);
      }

      assert.deepEqual(Object.keys(api.tx.forum).sort(), ['setParams', 'submitPost']);
      const args = api.tx.forum.submitPost.meta.args.map((a) => a.name.toString());
      assert.deepEqual(args, ['contentHash', 'uri', 'authors', 'references']);
      assert.ok(api.tx.forum.submitPost.meta.docs.length > 0, 'submitPost is documented');
      for (const q of ['posts', 'nextPostId', 'params']) assert.equal(typeof api.query.forum[q], 'function', q);
      for (const q of ['accounts', 'totalRep', 'totalMinted', 'totalBurned', 'unowned']) {
        assert.equal(typeof api.query.reputation[q], 'function', q);
      }
      assert.equal(api.consts.forum.maxAuthors.toNumber(), 8);
      assert.equal(api.consts.forum.maxReferences.toNumber(), 8);
      assert.equal(api.consts.forum.maxUriLen.toNumber(), 256);

      const params = await api.query.forum.params();
      assert.equal(params.referenceChainLimit.toNumber(), 3);
      assert.equal(params.revaluationLimit.toNumber(), PPM);
      assert.equal((await api.query.forum.nextPostId()).toNumber(), 0, 'ids start at 0');
      // The dev preset starts without REP.
      assert.equal((await api.query.reputation.totalRep()).toBigInt(), 0n);
      assert.equal((await api.query.reputation.totalMinted()).toBigInt(), 0n);
    }),
  );

  test(
    'reputation.claimFees by an account with no REP fails with reputation.NothingToClaim',
    { timeout: 30_000 },
    withNodeLogs(async () => {
      expectError(claimOutcome, 'reputation.NothingToClaim');
      assert.ok(claimOutcome.error.docs.length > 0, 'the error carries its docs');
      assert.equal(claimOutcome.filterEvents('reputation', 'FeesClaimed').length, 0);
      assert.ok((await api.query.reputation.accounts(dave.address)).isNone, 'no REP record for Dave');
    }),
  );

  // Posts 0, 1, 2, as stored; filled by the next test, checked again by the ones after.
  const expected = [];

  test(
    'posts with references are stored as submitted, with the submitter’s deposit held',
    { timeout: 180_000 },
    withNodeLogs(async () => {
      const p1Before = await api.query.system.account(p1.address);
      assert.equal(p1Before.data.reserved.toBigInt(), 0n);

      // Block A: posts 0 and 1 by p1 (nonce order: 1 cites 0, which is older).
      const post0 = {
        submitter: p1,
        contentHash: blake2AsHex('post 0: the original work'),
        uri: 'ipfs://bafkreipost0',
        authors: [[p1.address, PPM]],
        references: [],
      };
      const post1 = {
        submitter: p1,
        contentHash: blake2AsHex('post 1: builds on post 0'),
        uri: 'https://example.org/guild/post/1',
        authors: [[p1.address, 700_000], [p2.address, 300_000]],
        references: [[{ Post: 0 }, 250_000], ['Incinerator', 50_000]],
      };
      const submit = (p) => [api.tx.forum.submitPost(p.contentHash, p.uri, p.authors, p.references), p.submitter];
      const [out0, out1] = (await sendTogether(api, [submit(post0), submit(post1)])).map(expectOk);

      // Block B: post 2 by p2, who is not its first author; it leaches from post 1 and donates to
      // post 0 with Σ|w| exactly the revaluation limit. p3 co-authors without holding anything.
      const post2 = {
        submitter: p2,
        contentHash: blake2AsHex('post 2: leaches from post 1'),
        uri: 'ipfs://bafkreipost2',
        authors: [[p3.address, 400_000], [p2.address, 600_000]],
        references: [[{ Post: 1 }, -400_000], [{ Post: 0 }, 600_000]],
      };
      const [out2] = (await sendTogether(api, [submit(post2)])).map(expectOk);

      for (const [id, [post, out]] of [[post0, out0], [post1, out1], [post2, out2]].entries()) {
        // The event.
        const ev = out.findEvent('forum', 'PostSubmitted');
        assert.ok(ev, `forum.PostSubmitted missing for post ${id}; events: ${eventNames(out.events)}`);
        const { post: evId, submitter, contentHash, deposit: evDeposit } = ev.event.data;
        assert.equal(evId.toNumber(), id);
        assert.equal(submitter.toString(), post.submitter.address);
        assert.equal(contentHash.toHex(), post.contentHash);
        assert.equal(evDeposit.toBigInt(), deposit);
        // The native-token hold that goes with it.
        const held = out.findEvent('balances', 'Held');
        assert.ok(held, `balances.Held missing for post ${id}; events: ${eventNames(out.events)}`);
        assert.equal(held.event.data.who.toString(), post.submitter.address);
        assert.equal(held.event.data.amount.toBigInt(), deposit);
        const { reason } = held.event.data;
        assert.equal(`${reason.type}.${reason.value.type}`, 'Forum.PostDeposit');
        expected[id] = { ...post, blockNumber: out.blockNumber, blockHash: out.blockHash };
      }
      assert.equal(out0.blockNumber, out1.blockNumber, 'posts 0 and 1 share a block');
      assert.ok(out2.blockNumber > out1.blockNumber);

      // Read back from storage, at the best block and where each post was included.
      assert.equal((await api.query.forum.nextPostId()).toNumber(), 3);
      for (const [id, post] of expected.entries()) {
        for (const at of [api, await api.at(post.blockHash)]) {
          const stored = await at.query.forum.posts(id);
          assert.ok(stored.isSome, `post ${id} is stored`);
          const p = stored.unwrap();
          assert.deepEqual(
            p.authors.map(([who, w]) => [who.toString(), w.toNumber()]),
            post.authors,
            `post ${id} authors`,
          );
          assert.deepEqual(
            p.references.map(([target, w]) => [
              target.isIncinerator ? 'Incinerator' : { Post: target.asPost.toNumber() },
              w.toNumber(),
            ]),
            post.references,
            `post ${id} references`,
          );
          assert.equal(p.contentHash.toHex(), post.contentHash);
          assert.equal(p.uri.toUtf8(), post.uri);
          assert.equal(p.value.toBigInt(), 0n, 'a new post holds no REP');
          assert.equal(p.status.type, 'Open');
          assert.ok(p.status.isOpen);
          assert.equal(p.submitter.toString(), post.submitter.address);
          assert.equal(p.deposit.toBigInt(), deposit);
          assert.equal(p.block.toNumber(), post.blockNumber);
        }
      }
      assert.equal((await api.query.forum.posts(3)).isNone, true, 'no post 3');
      assert.equal((await api.query.forum.posts.entries()).length, 3);

      // The deposit is held from the submitter only, once per post.
      assert.deepEqual(await holdsOf(api, p1.address), [{ reason: 'Forum.PostDeposit', amount: 2n * deposit }]);
      assert.equal(await reservedOf(api, p1.address), 2n * deposit);
      assert.deepEqual(await holdsOf(api, p2.address), [{ reason: 'Forum.PostDeposit', amount: deposit }]);
      assert.equal(await reservedOf(api, p2.address), deposit);
      assert.deepEqual(await holdsOf(api, p3.address), [], 'a co-author holds no deposit');
      assert.equal(await reservedOf(api, p3.address), 0n);
      // p1's free balance went down by the deposits and the fees.
      const fees = [out0, out1]
        .map((o) => o.findEvent('transactionPayment', 'TransactionFeePaid').event.data.actualFee.toBigInt())
        .reduce((a, b) => a + b, 0n);
      const p1After = await api.query.system.account(p1.address);
      assert.equal(p1Before.data.free.toBigInt() - p1After.data.free.toBigInt(), 2n * deposit + fees);

      // Submitting moves no REP.
      assert.equal((await api.query.reputation.totalRep()).toBigInt(), 0n);
      assert.equal((await api.query.reputation.totalMinted()).toBigInt(), 0n);
      for (const who of [p1, p2, p3]) assert.ok((await api.query.reputation.accounts(who.address)).isNone);
      console.log(`# posts 0, 1 in #${out0.blockNumber}, post 2 in #${out2.blockNumber}; deposit ${deposit} planck`);
    }),
  );

  test(
    'bad posts are rejected with their named errors and leave nothing stored or held',
    { timeout: 180_000 },
    withNodeLogs(async () => {
      assert.equal(expected.length, 3, 'posts 0..2 were submitted');
      const nextBefore = (await api.query.forum.nextPostId()).toNumber();
      assert.equal(nextBefore, 3);
      const me = p3.address;
      const other = p1.address;
      const solo = [[me, PPM]];
      const hash = blake2AsHex('a bad post');
      // [expected error, authors, references, signer]
      const cases = [
        ['forum.NoAuthors', [], []],
        ['forum.SignerNotAuthor', [[other, PPM]], []],
        ['forum.DuplicateAuthor', [[me, 500_000], [me, 500_000]], []],
        ['forum.AuthorWeightsNotWhole', [[me, 999_999]], []],
        ['forum.AuthorWeightsNotWhole', [[me, 600_000], [other, 600_000]], []],
        ['forum.ZeroAuthorWeight', [[me, PPM], [other, 0]], []],
        ['forum.ReferenceToNewerPost', solo, [[{ Post: nextBefore }, 100_000]]], // itself
        ['forum.ReferenceToNewerPost', solo, [[{ Post: 1_000 }, 100_000]]],
        ['forum.DuplicateReference', solo, [[{ Post: 0 }, 100_000], [{ Post: 0 }, 200_000]]],
        ['forum.DuplicateReference', solo, [['Incinerator', 100_000], ['Incinerator', 1]]],
        ['forum.ZeroReferenceWeight', solo, [[{ Post: 0 }, 0]]],
        ['forum.ReferenceWeightOutOfRange', solo, [[{ Post: 0 }, PPM + 1]]],
        ['forum.ReferenceWeightOutOfRange', solo, [[{ Post: 0 }, -PPM - 1]]],
        ['forum.NegativeIncineratorReference', solo, [['Incinerator', -100_000]]],
        ['forum.RevaluationLimitExceeded', solo, [[{ Post: 0 }, 600_000], [{ Post: 1 }, -400_001]]],
        ['forum.InsufficientBalanceForDeposit', [[poor.address, PPM]], [[{ Post: 2 }, 100_000]], poor],
      ];
      const outcomes = await sendTogether(
        api,
        cases.map(([, authors, references, signer]) => [
          api.tx.forum.submitPost(hash, 'ipfs://bad', authors, references),
          signer ?? p3,
        ]),
      );
      const seen = [];
      for (const [i, [name]] of cases.entries()) {
        const out = outcomes[i];
        assert.ok(!out.ok, `case ${i} (${name}) was accepted`);
        assert.equal(out.error.message, name, `case ${i}: ${out.error.message} (${out.error.docs}), expected ${name}`);
        assert.ok(out.error.docs.length > 0, `${name} has docs`);
        assert.ok(out.findEvent('system', 'ExtrinsicFailed'), `case ${i}: system.ExtrinsicFailed`);
        assert.equal(out.filterEvents('forum', 'PostSubmitted').length, 0, `case ${i}: no forum.PostSubmitted`);
        assert.equal(out.filterEvents('balances', 'Held').length, 0, `case ${i}: no balances.Held`);
        seen.push(out.blockNumber);
      }
      // Every forum error a signed submitPost can meet was met (UnknownPost cannot: posts are
      // never removed, so every id below NextPostId exists), the size errors by the next test.
      const reachable = new Set(cases.map(([n]) => n));
      for (const name of Object.keys(api.errors.forum)) {
        if (['UnknownPost', 'ReferenceChainLimitTooHigh', 'RevaluationLimitTooHigh', 'PropagationAmountTooLarge', 'PropagationFault', 'PostIdOverflow'].includes(name)) continue;
        if (['UriTooLong', 'TooManyAuthors', 'TooManyReferences'].includes(name)) continue;
        assert.ok(reachable.has(`forum.${name}`), `forum.${name} not exercised`);
      }

      // Nothing stored, nothing held.
      assert.equal((await api.query.forum.nextPostId()).toNumber(), nextBefore, 'next post id unchanged');
      assert.ok((await api.query.forum.posts(nextBefore)).isNone, 'no new post');
      assert.equal((await api.query.forum.posts.entries()).length, 3);
      for (const who of [p3, poor]) {
        assert.deepEqual(await holdsOf(api, who.address), [], 'no deposit held');
        assert.equal(await reservedOf(api, who.address), 0n);
      }
      // The good posts did not change, nor did their submitters' holds.
      assert.equal(await reservedOf(api, p1.address), 2n * deposit);
      assert.equal(await reservedOf(api, p2.address), deposit);
      for (const [id, post] of expected.entries()) {
        const p = (await api.query.forum.posts(id)).unwrap();
        assert.equal(p.contentHash.toHex(), post.contentHash);
        assert.equal(p.value.toBigInt(), 0n);
        assert.ok(p.status.isOpen);
      }
      const blocks = [...new Set(seen)];
      console.log(`# ${cases.length} bad posts rejected in block(s) ${blocks.map((b) => `#${b}`).join(', ')}`);
    }),
  );

  test(
    'a post over the bounds (URI, authors, references) is included and fails with its named error',
    { timeout: 180_000 },
    withNodeLogs(async () => {
      const max = {
        uri: api.consts.forum.maxUriLen.toNumber(),
        authors: api.consts.forum.maxAuthors.toNumber(),
        references: api.consts.forum.maxReferences.toNumber(),
      };
      const nextBefore = (await api.query.forum.nextPostId()).toNumber();
      assert.equal(nextBefore, 3);
      const hash = blake2AsHex('too big');
      const me = p3.address;
      const others = await Promise.all(Array.from({ length: max.authors }, () => freshAccount()));
      const share = Math.floor(PPM / (max.authors + 1));
      const tooManyAuthors = [[me, PPM - share * max.authors], ...others.map((o) => [o.address, share])];
      const tooManyRefs = Array.from({ length: max.references + 1 }, (_, i) => [{ Post: i % 3 }, 1 + i]);
      // Each case is one over its bound and valid otherwise (bar the duplicate citations that
      // nine references to three posts need): the size check comes first.
      const cases = [
        ['forum.UriTooLong', 'x'.repeat(max.uri + 1), [[me, PPM]], []],
        ['forum.TooManyAuthors', 'ipfs://x', tooManyAuthors, []],
        ['forum.TooManyReferences', 'ipfs://x', [[me, PPM]], tooManyRefs],
      ];
      const balanceBefore = (await api.query.system.account(me)).data;
      const nonceBefore = await nextNonce(api, me);
      // The arguments are plain vectors: the runtime decodes them at any length, the pool takes
      // the extrinsics, and the call itself refuses them with a named error.
      const outcomes = await sendTogether(
        api,
        cases.map(([, uri, authors, references]) => [api.tx.forum.submitPost(hash, uri, authors, references), p3]),
      );
      for (const [i, [name]] of cases.entries()) {
        const out = outcomes[i];
        assert.ok(!out.ok, `case ${i} (${name}) was accepted`);
        assert.equal(out.error.message, name, `case ${i}: ${out.error.message} (${out.error.docs}), expected ${name}`);
        assert.ok(out.error.docs.length > 0, `${name} has docs`);
        assert.ok(out.findEvent('system', 'ExtrinsicFailed'), `case ${i}: system.ExtrinsicFailed`);
        assert.equal(out.filterEvents('forum', 'PostSubmitted').length, 0, `case ${i}: no forum.PostSubmitted`);
        assert.equal(out.filterEvents('balances', 'Held').length, 0, `case ${i}: no balances.Held`);
        // Included, so the signer paid a fee for it.
        const fee = out.findEvent('transactionPayment', 'TransactionFeePaid');
        assert.ok(fee, `case ${i}: transactionPayment.TransactionFeePaid`);
        assert.equal(fee.event.data.who.toString(), me);
        assert.ok(fee.event.data.actualFee.toBigInt() > 0n, `case ${i}: a fee was paid`);
      }
      // The refused extrinsics used their nonces and held nothing; no post was stored.
      assert.equal(await nextNonce(api, me), nonceBefore + cases.length);
      const balanceAfter = (await api.query.system.account(me)).data;
      assert.equal(balanceAfter.reserved.toBigInt(), balanceBefore.reserved.toBigInt());
      assert.deepEqual(await holdsOf(api, me), [], 'no deposit held');
      assert.equal((await api.query.forum.nextPostId()).toNumber(), nextBefore);
      assert.ok((await api.query.forum.posts(nextBefore)).isNone, 'no new post');
      assert.equal((await api.query.forum.posts.entries()).length, 3);

      // A URI of exactly MaxUriLen bytes is fine (checked without sending it).
      const atLimit = api.tx.forum.submitPost(hash, 'x'.repeat(max.uri), [[me, PPM]], []);
      const info = await atLimit.paymentInfo(p3);
      assert.ok(info.partialFee.toBigInt() > 0n);
      console.log(`# ${cases.length} oversized posts failed in block(s) ${[...new Set(outcomes.map((o) => `#${o.blockNumber}`))].join(', ')}`);
    }),
  );
});
