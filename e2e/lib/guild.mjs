// The Guild protocol's state as the end-to-end tests read it: REP accounts and totals
// (pallet-reputation), validation pools, the events of the runtime's hooks.

import assert from 'node:assert/strict';

import { stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex, encodeAddress } from '@polkadot/util-crypto';

import { waitFor } from './chain.mjs';

/** pallet-reputation's fee-per-REP scale (FEE_SCALE). */
export const FEE_SCALE = 10n ** 18n;

/** Author and reference weights: parts per million (1_000_000 = 1). */
export const PPM = 1_000_000;

/** The DAO account, which receives pool fees: `PalletId(*b"guild/da").into_account_truncating()`. */
export const DAO_ACCOUNT = encodeAddress(u8aConcat(stringToU8a('modlguild/da'), new Uint8Array(20)), 42);

/**
 * A `forum.submitPost` of `text` (hashed; the URI `ipfs://<text>`) with `authors` ([[address,
 * ppm], ...]; default: `who` alone) and `references`, as a [tx, signer] pair for `sendTogether`.
 */
export function postTx(api, who, text, { authors = [[who.address, PPM]], references = [] } = {}) {
  return [api.tx.forum.submitPost(blake2AsHex(text), `ipfs://${text}`, authors, references), who];
}

/** The id of the post a successful `forum.submitPost` outcome created. */
export function postIdOf(outcome) {
  const ev = outcome.findEvent('forum', 'PostSubmitted');
  assert.ok(ev, `forum.PostSubmitted missing: ${outcome.error?.message ?? 'no error'}`);
  return ev.event.data.post.toNumber();
}

/** The id of the pool a successful outcome opened (its `validationPool.PoolInitiated`). */
export function poolIdOf(outcome) {
  const ev = outcome.findEvent('validationPool', 'PoolInitiated');
  assert.ok(ev, `validationPool.PoolInitiated missing: ${outcome.error?.message ?? 'no error'}`);
  return ev.event.data.pool.toNumber();
}

/** The open pool `id` (its `OpenPool` record), or throw if it is not open. */
export async function openPool(api, id) {
  const status = await api.query.validationPool.pools(id);
  assert.ok(status.isSome && status.unwrap().isOpen, `pool ${id} is open`);
  return status.unwrap().asOpen;
}

/**
 * Events of block `number` emitted by the runtime's hooks: before the extrinsics (pool
 * evaluations) and after them (`on_idle`: the propagation of an accepted pool). Phases
 * Initialization and Finalization.
 */
export async function hookEvents(api, number) {
  const hash = await api.rpc.chain.getBlockHash(number);
  const events = await (await api.at(hash)).query.system.events();
  return events.filter(({ phase }) => phase.isInitialization || phase.isFinalization);
}

/**
 * REP of `address` from storage (of `at`, an api or `api.at(hash)`): { free, heldPool,
 * heldAvailability, heldBlockProduction, unclaimed, checkpoint } (bigints; all 0n without a
 * record).
 */
export async function repOf(api, address, at = api) {
  const record = await at.query.reputation.accounts(address);
  if (record.isNone) return { free: 0n, heldPool: 0n, heldAvailability: 0n, heldBlockProduction: 0n, unclaimed: 0n, checkpoint: 0n };
  const r = record.unwrap();
  return {
    free: r.free.toBigInt(),
    heldPool: r.heldPoolStake.toBigInt(),
    heldAvailability: r.heldAvailability.toBigInt(),
    heldBlockProduction: r.heldBlockProduction.toBigInt(),
    unclaimed: r.unclaimedFees.toBigInt(),
    checkpoint: r.feeCheckpoint.toBigInt(),
  };
}

/** What `claim_fees` would pay `address`, computed from storage as pallet-reputation does. */
export async function claimableFromStorage(api, address) {
  const acc = (await api.query.reputation.feePerRep()).toBigInt();
  const r = await repOf(api, address);
  const total = r.free + r.heldPool + r.heldAvailability + r.heldBlockProduction;
  const pending = total > 0n && acc > r.checkpoint ? ((acc - r.checkpoint) * total) / FEE_SCALE : 0n;
  return r.unclaimed + pending;
}

/**
 * REP totals from storage: { totalRep, unowned, totalMinted, totalBurned } (bigints). With
 * `{ checkRuntimeApi: true }`, first asks `ReputationApi.totals()` too and asserts that it agrees.
 */
export async function totals(api, { checkRuntimeApi = false } = {}) {
  const viaApi = checkRuntimeApi ? (await api.call.reputationApi.totals()).toJSON() : null;
  const [totalRep, unowned, totalMinted, totalBurned] = await Promise.all([
    api.query.reputation.totalRep(),
    api.query.reputation.unowned(),
    api.query.reputation.totalMinted(),
    api.query.reputation.totalBurned(),
  ]);
  const fromStorage = {
    totalRep: totalRep.toBigInt(),
    unowned: unowned.toBigInt(),
    totalMinted: totalMinted.toBigInt(),
    totalBurned: totalBurned.toBigInt(),
  };
  if (viaApi) {
    for (const [k, v] of Object.entries(fromStorage)) assert.equal(BigInt(viaApi[k]), v, `ReputationApi.totals().${k}`);
  }
  return fromStorage;
}

/**
 * Wait until validation pool `id` is resolved; returns { resolvedAt, outcome, forTotal,
 * againstTotal, post }.
 */
export async function waitResolved(api, id, { timeoutMs = 60_000 } = {}) {
  return waitFor(
    async () => {
      const status = await api.query.validationPool.pools(id);
      if (status.isNone || !status.unwrap().isResolved) return false;
      const r = status.unwrap().asResolved;
      return {
        resolvedAt: r.resolvedAt.toNumber(),
        outcome: r.outcome.type,
        forTotal: r.tally.forTotal.toBigInt(),
        againstTotal: r.tally.againstTotal.toBigInt(),
        post: r.post.toNumber(),
      };
    },
    { timeoutMs, what: `pool ${id} resolved` },
  );
}
