'use strict';

const { ratio } = require('./row');

const COLUMNS = [
  ['ours', 'cos-emulator'],
  ['s3rver', 's3rver'],
  ['azurite', 'Azurite'],
  ['floor', 'floor / ceiling'],
];

function formatNumber(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '–';
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(2);
}

function ratios(values) {
  return ['s3rver', 'azurite', 'floor']
    .map((other) => [other, ratio(values, other)])
    .filter(([, value]) => Number.isFinite(value))
    .map(([other, value]) => `${value.toFixed(2)}x ${other === 'floor' ? 'floor/ceil' : other}`)
    .join(', ');
}

function budgetCell(budget) {
  if (!budget) return '';
  const mark = budget.met === null ? 'n/a' : budget.met ? 'met' : '**missed**';
  return `${budget.text}: ${mark}`;
}

function scenarioTable(scenario) {
  const lines = [
    `### ${scenario.title}`,
    '',
    ...(scenario.notes || []).map((note) => `${note}  `),
    '',
    '| Metric | ' + COLUMNS.map(([, label]) => label).join(' | ') + ' | ours / other | Budget |',
    '|---|' + COLUMNS.map(() => '---:').join('|') + '|---|---|',
  ];
  for (const entry of scenario.rows) {
    const cells = COLUMNS.map(([id]) => formatNumber(entry.values[id]));
    const metric = `${entry.metric} (${entry.unit})${entry.note ? ` — ${entry.note}` : ''}`;
    lines.push(`| ${metric} | ${cells.join(' | ')} | ${ratios(entry.values)} | ` +
      `${budgetCell(entry.budget)} |`);
  }
  return lines.join('\n');
}

function markdownReport(report) {
  const machine = report.machine;
  const budgets = report.scenarios.flatMap((scenario) => scenario.rows)
    .filter((entry) => entry.budget);
  const missed = budgets.filter((entry) => entry.budget.met === false);
  const met = budgets.filter((entry) => entry.budget.met === true);
  const unmeasured = budgets.length - met.length - missed.length;
  return [
    '# cos-emulator benchmark',
    '',
    `Run ${report.startedAt} at ${report.commit}, ${(report.durationMs / 1000).toFixed(0)} s; ` +
      `scale ${report.scale}, ${report.repetitions} repetitions (median), servers alternating.`,
    '',
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, ` +
      `node ${machine.node}, ${machine.platform}; load average (1, 5, 15 min) ` +
      `${machine.loadAverage.join(', ')} at start, ${machine.loadAverageAtEnd.join(', ')} at end.`,
    '',
    `Budgets: ${met.length} of ${budgets.length} met` +
      (unmeasured ? `, ${unmeasured} not measured` : '') +
      (missed.length ? `; missed: ${missed.map((entry) => entry.metric).join('; ')}.` : '.'),
    '',
    ...report.scenarios.map(scenarioTable).flatMap((table) => [table, '']),
  ].join('\n');
}

module.exports = { markdownReport, formatNumber };
