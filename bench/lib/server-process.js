'use strict';

const { spawn } = require('node:child_process');
const net = require('node:net');
const { probe } = require('./http-client');

/** A port that was free a moment ago; every server is handed one so all start the same way. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns `node script ...args` as a child (so its RSS is its own, readable from /proc) and
 * polls `readiness` on fresh connections until it answers 200. startupMs runs from just before
 * spawn to that first 200, which is what a CI job waiting on the server experiences.
 */
async function startServer({ script, args, port, readiness, env, cwd, timeoutMs = 60_000 }) {
  const started = performance.now();
  const child = spawn(process.execPath, [script, ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  const keep = (chunk) => {
    if (output.length < 50) output.push(chunk.toString('utf8'));
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });

  const deadline = started + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`${script} exited ${JSON.stringify(exited)}: ${output.join('')}`);
    if (performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${script} not ready within ${timeoutMs} ms: ${output.join('')}`);
    }
    const status = await probe(port, readiness.path, readiness.headers);
    if (status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, status === 0 ? 2 : 20));
  }
  const startupMs = performance.now() - started;

  function stop() {
    if (exited) return Promise.resolve();
    return new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGKILL');
    });
  }

  return { pid: child.pid, port, startupMs, stop, output };
}

module.exports = { freePort, startServer };
