'use strict';

const os = require('node:os');

function describeMachine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0] ? cpus[0].model.trim() : 'unknown',
    cores: cpus.length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    // Other work on the machine skews every figure; the load average says how much there was.
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

module.exports = { describeMachine };
