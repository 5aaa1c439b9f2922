'use strict';

const { launchServer } = require('../servers');
const { median } = require('../lib/stats');
const { row, budget, ratio } = require('../lib/row');

/** Spawn to first 200 on the readiness request, fresh process each time, servers alternating. */
async function coldStart(context) {
  const ids = [...context.emulators, 'express'];
  const samples = Object.fromEntries(ids.map((id) => [id, []]));
  // Start-up is short and noisy; it takes more repetitions than the others to settle.
  const repetitions = Math.max(context.repetitions, 5);
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const id of ids) {
      const server = await launchServer(id);
      samples[id].push(server.process.startupMs);
      await server.close();
    }
  }

  const values = {
    ours: median(samples.ours || []),
    s3rver: median(samples.s3rver || []),
    azurite: median(samples.azurite || []),
    floor: median(samples.express),
  };
  context.log(`cold start medians ${JSON.stringify(values)}`);
  return {
    title: '1. Cold start',
    notes: [
      'Spawn `node <cli>` to the first 200: ours `GET /_emulator/health`, s3rver `GET /` ' +
        '(ListBuckets), Azurite a SAS-signed List Containers, floor a bare express app.',
      `Median of ${repetitions} starts each.`,
    ],
    rows: [
      row('Start-up to first 200', 'ms', values, {
        better: 'lower',
        budget: budget('<= 1.3x bare express', ratio(values, 'floor') <= 1.3),
      }),
    ],
    samples,
  };
}

module.exports = { name: 'startup', run: coldStart };
