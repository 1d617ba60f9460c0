// Chain specifications from the binary, without running a chain: `guild-node build-spec` for the
// production chain (`--chain guild:<genesis file>`, from docs/guild-genesis.example.json) is Live,
// has no sudo key and gives the founders their REP; a bad genesis file fails with a message that
// names the mistake; the local testnet starts with its four founders. A few seconds.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

import { u8aToHex } from '@polkadot/util';
import { xxhashAsU8a } from '@polkadot/util-crypto';

import { REPO_ROOT, assertNodeBinary } from '../lib/index.mjs';

const UNIT = 10n ** 12n;
const EXAMPLE = path.join(REPO_ROOT, 'docs', 'guild-genesis.example.json');

/** The raw storage key of a plain storage value. */
function valueKey(pallet, item) {
  return u8aToHex(new Uint8Array([...xxhashAsU8a(pallet, 128), ...xxhashAsU8a(item, 128)]));
}

/** A little-endian u128 from raw storage. */
function u128(hex) {
  assert.ok(hex, 'the value is in storage');
  const bytes = Buffer.from(hex.slice(2), 'hex');
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i]);
  return n;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guild-e2e-spec-'));

/** Runs `guild-node build-spec ...args` (with a throwaway base path) and returns its outcome. */
function buildSpec(...args) {
  const result = spawnSync(assertNodeBinary(), ['build-spec', '--base-path', tmp, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function specOf(...args) {
  const out = buildSpec(...args);
  assert.equal(out.status, 0, `build-spec ${args.join(' ')} failed:\n${out.stderr}`);
  return JSON.parse(out.stdout);
}

describe('chain specifications', { timeout: 300_000 }, () => {
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test('the production spec from the example genesis file: Live, no sudo, the founders’ REP', () => {
    const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
    const spec = specOf('--chain', `guild:${EXAMPLE}`, '--disable-default-bootnode');
    assert.equal(spec.chainType, 'Live');
    assert.equal(spec.id, 'guild_example');
    assert.deepEqual(spec.properties, { ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'GUILD' });
    const patch = spec.genesis.runtimeGenesis.patch;
    assert.equal(patch.sudo.key, null, 'no sudo key');
    assert.deepEqual(
      patch.reputation.accounts.map(([who, rep]) => [who, BigInt(rep)]),
      [
        [example.founders[0].account, 1_000n * UNIT],
        [example.founders[1].account, 1_000n * UNIT],
        [example.founders[2].account, 500n * UNIT + UNIT / 2n],
      ],
    );
    assert.deepEqual(
      patch.validatorSet.validators,
      example.validators.map((v) => v.account),
    );

    const raw = specOf('--chain', `guild:${EXAMPLE}`, '--raw', '--disable-default-bootnode');
    const top = raw.genesis.raw.top;
    assert.equal(top[valueKey('Sudo', 'Key')], undefined, 'no Sudo::Key in the genesis state');
    assert.equal(u128(top[valueKey('Reputation', 'TotalRep')]), 2_500n * UNIT + UNIT / 2n);
  });

  test('a bad genesis file fails with what is wrong, and a missing one says where it looked', () => {
    const bad = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
    bad.founders[1].account = bad.founders[0].account;
    const file = path.join(tmp, 'bad-genesis.json');
    fs.writeFileSync(file, JSON.stringify(bad));
    const out = buildSpec('--chain', `guild:${file}`, '--disable-default-bootnode');
    assert.notEqual(out.status, 0);
    assert.match(out.stderr, /founders\[1\]: the account is listed twice in founders/);
    assert.doesNotMatch(out.stderr, /panicked/);

    const missing = buildSpec('--chain', `guild:${path.join(tmp, 'nope.json')}`);
    assert.notEqual(missing.status, 0);
    assert.match(missing.stderr, /cannot read the genesis file .*nope\.json/);
  });

  test('the local testnet starts with Alice, Bob, Charlie and Dave as founders of 1,000 REP', () => {
    const raw = specOf('--chain', 'local', '--raw', '--disable-default-bootnode');
    assert.equal(raw.chainType, 'Local');
    const top = raw.genesis.raw.top;
    assert.equal(top[valueKey('Sudo', 'Key')], undefined, 'no sudo on the local testnet');
    assert.equal(u128(top[valueKey('Reputation', 'TotalRep')]), 4_000n * UNIT);
  });
});
