'use strict';

const { launchServer } = require('../servers');
const { runLoad, decileRates } = require('../lib/load');
const { median, medianOfRecords } = require('../lib/stats');
const { row, budget, ratio } = require('../lib/row');

const CONCURRENCY = 32;
// The peers run at a few hundred requests/s here; half the count each keeps the whole benchmark
// near 15 minutes. A smaller bucket can only flatter them, never us.
const PEER_SHARE = 0.5;
const OBJECT_SIZE = 1024;
const WARM_UP = 500;

/** N PUTs then N GETs of 1 KiB with 32 clients in flight, on a fresh server per repetition. */
async function measure(id, count) {
  const server = await launchServer(id);
  try {
    const { api } = server;
    await api.createBucket();
    const body = Buffer.alloc(OBJECT_SIZE, 'b');
    const keyOf = (index) => `small/object-${String(index).padStart(7, '0')}`;
    // Warm-up (not measured): the first few hundred requests of any server run while V8 is
    // still compiling, which would read as a slow first tenth.
    await runLoad(WARM_UP, CONCURRENCY, (index) => api.put(`warm-up/${index}`, body));
    const puts = await runLoad(count, CONCURRENCY, (index) => api.put(keyOf(index), body));
    const gets = await runLoad(count, CONCURRENCY, async (index) => {
      const bytes = await api.get(keyOf(index));
      if (bytes !== OBJECT_SIZE) throw new Error(`${id}: GET returned ${bytes} bytes`);
    });
    return {
      putRate: puts.requestsPerSecond,
      putP50: puts.p50Ms,
      putP99: puts.p99Ms,
      getRate: gets.requestsPerSecond,
      getP50: gets.p50Ms,
      getP99: gets.p99Ms,
      putDeciles: decileRates(puts.finishedAt),
    };
  } finally {
    await server.close();
  }
}

/**
 * Whether the PUT rate falls as the bucket fills: the median rate of the last three tenths of the
 * run over that of the first three. Medians of three, so that one GC pause or a neighbour's burst
 * on a shared machine reads as noise rather than as growth (the bare ceiling, whose cost cannot
 * grow, scored 0.62 on a slowest-tenth measure).
 */
function flatness(deciles) {
  return median(deciles.slice(-3)) / median(deciles.slice(0, 3));
}

async function smallObjects(context) {
  const count = context.scaled(20_000, 200);
  const peerCount = Math.round(count * PEER_SHARE);
  const countOf = (id) => (id === 's3rver' || id === 'azurite' ? peerCount : count);
  const ids = [...context.emulators, 'ceiling'];
  const runs = Object.fromEntries(ids.map((id) => [id, []]));
  for (let repetition = 0; repetition < context.repetitions; repetition++) {
    for (const id of ids) {
      runs[id].push(await measure(id, countOf(id)));
      context.log(`small objects ${id} rep ${repetition + 1}: ` +
        `PUT ${runs[id].at(-1).putRate.toFixed(0)}/s GET ${runs[id].at(-1).getRate.toFixed(0)}/s`);
    }
  }

  const result = Object.fromEntries(ids.map((id) => [id, medianOfRecords(runs[id])]));
  const pick = (field) => ({
    ours: result.ours?.[field],
    s3rver: result.s3rver?.[field],
    azurite: result.azurite?.[field],
    floor: result.ceiling[field],
  });
  const rateBudget = (values) => budget(
    '>= 3x s3rver, >= 3x Azurite, >= 0.5x ceiling',
    ratio(values, 's3rver') >= 3 && ratio(values, 'azurite') >= 3 && ratio(values, 'floor') >= 0.5,
  );
  const putRate = pick('putRate');
  const getRate = pick('getRate');
  const flat = Object.fromEntries(
    Object.entries(result).map(([id, record]) => [id === 'ceiling' ? 'floor' : id,
      flatness(record.putDeciles)]),
  );
  const oursDeciles = result.ours ? result.ours.putDeciles.map((rate) => rate.toFixed(0)) : [];

  return {
    title: '2. Small objects (1 KiB)',
    notes: [
      `${count.toLocaleString('en-US')} PUTs then as many GETs (s3rver and Azurite: ` +
        `${peerCount.toLocaleString('en-US')}, to bound the run's time), ${CONCURRENCY} ` +
        'concurrent keep-alive clients (raw node:http), fresh server per repetition; ' +
        'ceiling: bare node:http answering fixed bytes; ' +
        `${WARM_UP} unmeasured PUTs warm each server up first.`,
      `Ours, PUT rate by decile of bucket size (req/s): ${oursDeciles.join(', ') || '–'}.`,
    ],
    rows: [
      row('PUT rate', 'req/s', putRate, { budget: rateBudget(putRate) }),
      row('PUT p50', 'ms', pick('putP50'), { better: 'lower' }),
      row('PUT p99', 'ms', pick('putP99'), { better: 'lower' }),
      row('GET rate', 'req/s', getRate, { budget: rateBudget(getRate) }),
      row('GET p50', 'ms', pick('getP50'), { better: 'lower' }),
      row('GET p99', 'ms', pick('getP99'), { better: 'lower' }),
      row('PUT rate flatness', 'last 3 tenths / first 3 tenths', flat, {
        budget: budget('>= 0.9 (flat)', flat.ours >= 0.9),
      }),
    ],
    samples: runs,
  };
}

module.exports = { name: 'small', run: smallObjects };
