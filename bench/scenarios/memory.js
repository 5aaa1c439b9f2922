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

/** RSS growth from an empty bucket to N objects of 1 KiB, net of the keys and bytes stored. */
async function measure(id, count) {
  const server = await launchServer(id);
  try {
    const { api } = server;
    await api.createBucket();
    // One warm-up object so lazily loaded code is not charged to the objects.
    await api.put('warm-up', Buffer.alloc(OBJECT_SIZE));
    const before = processMemory(server.process.pid).rss;
    const body = Buffer.alloc(OBJECT_SIZE, 'm');
    await runLoad(count, 32, (index) => api.put(keyOf(index), body));
    const after = processMemory(server.process.pid).rss;
    const payload = OBJECT_SIZE + keyOf(0).length;
    return { rssMiB: after / MIB, overhead: (after - before) / count - payload };
  } finally {
    await server.close();
  }
}

async function memory(context) {
  const count = context.scaled(100_000, 2_000);
  // Ours alone: s3rver keeps objects on disk, and 100,000 PUTs into Azurite would take minutes
  // per repetition of a run meant to stay near 15.
  const ids = context.emulators.filter((id) => id === 'ours');
  const runs = Object.fromEntries(ids.map((id) => [id, []]));
  // One run: RSS is not a rate, so it varies little, and each run is 100,000 PUTs.
  for (let repetition = 0; repetition < 1; repetition++) {
    for (const id of ids) {
      runs[id].push(await measure(id, count));
      const last = runs[id].at(-1);
      context.log(`memory ${id} rep ${repetition + 1}: RSS ${last.rssMiB.toFixed(0)} MiB, ` +
        `overhead ${last.overhead.toFixed(0)} B/object`);
    }
  }
  const pick = (field) => ({
    ours: runs.ours ? median(runs.ours.map((record) => record[field])) : undefined,
    azurite: runs.azurite ? median(runs.azurite.map((record) => record[field])) : undefined,
  });
  const overhead = pick('overhead');
  return {
    title: '5. Memory',
    notes: [
      `${count.toLocaleString('en-US')} objects of 1 KiB (keys of ${keyOf(0).length} bytes), ` +
        '32 concurrent PUTs, one run; overhead = RSS growth / objects - (key + data).',
    ],
    rows: [
      row(`Server RSS after ${count.toLocaleString('en-US')} objects`, 'MiB', pick('rssMiB'),
        { better: 'lower' }),
      row('Overhead per object beyond key + data', 'bytes', overhead, {
        better: 'lower',
        budget: budget('< 300 bytes', overhead.ours < 300),
      }),
    ],
  };
}

module.exports = { name: 'memory', run: memory };
