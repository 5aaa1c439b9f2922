'use strict';

// The request-rate ceiling: node:http doing no work beyond reading the body and answering
// fixed bytes, so no emulator on node can beat it on this machine.
const http = require('node:http');

const port = Number(process.argv[2]);
const objectBytes = Buffer.alloc(Number(process.argv[3] || 1024), 'x');

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    if (req.method === 'GET' && req.url !== '/health') {
      res.writeHead(200, { 'content-length': objectBytes.length, etag: '"fixed"' });
      res.end(objectBytes);
      return;
    }
    res.writeHead(200, { 'content-length': 0, etag: '"fixed"' });
    res.end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1');
