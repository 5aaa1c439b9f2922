'use strict';

const fs = require('node:fs');

/** Resident set size (VmRSS) and its high-water mark (VmHWM) of a process, in bytes. */
function processMemory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return { rss: field(status, 'VmRSS'), hwm: field(status, 'VmHWM') };
}

function field(status, name) {
  const match = new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : NaN;
}

/**
 * Samples VmRSS every few ms while `work` runs. VmHWM alone would do on Linux, but sampling
 * also shows whether the peak is transient, and works if HWM is reset or unavailable.
 */
async function withPeakRss(pid, work, intervalMs = 20) {
  let peak = 0;
  const sample = () => {
    try {
      peak = Math.max(peak, processMemory(pid).rss);
    } catch {
      // The process may have exited; the scenario reports that on its own.
    }
  };
  const timer = setInterval(sample, intervalMs);
  try {
    const result = await work();
    sample();
    return { result, peakRss: Math.max(peak, processMemory(pid).hwm) };
  } finally {
    clearInterval(timer);
  }
}

module.exports = { processMemory, withPeakRss };
