// Talking to a Guild chain through @polkadot/api: connect, wait for blocks, sign and send, decode
// errors. General on purpose: the protocol pallets' end-to-end tests use the same helpers.

import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { DEV_PHRASE, Keyring } from '@polkadot/keyring';
import { isU8a } from '@polkadot/util';
import { cryptoWaitReady, encodeAddress, mnemonicGenerate } from '@polkadot/util-crypto';

/** GUILD has 12 decimals: 1 GUILD = 10^12 planck. */
export const UNIT = 10n ** 12n;

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Connect an ApiPromise to `url`. Auto-reconnect is off: when the node stops, the provider does not
 * retry (and does not log) forever; connect again after a restart.
 */
export async function connectApi(url, { timeoutMs = 60_000, requestTimeoutMs = 60_000, ...apiOptions } = {}) {
  await cryptoWaitReady();
  const provider = new WsProvider(url, false, {}, requestTimeoutMs);
  const connected = new Promise((resolve, reject) => {
    const offs = [];
    const done = (fn) => (arg) => {
      offs.forEach((off) => off());
      fn(arg);
    };
    offs.push(provider.on('connected', done(resolve)));
    offs.push(provider.on('error', done((e) => reject(new Error(`cannot connect to ${url}: ${e?.message ?? e}`)))));
    offs.push(provider.on('disconnected', done(() => reject(new Error(`cannot connect to ${url}: closed`)))));
  });
  try {
    await provider.connect();
    await withTimeout(connected, timeoutMs, `connecting to ${url}`);
    return await withTimeout(
      ApiPromise.create({ provider, throwOnConnect: true, noInitWarn: true, ...apiOptions }),
      timeoutMs,
      `initialising the API on ${url}`,
    );
  } catch (error) {
    await provider.disconnect().catch(() => {});
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Accounts

let keyring;
async function sr25519Keyring() {
  await cryptoWaitReady();
  keyring ??= new Keyring({ type: 'sr25519', ss58Format: 42 });
  return keyring;
}

/** Dev account by name ('alice', 'Bob', '//Charlie', 'alice//stash'...), sr25519. */
export async function devAccount(name) {
  const uri = name.startsWith('//') ? name : `//${name[0].toUpperCase()}${name.slice(1)}`;
  return (await sr25519Keyring()).addFromUri(uri);
}

/** The six dev accounts: { alice, bob, charlie, dave, eve, ferdie }. */
export async function devAccounts() {
  const names = ['alice', 'bob', 'charlie', 'dave', 'eve', 'ferdie'];
  const pairs = await Promise.all(names.map(devAccount));
  return Object.fromEntries(names.map((n, i) => [n, pairs[i]]));
}

/**
 * SS58 address (format 42) of a 32-byte key or account id, whatever its codec type (an AccountId
 * prints as SS58, a BABE or GRANDPA authority id as hex): for comparing keys.
 */
export function ss58(value) {
  if (typeof value === 'string') return encodeAddress(value, 42);
  return encodeAddress(isU8a(value) && !value.toU8a ? value : value.toU8a(), 42);
}

/**
 * `count` sr25519 accounts derived from the development phrase: `//<name>//0`, `//<name>//1`...
 * (the key pairs `addFromUri('//<name>//<i>')` gives, derived from one root: fast for thousands).
 */
export async function derivedAccounts(name, count) {
  const root = (await sr25519Keyring()).createFromUri(DEV_PHRASE);
  return Array.from({ length: count }, (_, i) => root.derive(`//${name}//${i}`));
}

/** A new random sr25519 account (never seen on chain). */
export async function freshAccount() {
  return (await sr25519Keyring()).addFromUri(mnemonicGenerate());
}

// ---------------------------------------------------------------------------------------------
// Waiting

/**
 * Poll `check` until it returns a truthy value (returned) or the deadline passes (throws, with the
 * last value or error seen). Errors thrown by `check` count as "not yet".
 */
export async function waitFor(check, { timeoutMs = 60_000, intervalMs = 500, what = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const detail = lastError ? `last error: ${lastError.message}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${detail})`);
    }
    await sleep(intervalMs);
  }
}

/**
 * { best, finalized, finalizedHash } of a target: a GuildNode (over HTTP RPC) or an ApiPromise.
 */
export async function heads(target) {
  if (typeof target.heads === 'function') return target.heads();
  const [best, finalizedHash] = await Promise.all([
    target.rpc.chain.getHeader(),
    target.rpc.chain.getFinalizedHead(),
  ]);
  const fin = await target.rpc.chain.getHeader(finalizedHash);
  return {
    best: best.number.toNumber(),
    finalized: fin.number.toNumber(),
    finalizedHash: finalizedHash.toHex(),
  };
}

/** Wait until the best block of `target` is ≥ n; returns the heads. */
export function waitForBest(target, n, { timeoutMs = 60_000, intervalMs = 500 } = {}) {
  return waitFor(async () => {
    const h = await heads(target);
    return h.best >= n ? h : false;
  }, { timeoutMs, intervalMs, what: `best block >= ${n} on ${target.name ?? 'api'}` });
}

/** Wait until the finalized block of `target` is ≥ n; returns the heads. */
export function waitForFinalized(target, n, { timeoutMs = 60_000, intervalMs = 500 } = {}) {
  return waitFor(async () => {
    const h = await heads(target);
    return h.finalized >= n ? h : false;
  }, { timeoutMs, intervalMs, what: `finalized block >= ${n} on ${target.name ?? 'api'}` });
}

// ---------------------------------------------------------------------------------------------
// Transactions

/**
 * Decode a DispatchError into { section, name, docs, message } ('balances.InsufficientBalance',
 * 'Token.FundsUnavailable', 'BadOrigin', ...). Returns null for no error.
 */
export function decodeDispatchError(api, dispatchError) {
  if (!dispatchError) return null;
  if (dispatchError.isModule) {
    const { section, name, docs } = api.registry.findMetaError(dispatchError.asModule);
    return { section, name, docs: docs.join(' ').trim(), message: `${section}.${name}` };
  }
  const kind = dispatchError.type;
  const inner = dispatchError.value;
  const detail = inner && !inner.isEmpty ? (inner.type ?? inner.toString()) : '';
  return { section: null, name: kind, docs: '', message: detail ? `${kind}.${detail}` : kind };
}

/**
 * The outcome of the extrinsic at `index` of a block, from the block's events: { ok, error,
 * dispatchError, blockHash, blockNumber, txHash, events, findEvent, filterEvents }. Every applied
 * extrinsic has exactly one `system.ExtrinsicSuccess` or `system.ExtrinsicFailed`; anything else
 * throws rather than passing for a success.
 */
function outcomeOf(api, events, index, where) {
  const own = events.filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === index);
  const ends = own.filter(({ event }) => event.section === 'system' && ['ExtrinsicSuccess', 'ExtrinsicFailed'].includes(event.method));
  if (ends.length !== 1) {
    throw new Error(`extrinsic ${where.blockNumber}-${index}: ${ends.length} success/failure events (${eventNames(own)})`);
  }
  const dispatchError = ends[0].event.method === 'ExtrinsicFailed' ? ends[0].event.data.dispatchError : null;
  const filterEvents = (section, method) => own.filter(({ event }) => event.section === section && event.method === method);
  return {
    ok: !dispatchError,
    error: decodeDispatchError(api, dispatchError),
    dispatchError,
    ...where,
    events: own,
    filterEvents,
    findEvent: (section, method) => filterEvents(section, method)[0],
  };
}

/**
 * The outcome (`outcomeOf`) of the extrinsic `txHash` in block `blockHash`. Read again, up to
 * five times a second apart, when the events cannot be decoded: in the block that applies a
 * runtime upgrade the client swaps its type registry for the new runtime's while it reads.
 */
async function outcomeIn(api, blockHash, txHash) {
  for (let attempt = 1; ; attempt++) {
    try {
      const [{ block }, events] = await Promise.all([api.rpc.chain.getBlock(blockHash), api.query.system.events.at(blockHash)]);
      const index = block.extrinsics.findIndex((xt) => xt.hash.toHex() === txHash);
      if (index < 0) throw new Error(`extrinsic ${txHash} not in block ${blockHash}`);
      return outcomeOf(api, events, index, { blockHash, blockNumber: block.header.number.toNumber(), txHash });
    } catch (e) {
      if (attempt >= 5) throw e;
      await sleep(1_000);
    }
  }
}

/**
 * Sign `tx` with `signer` (a keyring pair) and submit it. Resolves once it is in a block (or
 * finalized with `{ finalized: true }`), with:
 *   { ok, error, dispatchError, blockHash, blockNumber, txHash, events, result,
 *     findEvent(section, method), filterEvents(section, method) }
 * `events` are this extrinsic's events; `error` is the decoded dispatch error (null when ok).
 * Rejects if the pool rejects it (invalid, dropped, usurped) or nothing happens within
 * `timeoutMs`. A dispatch failure does not reject: check `ok` (or use `expectOk`).
 */
export function signAndSend(api, tx, signer, { finalized = false, timeoutMs = 120_000, ...options } = {}) {
  return new Promise((resolve, reject) => {
    let unsub = null;
    let settled = false;
    const settle = (error, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (unsub) {
        try {
          Promise.resolve(unsub()).catch(() => {});
        } catch {
          // connection already gone
        }
      }
      if (error) reject(error);
      else resolve(value);
    };
    const what = `${tx.method.section}.${tx.method.method}`;
    const timer = setTimeout(
      () => settle(new Error(`${what}: not ${finalized ? 'finalized' : 'included'} within ${timeoutMs} ms`)),
      timeoutMs,
    );
    tx.signAndSend(signer, { nonce: -1, ...options }, (result) => {
      const { status } = result;
      if (result.isError) {
        settle(new Error(`${what}: transaction ${status.type}${result.internalError ? `: ${result.internalError.message}` : ''}`));
        return;
      }
      const reached = finalized ? status.isFinalized : status.isInBlock || status.isFinalized;
      if (!reached) return;
      const blockHash = (status.isInBlock ? status.asInBlock : status.asFinalized).toHex();
      // The outcome is read from the block itself, not from the subscription's decoded events:
      // those can come back empty (`internalError`) when the client's registry changes under it,
      // as in the block that applies a runtime upgrade, and an empty list reads as success.
      outcomeIn(api, blockHash, result.txHash.toHex())
        .then((outcome) => settle(null, { ...outcome, result }))
        .catch((e) => settle(new Error(`${what}: ${e.message}`)));
    })
      .then((u) => {
        unsub = u;
        if (settled) Promise.resolve(u()).catch(() => {});
      })
      .catch((e) => settle(new Error(`${what}: submission failed: ${e.message}`)));
  });
}

/** Next nonce of `address`, counting what is in the pool. */
export async function nextNonce(api, address) {
  return (await api.rpc.system.accountNextIndex(address)).toNumber();
}

/**
 * Send `txs` (list of [tx, signer]) at once, each signer's extrinsics with consecutive nonces in
 * list order, so they land in the same block when there is room. Resolves to their outcomes
 * (`signAndSend`'s, in list order); `opts` go to `signAndSend` (default `timeoutMs` 90 s).
 */
export async function sendTogether(api, txs, opts = {}) {
  const nonces = new Map();
  const prepared = [];
  for (const [tx, signer] of txs) {
    if (!nonces.has(signer.address)) nonces.set(signer.address, await nextNonce(api, signer.address));
    const nonce = nonces.get(signer.address);
    nonces.set(signer.address, nonce + 1);
    prepared.push([tx, signer, nonce]);
  }
  return Promise.all(prepared.map(([tx, signer, nonce]) => signAndSend(api, tx, signer, { nonce, timeoutMs: 90_000, ...opts })));
}

/**
 * Send many extrinsics (list of [tx, signer] or [tx, signer, nonce]) without a subscription each:
 * a node serves at most 1,024 subscriptions per connection, and watching every extrinsic costs
 * more than finding them in the blocks. Each is signed immortal with its signer's next nonces
 * (consecutive in list order unless a nonce is given), submitted with `author_submitExtrinsic`
 * (`concurrency` at a time; a refusal by the pool rejects), then looked up in the blocks after the
 * current best one. Resolves, in list order, to outcomes as `signAndSend` gives them: { ok, error,
 * dispatchError, blockHash, blockNumber, txHash, events, findEvent, filterEvents }.
 */
export async function sendMany(api, txs, { timeoutMs = 180_000, concurrency = 64 } = {}) {
  const nonces = new Map();
  const prepared = [];
  for (const [tx, signer, given] of txs) {
    let nonce = given;
    if (nonce === undefined) {
      if (!nonces.has(signer.address)) nonces.set(signer.address, await nextNonce(api, signer.address));
      nonce = nonces.get(signer.address);
      nonces.set(signer.address, nonce + 1);
    }
    prepared.push([tx, signer, nonce]);
  }
  const from = (await api.rpc.chain.getHeader()).number.toNumber() + 1;
  const hashes = [];
  for (let i = 0; i < prepared.length; i += concurrency) {
    const chunk = prepared.slice(i, i + concurrency);
    const signed = await Promise.all(chunk.map(([tx, signer, nonce]) => tx.signAsync(signer, { nonce, era: 0 })));
    hashes.push(...(await Promise.all(signed.map((tx) => api.rpc.author.submitExtrinsic(tx)))).map((h) => h.toHex()));
  }
  const pending = new Map(hashes.map((h, i) => [h, i]));
  const outcomes = new Array(hashes.length);
  const deadline = Date.now() + timeoutMs;
  let next = from;
  while (pending.size > 0) {
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    for (; next <= best && pending.size > 0; next++) {
      const blockHash = await api.rpc.chain.getBlockHash(next);
      const [{ block }, events] = await Promise.all([
        api.rpc.chain.getBlock(blockHash),
        api.query.system.events.at(blockHash),
      ]);
      block.extrinsics.forEach((xt, index) => {
        const i = pending.get(xt.hash.toHex());
        if (i === undefined) return;
        pending.delete(xt.hash.toHex());
        outcomes[i] = outcomeOf(api, events, index, { blockHash: blockHash.toHex(), blockNumber: next, txHash: hashes[i] });
      });
    }
    if (pending.size === 0) break;
    if (Date.now() > deadline) {
      throw new Error(`sendMany: ${pending.size} of ${hashes.length} extrinsics not included within ${timeoutMs} ms (blocks #${from} to #${next - 1})`);
    }
    await sleep(500);
  }
  return outcomes;
}

/** The fee an included extrinsic paid (bigint), from its `transactionPayment.TransactionFeePaid`. */
export function feeOf(outcome) {
  const ev = outcome.findEvent('transactionPayment', 'TransactionFeePaid');
  assert.ok(ev, `transactionPayment.TransactionFeePaid missing; events: ${eventNames(outcome.events)}`);
  return ev.event.data.actualFee.toBigInt();
}

/** Throw unless the extrinsic succeeded; returns the outcome. */
export function expectOk(outcome) {
  if (!outcome.ok) {
    throw new Error(`extrinsic failed: ${outcome.error.message}${outcome.error.docs ? ` (${outcome.error.docs})` : ''}`);
  }
  return outcome;
}

/** Throw unless the extrinsic failed with `expected` ('pallet.Error' or e.g. 'BadOrigin'). */
export function expectError(outcome, expected) {
  if (outcome.ok) throw new Error(`extrinsic succeeded, expected ${expected}`);
  if (outcome.error.message !== expected) {
    throw new Error(`extrinsic failed with ${outcome.error.message}, expected ${expected}`);
  }
  return outcome;
}

/**
 * Dispatch `call` as root through `sudo.sudo`, signed by `sudoer` (Alice on dev and local). The
 * outcome's `error` is the inner call's error (from the `sudo.Sudid` event), `ok` its success.
 */
export async function sudo(api, call, sudoer, opts) {
  const outcome = await signAndSend(api, api.tx.sudo.sudo(call), sudoer ?? (await devAccount('alice')), opts);
  return sudoOutcome(api, outcome);
}

/**
 * The outcome of an included `sudo.sudo` extrinsic (sent with `signAndSend`, `sendTogether`...)
 * with the inner call's result: `ok` and `error` from the `sudo.Sudid` event.
 */
export function sudoOutcome(api, outcome) {
  if (!outcome.ok) return outcome;
  const sudid = outcome.findEvent('sudo', 'Sudid');
  if (!sudid) throw new Error('sudo.sudo succeeded without a sudo.Sudid event');
  const inner = sudid.event.data[0];
  if (inner.isErr) {
    return { ...outcome, ok: false, dispatchError: inner.asErr, error: decodeDispatchError(api, inner.asErr) };
  }
  return outcome;
}

/** Native balance of `address`: { free, reserved } (bigints). */
export async function account(api, address) {
  const { data } = await api.query.system.account(address);
  return { free: data.free.toBigInt(), reserved: data.reserved.toBigInt() };
}

/**
 * The DAO account's balance ({ free, reserved }, bigints) apart from the transaction fees and
 * tips that wait in it for the session's report (`validatorSet.sessionFees`, PROTOCOL.md §5 and
 * §12), both read at the same block.
 */
export async function daoAccount(api, dao) {
  const at = await api.at(await api.rpc.chain.getBlockHash());
  const [{ data }, waiting] = await Promise.all([at.query.system.account(dao), at.query.validatorSet.sessionFees()]);
  return { free: data.free.toBigInt() - waiting.toBigInt(), reserved: data.reserved.toBigInt() };
}

/** Free balance of `address` (bigint), at `blockHash` if given. */
export async function freeBalance(api, address, blockHash) {
  const at = blockHash ? await api.at(blockHash) : api;
  const { data } = await at.query.system.account(address);
  return data.free.toBigInt();
}

// ---------------------------------------------------------------------------------------------
// Events

/**
 * 'section.method' of each event record (an outcome's `events`, `system.events()`), joined with
 * commas: for assertion messages.
 */
export function eventNames(events) {
  return events.map(({ event }) => `${event.section}.${event.method}`).join(', ');
}

/** The data of the event records in `events` that are `section.method`, in order. */
/**
 * Event records of blocks from..to (inclusive), read from each block's state:
 * [{ block, phase, section, method, data }]; only `section.method` when given.
 */
export async function eventsIn(api, from, to, section, method) {
  const out = [];
  for (let n = from; n <= to; n += 1) {
    const at = await api.at(await api.rpc.chain.getBlockHash(n));
    for (const { phase, event } of await at.query.system.events()) {
      if (section && (event.section !== section || event.method !== method)) continue;
      out.push({ block: n, phase, section: event.section, method: event.method, data: event.data });
    }
  }
  return out;
}

export function pick(events, section, method) {
  return events.filter(({ event }) => event.section === section && event.method === method).map(({ event }) => event.data);
}
