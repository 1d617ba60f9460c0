#!/usr/bin/env node
// Run a chain to block N (100 by default) and print its block time, finality lag and the node's
// resident memory, one `METRIC name=value` line each (for the README).
//
//   node measure.mjs                    # dev chain (--dev), until block 100 (~10 min at 6 s slots)
//   node measure.mjs --chain local      # the four-validator local network, until block 100
//   node measure.mjs --blocks 20        # shorter run
//
// Uses the same binary as the tests (GUILD_NODE, else $CARGO_TARGET_DIR/release/guild-node).

import { parseArgs } from 'node:util';

import {
  HeadSampler,
  cleanup,
  markFailure,
  meanBlockTimeMs,
  metric,
  nodeBinary,
  printLogTails,
  startDevNode,
  startLocalNetwork,
  waitFor,
} from './lib/index.mjs';

const { values } = parseArgs({
  options: {
    chain: { type: 'string', default: 'dev' },
    blocks: { type: 'string', default: '100' },
  },
});
const chain = values.chain;
const target = Number(values.blocks);
if (!['dev', 'local'].includes(chain) || !Number.isInteger(target) || target < 2) {
  console.error('usage: node measure.mjs [--chain dev|local] [--blocks N>=2]');
  process.exit(2);
}

async function main() {
  console.error(`[measure] ${nodeBinary()} --${chain === 'dev' ? 'dev' : 'chain local'}, until block #${target}`);
  const nodes = chain === 'dev' ? [await startDevNode()] : (await startLocalNetwork()).list;
  const api = await nodes[0].api();
  const sampler = await new HeadSampler(api).start();
  const started = Date.now();
  let reported = 0;
  await waitFor(
    () => {
      if (sampler.best >= reported + 10) {
        reported = sampler.best - (sampler.best % 10);
        const s = Math.round((Date.now() - started) / 1000);
        console.error(`[measure] ${s} s: best #${sampler.best}, finalized #${sampler.finalized}`);
      }
      return sampler.best >= target;
    },
    { timeoutMs: target * 6_000 * 3 + 180_000, intervalMs: 1_000, what: `block #${target}` },
  );
  // Memory at block N, before anything else runs.
  const rss = nodes.map((n) => [n.name, n.rssKb()]);
  sampler.stop();

  const prefix = chain;
  metric(`${prefix}_blocks`, target);
  metric(`${prefix}_block_time_ms`, await meanBlockTimeMs(api, 1, target));
  const lag = sampler.lagBlocks();
  metric(`${prefix}_finality_lag_blocks_mean`, lag.mean);
  metric(`${prefix}_finality_lag_blocks_max`, lag.max);
  const lagMs = sampler.lagMs();
  metric(`${prefix}_finality_lag_ms_mean`, lagMs.mean);
  metric(`${prefix}_finality_lag_ms_max`, lagMs.max);
  for (const [name, kb] of rss) metric(`${prefix}_rss_kb_${name}_at_block_${target}`, kb);
}

try {
  await main();
  await cleanup();
} catch (error) {
  markFailure();
  printLogTails();
  console.error(error);
  await cleanup();
  process.exitCode = 1;
}
