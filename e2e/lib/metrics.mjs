// Block time and finality lag, measured through an ApiPromise; printed as `METRIC name=value`.

/**
 * Follows best and finalized heads of one node and records when each block number was first seen
 * as best and when it was first seen finalized (wall clock of this process).
 */
export class HeadSampler {
  constructor(api) {
    this.api = api;
    this.best = 0;
    this.finalized = 0;
    this.seenAt = new Map(); // number -> ms when first seen as best head
    this.finalizedAt = new Map(); // number -> ms when first covered by a finalized head
    this.lagSamples = []; // best - finalized, sampled at each new best head
    this.unsubs = [];
  }

  async start() {
    this.unsubs.push(
      await this.api.rpc.chain.subscribeNewHeads((header) => {
        const n = header.number.toNumber();
        const now = Date.now();
        if (!this.seenAt.has(n)) this.seenAt.set(n, now);
        if (n > this.best) {
          this.best = n;
          this.lagSamples.push(n - this.finalized);
        }
      }),
    );
    this.unsubs.push(
      await this.api.rpc.chain.subscribeFinalizedHeads((header) => {
        const f = header.number.toNumber();
        const now = Date.now();
        for (let n = this.finalized + 1; n <= f; n++) {
          if (!this.finalizedAt.has(n)) this.finalizedAt.set(n, now);
        }
        if (f > this.finalized) this.finalized = f;
      }),
    );
    return this;
  }

  stop() {
    for (const unsub of this.unsubs.splice(0)) {
      try {
        Promise.resolve(unsub()).catch(() => {});
      } catch {
        // connection already gone
      }
    }
  }

  /** Mean and max of best − finalized (blocks), sampled at each new best head. */
  lagBlocks() {
    return stats(this.lagSamples);
  }

  /** Mean and max time (ms) from a block first seen as best to it being finalized. */
  lagMs() {
    const lags = [];
    for (const [n, at] of this.finalizedAt) {
      const seen = this.seenAt.get(n);
      if (seen !== undefined) lags.push(at - seen);
    }
    return stats(lags);
  }
}

function stats(values) {
  if (!values.length) return { mean: NaN, max: NaN, count: 0 };
  const sum = values.reduce((a, b) => a + b, 0);
  return { mean: sum / values.length, max: Math.max(...values), count: values.length };
}

/**
 * Mean block time (ms) between blocks `from` and `to` of the canonical chain, from their on-chain
 * timestamps (pallet-timestamp), so it counts empty slots and is independent of this process.
 */
export async function meanBlockTimeMs(api, from, to) {
  if (to <= from) throw new Error(`need two distinct blocks (from ${from} to ${to})`);
  const stamp = async (n) => {
    const hash = await api.rpc.chain.getBlockHash(n);
    const at = await api.at(hash);
    return (await at.query.timestamp.now()).toNumber();
  };
  const [t0, t1] = await Promise.all([stamp(from), stamp(to)]);
  return (t1 - t0) / (to - from);
}

/** Print one `METRIC name=value` line (the README collects them). */
export function metric(name, value) {
  const v = typeof value === 'number' && !Number.isInteger(value) ? value.toFixed(2) : String(value);
  console.log(`METRIC ${name}=${v}`);
}
