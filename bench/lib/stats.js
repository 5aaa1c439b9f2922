'use strict';

function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Nearest-rank percentile over a typed array of latencies, sorted in place. */
function percentile(sortedValues, fraction) {
  if (sortedValues.length === 0) return NaN;
  const rank = Math.min(sortedValues.length - 1, Math.ceil(fraction * sortedValues.length) - 1);
  return sortedValues[Math.max(0, rank)];
}

/** Median of each numeric field across repetitions of the same measurement. */
function medianOfRecords(records) {
  const result = {};
  for (const field of Object.keys(records[0] || {})) {
    const values = records.map((record) => record[field]);
    if (values.every((value) => typeof value === 'number')) result[field] = median(values);
    else if (values.every((value) => Array.isArray(value))) {
      result[field] = values[0].map((_, i) => median(values.map((list) => list[i])));
    } else result[field] = values[0];
  }
  return result;
}

module.exports = { median, percentile, medianOfRecords };
