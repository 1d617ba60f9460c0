// Helpers for the work-request attacks (PROTOCOL.md §6, §7, §11.6 to §11.8): the availability
// draw recomputed off chain, genesis accounts added to a chain spec, one signer's calls in order.
// Import from '../lib/work.mjs' (not re-exported by index.mjs).

import { u8aConcat, u8aToBigInt, stringToU8a, hexToU8a, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';

/** `pallet_availability::DRAW_SUBJECT`: the subject the draw asks the randomness for. */
export const DRAW_SUBJECT = 'guild/availability/draw';

function u64le(n) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
}

function u32le(n) {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, Number(n), true);
  return out;
}

/**
 * What `pallet_babe::ParentBlockRandomness::random(DRAW_SUBJECT)` returns in a block whose parent
 * stored `vrf` (`babe.authorVrfRandomness` at the parent, 32 bytes hex): BlakeTwo256(subject ++ vrf).
 */
export function parentBlockRandom(vrf) {
  return blake2AsU8a(u8aConcat(stringToU8a(DRAW_SUBJECT), hexToU8a(vrf)), 256);
}

/**
 * The draw's seed (`pallet_availability::Pallet::seed`): blake2_256(SCALE(random: H256,
 * request: u64, attempt: u32)), as hex.
 */
export function drawSeed(vrf, request, attempt) {
  return u8aToHex(blake2AsU8a(u8aConcat(parentBlockRandom(vrf), u64le(request), u32le(attempt)), 256));
}

/**
 * The draws the availability pallet makes, recomputed: `requests` ([{ request, attempt, exclude:
 * [addresses] }], in the order the hook draws them) over `candidates` ([{ who, amount: bigint,
 * until: number }], `availability.candidates` in list order as the parent block left it), in block
 * `now`, with the parent's VRF output `vrf`. Each pick is the first candidate whose cumulative
 * stake exceeds `seed mod Σ drawable stakes` (drawable: `until > now`, amount > 0, not excluded)
 * and is taken out with a swap-remove, as `do_draw` does. Returns [{ request, who, amount, ticket,
 * total }] (who null when nobody is drawable).
 */
export function simulateDraws(candidates, vrf, requests, now) {
  const list = candidates.map((c) => ({ ...c }));
  const out = [];
  for (const { request, attempt = 0, exclude = [] } of requests) {
    const eligible = (c) => c.until > now && c.amount > 0n && !exclude.includes(c.who);
    const total = list.filter(eligible).reduce((a, c) => a + c.amount, 0n);
    if (total === 0n) {
      out.push({ request, who: null, amount: 0n, ticket: null, total });
      continue;
    }
    const seed = hexToU8a(drawSeed(vrf, request, attempt));
    let ticket = u8aToBigInt(seed, { isLe: false }) % total;
    const first = ticket;
    let index = -1;
    for (const [i, c] of list.entries()) {
      if (!eligible(c)) continue;
      if (ticket < c.amount) {
        index = i;
        break;
      }
      ticket -= c.amount;
    }
    const chosen = list[index];
    // `BoundedVec::swap_remove`: the last candidate takes the chosen one's place.
    const last = list.pop();
    if (index < list.length) list[index] = last;
    out.push({ request, who: chosen.who, amount: chosen.amount, ticket: first, total });
  }
  return out;
}

/** `availability.candidates` (at `at`: an api or `api.at(hash)`) as [{ who, amount, until }]. */
export async function candidatesOf(at) {
  return (await at.query.availability.candidates('Requests')).map((c) => ({
    who: c.who.toString(),
    amount: c.amount.toBigInt(),
    until: c.until.toNumber(),
  }));
}

/**
 * Add accounts to a chain spec's genesis patch (from `buildChainSpec`): `balances` and `rep`
 * ([[address, amount], ...], amounts as bigints) appended to `balances.balances` and
 * `reputation.accounts`. Returns the patch.
 */
export function addGenesisAccounts(spec, { balances = [], rep = [] } = {}) {
  const patch = spec.genesis?.runtimeGenesis?.patch ?? spec.genesis?.runtimeGenesis?.config;
  if (!patch?.balances?.balances) throw new Error('the chain spec has no genesis patch with balances');
  patch.balances.balances.push(...balances);
  patch.reputation ??= {};
  patch.reputation.accounts = [...(patch.reputation.accounts ?? []), ...rep];
  return patch;
}

/**
 * A queue for one signer whose extrinsics several concurrent tests send (the sudo key): each
 * `run(fn)` starts after the previous one settled, so nonces never collide.
 */
export function serialized() {
  let tail = Promise.resolve();
  return (fn) => {
    const run = tail.then(fn, fn);
    tail = run.catch(() => {});
    return run;
  };
}
