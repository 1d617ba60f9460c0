// The newer client, polkadot-api (PAPI 2), against a dev chain (`guild-node --dev`): a wallet or
// front end built on it can read Guild and act on it.
//
//   - Transport: the node serves the new JSON-RPC spec (`chainHead_v1_*`, `transaction_v1_*`,
//     `chainSpec_v1_*`), and every request PAPI sends in this file goes to those groups: reads are
//     `chainHead_v1_storage` / `chainHead_v1_call`, submissions `transaction_v1_broadcast`; no
//     legacy method (`state_*`, `author_*`, `chain_*`) goes over the socket.
//   - Typed descriptors: the metadata is fetched from the running node through PAPI and handed to
//     PAPI's codegen (`papi generate`, run in a temp dir); the generated descriptors drive
//     `client.getTypedApi`, and PAPI finds them identical to the runtime's (forum, pools,
//     reputation calls and storage, `ReputationApi`).
//   - Reads: Forum, ValidationPool and Reputation storage, and the `ReputationApi` runtime API
//     (`rep_of`, `claimable_fees`, `totals`), which agrees with storage at the same block.
//   - Writes, signed with dev keys derived by `@polkadot-labs/hdkd` from the development phrase:
//     Alice's post (`Forum.submit_post`: `Forum.PostSubmitted`) and root's bootstrap pool on it
//     (`Sudo.sudo(ValidationPool.force_initiate)`: `Sudo.Sudid` Ok, `PoolInitiated`), which gives
//     Alice 2 REP; Bob's post and pool (2 GUILD fee), Alice's stake in it
//     (`ValidationPool.Staked`, `Reputation.RepHeld`); the pool resolving in its hook pays both
//     fees to Alice, the only holder (`Reputation.FeeDistributed`, read from the block's
//     `System.Events`); her claim (`Reputation.FeesClaimed`, `Balances.Transfer` from the DAO
//     account) pays exactly what `ReputationApi.claimable_fees` said, and a second claim fails
//     with `Reputation.NothingToClaim`, decoded by PAPI. A transaction's events are those PAPI
//     reports with it (in a best block; the claim through `signAndSubmit`, once finalized).
//
// Amounts: dev preset parameters (min_pool_fee 0.01 GUILD, quorum 10%, win ratio 50%, binding
// 100%, pools of at least 1 block). About 80 s with the node's start (8 to 15 s of it codegen),
// 10 blocks.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';

import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import {
  blake2b256,
  DEV_PHRASE,
  entropyToMiniSecret,
  mnemonicToEntropy,
  ss58Address,
} from '@polkadot-labs/hdkd-helpers';
import { AccountId, CompatibilityLevel, createClient } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';
import { toHex } from 'polkadot-api/utils';
import { getWsProvider } from 'polkadot-api/ws';
import { WebSocket } from 'ws';

import {
  cleanup,
  FEE_SCALE,
  makeTempDir,
  markFailure,
  PPM,
  printLogTails,
  REPO_ROOT,
  startDevNode,
  UNIT,
  waitFor,
  withNodeLogs,
} from '../lib/index.mjs';

const E2E_DIR = path.join(REPO_ROOT, 'e2e');
const PAPI_CLI = path.join(E2E_DIR, 'node_modules', 'polkadot-api', 'bin', 'cli.js');

/** The DAO account, which receives pool fees: `PalletId(*b"guild/da").into_account_truncating()`. */
const DAO = AccountId(42).dec(new Uint8Array([...new TextEncoder().encode('modlguild/da'), ...new Uint8Array(20)]));

/** JSON with bigints and bytes, for assertion messages. */
const show = (value) =>
  JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? `${v}` : v instanceof Uint8Array ? toHex(v) : v));

/** A dev account as PAPI signs for it: an hdkd sr25519 key pair from the development phrase. */
const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
function devSigner(name) {
  const pair = derive(`//${name}`);
  return { name, address: ss58Address(pair.publicKey, 42), signer: getPolkadotSigner(pair.publicKey, 'Sr25519', pair.sign) };
}

/** A 256-bit value decoded by PAPI (four little-endian u64 limbs) as one bigint. */
const u256 = (limbs) => limbs.reduce((acc, limb, i) => acc + (BigInt(limb) << (64n * BigInt(i))), 0n);

/**
 * Run PAPI's codegen (`papi generate`, the CLI that ships with polkadot-api) on `metadata` in
 * `dir`, as a project would, without a descriptors package to install: the descriptors are
 * bundled to `dir/descriptors/dist` and imported from there (`dir/node_modules` points at ours,
 * for `polkadot-api` itself). Offline: the metadata comes from a file.
 */
async function generateDescriptors(metadata, dir) {
  fs.writeFileSync(path.join(dir, 'guild.scale'), metadata);
  const config = {
    version: 0,
    descriptorPath: 'descriptors',
    entries: { guild: { metadata: 'guild.scale' } },
    options: { noDescriptorsPackage: true },
  };
  fs.writeFileSync(path.join(dir, 'polkadot-api.json'), JSON.stringify(config, null, 2));
  fs.symlinkSync(path.join(E2E_DIR, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const env = { ...process.env };
  delete env.PAPI_SKIP_GENERATE; // it would make `generate` a no-op
  const child = spawn(process.execPath, [PAPI_CLI, 'generate', '--config', 'polkadot-api.json'], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  assert.equal(code, 0, `papi generate failed (${code}):\n${output}`);
  const entry = path.join(dir, 'descriptors', 'dist', 'index.js');
  assert.ok(fs.existsSync(entry), `papi generate wrote no ${entry}:\n${output}`);
  return { module: await import(pathToFileURL(entry).href), output };
}

describe('polkadot-api (PAPI 2) on a dev chain: new JSON-RPC spec, generated descriptors, Guild calls', { timeout: 300_000 }, () => {
  let node;
  let client;
  let guild; // the generated descriptors
  let typed; // client.getTypedApi(guild)
  let started;
  let codegenMs;
  const sent = new Map(); // JSON-RPC method -> requests PAPI sent over the socket
  const blocks = new Map(); // block number -> { hash, events: Promise<System.Events> }
  let blockSub;
  const watching = new Set(); // transaction subscriptions still open
  const alice = devSigner('Alice');
  const bob = devSigner('Bob');
  const ids = {}; // post and pool ids
  const outcomes = {}; // transaction results, by name

  before(async () => {
    started = Date.now();
    try {
      node = await startDevNode();
      // Node 20 has no global WebSocket: PAPI takes `ws`'s. The logger sees every frame on the
      // socket, below PAPI's middleware: what the node really receives.
      const provider = getWsProvider(node.wsUrl, {
        websocketClass: WebSocket,
        logger: (event) => {
          if (event.type !== 'OUT') return;
          for (const msg of [JSON.parse(event.msg)].flat()) sent.set(msg.method, (sent.get(msg.method) ?? 0) + 1);
        },
      });
      client = createClient(provider);
    } catch (error) {
      markFailure();
      printLogTails();
      throw error;
    }
  });

  after(async () => {
    blockSub?.unsubscribe();
    for (const sub of watching) sub.unsubscribe();
    client?.destroy();
    await cleanup();
    if (started) {
      const codegen = codegenMs ? `, codegen ${(codegenMs / 1000).toFixed(1)} s` : '';
      console.log(`# papi e2e: ${((Date.now() - started) / 1000).toFixed(1)} s with node start${codegen}`);
    }
  });

  /**
   * Sign `tx` as `who`, submit it (`transaction_v1_broadcast`) and resolve with PAPI's report once
   * it is in a best block: { ok, events, block, dispatchError }. Rejects if it is invalid.
   */
  function submitToBest(tx, who, options = {}) {
    return new Promise((resolve, reject) => {
      const sub = tx.signSubmitAndWatch(who.signer, options).subscribe({
        next: (event) => {
          if (event.type === 'txBestBlocksState' && event.found) {
            watching.delete(sub);
            sub.unsubscribe();
            resolve(event);
          }
        },
        error: (error) => {
          watching.delete(sub);
          reject(error);
        },
      });
      watching.add(sub);
    });
  }

  const expectOk = (result, what) => {
    assert.equal(result.ok, true, `${what} failed: ${show(result.dispatchError)}`);
    return result;
  };

  /** The payloads of `entry`'s events (a `typed.event.<Pallet>.<Event>`) among `events`. */
  const payloads = (entry, events) => entry.filter(events).map((e) => e.payload);

  /** The next nonce of `who` at the best block. */
  const nonceOf = async (who) => (await typed.query.System.Account.getValue(who.address, { at: 'best' })).nonce;

  /** System.Events of block `n` (read when PAPI first reported the block). */
  async function eventsOf(n) {
    await waitFor(() => blocks.has(n), { timeoutMs: 60_000, what: `block #${n}` });
    return blocks.get(n).events;
  }

  /** Events of block `n`'s hooks (phases Initialization and Finalization). */
  const hookEvents = async (n) => (await eventsOf(n)).filter((e) => e.phase.type !== 'ApplyExtrinsic');

  /** Wait until pool `id` is resolved at the best block; its `Resolved` record. */
  const waitResolved = (id) =>
    waitFor(
      async () => {
        const pool = await typed.query.ValidationPool.Pools.getValue(id, { at: 'best' });
        return pool?.type === 'Resolved' ? pool.value : false;
      },
      { timeoutMs: 90_000, what: `pool ${id} resolved` },
    );

  /** REP of `who` from Reputation storage and through `ReputationApi`, at one block. */
  async function repBoth(who, at) {
    const [stored, viaApi, claimable, feePerRep] = await Promise.all([
      typed.query.Reputation.Accounts.getValue(who.address, { at }),
      typed.apis.ReputationApi.rep_of(who.address, { at }),
      typed.apis.ReputationApi.claimable_fees(who.address, { at }),
      typed.query.Reputation.FeePerRep.getValue({ at }),
    ]);
    const r = stored ?? { free: 0n, held_pool_stake: 0n, held_availability: 0n, held_block_production: 0n, fee_checkpoint: [0n, 0n, 0n, 0n], unclaimed_fees: 0n };
    assert.deepEqual(
      viaApi,
      { free: r.free, held_pool: r.held_pool_stake, held_availability: r.held_availability, held_block_production: r.held_block_production },
      `ReputationApi.rep_of(${who.name}) = Reputation.Accounts`,
    );
    // pallet-reputation's settlement: unclaimed + (fee per REP − checkpoint) × REP / FEE_SCALE.
    const total = r.free + r.held_pool_stake + r.held_availability + r.held_block_production;
    const acc = u256(feePerRep);
    const checkpoint = u256(r.fee_checkpoint);
    const pending = total > 0n && acc > checkpoint ? ((acc - checkpoint) * total) / FEE_SCALE : 0n;
    assert.equal(claimable, r.unclaimed_fees + pending, `ReputationApi.claimable_fees(${who.name}) from storage`);
    return { ...viaApi, claimable };
  }

  /** `ReputationApi.totals()`, checked against the Reputation storage values at the same block. */
  async function totalsBoth(at) {
    const [viaApi, totalRep, unowned, totalMinted, totalBurned] = await Promise.all([
      typed.apis.ReputationApi.totals({ at }),
      typed.query.Reputation.TotalRep.getValue({ at }),
      typed.query.Reputation.Unowned.getValue({ at }),
      typed.query.Reputation.TotalMinted.getValue({ at }),
      typed.query.Reputation.TotalBurned.getValue({ at }),
    ]);
    assert.deepEqual(
      viaApi,
      { total_rep: totalRep, unowned, total_minted: totalMinted, total_burned: totalBurned },
      'ReputationApi.totals() = Reputation storage',
    );
    assert.equal(viaApi.total_rep + viaApi.unowned, viaApi.total_minted - viaApi.total_burned, 'REP is conserved');
    return viaApi;
  }

  const bestHash = async () => (await client.getBestBlocks())[0].hash;

  test(
    'the node serves chainHead_v1 and transaction_v1; PAPI follows the chain with them',
    { timeout: 60_000 },
    withNodeLogs(async () => {
      const { methods } = await client._request('rpc_methods', []);
      for (const m of [
        'chainHead_v1_follow',
        'chainHead_v1_storage',
        'chainHead_v1_call',
        'chainHead_v1_body',
        'chainHead_v1_unpin',
        'transaction_v1_broadcast',
        'transaction_v1_stop',
        'chainSpec_v1_genesisHash',
      ]) {
        assert.ok(methods.includes(m), `rpc_methods lists ${m}`);
      }
      const spec = await client.getChainSpecData();
      assert.equal(spec.name, 'Guild Development');
      assert.deepEqual(spec.properties, { ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'GUILD' });
      assert.equal(spec.genesisHash, await node.rpc('chain_getBlockHash', [0]), 'the genesis hash of the node');
      assert.ok(sent.get('chainHead_v1_follow') >= 1, `PAPI follows with chainHead_v1_follow; sent: ${[...sent.keys()]}`);
    }),
  );

  test(
    'typed descriptors generated from the running node’s metadata match its runtime',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const finalized = await client.getFinalizedBlock();
      const metadata = await client.getMetadata(finalized.hash);
      // "meta" and the version byte: PAPI asks for the newest stable metadata the runtime has.
      assert.deepEqual([...metadata.slice(0, 4)], [...new TextEncoder().encode('meta')]);
      assert.ok(metadata[4] >= 15, `metadata V${metadata[4]}`);
      const t0 = Date.now();
      const { module, output } = await generateDescriptors(metadata, makeTempDir('guild-e2e-papi-'));
      codegenMs = Date.now() - t0;
      console.log(`# papi generate: ${(codegenMs / 1000).toFixed(1)} s; ${output.trim().split('\n').join(' / ')}`);
      guild = module.guild;
      assert.ok(guild, 'the descriptors export the `guild` chain (the key of the config entry)');
      assert.deepEqual(await guild.getMetadata(), metadata, 'the descriptors carry the node’s metadata');
      typed = client.getTypedApi(guild);

      // PAPI compares the descriptors with the runtime it follows: identical, entry by entry.
      const statics = await typed.getStaticApis();
      const { compat } = statics;
      const identical = [
        ['tx.Forum.submit_post', compat.tx.Forum.submit_post],
        ['tx.ValidationPool.stake', compat.tx.ValidationPool.stake],
        ['tx.ValidationPool.initiate', compat.tx.ValidationPool.initiate],
        ['tx.ValidationPool.force_initiate', compat.tx.ValidationPool.force_initiate],
        ['tx.Reputation.claim_fees', compat.tx.Reputation.claim_fees],
        ['query.Forum.Posts', compat.query.Forum.Posts],
        ['query.ValidationPool.Pools', compat.query.ValidationPool.Pools],
        ['query.Reputation.Accounts', compat.query.Reputation.Accounts],
        ['apis.ReputationApi.rep_of', compat.apis.ReputationApi.rep_of],
        ['apis.ReputationApi.claimable_fees', compat.apis.ReputationApi.claimable_fees],
        ['apis.ReputationApi.totals', compat.apis.ReputationApi.totals],
        ['event.ValidationPool.Staked', compat.event.ValidationPool.Staked],
        ['event.Reputation.FeesClaimed', compat.event.Reputation.FeesClaimed],
      ];
      for (const [name, helper] of identical) {
        assert.ok(helper, `${name} is in the descriptors`);
        assert.ok(helper.isCompatible(CompatibilityLevel.Identical), `${name}: identical to the runtime's`);
      }
      assert.equal(await typed.constants.ValidationPool.MaxStakersPerPool(), 1024);

      // From here on, record every block's System.Events as PAPI reports the block.
      blockSub = client.blocks$.subscribe((block) => {
        if (blocks.has(block.number)) return;
        const events = typed.query.System.Events.getValue({ at: block.hash });
        events.catch(() => {}); // a block PAPI has already unpinned: not needed
        blocks.set(block.number, { hash: block.hash, events });
      });
    }),
  );

  test(
    'Guild storage and the ReputationApi through the typed API: an empty DAO with Alice as sudo',
    { timeout: 60_000 },
    withNodeLogs(async () => {
      const at = await bestHash();
      assert.equal(await typed.query.Sudo.Key.getValue({ at }), alice.address, 'hdkd’s //Alice is the sudo key');
      assert.equal(await typed.query.Forum.NextPostId.getValue({ at }), 0n);
      assert.equal(await typed.query.ValidationPool.NextPoolId.getValue({ at }), 0n);
      assert.equal(await typed.query.Forum.Posts.getValue(0n, { at }), undefined, 'no post 0 yet');
      const params = await typed.query.ValidationPool.Params.getValue({ at });
      assert.equal(params.min_pool_fee, UNIT / 100n, 'min_pool_fee 0.01 GUILD');
      assert.equal(params.quorum, 100_000_000, 'quorum 10% (Perbill)');
      assert.equal(params.pool_duration_min, 1);
      assert.deepEqual(await totalsBoth(at), { total_rep: 0n, unowned: 0n, total_minted: 0n, total_burned: 0n });
      for (const who of [alice, bob]) {
        assert.equal(await typed.query.Reputation.Accounts.getValue(who.address, { at }), undefined, `${who.name} has no REP record`);
        assert.deepEqual(await repBoth(who, at), { free: 0n, held_pool: 0n, held_availability: 0n, held_block_production: 0n, claimable: 0n });
      }
      // Apart from the transaction fees that wait there for the session's report.
      const dao = await typed.query.System.Account.getValue(DAO, { at });
      const waiting = await typed.query.ValidatorSet.SessionFees.getValue({ at });
      assert.equal(dao.data.free - waiting, await typed.constants.Balances.ExistentialDeposit(), 'the DAO account holds the ED');
    }),
  );

  test(
    'Alice’s post (Forum.PostSubmitted) and root’s bootstrap pool on it (Sudo.sudo of force_initiate), signed through PAPI',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const deposit = (await typed.query.Forum.Params.getValue({ at: 'best' })).post_deposit;
      assert.ok(deposit > 0n);
      const post = await typed.query.Forum.NextPostId.getValue({ at: 'best' });
      const text = 'papi-first-post';
      const contentHash = toHex(blake2b256(new TextEncoder().encode(text)));
      const uri = new TextEncoder().encode(`ipfs://${text}`);
      const nonce = await nonceOf(alice);
      // Two transactions of Alice's in one go, nonces given: the post, then root's pool on it
      // (fee 2 GUILD paid by Alice, 1 block: an even mint, so the first pool's tie passes).
      const submitPost = typed.tx.Forum.submit_post({
        content_hash: contentHash,
        uri,
        authors: [[alice.address, PPM]],
        references: [],
      });
      const forceInitiate = typed.tx.ValidationPool.force_initiate({ initiator: alice.address, post, fee: 2n * UNIT, duration: 1 });
      const [posted, opened] = await Promise.all([
        submitToBest(submitPost, alice, { nonce }),
        submitToBest(typed.tx.Sudo.sudo({ call: forceInitiate.decodedCall }), alice, { nonce: nonce + 1 }),
      ]);
      expectOk(posted, 'submit_post');
      expectOk(opened, 'sudo(force_initiate)');
      outcomes.posted = posted;

      assert.deepEqual(payloads(typed.event.Forum.PostSubmitted, posted.events), [
        { post, submitter: alice.address, content_hash: contentHash, deposit },
      ]);
      assert.deepEqual(payloads(typed.event.Sudo.Sudid, opened.events), [{ sudo_result: { success: true, value: undefined } }]);
      const [init] = payloads(typed.event.ValidationPool.PoolInitiated, opened.events);
      assert.deepEqual(init, {
        pool: 0n,
        post,
        initiator: alice.address,
        fee: 2n * UNIT,
        minted: 2n * UNIT,
        for_minted: UNIT,
        against_minted: UNIT,
        end: opened.block.number + 1,
      });
      assert.deepEqual(payloads(typed.event.Balances.Transfer, opened.events), [{ from: alice.address, to: DAO, amount: 2n * UNIT }]);
      ids.postA = post;

      // The post and the pool, read back from storage at the block that has them.
      const at = opened.block.hash;
      const stored = await typed.query.Forum.Posts.getValue(post, { at });
      assert.deepEqual(stored.authors, [[alice.address, PPM]]);
      assert.deepEqual(stored.references, []);
      assert.equal(stored.content_hash, contentHash);
      assert.deepEqual(stored.uri, uri);
      assert.equal(stored.status.type, 'Open');
      assert.equal(stored.value, 0n);
      assert.equal(stored.submitter, alice.address);
      assert.equal(stored.deposit, deposit);
      assert.equal(stored.block, posted.block.number);
      assert.equal(await typed.query.Forum.NextPostId.getValue({ at }), post + 1n);
      const pool = await typed.query.ValidationPool.Pools.getValue(0n, { at });
      assert.equal(pool.type, 'Open');
      assert.deepEqual(
        [pool.value.post, pool.value.fee, pool.value.tally.for_total, pool.value.tally.against_total, pool.value.end],
        [post, 2n * UNIT, UNIT, UNIT, init.end],
      );
      assert.equal(await typed.query.ValidationPool.PoolOfPost.getValue(post, { at }), 0n);
      assert.deepEqual(await totalsBoth(at), { total_rep: 0n, unowned: 2n * UNIT, total_minted: 2n * UNIT, total_burned: 0n });

      // The hook after its end resolves it: Alice, the only author, holds the mint. Its fee
      // waits (nobody held REP when it was paid out).
      const resolved = await waitResolved(0n);
      assert.equal(resolved.outcome.type, 'Accepted');
      assert.equal(resolved.resolved_at, init.end + 1);
      const hook = await hookEvents(resolved.resolved_at);
      assert.deepEqual(payloads(typed.event.ValidationPool.PoolResolved, hook), [
        { pool: 0n, post, outcome: resolved.outcome, for_total: UNIT, against_total: UNIT },
      ]);
      assert.deepEqual(payloads(typed.event.Reputation.FeeDeferred, hook), [{ fee: 2n * UNIT }]);
      const atResolved = blocks.get(resolved.resolved_at).hash;
      assert.deepEqual(await repBoth(alice, atResolved), { free: 2n * UNIT, held_pool: 0n, held_availability: 0n, held_block_production: 0n, claimable: 0n });
      assert.equal(await typed.query.Reputation.UndistributedFees.getValue({ at: atResolved }), 2n * UNIT);
      assert.equal((await typed.query.Forum.Posts.getValue(post, { at: atResolved })).status.type, 'Ratified');
    }),
  );

  test(
    'Bob’s pool and Alice’s stake in it (ValidationPool.Staked, Reputation.RepHeld)',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      // Bob posts and opens his own pool on it (the DAO holds REP now): fee 2 GUILD, 3 blocks
      // (room for Alice's stake after PAPI has reported the pool in a best block).
      const post = await typed.query.Forum.NextPostId.getValue({ at: 'best' });
      const pool = await typed.query.ValidationPool.NextPoolId.getValue({ at: 'best' });
      assert.equal(pool, 1n);
      const nonce = await nonceOf(bob);
      const text = 'papi-bob-post';
      const [posted, opened] = await Promise.all([
        submitToBest(
          typed.tx.Forum.submit_post({
            content_hash: toHex(blake2b256(new TextEncoder().encode(text))),
            uri: new TextEncoder().encode(`ipfs://${text}`),
            authors: [[bob.address, PPM]],
            references: [],
          }),
          bob,
          { nonce },
        ),
        submitToBest(typed.tx.ValidationPool.initiate({ post, fee: 2n * UNIT, duration: 3 }), bob, { nonce: nonce + 1 }),
      ]);
      expectOk(posted, 'Bob’s submit_post');
      expectOk(opened, 'Bob’s initiate');
      assert.equal(payloads(typed.event.Forum.PostSubmitted, posted.events)[0].post, post);
      const [init] = payloads(typed.event.ValidationPool.PoolInitiated, opened.events);
      assert.deepEqual([init.pool, init.post, init.initiator, init.fee, init.for_minted], [pool, post, bob.address, 2n * UNIT, UNIT]);
      ids.pool1 = pool;

      // Alice (not an author: her stake is the pool's consent) stakes 1 REP FOR.
      const staked = expectOk(await submitToBest(typed.tx.ValidationPool.stake({ pool, amount: UNIT, in_favor: true }), alice), 'stake');
      assert.ok(staked.block.number <= init.end, `the stake (#${staked.block.number}) lands by the pool's end (#${init.end})`);
      outcomes.staked = staked;
      assert.deepEqual(payloads(typed.event.ValidationPool.Staked, staked.events), [
        { pool, who: alice.address, amount: UNIT, in_favor: true },
      ]);
      const [held] = payloads(typed.event.Reputation.RepHeld, staked.events);
      assert.deepEqual([held.who, held.reason.type, held.amount], [alice.address, 'PoolStake', UNIT]);

      const at = staked.block.hash;
      assert.deepEqual(await typed.query.ValidationPool.Stakes.getValue(pool, alice.address, { at }), {
        in_favor: true,
        amount: UNIT,
        availability: 0n,
      });
      const open = await typed.query.ValidationPool.Pools.getValue(pool, { at });
      assert.equal(open.type, 'Open');
      assert.deepEqual(open.value.tally, { for_total: 2n * UNIT, against_total: UNIT, consent_for: UNIT, consent_against: 0n });
      assert.equal(open.value.stakers, 1);
      assert.deepEqual(await repBoth(alice, at), { free: UNIT, held_pool: UNIT, held_availability: 0n, held_block_production: 0n, claimable: 0n });
      assert.deepEqual(await totalsBoth(at), { total_rep: 2n * UNIT, unowned: 2n * UNIT, total_minted: 4n * UNIT, total_burned: 0n });
    }),
  );

  test(
    'the pool pays both fees to Alice (Reputation.FeeDistributed); her claim (Reputation.FeesClaimed) pays what ReputationApi said',
    { timeout: 120_000 },
    withNodeLogs(async () => {
      const resolved = await waitResolved(ids.pool1);
      assert.equal(resolved.outcome.type, 'Accepted');
      assert.deepEqual(resolved.tally, { for_total: 2n * UNIT, against_total: UNIT, consent_for: UNIT, consent_against: 0n });
      const hook = await hookEvents(resolved.resolved_at);
      // The salary, from holdings before this pool's REP moved: Alice's 2 REP were all there was;
      // pool 0's deferred 2 GUILD join this pool's 2.
      assert.deepEqual(payloads(typed.event.ValidationPool.FeePaidOut, hook), [{ pool: ids.pool1, fee: 2n * UNIT }]);
      assert.deepEqual(payloads(typed.event.Reputation.FeeDistributed, hook), [{ fee: 4n * UNIT, total_rep: 2n * UNIT }]);
      // The pot (1 REP minted AGAINST) splits 1 : 1 between Alice's stake and Bob's minted FOR
      // stake; Bob's post gets the 1 REP minted FOR.
      const settled = payloads(typed.event.ValidationPool.StakeSettled, hook)
        .map((e) => [e.who, e.returned, e.lost, e.reward])
        .sort();
      assert.deepEqual(settled, [[alice.address, UNIT, 0n, UNIT / 2n], [bob.address, 0n, 0n, UNIT / 2n]].sort());

      const at = blocks.get(resolved.resolved_at).hash;
      const expected = 4n * UNIT;
      assert.deepEqual(await repBoth(alice, at), { free: 2n * UNIT + UNIT / 2n, held_pool: 0n, held_availability: 0n, held_block_production: 0n, claimable: expected });
      assert.deepEqual(await repBoth(bob, at), { free: UNIT + UNIT / 2n, held_pool: 0n, held_availability: 0n, held_block_production: 0n, claimable: 0n });
      assert.deepEqual(await totalsBoth(at), { total_rep: 4n * UNIT, unowned: 0n, total_minted: 4n * UNIT, total_burned: 0n });
      assert.equal(await typed.query.Reputation.UndistributedFees.getValue({ at }), 0n);

      // The claim, with PAPI's promise API: resolves once the claim is in a finalized block.
      const before = (await typed.query.System.Account.getValue(alice.address, { at: 'best' })).data.free;
      const claimed = expectOk(await typed.tx.Reputation.claim_fees().signAndSubmit(alice.signer), 'claim_fees');
      const finalized = await client.getFinalizedBlock();
      assert.ok(finalized.number >= claimed.block.number, 'signAndSubmit resolves on finality');
      assert.deepEqual(payloads(typed.event.Reputation.FeesClaimed, claimed.events), [{ who: alice.address, amount: expected }]);
      assert.deepEqual(payloads(typed.event.Balances.Transfer, claimed.events), [{ from: DAO, to: alice.address, amount: expected }]);
      const [paid] = payloads(typed.event.TransactionPayment.TransactionFeePaid, claimed.events);
      assert.equal(paid.who, alice.address);
      const after = (await typed.query.System.Account.getValue(alice.address, { at: claimed.block.hash })).data.free;
      assert.equal(after, before + expected - paid.actual_fee, 'Alice got the fees, less the claim’s transaction fee');
      assert.equal((await repBoth(alice, claimed.block.hash)).claimable, 0n);
      // The DAO account keeps its existential deposit (both fees went out, no dust).
      // Apart from the transaction fees that wait there for the session's report.
      const dao = await typed.query.System.Account.getValue(DAO, { at: claimed.block.hash });
      const waiting = await typed.query.ValidatorSet.SessionFees.getValue({ at: claimed.block.hash });
      assert.equal(dao.data.free - waiting, await typed.constants.Balances.ExistentialDeposit());

      // A second claim has nothing to pay: a dispatch error PAPI decodes by name.
      const again = await submitToBest(typed.tx.Reputation.claim_fees(), alice);
      assert.equal(again.ok, false);
      assert.deepEqual(again.dispatchError, { type: 'Module', value: { type: 'Reputation', value: { type: 'NothingToClaim', value: undefined } } });
      console.log(
        `# post ${ids.postA} and pool 0 in #${outcomes.posted.block.number}, Alice's stake in pool 1 in ` +
          `#${outcomes.staked.block.number}, pool 1 resolved in #${resolved.resolved_at}, fees claimed in #${claimed.block.number}`,
      );
    }),
  );

  test(
    'every request PAPI sent was of the new JSON-RPC spec',
    withNodeLogs(async () => {
      const methods = [...sent.keys()].sort();
      for (const m of ['chainHead_v1_follow', 'chainHead_v1_storage', 'chainHead_v1_call', 'chainHead_v1_body', 'transaction_v1_broadcast']) {
        assert.ok(sent.get(m) > 0, `PAPI sent ${m}; sent: ${methods}`);
      }
      assert.ok(sent.get('transaction_v1_broadcast') >= 7, `each transaction of this file was broadcast with transaction_v1_broadcast; sent: ${show([...sent])}`);
      const legacy = methods.filter((m) => /^(state|author|chain|system|payment|grandpa|babe)_/.test(m));
      assert.deepEqual(legacy, [], `no legacy JSON-RPC method; sent: ${methods}`);
      console.log(`# PAPI sent: ${methods.map((m) => `${m}×${sent.get(m)}`).join(' ')}`);
    }),
  );
});
