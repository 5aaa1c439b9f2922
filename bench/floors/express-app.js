'use strict';

// The start-up floor: the least an express-based HTTP server needs before it answers.
const express = require('express');

const port = Number(process.argv[2]);
const app = express();
app.get('/health', (req, res) => {
  res.status(200).send('ok');
});
app.listen(port, '127.0.0.1');
