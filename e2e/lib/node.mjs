// Start, watch and stop `guild-node` processes for end-to-end tests.
//
// Every process started here is registered with an exit guard: it is killed when the test process
// exits for any reason (normal end, failed test, uncaught error, SIGINT/SIGTERM/SIGHUP), and where
// `setpriv` exists the kernel also kills it if the test process itself is SIGKILLed
// (PR_SET_PDEATHSIG). No node outlives the tests that started it.

import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import { hexToU8a, u8aConcat } from '@polkadot/util';
import { base58Encode, cryptoWaitReady, ed25519PairFromSeed } from '@polkadot/util-crypto';

import { connectApi } from './chain.mjs';

/** The repository root (e2e/..). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Path of the node binary: `$GUILD_NODE`, else `$CARGO_TARGET_DIR/release/guild-node` with
 * `CARGO_TARGET_DIR` defaulting to `$HOME/.cache/guild/target` (relative values are taken from the
 * repository root, as cargo does when run there).
 */
export function nodeBinary() {
  if (process.env.GUILD_NODE) return path.resolve(process.env.GUILD_NODE);
  const target = process.env.CARGO_TARGET_DIR || path.join(os.homedir(), '.cache', 'guild', 'target');
  return path.resolve(REPO_ROOT, target, 'release', 'guild-node');
}

/** Throws a helpful error when the binary is missing. */
export function assertNodeBinary(binary = nodeBinary()) {
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    throw new Error(
      `guild-node binary not found or not executable at ${binary}.\n` +
        `Build it first: CARGO_TARGET_DIR=${process.env.CARGO_TARGET_DIR || '$HOME/.cache/guild/target'} ` +
        'cargo build --release -p guild-node\n' +
        'or point GUILD_NODE at an existing binary.',
    );
  }
  return binary;
}

// ---------------------------------------------------------------------------------------------
// Ports

function listenOnce(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => resolve(server));
  });
}

/**
 * `count` distinct free TCP ports on 127.0.0.1, found by binding port 0. All sockets are held
 * open until every port is chosen, so the ports differ from each other; they are released just
 * before returning (a small race with other programs remains, as with any such scheme).
 */
export async function freePorts(count) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++) servers.push(await listenOnce(0));
    return servers.map((s) => s.address().port);
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(() => resolve()))));
  }
}

export async function freePort() {
  return (await freePorts(1))[0];
}

// ---------------------------------------------------------------------------------------------
// Exit guard, temp dirs, logs

/** Every GuildNode created in this process (running or not), in creation order. */
const allNodes = [];
/** Child processes still running. */
const running = new Set();
const tempDirs = [];
let guardInstalled = false;
let failureSeen = false;
let keptReported = false;

function killAllSync() {
  for (const child of running) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

/**
 * Kill every child when this process ends, however it ends. Installed automatically by
 * `GuildNode.start()`; idempotent.
 */
export function installExitGuard() {
  if (guardInstalled) return;
  guardInstalled = true;
  process.on('exit', () => {
    killAllSync();
    if (failureSeen && tempDirs.length && !keptReported) {
      process.stderr.write(`[e2e] logs and databases kept in: ${tempDirs.join(' ')}\n`);
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, () => {
      failureSeen = true; // interrupted: keep the logs, and say where they are
      killAllSync();
      process.exit(128 + (os.constants.signals[signal] ?? 0));
    });
  }
}

/** A fresh temporary directory, removed by `cleanup()` unless a failure was seen or GUILD_E2E_KEEP is set. */
export function makeTempDir(prefix = 'guild-e2e-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

/** Mark the run as failed: logs are printed and temp dirs are kept. */
export function markFailure() {
  failureSeen = true;
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;
export function stripAnsi(text) {
  return text.replace(ANSI, '');
}

/** Print the last lines of each node's current log (all nodes of this process by default). */
export function printLogTails({ nodes = allNodes, lines = 40 } = {}) {
  for (const node of nodes) {
    if (!node.logPath) continue;
    const tail = node.logTail(lines);
    process.stderr.write(
      `\n----- ${node.name}: last ${lines} lines of ${node.logPath} -----\n${tail}\n----- end of ${node.name} -----\n`,
    );
  }
}

/**
 * Wrap a test function so that, if it fails, the log tails of all nodes are printed and the temp
 * dirs are kept: `test('x', withNodeLogs(async (t) => { ... }))`.
 */
export function withNodeLogs(fn, opts = {}) {
  return async function wrapped(...args) {
    try {
      return await fn.apply(this, args);
    } catch (error) {
      markFailure();
      printLogTails(opts);
      throw error;
    }
  };
}

/**
 * Tests that share one network and build on each other: `const step = steps();` then
 * `step(name, options, fn)` as `test`. Once one fails, the later ones are skipped rather than
 * failing for the same reason.
 */
export function steps() {
  let broken = false;
  return (name, options, fn) =>
    test(name, options, async (t) => {
      if (broken) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await fn(t);
      } catch (error) {
        broken = true;
        throw error;
      }
    });
}

/** Stop every running node of this process (in parallel). */
export async function stopAll(opts) {
  await Promise.all(allNodes.filter((n) => n.isRunning).map((n) => n.stop(opts)));
}

/** Stop everything and remove temp dirs, unless a failure was seen or GUILD_E2E_KEEP=1. */
export async function cleanup(opts) {
  await stopAll(opts);
  if (failureSeen || process.env.GUILD_E2E_KEEP) {
    if (tempDirs.length) console.error(`[e2e] logs and databases kept in: ${tempDirs.join(' ')}`);
    keptReported = true;
    return;
  }
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Peer ids

/** Node key (32-byte ed25519 secret, hex) of well-known test node number `i` (1-based). */
export function testNodeKey(i) {
  return i.toString(16).padStart(64, '0');
}

/**
 * libp2p peer id (base58 "12D3KooW...") of an ed25519 node key given as 32-byte hex: the identity
 * multihash of the protobuf-encoded public key.
 */
export async function peerIdFromNodeKey(hexSecret) {
  await cryptoWaitReady();
  const seed = hexToU8a(hexSecret.startsWith('0x') ? hexSecret : `0x${hexSecret}`);
  if (seed.length !== 32) throw new Error('node key must be 32 bytes');
  const { publicKey } = ed25519PairFromSeed(seed);
  const protobuf = u8aConcat(new Uint8Array([0x08, 0x01, 0x12, 0x20]), publicKey);
  return base58Encode(u8aConcat(new Uint8Array([0x00, protobuf.length]), protobuf));
}

// ---------------------------------------------------------------------------------------------
// The node

let setprivChecked;
function setprivAvailable() {
  if (setprivChecked === undefined) {
    if (process.platform !== 'linux' || process.env.GUILD_E2E_NO_SETPRIV) {
      setprivChecked = false;
    } else {
      const r = spawnSync('setpriv', ['--pdeathsig', 'KILL', '--', 'true'], { stdio: 'ignore' });
      setprivChecked = r.status === 0;
    }
  }
  return setprivChecked;
}

let rpcId = 0;

/**
 * One `guild-node` process (possibly restarted several times on the same base path and ports).
 *
 * Options:
 * - name: label for logs and `--name` (default: key or 'node')
 * - dev: pass `--dev` (else `--chain <chain>`, default 'local')
 * - key: 'alice' | 'bob' | ... passes `--alice` etc.
 * - validator: pass `--validator`
 * - nodeKey: 32-byte hex ed25519 secret for `--node-key`
 * - bootnodes: multiaddrs with peer id
 * - basePath, logDir: default a fresh temp dir (`<tmp>/<name>` and `<tmp>/logs`)
 * - rpcPort, p2pPort: default free ports
 * - extraArgs: more CLI arguments
 * - env: extra environment variables (e.g. RUST_LOG)
 */
export class GuildNode {
  constructor(opts = {}) {
    this.opts = opts;
    this.name = opts.name ?? opts.key ?? 'node';
    this.binary = opts.binary ?? nodeBinary();
    this.rpcPort = opts.rpcPort;
    this.p2pPort = opts.p2pPort;
    this.basePath = opts.basePath;
    this.logDir = opts.logDir;
    this.bootnodes = [...(opts.bootnodes ?? [])];
    this.child = null;
    this.runs = 0;
    this.logPath = null;
    this.apis = new Set();
    /** Header returned by the first `chain_getHeader` of the current run. */
    this.firstHeader = null;
    /** Date.now() when the RPC of the current run first answered. */
    this.readyAt = null;
    this.exitInfo = null;
    allNodes.push(this);
  }

  get isRunning() {
    return this.child !== null && this.exitInfo === null;
  }

  get pid() {
    return this.child?.pid;
  }

  get httpUrl() {
    return `http://127.0.0.1:${this.rpcPort}`;
  }

  get wsUrl() {
    return `ws://127.0.0.1:${this.rpcPort}`;
  }

  /** `/ip4/127.0.0.1/tcp/<p2p port>/p2p/<peer id>` (the peer id is read from the log). */
  async multiaddr(timeoutMs = 60_000) {
    const peerId = await this.peerId(timeoutMs);
    return `/ip4/127.0.0.1/tcp/${this.p2pPort}/p2p/${peerId}`;
  }

  /** Peer id from the "Local node identity is: 12D3..." line of the current log. */
  async peerId(timeoutMs = 60_000) {
    const m = await this.waitForLog(/Local node identity is: (\w+)/, timeoutMs);
    return m[1];
  }

  args() {
    const o = this.opts;
    const a = [];
    if (o.dev) a.push('--dev');
    else a.push('--chain', o.chain ?? 'local');
    if (o.key) a.push(`--${o.key}`);
    if (o.validator) a.push('--validator');
    a.push(
      '--name', this.name,
      '--base-path', this.basePath,
      '--port', String(this.p2pPort),
      '--rpc-port', String(this.rpcPort),
      '--rpc-cors', 'all',
      '--rpc-methods', 'unsafe',
      '--no-telemetry',
      '--no-prometheus',
      '--no-mdns',
    );
    if (o.nodeKey) a.push('--node-key', o.nodeKey);
    for (const b of this.bootnodes) a.push('--bootnodes', b);
    a.push(...(o.extraArgs ?? []));
    return a;
  }

  /** Spawn the process and wait until its RPC answers `chain_getHeader`. */
  async start({ timeoutMs = 120_000 } = {}) {
    if (this.isRunning) throw new Error(`${this.name} is already running`);
    assertNodeBinary(this.binary);
    installExitGuard();
    if (!this.basePath || !this.logDir) {
      const dir = makeTempDir(`guild-e2e-${this.name}-`);
      this.basePath ??= path.join(dir, 'base');
      this.logDir ??= dir;
    }
    if (!this.rpcPort || !this.p2pPort) {
      const [rpc, p2p] = await freePorts(2);
      this.rpcPort ??= rpc;
      this.p2pPort ??= p2p;
    }
    fs.mkdirSync(this.basePath, { recursive: true });
    fs.mkdirSync(this.logDir, { recursive: true });

    this.runs += 1;
    this.logPath = path.join(this.logDir, `${this.name}.${this.runs}.log`);
    const args = this.args();
    const fd = fs.openSync(this.logPath, 'a');
    fs.writeSync(fd, `# ${this.binary} ${args.join(' ')}\n`);
    const [cmd, cmdArgs] = setprivAvailable()
      ? ['setpriv', ['--pdeathsig', 'KILL', '--', this.binary, ...args]]
      : [this.binary, args];
    let child;
    try {
      child = spawn(cmd, cmdArgs, {
        stdio: ['ignore', fd, fd],
        env: { ...process.env, ...(this.opts.env ?? {}) },
      });
    } finally {
      fs.closeSync(fd);
    }
    this.child = child;
    this.exitInfo = null;
    this.firstHeader = null;
    this.readyAt = null;
    running.add(child);
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        running.delete(child);
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
    child.once('error', (err) => {
      running.delete(child);
      this.exitInfo ??= { code: null, signal: null, error: err };
    });

    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exitInfo) {
        throw new Error(
          `${this.name} exited during start-up (${JSON.stringify(this.exitInfo)}); log ${this.logPath}:\n${this.logTail(30)}`,
        );
      }
      try {
        this.firstHeader = await this.rpc('chain_getHeader', [], { timeoutMs: 2_000 });
        this.readyAt = Date.now();
        return this;
      } catch {
        // not up yet
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.name}: RPC on ${this.httpUrl} did not answer within ${timeoutMs} ms; log:\n${this.logTail(30)}`);
      }
      await sleep(100);
    }
  }

  /**
   * Stop: disconnect our API clients, SIGINT, then SIGKILL after `timeoutMs`. Resolves when the
   * process is gone.
   */
  async stop({ timeoutMs = 20_000 } = {}) {
    await this.disconnectApis();
    if (!this.isRunning) return this.exitInfo;
    const child = this.child;
    try {
      child.kill('SIGINT');
    } catch {
      // already gone
    }
    const timedOut = Symbol('timeout');
    const first = await Promise.race([this.exited, sleep(timeoutMs, timedOut, { ref: false })]);
    if (first === timedOut) {
      console.error(`[e2e] ${this.name} did not stop on SIGINT within ${timeoutMs} ms, sending SIGKILL`);
      try {
        child.kill('SIGKILL');
      } catch {
        // already gone
      }
      await this.exited;
    }
    return this.exitInfo;
  }

  /** Stop and start again on the same base path, ports and keys. */
  async restart({ stopTimeoutMs, startTimeoutMs } = {}) {
    await this.stop({ timeoutMs: stopTimeoutMs });
    return this.start({ timeoutMs: startTimeoutMs });
  }

  /** JSON-RPC call over HTTP; throws on an RPC error. */
  async rpc(method, params = [], { timeoutMs = 30_000 } = {}) {
    const res = await fetch(this.httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.json();
    if (body.error) {
      const e = new Error(`${this.name}: ${method} failed: ${body.error.message} (${body.error.code})`);
      e.rpcError = body.error;
      throw e;
    }
    return body.result;
  }

  /** { best, finalized, finalizedHash } block numbers of this node, over RPC. */
  async heads() {
    const [best, finalizedHash] = await Promise.all([
      this.rpc('chain_getHeader'),
      this.rpc('chain_getFinalizedHead'),
    ]);
    const fin = await this.rpc('chain_getHeader', [finalizedHash]);
    return { best: Number(best.number), finalized: Number(fin.number), finalizedHash };
  }

  async blockHash(number) {
    return this.rpc('chain_getBlockHash', [number]);
  }

  /** A connected ApiPromise, disconnected automatically when the node stops. */
  async api(opts) {
    const api = await connectApi(this.wsUrl, opts);
    this.apis.add(api);
    api.once('disconnected', () => this.apis.delete(api));
    return api;
  }

  async disconnectApis() {
    const apis = [...this.apis];
    this.apis.clear();
    await Promise.all(apis.map((api) => api.disconnect().catch(() => {})));
  }

  /** Current run's log text (ANSI colours stripped). */
  log() {
    if (!this.logPath) return '';
    try {
      return stripAnsi(fs.readFileSync(this.logPath, 'utf8'));
    } catch {
      return '';
    }
  }

  logTail(lines = 40) {
    return this.log().split('\n').slice(-lines - 1).join('\n');
  }

  /** Wait until `regex` matches the current run's log; returns the match. */
  async waitForLog(regex, timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = this.log().match(regex);
      if (m) return m;
      if (!this.isRunning) throw new Error(`${this.name} is not running; no ${regex} in its log:\n${this.logTail(30)}`);
      if (Date.now() > deadline) throw new Error(`${this.name}: no ${regex} in its log within ${timeoutMs} ms:\n${this.logTail(30)}`);
      await sleep(200);
    }
  }

  /** Resident memory of the process in kB (VmRSS from /proc/PID/status), or null. */
  rssKb() {
    if (!this.isRunning) return null;
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const m = status.match(/^VmRSS:\s+(\d+)\s+kB/m);
      return m ? Number(m[1]) : null;
    } catch {
      return null;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Networks

/**
 * A snapshot of `binary` in `dir` (a hard link if possible, else a copy), so that nodes started
 * (and restarted) at different times run the same build while cargo rebuilds the original.
 */
export function pinBinary(binary, dir) {
  const pinned = path.join(dir, path.basename(binary));
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(pinned, { force: true });
  try {
    fs.linkSync(binary, pinned);
  } catch {
    fs.copyFileSync(binary, pinned);
    fs.chmodSync(pinned, 0o755);
  }
  return pinned;
}

/** Start a `--dev` node on a temp base path (Alice validates alone). */
export async function startDevNode(opts = {}) {
  assertNodeBinary(opts.binary);
  const node = new GuildNode({ name: 'dev', dev: true, ...opts });
  await node.start({ timeoutMs: opts.startTimeoutMs });
  return node;
}

// ---------------------------------------------------------------------------------------------
// Custom chain specs

// Integers beyond 2^53 (u128 balances and REP) would lose precision in JSON.parse: they are read
// as marked strings and written back as bare numbers.
const BIG_MARK = '__guild_e2e_big__';
const BIG_NUMBER = /([:[,]\s*)(-?\d{16,})(?=\s*[,\]}])/g;

/** Parse a chain spec's JSON with every long integer as a bigint. */
export function parseSpecJson(text) {
  return JSON.parse(text.replace(BIG_NUMBER, `$1"${BIG_MARK}$2"`), (_, v) =>
    typeof v === 'string' && v.startsWith(BIG_MARK) ? BigInt(v.slice(BIG_MARK.length)) : v,
  );
}

/** JSON of a chain spec whose amounts may be bigints (written as bare integers). */
export function stringifySpecJson(spec) {
  const text = JSON.stringify(spec, (_, v) => (typeof v === 'bigint' ? `${BIG_MARK}${v}` : v), 1);
  return text.replace(new RegExp(`"${BIG_MARK}(-?\\d+)"`, 'g'), '$1');
}

/**
 * The (plain, not raw) chain spec of `chain` ('dev', 'local') as `guild-node build-spec` writes
 * it, parsed with `parseSpecJson`. Its genesis is `genesis.runtimeGenesis.patch` (the preset's
 * JSON), which a test may change before starting a node on it with `startSpecNode`.
 */
export function buildChainSpec(chain = 'dev', { binary = nodeBinary() } = {}) {
  assertNodeBinary(binary);
  const r = spawnSync(binary, ['build-spec', '--chain', chain, '--disable-default-bootnode'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`guild-node build-spec --chain ${chain} failed (${r.status}):\n${r.stderr}`);
  return parseSpecJson(r.stdout);
}

/**
 * Start a single node on the chain spec `spec` (an object, written to the node's temp dir), Alice
 * validating alone as on `--dev` (`--alice --force-authoring`): for a dev chain with a changed
 * genesis. Options as `GuildNode`'s.
 */
export async function startSpecNode(spec, opts = {}) {
  const binary = assertNodeBinary(opts.binary);
  const dir = makeTempDir(`guild-e2e-${opts.name ?? 'spec'}-`);
  const chain = path.join(dir, 'spec.json');
  fs.writeFileSync(chain, stringifySpecJson(spec));
  const node = new GuildNode({
    name: 'spec',
    key: 'alice',
    basePath: path.join(dir, 'base'),
    logDir: dir,
    // A node key of its own: a validator on a chain that is not `--dev` does not make one up.
    nodeKey: randomBytes(32).toString('hex'),
    ...opts,
    binary,
    chain,
    extraArgs: ['--force-authoring', ...(opts.extraArgs ?? [])],
  });
  await node.start({ timeoutMs: opts.startTimeoutMs });
  return node;
}

export const LOCAL_VALIDATORS = ['alice', 'bob', 'charlie', 'dave'];

/**
 * Start the `--chain local` network: one validator per name (fixed node keys 1, 2, ...), the first
 * one is the bootnode of the others; its peer id is read from its log.
 * Returns { nodes: { alice, bob, ... }, list, bootnode, dir }.
 */
export async function startLocalNetwork({
  names = LOCAL_VALIDATORS,
  chain = 'local',
  dir,
  extraArgs = [],
  startTimeoutMs,
  binary,
} = {}) {
  const original = assertNodeBinary(binary);
  dir ??= makeTempDir('guild-e2e-local-');
  // One build for the whole network, even if cargo replaces the binary while it runs.
  binary = pinBinary(original, dir);
  const ports = await freePorts(names.length * 2);
  const list = names.map(
    (name, i) =>
      new GuildNode({
        name,
        key: name,
        chain,
        binary,
        validator: true,
        nodeKey: testNodeKey(i + 1),
        basePath: path.join(dir, name),
        logDir: path.join(dir, 'logs'),
        rpcPort: ports[2 * i],
        p2pPort: ports[2 * i + 1],
        // Independent of the chain spec's chain type: nodes on 127.0.0.1 must find each other.
        extraArgs: ['--allow-private-ip', '--discover-local', ...extraArgs],
      }),
  );
  const [first, ...rest] = list;
  await first.start({ timeoutMs: startTimeoutMs });
  const bootnode = await first.multiaddr();
  for (const node of rest) node.bootnodes.push(bootnode);
  await Promise.all(rest.map((node) => node.start({ timeoutMs: startTimeoutMs })));
  return { nodes: Object.fromEntries(list.map((n) => [n.name, n])), list, bootnode, dir };
}
