'use strict';

const http = require('node:http');

/**
 * A deliberately thin HTTP client: raw node:http over one keep-alive agent, so that the load
 * generator costs the same for every server and no SDK's overhead hides the server's.
 */
function createClient(port, { maxSockets = 64 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });

  /**
   * body: a Buffer, or { chunk, length } to stream `length` bytes by repeating `chunk`.
   * discard: count response bytes instead of keeping them (large GETs).
   */
  function request(method, path, { headers = {}, body, discard = false } = {}) {
    return new Promise((resolve, reject) => {
      const allHeaders = { ...headers };
      if (body !== undefined) allHeaders['content-length'] = bodyLength(body);
      const req = http.request(
        { host: '127.0.0.1', port, method, path, headers: allHeaders, agent },
        (res) => collect(res, discard, resolve, reject),
      );
      req.on('error', reject);
      writeBody(req, body);
    });
  }

  return { request, close: () => agent.destroy() };
}

function bodyLength(body) {
  return Buffer.isBuffer(body) ? body.length : body.length;
}

function writeBody(req, body) {
  if (body === undefined || Buffer.isBuffer(body)) {
    req.end(body);
    return;
  }
  // Repeats one chunk so a 1 GiB upload costs the client no 1 GiB buffer.
  let remaining = body.length;
  const pump = () => {
    while (remaining > 0) {
      const size = Math.min(remaining, body.chunk.length);
      remaining -= size;
      const slice = size === body.chunk.length ? body.chunk : body.chunk.subarray(0, size);
      if (!req.write(slice)) {
        req.once('drain', pump);
        return;
      }
    }
    req.end();
  };
  pump();
}

function collect(res, discard, resolve, reject) {
  const chunks = [];
  let bytes = 0;
  res.on('data', (chunk) => {
    bytes += chunk.length;
    if (!discard) chunks.push(chunk);
  });
  res.on('error', reject);
  res.on('end', () => {
    resolve({
      status: res.statusCode,
      headers: res.headers,
      body: discard ? undefined : Buffer.concat(chunks),
      bytes,
    });
  });
}

/** One request on a fresh connection; used to poll readiness without pooling. */
function probe(port, path, headers = {}) {
  return new Promise((resolve) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'GET', path, headers, agent: false },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      },
    );
    req.on('error', () => resolve(0));
    req.end();
  });
}

/** Fails loudly when a server answers something other than what the scenario relies on. */
function expectStatus(response, allowed, what) {
  if (allowed.includes(response.status)) return response;
  const text = response.body ? response.body.toString('utf8').slice(0, 400) : '';
  throw new Error(`${what}: HTTP ${response.status} ${text}`);
}

module.exports = { createClient, probe, expectStatus };
