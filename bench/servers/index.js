'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createClient } = require('../lib/http-client');
const { freePort, startServer } = require('../lib/server-process');
const { s3Api } = require('./s3-api');
const { azureApi, azureReadiness } = require('./azure-api');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
// BENCH_OURS_CLI measures another build of ours (same flags) without touching the repo's.
const OURS_CLI = process.env.BENCH_OURS_CLI || path.join(REPO_ROOT, 'bin', 'cos-emulator.js');
// An AppId suffix makes it a valid COS bucket name; 1250000000 is the docs' example AppId.
const OURS_BUCKET = 'bench-1250000000';
const SSE_COS = { 'x-cos-server-side-encryption': 'AES256' };

/**
 * Each server the benchmark knows: how to spawn it as its own process, how to ask whether it is
 * ready, and (for those that store objects) the API the scenarios drive.
 */
const SERVERS = {
  ours: {
    label: 'cos-emulator',
    role: 'ours',
    launch: (port) => ({
      script: OURS_CLI,
      args: ['--port', String(port), '--auth', 'off', '--quiet'],
      readiness: { path: '/_emulator/health' },
      cwd: REPO_ROOT,
    }),
    api: (client) => s3Api(client, OURS_BUCKET, { sse: SSE_COS }),
  },
  oursSeeded: {
    label: 'cos-emulator (seeded by fixture)',
    role: 'ours',
    launch: (port, directory, { keys, prefixes }) => ({
      script: path.join(__dirname, 'ours-seeded.js'),
      args: [String(port), OURS_BUCKET, 'ap-guangzhou', String(keys), String(prefixes)],
      readiness: { path: '/_emulator/health' },
      // Building and validating a fixture of a million objects takes a while.
      timeoutMs: 15 * 60_000,
      cwd: REPO_ROOT,
    }),
    api: (client) => s3Api(client, OURS_BUCKET),
  },
  s3rver: {
    label: 's3rver',
    role: 'peer',
    // s3rver has no in-memory mode; a tmpfs directory is the closest, and the fairest to it.
    needsDirectory: true,
    launch: (port, directory) => ({
      script: require.resolve('s3rver/bin/s3rver.js'),
      args: ['-d', directory, '-a', '127.0.0.1', '-p', String(port), '--silent'],
      readiness: { path: '/' },
    }),
    api: (client) => s3Api(client, 'bench'),
  },
  azurite: {
    label: 'Azurite (blob)',
    role: 'peer',
    needsDirectory: true,
    launch: (port, directory) => ({
      script: require.resolve('azurite/dist/src/blob/main.js'),
      args: [
        '--blobHost', '127.0.0.1',
        '--blobPort', String(port),
        '--inMemoryPersistence',
        '--silent',
        '--disableTelemetry',
      ],
      readiness: azureReadiness(),
      // In-memory mode refuses --location; the cwd keeps any stray file out of the repo.
      cwd: directory,
    }),
    api: (client) => azureApi(client, 'bench'),
  },
  express: {
    label: 'bare express (floor)',
    role: 'floor',
    launch: (port) => ({
      script: path.join(__dirname, '..', 'floors', 'express-app.js'),
      args: [String(port)],
      readiness: { path: '/health' },
    }),
  },
  ceiling: {
    label: 'bare node:http (ceiling)',
    role: 'ceiling',
    launch: (port) => ({
      script: path.join(__dirname, '..', 'floors', 'http-ceiling.js'),
      args: [String(port)],
      readiness: { path: '/health' },
    }),
    api: (client) => ceilingApi(client),
  },
};

function ceilingApi(client) {
  return {
    bucket: 'fixed',
    async createBucket() {},
    async put(key, body) {
      await client.request('PUT', `/fixed/${key}`, { body });
    },
    async get(key, { discard = false } = {}) {
      return (await client.request('GET', `/fixed/${key}`, { discard })).bytes;
    },
  };
}

function tmpfsRoot() {
  return fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
}

/** Starts a fresh server of the given id; `close()` stops it and removes its directory. */
async function launchServer(id, launchOptions = {}) {
  const definition = SERVERS[id];
  const port = await freePort();
  const directory = definition.needsDirectory
    ? fs.mkdtempSync(path.join(tmpfsRoot(), `cos-bench-${id}-`))
    : undefined;
  const removeDirectory = () => {
    if (directory) fs.rmSync(directory, { recursive: true, force: true });
  };
  let server;
  try {
    server = await startServer({ ...definition.launch(port, directory, launchOptions), port });
  } catch (error) {
    removeDirectory();
    throw error;
  }
  const client = createClient(port);
  const api = definition.api ? definition.api(client) : undefined;

  async function close() {
    client.close();
    await server.stop();
    removeDirectory();
  }

  return { id, label: definition.label, process: server, client, api, close };
}

function oursAvailable() {
  if (process.env.BENCH_OURS_CLI) return fs.existsSync(OURS_CLI);
  return fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli'));
}

module.exports = { SERVERS, launchServer, oursAvailable, REPO_ROOT };
