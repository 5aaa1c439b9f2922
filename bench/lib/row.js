'use strict';

/**
 * One line of the results table: a metric measured on several servers, the ratio of ours to
 * each other server, and the budget it is held to (reported, never asserted).
 */
function row(metric, unit, values, { better = 'higher', budget, note } = {}) {
  const measured = Number.isFinite(values.ours);
  const held = budget && !measured ? { ...budget, met: null } : budget;
  return { metric, unit, values, better, budget: held, note };
}

/** A budget and whether it was met; `met` is null when ours could not be measured. */
function budget(text, met) {
  return { text, met: met === undefined || Number.isNaN(met) ? null : Boolean(met) };
}

/** ours / other, or NaN when either is missing. */
function ratio(values, other) {
  const ours = values.ours;
  const theirs = values[other];
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return NaN;
  return ours / theirs;
}

module.exports = { row, budget, ratio };
