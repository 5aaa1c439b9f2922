'use strict';

const { percentile } = require('./stats');

/**
 * Runs `count` operations with `concurrency` workers pulling the next index, timing each.
 * Returns throughput, latency percentiles, and the completion time of every operation so the
 * caller can see whether the rate drifts as the server fills up.
 */
async function runLoad(count, concurrency, operation) {
  const latencies = new Float64Array(count);
  const finishedAt = new Float64Array(count);
  let next = 0;
  let done = 0;
  const start = performance.now();

  async function worker() {
    while (next < count) {
      const index = next++;
      const begin = performance.now();
      await operation(index);
      const end = performance.now();
      latencies[index] = end - begin;
      finishedAt[done++] = end - start;
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  const elapsedMs = performance.now() - start;
  latencies.sort();
  return {
    requestsPerSecond: count / (elapsedMs / 1000),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    elapsedMs,
    finishedAt,
  };
}

/** Requests per second within each tenth of the run, in completion order. */
function decileRates(finishedAt) {
  const count = finishedAt.length;
  const rates = [];
  for (let decile = 0; decile < 10; decile++) {
    const first = Math.floor((decile * count) / 10);
    const last = Math.floor(((decile + 1) * count) / 10) - 1;
    const startMs = first === 0 ? 0 : finishedAt[first - 1];
    const spanMs = Math.max(finishedAt[last] - startMs, 1e-3);
    rates.push((last - first + 1) / (spanMs / 1000));
  }
  return rates;
}

module.exports = { runLoad, decileRates };
