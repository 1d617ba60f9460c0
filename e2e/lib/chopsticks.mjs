// Chopsticks (`@acala-network/chopsticks`, a dev dependency of e2e/) against Guild nodes: a fork of
// a running chain served on its own port, where blocks are built on request with the real runtime
// in Chopsticks' own wasm executor, and its one-shot commands such as `try-runtime`. Both are the
// CLI a user runs (`npx @acala-network/chopsticks ...`), started as child processes like the nodes:
// a fork is a `GuildNode` whose binary is Node.js running the CLI, so it gets the same exit guard,
// log file, `api()`, `rpc()` and log tails on failure.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { decodeDispatchError } from './chain.mjs';
import { GuildNode, REPO_ROOT, makeTempDir } from './node.mjs';

/** The CLI script of the installed package (its `bin`). */
export const CHOPSTICKS_CLI = path.join(REPO_ROOT, 'e2e', 'node_modules', '@acala-network', 'chopsticks', 'chopsticks.cjs');

function assertInstalled() {
  if (!fs.existsSync(CHOPSTICKS_CLI)) {
    throw new Error(`@acala-network/chopsticks is not installed (${CHOPSTICKS_CLI} missing): run \`npm ci\` in e2e/`);
  }
}

/**
 * A Chopsticks fork of the chain behind `endpoint`, as `chopsticks --endpoint <endpoint>
 * --build-block-mode Manual [--mock-signature-host] [--block <block>]`: blocks are built only by
 * `newBlock()` (`dev_newBlock`), transactions wait in its pool until then, and with
 * `mockSignatureHost` any account can be impersonated (`mockSign`).
 */
export class ChopsticksFork extends GuildNode {
  constructor({ endpoint, block, mockSignatureHost = false, buildBlockMode = 'Manual', extraArgs = [], ...opts }) {
    super({ name: 'chopsticks', binary: process.execPath, ...opts });
    Object.assign(this, { endpoint, block, mockSignatureHost, buildBlockMode, extraChopsticksArgs: extraArgs });
  }

  args() {
    const a = [CHOPSTICKS_CLI, '--endpoint', this.endpoint, '--host', '127.0.0.1', '--port', String(this.rpcPort)];
    a.push('--build-block-mode', this.buildBlockMode);
    if (this.block !== undefined) a.push('--block', String(this.block));
    if (this.mockSignatureHost) a.push('--mock-signature-host');
    a.push(...this.extraChopsticksArgs);
    return a;
  }

  async start(opts) {
    assertInstalled();
    return super.start(opts);
  }

  /** Build `count` blocks (`dev_newBlock`); returns the new head's number. */
  async newBlock(count = 1) {
    await this.rpc('dev_newBlock', [{ count }], { timeoutMs: 120_000 });
    return Number((await this.rpc('chain_getHeader')).number);
  }

  /** Build blocks until the head is block `n` (`dev_newBlock` with `to`). */
  async newBlocksTo(n) {
    await this.rpc('dev_newBlock', [{ to: n }], { timeoutMs: 300_000 });
    return Number((await this.rpc('chain_getHeader')).number);
  }

  /**
   * Build one block numbered `n` (`dev_newBlock` with `unsafeBlockHeight`), skipping the blocks in
   * between: a stage of hundreds of blocks is crossed at once, and the hooks walk their agendas
   * from their cursors over the skipped blocks. Returns the new head's number.
   */
  async jumpTo(n) {
    await this.rpc('dev_newBlock', [{ unsafeBlockHeight: n }], { timeoutMs: 120_000 });
    return Number((await this.rpc('chain_getHeader')).number);
  }

  /** Overwrite storage in the head block (`dev_setStorage`), e.g. `{ Reputation: { TotalRep: 1 } }`. */
  async setStorage(values) {
    return this.rpc('dev_setStorage', [values]);
  }
}

/** Start a fork (see `ChopsticksFork`) and wait until its RPC answers. */
export async function startFork(opts) {
  const fork = new ChopsticksFork(opts);
  await fork.start({ timeoutMs: opts.startTimeoutMs ?? 120_000 });
  return fork;
}

/**
 * Sign `tx` for `address` with the mock signature that a fork started with `--mock-signature-host`
 * accepts (0xdeadbeef, then 0xcd bytes): a transaction of an account whose key one does not hold.
 */
export function mockSign(api, tx, address, nonce) {
  const signature = new Uint8Array(64).fill(0xcd);
  signature.set([0xde, 0xad, 0xbe, 0xef]);
  tx.signFake(address, { nonce, genesisHash: api.genesisHash, blockHash: api.genesisHash, runtimeVersion: api.runtimeVersion });
  tx.signature.set(signature);
  return tx;
}

/**
 * In a fork: sign each of `txs` ([tx, signer] with a key pair, or [tx, address] for a mock
 * signature), consecutive nonces per account in list order, submit them and build one block.
 * Resolves to an outcome per transaction, as `signAndSend`'s: { ok, error, events, findEvent,
 * filterEvents, blockHash, blockNumber }. A transaction missing from the block throws.
 */
export async function forkBlock(fork, api, txs) {
  const nonces = new Map();
  const hashes = [];
  for (const [tx, who] of txs) {
    const address = typeof who === 'string' ? who : who.address;
    if (!nonces.has(address)) nonces.set(address, (await api.rpc.system.accountNextIndex(address)).toNumber());
    const nonce = nonces.get(address);
    nonces.set(address, nonce + 1);
    if (typeof who === 'string') mockSign(api, tx, address, nonce);
    else await tx.signAsync(who, { nonce, era: 0 });
    hashes.push((await api.rpc.author.submitExtrinsic(tx)).toHex());
  }
  const blockNumber = await fork.newBlock(1);
  const blockHash = (await api.rpc.chain.getBlockHash(blockNumber)).toHex();
  const block = await api.rpc.chain.getBlock(blockHash);
  const events = await (await api.at(blockHash)).query.system.events();
  const inBlock = block.block.extrinsics.map((x) => x.hash.toHex());
  return hashes.map((hash, i) => {
    const index = inBlock.indexOf(hash);
    if (index < 0) {
      const { section, method } = txs[i][0].method;
      throw new Error(`${section}.${method} is not in fork block #${blockNumber}`);
    }
    const own = events.filter(({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === index);
    const failed = own.find(({ event }) => event.section === 'system' && event.method === 'ExtrinsicFailed');
    const filterEvents = (section, method) => own.filter(({ event }) => event.section === section && event.method === method);
    return {
      ok: !failed,
      error: failed ? decodeDispatchError(api, failed.event.data.dispatchError) : null,
      events: own,
      blockHash,
      blockNumber,
      filterEvents,
      findEvent: (section, method) => filterEvents(section, method)[0],
    };
  });
}

let setpriv;
function pdeathsigPrefix() {
  if (setpriv === undefined) {
    setpriv =
      process.platform === 'linux' &&
      !process.env.GUILD_E2E_NO_SETPRIV &&
      spawnSync('setpriv', ['--pdeathsig', 'KILL', '--', 'true'], { stdio: 'ignore' }).status === 0;
  }
  return setpriv ? ['setpriv', ['--pdeathsig', 'KILL', '--']] : null;
}

/**
 * Run a one-shot Chopsticks command (`['try-runtime', '--endpoint', ...]`) to its end, in a temp dir
 * of its own (`dir`: relative paths such as `--output-path out.json` land there). Resolves to
 * { code, signal, output, logPath, dir, ms }: stdout and stderr together, also kept in a log file.
 * Killed after `timeoutMs`, and when this process exits. The runtime's log is printed by
 * Chopsticks' executor thread: its last lines can be missing from `output` when the command exits
 * right after them (try-runtime's `--output-path` file has the whole log).
 */
export function runChopsticks(args, { timeoutMs = 180_000, name = args[0] } = {}) {
  assertInstalled();
  const dir = makeTempDir(`guild-e2e-chopsticks-${name}-`);
  const logPath = path.join(dir, `${name}.log`);
  const argv = [CHOPSTICKS_CLI, ...args];
  fs.writeFileSync(logPath, `# ${process.execPath} ${argv.join(' ')}\n`);
  const prefix = pdeathsigPrefix();
  const [cmd, cmdArgs] = prefix ? [prefix[0], [...prefix[1], process.execPath, ...argv]] : [process.execPath, argv];
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, cmdArgs, { stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    const kill = () => {
      try {
        child.kill('SIGKILL');
      } catch {
        // gone
      }
    };
    process.once('exit', kill);
    let output = '';
    const collect = (chunk) => {
      output += chunk;
      fs.appendFileSync(logPath, chunk);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => {
      kill();
      reject(new Error(`chopsticks ${args.join(' ')}: still running after ${timeoutMs} ms; log ${logPath}:\n${output.slice(-3000)}`));
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      process.off('exit', kill);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      process.off('exit', kill);
      resolve({ code, signal, output, logPath, dir, ms: Date.now() - started });
    });
  });
}
