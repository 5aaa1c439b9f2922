'use strict';

// Starts ours with a bucket already holding N empty objects, through the public `fixtures`
// option: a million PUTs would take most of the run's time budget on two cores.
// Usage: node ours-seeded.js <port> <bucket> <region> <keys> <prefixes>
const path = require('node:path');

// Next to the CLI being measured (BENCH_OURS_CLI), else this repository's build.
const library = process.env.BENCH_OURS_CLI
  ? path.resolve(path.dirname(process.env.BENCH_OURS_CLI), '..')
  : path.resolve(__dirname, '..', '..');
const { startEmulator } = require(library);

const [port, bucket, region, keys, prefixes] = process.argv.slice(2);
const objects = [];
for (let index = 0; index < Number(keys); index++) {
  objects.push({ key: seededKey(index, Number(prefixes)), body: '' });
}

function seededKey(index, prefixCount) {
  return `p${index % prefixCount}/key-${String(index).padStart(7, '0')}`;
}

startEmulator({
  port: Number(port),
  auth: 'off',
  logLevel: 'warn',
  fixtures: { buckets: [{ name: bucket, region, objects }] },
}).catch((error) => {
  console.error(error);
  process.exit(1);
});
