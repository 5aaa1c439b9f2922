'use strict';

const { launchServer } = require('../servers');
const { runLoad } = require('../lib/load');
const { processMemory } = require('../lib/process-memory');
const { median } = require('../lib/stats');
const { row, budget } = require('../lib/row');

const OBJECT_SIZE = 1024;
const MIB = 2 ** 20;

function keyOf(index) {
  return `memory/object-${String(index).padStart(7, '0')}`;
}

// RSS is sampled after each tenth of the PUTs: the per-object cost is the slope of RSS against
// the object count over those samples, so that costs paid once (the young generation V8 grows
// to under load, compiled code, the first segment) are not divided among the objects.
const STEPS = 10;
const WARM_UP_OBJECTS = 5_000;
const REPETITIONS = 3;

/**
 * RSS growth from an empty bucket to N objects of 1 KiB, net of the keys and bytes stored: both
 * the marginal cost of one more object (least-squares slope of RSS over the ten samples) and
 * the plain average (total growth / N), which also carries the fixed costs.
 */
async function measure(id, count) {
  const server = await launchServer(id);
  try {
    const { api } = server;
    await api.createBucket();
    // Warm-up objects under the same load, so that lazily loaded code and the young generation
    // V8 grows to under load are in place before the first sample instead of landing in the
    // middle of the run, where they would tilt the slope (245 to 498 B/object across runs).
    const warmUp = Buffer.alloc(OBJECT_SIZE, 'w');
    await runLoad(WARM_UP_OBJECTS, 32, (index) => api.put(`warm-up/${index}`, warmUp));
    const rss = () => processMemory(server.process.pid).rss;
    const before = rss();
    const body = Buffer.alloc(OBJECT_SIZE, 'm');
    const samples = [];
    for (let step = 0, stored = 0; step < STEPS; step++) {
      const next = Math.round((count * (step + 1)) / STEPS);
      const first = stored;
      await runLoad(next - first, 32, (index) => api.put(keyOf(first + index), body));
      stored = next;
      samples.push({ objects: stored, rss: rss() });
    }
    const after = samples.at(-1).rss;
    const payload = OBJECT_SIZE + keyOf(0).length;
    return {
      rssMiB: after / MIB,
      overhead: slope(samples) - payload,
      averageOverhead: (after - before) / count - payload,
      samplesMiB: samples.map((sample) => Math.round(sample.rss / MIB)),
    };
  } finally {
    await server.close();
  }
}

/** Least-squares slope of RSS against the object count, in bytes per object. */
function slope(samples) {
  const meanX = samples.reduce((sum, s) => sum + s.objects, 0) / samples.length;
  const meanY = samples.reduce((sum, s) => sum + s.rss, 0) / samples.length;
  let covariance = 0;
  let variance = 0;
  for (const { objects, rss } of samples) {
    covariance += (objects - meanX) * (rss - meanY);
    variance += (objects - meanX) ** 2;
  }
  return covariance / variance;
}

async function memory(context) {
  const count = context.scaled(100_000, 2_000);
  // Ours alone: s3rver keeps objects on disk, and 100,000 PUTs into Azurite would take minutes
  // per repetition of a run meant to stay near 15.
  const ids = context.emulators.filter((id) => id === 'ours');
  const runs = Object.fromEntries(ids.map((id) => [id, []]));
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    for (const id of ids) {
      runs[id].push(await measure(id, count));
      const last = runs[id].at(-1);
      context.log(`memory ${id} rep ${repetition + 1}: RSS ${last.rssMiB.toFixed(0)} MiB, ` +
        `overhead ${last.overhead.toFixed(0)} B/object marginal, ` +
        `${last.averageOverhead.toFixed(0)} average; RSS by tenth (MiB) ${last.samplesMiB}`);
    }
  }
  const pick = (field) => ({
    ours: runs.ours ? median(runs.ours.map((record) => record[field])) : undefined,
    azurite: runs.azurite ? median(runs.azurite.map((record) => record[field])) : undefined,
  });
  const overhead = pick('overhead');
  const samples = runs.ours?.[0]?.samplesMiB;
  return {
    title: '5. Memory',
    notes: [
      `${count.toLocaleString('en-US')} objects of 1 KiB (keys of ${keyOf(0).length} bytes), ` +
        `32 concurrent PUTs after ${WARM_UP_OBJECTS.toLocaleString('en-US')} warm-up PUTs, ` +
        `median of ${REPETITIONS} runs. RSS is sampled after each tenth of the PUTs; overhead = ` +
        'slope of RSS against objects stored (least squares over the ten samples) - (key + ' +
        'data): what one more object costs, without the costs paid once under load (the young ' +
        'generation V8 grows to, compiled code). The average row divides the whole growth ' +
        'since the empty bucket by the objects, fixed costs included.',
      ...(samples ? [`Ours, RSS after each tenth (MiB): ${samples.join(', ')}.`] : []),
    ],
    rows: [
      row(`Server RSS after ${count.toLocaleString('en-US')} objects`, 'MiB', pick('rssMiB'),
        { better: 'lower' }),
      row('Overhead per object beyond key + data', 'bytes', overhead, {
        better: 'lower',
        budget: budget('< 300 bytes', overhead.ours < 300),
      }),
      row('Average RSS growth per object beyond key + data', 'bytes', pick('averageOverhead'), {
        better: 'lower',
      }),
    ],
  };
}

module.exports = { name: 'memory', run: memory };
