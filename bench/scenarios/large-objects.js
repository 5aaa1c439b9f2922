'use strict';

const { launchServer } = require('../servers');
const { withPeakRss } = require('../lib/process-memory');
const { medianOfRecords } = require('../lib/stats');
const { row, budget, ratio } = require('../lib/row');

const MIB = 2 ** 20;
const CHUNK = Buffer.alloc(MIB, 'L');

const VARIANTS = [
  { column: 'ours', server: 'ours', encrypted: false },
  { column: 'oursSse', server: 'ours', encrypted: true },
  { column: 's3rver', server: 's3rver', encrypted: false },
  { column: 'azurite', server: 'azurite', encrypted: false },
];

/** One PUT and one GET of `size` bytes on a fresh server; peak RSS spans both. */
async function measure(variant, size) {
  const server = await launchServer(variant.server);
  try {
    const { api } = server;
    await api.createBucket();
    const key = 'large/object.bin';
    let putMs = 0;
    let getMs = 0;
    const { peakRss } = await withPeakRss(server.process.pid, async () => {
      let started = performance.now();
      const headers = await api.put(key, { chunk: CHUNK, length: size }, {
        encrypted: variant.encrypted,
      });
      putMs = performance.now() - started;
      // A server that ignores the SSE header would pass for fast encryption; refuse that.
      if (variant.encrypted && headers['x-cos-server-side-encryption'] !== 'AES256') {
        throw new Error('PUT response does not confirm x-cos-server-side-encryption: AES256');
      }
      started = performance.now();
      const bytes = await api.get(key, { discard: true });
      getMs = performance.now() - started;
      if (bytes !== size) throw new Error(`${variant.column}: GET returned ${bytes} bytes`);
    });
    return {
      putRate: size / 1e6 / (putMs / 1000),
      getRate: size / 1e6 / (getMs / 1000),
      peakRssMiB: peakRss / MIB,
    };
  } finally {
    await server.close();
  }
}

async function largeObjects(context) {
  const size = Math.max(MIB, Math.round((2 ** 30 * context.scale) / MIB) * MIB);
  const variants = VARIANTS.filter((variant) => context.emulators.includes(variant.server));
  const runs = Object.fromEntries(variants.map((variant) => [variant.column, []]));
  const failures = {};
  for (let repetition = 0; repetition < context.repetitions; repetition++) {
    for (const variant of variants.filter((candidate) => !failures[candidate.column])) {
      try {
        runs[variant.column].push(await measure(variant, size));
      } catch (error) {
        failures[variant.column] = error.message;
        context.log(`large ${variant.column} failed: ${error.message}`);
        continue;
      }
      const last = runs[variant.column].at(-1);
      context.log(`large ${variant.column} rep ${repetition + 1}: PUT ${last.putRate.toFixed(0)} ` +
        `MB/s GET ${last.getRate.toFixed(0)} MB/s peak ${last.peakRssMiB.toFixed(0)} MiB`);
    }
  }

  const result = Object.fromEntries(Object.entries(runs)
    .filter(([column]) => !failures[column])
    .map(([column, records]) => [column, medianOfRecords(records)]));
  const pick = (field, oursColumn = 'ours') => ({
    ours: result[oursColumn]?.[field],
    s3rver: result.s3rver?.[field],
    azurite: result.azurite?.[field],
  });
  const sizeMiB = size / MIB;
  const rssLimit = 1.3 * sizeMiB + 150;
  const rows = [];
  for (const [label, column] of [['plain', 'ours'], ['SSE-COS', 'oursSse']]) {
    const put = pick('putRate', column);
    const get = pick('getRate', column);
    const rss = pick('peakRssMiB', column);
    const sseShare = (field) => result.oursSse?.[field] / result.ours?.[field];
    const sseNote = column === 'oursSse' ? ' (peers plain)' : '';
    rows.push(
      row(`PUT ${sizeMiB} MiB, ${label}${sseNote}`, 'MB/s', put, {
        budget: column === 'ours'
          ? budget('>= 400 MB/s', put.ours >= 400)
          : budget('>= 70% of plain', sseShare('putRate') >= 0.7),
      }),
      row(`GET ${sizeMiB} MiB, ${label}${sseNote}`, 'MB/s', get, {
        budget: column === 'ours'
          ? budget('>= 400 MB/s', get.ours >= 400)
          : budget('>= 70% of plain', sseShare('getRate') >= 0.7),
      }),
      row(`Peak server RSS, ${label}${sseNote}`, 'MiB', rss, {
        better: 'lower',
        budget: budget(`< 1.3x object + 150 MiB (${rssLimit.toFixed(0)})`, rss.ours < rssLimit),
      }),
    );
  }
  if (Number.isFinite(ratio(pick('putRate'), 's3rver'))) {
    context.log(`large: ours/s3rver PUT ${ratio(pick('putRate'), 's3rver').toFixed(2)}`);
  }

  return {
    title: '4. Large objects',
    notes: [
      `One ${sizeMiB} MiB object streamed up (single PUT) and down, fresh server per ` +
        'measurement; MB = 10^6 bytes; peak RSS is the server process\'s VmHWM / sampled VmRSS.',
      'SSE-COS: header `x-cos-server-side-encryption: AES256` (ours only; peer columns repeat ' +
        'their plain figures for reference).',
      ...Object.entries(failures)
        .map(([column, message]) => `Not measured, ${column}: ${message}.`),
    ],
    rows,
  };
}

module.exports = { name: 'large', run: largeObjects };
