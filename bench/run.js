'use strict';

// Runs the benchmark scenarios against ours and the peers and writes results/latest.{md,json}.
// Usage: node run.js [--scenario startup,small,listing,large,memory] [--scale 0.05] [--reps 3]
//                    [--peers s3rver,azurite] [--no-ours]
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { describeMachine } = require('./lib/machine');
const { markdownReport } = require('./lib/report');
const { execFileSync } = require('node:child_process');
const { oursAvailable, REPO_ROOT } = require('./servers');

const SCENARIOS = [
  require('./scenarios/cold-start'),
  require('./scenarios/small-objects'),
  require('./scenarios/listing'),
  require('./scenarios/large-objects'),
  require('./scenarios/memory'),
];

const USAGE = `Usage: node run.js [options]
  --scenario <list>  comma-separated: startup, small, listing, large, memory (default: all)
  --scale <n>        shrink every object count and size by this fraction (env BENCH_SCALE)
  --reps <n>         repetitions per measurement, at least 3 (env BENCH_REPS)
  --peers <list>     s3rver,azurite (default); empty for none
  --no-ours          measure the peers only
A complete run at full scale writes results/latest.{md,json}; others go to results/tmp/.`;

function options() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      scale: { type: 'string', default: process.env.BENCH_SCALE || '1' },
      reps: { type: 'string', default: process.env.BENCH_REPS || '3' },
      peers: { type: 'string', default: 's3rver,azurite' },
      'no-ours': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const names = values.scenario ? values.scenario.split(',') : SCENARIOS.map((s) => s.name);
  const unknown = names.filter((name) => !SCENARIOS.some((scenario) => scenario.name === name));
  if (unknown.length) {
    throw new Error(`unknown scenario ${unknown.join(', ')}; known: ` +
      SCENARIOS.map((scenario) => scenario.name).join(', '));
  }
  return {
    names,
    scale: Number(values.scale),
    repetitions: Math.max(3, Number(values.reps)),
    peers: values.peers.split(',').filter(Boolean),
    withOurs: !values['no-ours'],
  };
}

async function main() {
  const opts = options();
  const startedAt = new Date();
  const machineAtStart = describeMachine();
  if (opts.withOurs && !oursAvailable()) {
    throw new Error('dist/cli is missing: run `npm run build` at the repository root first ' +
      '(or pass --no-ours to measure the peers only)');
  }
  const log = (message) => {
    const seconds = ((Date.now() - startedAt.getTime()) / 1000).toFixed(0);
    console.error(`[bench ${seconds}s] ${message}`);
  };
  const context = {
    scale: opts.scale,
    repetitions: opts.repetitions,
    emulators: [...(opts.withOurs ? ['ours'] : []), ...opts.peers],
    scaled: (count, minimum) => Math.max(minimum, Math.round(count * opts.scale)),
    log,
  };

  const scenarios = [];
  for (const scenario of SCENARIOS.filter((s) => opts.names.includes(s.name))) {
    log(`scenario ${scenario.name} (load average ${describeMachine().loadAverage.join(', ')})`);
    try {
      scenarios.push({ name: scenario.name, ...(await scenario.run(context)) });
    } catch (error) {
      // One broken scenario (a server refusing a request) should not cost the others' figures.
      log(`scenario ${scenario.name} failed: ${error.stack}`);
      scenarios.push({ name: scenario.name, title: scenario.name, rows: [],
        notes: [`Failed: ${error.message}`] });
      process.exitCode = 1;
    }
  }

  const report = {
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    scale: opts.scale,
    repetitions: opts.repetitions,
    commit: repositoryCommit(),
    machine: { ...machineAtStart, loadAverageAtEnd: describeMachine().loadAverage },
    scenarios,
  };
  const markdown = markdownReport(report);
  console.log(markdown);
  writeResults(report, markdown, opts);
}

/** Only a complete, full-size run replaces latest.*; partial or scaled runs go to results/tmp. */
function writeResults(report, markdown, opts) {
  const complete = opts.scale === 1 && opts.names.length === SCENARIOS.length && opts.withOurs;
  const directory = path.join(__dirname, 'results', complete ? '' : 'tmp');
  const base = complete ? 'latest' : `run-${opts.names.join('-')}-x${opts.scale}`;
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, `${base}.md`), markdown);
  const json = JSON.stringify(report, replacer, 2);
  fs.writeFileSync(path.join(directory, `${base}.json`), `${json}\n`);
  console.error(`wrote ${path.join(directory, base)}.{md,json}`);
}

function repositoryCommit() {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty'], { cwd: REPO_ROOT })
      .toString().trim();
  } catch {
    return 'unknown';
  }
}

function replacer(key, value) {
  if (value instanceof Float64Array) return undefined;
  return typeof value === 'number' && !Number.isFinite(value) ? null : value;
}

main().catch((error) => {
  console.error(error && error.stack ? error.stack : error);
  process.exitCode = 1;
});
