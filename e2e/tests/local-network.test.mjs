// The four-validator local network (`--chain local`, Alice, Bob, Charlie and Dave), each a real
// `guild-node` process on 127.0.0.1. GRANDPA needs more than 2/3 of the 4 voters (3) to finalize;
// BABE goes on with any author. The tests run in order and share the network:
//   all four up → Dave stopped → Charlie stopped too → Charlie back (from his database).

import assert from 'node:assert/strict';
import { after, before, describe } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';

import {
  HeadSampler,
  cleanup,
  devAccounts,
  meanBlockTimeMs,
  metric,
  peerIdFromNodeKey,
  ss58,
  startLocalNetwork,
  steps,
  testNodeKey,
  waitFor,
  waitForFinalized,
  withNodeLogs,
} from '../lib/index.mjs';

const SLOT_MS = 6_000;

// The steps share one network and build on each other: once one fails, the later ones are
// skipped rather than failing for the same reason.
const step = steps();

describe('local network of four validators', { timeout: 1_200_000 }, () => {
  let net;
  let alice;
  let bob;
  let charlie;
  let dave;
  let api;
  let sampler;
  let charlieBeforeStop;
  let stuck;

  const allHeads = () => Promise.all(net.list.map((n) => n.heads()));

  before(
    withNodeLogs(async () => {
      net = await startLocalNetwork();
      ({ alice, bob, charlie, dave } = net.nodes);
      api = await alice.api();
      sampler = await new HeadSampler(api).start();
    }),
    { timeout: 300_000 },
  );

  after(async () => {
    sampler?.stop();
    await cleanup();
  });

  step(
    'all four validators reach the same finalized head',
    { timeout: 420_000 },
    withNodeLogs(async () => {
      // The bootnode's peer id, read from Alice's log, is the one her fixed node key gives.
      assert.equal(await alice.peerId(), await peerIdFromNodeKey(testNodeKey(1)));
      assert.equal(new Set(await Promise.all(net.list.map((n) => n.blockHash(0)))).size, 1, 'same genesis');

      // The local preset: four BABE authorities and session validators.
      const accounts = await devAccounts();
      const expected = ['alice', 'bob', 'charlie', 'dave'].map((n) => accounts[n].address).sort();
      const validators = (await api.query.session.validators()).map(ss58).sort();
      assert.deepEqual(validators, expected);
      const babe = (await api.query.babe.authorities()).map(([id]) => ss58(id)).sort();
      assert.deepEqual(babe, expected);

      await waitFor(async () => (await alice.rpc('system_health')).peers >= 3, {
        timeoutMs: 120_000,
        what: 'Alice connected to the three others',
      });
      await Promise.all(net.list.map((n) => waitForFinalized(n, 3, { timeoutMs: 300_000 })));
      // GRANDPA's voters are running now: four of weight 1, threshold 3.
      const round = await api.rpc.grandpa.roundState();
      assert.equal(round.best.totalWeight.toNumber(), 4);
      assert.equal(round.best.thresholdWeight.toNumber(), 3);

      // One block hash at a number all four have finalized...
      const hs = await allHeads();
      const common = Math.min(...hs.map((h) => h.finalized));
      const hashes = await Promise.all(net.list.map((n) => n.blockHash(common)));
      assert.equal(new Set(hashes).size, 1, `different blocks finalized at #${common}: ${hashes.join(' ')}`);
      // ...and, at one moment, the same finalized head on all four.
      const same = await waitFor(
        async () => {
          const hs = await allHeads();
          return new Set(hs.map((h) => h.finalizedHash)).size === 1 ? hs : false;
        },
        { timeoutMs: 120_000, intervalMs: 250, what: 'the same finalized head on all four' },
      );
      console.log(`# all four at finalized #${same[0].finalized} ${same[0].finalizedHash}`);

      // Measurements with all four up.
      sampler.stop();
      const upTo = same[0].finalized; // a block every node (and so Alice's API) has
      const blockTime = await meanBlockTimeMs(api, 1, upTo);
      metric('local_block_time_ms', blockTime);
      metric('local_finality_lag_blocks_mean', sampler.lagBlocks().mean);
      metric('local_finality_lag_blocks_max', sampler.lagBlocks().max);
      metric('local_finality_lag_ms_mean', sampler.lagMs().mean);
      metric('local_blocks_observed', upTo);
      for (const n of net.list) metric(`local_rss_kb_${n.name}`, n.rssKb());
      assert.ok(blockTime >= 5_900 && blockTime <= 12_000, `mean block time ${blockTime} ms`);
    }),
  );

  step(
    'with one validator stopped, finality still advances',
    { timeout: 240_000 },
    withNodeLogs(async () => {
      await dave.stop();
      const { finalized } = await alice.heads();
      // 3 of 4 voters remain: the threshold.
      await waitForFinalized(alice, finalized + 2, { timeoutMs: 150_000 });
      await waitForFinalized(bob, finalized + 2, { timeoutMs: 60_000 });
      await waitForFinalized(charlie, finalized + 2, { timeoutMs: 60_000 });
    }),
  );

  step(
    'with two stopped, blocks go on and finality stops',
    { timeout: 300_000 },
    withNodeLogs(async () => {
      charlieBeforeStop = await charlie.heads();
      await charlie.stop();
      // Votes Charlie sent before stopping may still complete the round in progress.
      await sleep(2 * SLOT_MS);
      const [a0, b0] = await Promise.all([alice.heads(), bob.heads()]);
      const frozen = Math.max(a0.finalized, b0.finalized);
      const t0 = Date.now();
      // Watch until at least 3 new blocks and 3 slots have passed: working finality would have
      // finalized some of them by then (it lags 1-2 blocks with 3 or 4 voters).
      let advanced = null;
      const end = await waitFor(
        async () => {
          const [a, b] = await Promise.all([alice.heads(), bob.heads()]);
          if (a.finalized > frozen || b.finalized > frozen) advanced = { alice: a, bob: b };
          const enough = a.best >= a0.best + 3 && Date.now() - t0 >= 3 * SLOT_MS;
          return advanced || enough ? { a, b } : false;
        },
        { timeoutMs: 240_000, intervalMs: 1_000, what: 'three new blocks with Alice and Bob alone' },
      );
      assert.equal(advanced, null, `finality advanced past #${frozen} with 2 of 4 voters: ${JSON.stringify(advanced)}`);
      assert.ok(end.a.best >= a0.best + 3, 'blocks go on');
      assert.ok(end.a.best - end.a.finalized >= 3, 'the unfinalized tail grows');
      stuck = end.a;
      console.log(`# two validators: best #${end.a.best}, finalized stays #${frozen} over ${Date.now() - t0} ms`);
    }),
  );

  step(
    'a restarted validator continues from its database and finality resumes',
    { timeout: 420_000 },
    withNodeLogs(async () => {
      assert.ok(charlieBeforeStop && stuck, 'runs after the previous tests');
      // Charlie's first run created the database from genesis...
      assert.match(charlie.log(), /Initializing Genesis block\/state/);
      await charlie.start();
      // ...his second run opens it: no new genesis, and his chain starts where it stopped.
      const highest = Number((await charlie.waitForLog(/Highest known block at #(\d+)/))[1]);
      const first = Number(charlie.firstHeader.number);
      console.log(
        `# charlie stopped at best #${charlieBeforeStop.best} finalized #${charlieBeforeStop.finalized}; ` +
          `restarted with highest known #${highest}, first RPC header #${first}`,
      );
      assert.doesNotMatch(charlie.log(), /Initializing Genesis block\/state/, 'the restart rebuilt genesis');
      assert.ok(highest > 0 && highest >= charlieBeforeStop.finalized, `highest known block #${highest}`);
      assert.ok(first >= charlieBeforeStop.finalized, `first header #${first}`);

      // Alice, Bob and Charlie: 3 of 4 voters again.
      const resumed = await waitForFinalized(alice, stuck.finalized + 2, { timeoutMs: 240_000 });
      await waitForFinalized(charlie, resumed.finalized, { timeoutMs: 120_000 });
      await waitForFinalized(bob, resumed.finalized, { timeoutMs: 120_000 });
      const hashes = await Promise.all([alice, bob, charlie].map((n) => n.blockHash(resumed.finalized)));
      assert.equal(new Set(hashes).size, 1, `different blocks at #${resumed.finalized}: ${hashes.join(' ')}`);
      assert.ok(!dave.isRunning);
    }),
  );
});
