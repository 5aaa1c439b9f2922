'use strict';

const { launchServer } = require('../servers');
const { runLoad } = require('../lib/load');
const { median } = require('../lib/stats');
const { row, budget } = require('../lib/row');

const PREFIXES = 10;
const PAGE = 1000;
const EMPTY = Buffer.alloc(0);
const FULL_LISTING_LIMIT_MS = 30_000;

function keyOf(index) {
  return `p${index % PREFIXES}/key-${String(index).padStart(7, '0')}`;
}

/** 0-byte objects, many in flight: listing cost does not depend on object size. */
async function seed(api, count) {
  await api.createBucket();
  await runLoad(count, 64, (index) => api.put(keyOf(index), EMPTY));
}

/**
 * Pages through the whole bucket. Past `timeLimitMs` it stops and projects the full time from
 * the pages done, so a slow listing of a million keys cannot eat the run's time budget.
 */
async function fullListing(api, expected, timeLimitMs = Infinity) {
  const started = performance.now();
  let marker = '';
  let keys = 0;
  for (;;) {
    const page = await api.listPage({ marker, maxKeys: PAGE });
    keys += page.keys;
    if (!page.next) break;
    marker = page.next;
    if (performance.now() - started > timeLimitMs) {
      return { ms: ((performance.now() - started) * expected) / keys, projected: true };
    }
  }
  const ms = performance.now() - started;
  if (keys !== expected) throw new Error(`full listing saw ${keys} keys, expected ${expected}`);
  return { ms, projected: false };
}

async function delimiterListing(api) {
  const started = performance.now();
  const page = await api.listPage({ delimiter: '/', maxKeys: PAGE });
  const ms = performance.now() - started;
  if (page.prefixes !== PREFIXES) throw new Error(`delimiter listing saw ${page.prefixes}`);
  return ms;
}

/**
 * Median full and delimiter listing times on seeded servers, alternating between them.
 * fullRepetitions can be lower: a full listing of a million keys is a thousand requests.
 */
async function measureSeeded(servers, count, repetitions, fullRepetitions = repetitions,
  timeLimitMs = Infinity) {
  const times = Object.fromEntries(servers.map((server) => [server.id, { full: [], delim: [] }]));
  let projected = false;
  for (let repetition = 0; repetition < repetitions; repetition++) {
    for (const server of servers) {
      if (repetition < fullRepetitions) {
        const full = await fullListing(server.api, count, timeLimitMs);
        times[server.id].full.push(full.ms);
        projected ||= full.projected;
      }
      times[server.id].delim.push(await delimiterListing(server.api));
    }
  }
  return Object.fromEntries(Object.entries(times).map(([id, record]) => [id, {
    full: median(record.full),
    delim: median(record.delim),
    projected,
  }]));
}

/** Seeds each server by PUTs; `oursSeeded` starts with the objects already in (fixture). */
async function withSeeded(ids, count, context, work) {
  const servers = [];
  try {
    for (const id of ids) {
      const started = performance.now();
      const server = await launchServer(id, { keys: count, prefixes: PREFIXES });
      servers.push(server);
      if (id !== 'oursSeeded') await seed(server.api, count);
      context.log(`listing: ${count} keys in ${id} after ` +
        `${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
    return await work(servers);
  } finally {
    for (const server of servers) await server.close();
  }
}

async function listing(context) {
  const count = context.scaled(20_000, 2_000);
  const repetitions = Math.max(context.repetitions, 5);
  const compared = await withSeeded(context.emulators, count, context,
    (servers) => measureSeeded(servers, count, repetitions));
  const pick = (field) => ({
    ours: compared.ours?.[field],
    s3rver: compared.s3rver?.[field],
    azurite: compared.azurite?.[field],
  });
  const fullMs = pick('full');
  const delimMs = pick('delim');
  const label = (n) => n.toLocaleString('en-US');
  const rows = [
    row(`Full listing, ${label(count)} keys`, 'ms', fullMs, {
      better: 'lower',
      budget: budget('< 200 ms', fullMs.ours < 200),
    }),
    row(`Delimiter listing, ${label(count)} keys`, 'ms', delimMs, {
      better: 'lower',
      budget: budget('< 10 ms', delimMs.ours < 10),
    }),
  ];

  if (context.emulators.includes('ours')) {
    for (const large of [context.scaled(200_000, 4_000), context.scaled(1_000_000, 10_000)]) {
      const alone = await withSeeded(['oursSeeded'], large, context,
        (servers) => measureSeeded(servers, large, repetitions, 1, FULL_LISTING_LIMIT_MS));
      rows.push(row(`Full listing, ${label(large)} keys (ours alone)`, 'ms',
        { ours: alone.oursSeeded.full }, {
          better: 'lower',
          note: alone.oursSeeded.projected
            ? `projected from the pages listed in ${FULL_LISTING_LIMIT_MS / 1000} s` : undefined,
        }));
      rows.push(row(`Delimiter listing, ${label(large)} keys (ours alone)`, 'ms',
        { ours: alone.oursSeeded.delim }, {
          better: 'lower',
          budget: large >= context.scaled(1_000_000, 10_000)
            ? budget('< 20 ms', alone.oursSeeded.delim < 20) : undefined,
        }));
    }
  }

  return {
    title: '3. Listing',
    notes: [
      `Keys spread over ${PREFIXES} prefixes; full listing pages ${PAGE} keys at a time ` +
        '(marker / NextMarker); delimiter listing is one request with `delimiter=/`.',
      `Median of ${repetitions} listings per server (alternating) after one seeding each ` +
        '(PUTs of 0-byte objects, 64 in flight); the larger buckets of ours alone are seeded ' +
        'through the `fixtures` start-up option instead; there one full listing (a thousand ' +
        `requests at 1M keys) and the median of ${repetitions} delimiter listings.`,
    ],
    rows,
  };
}

module.exports = { name: 'listing', run: listing };
