#!/usr/bin/env node
'use strict';
// Thin shim: the CLI is compiled to dist/ by `npm run build` (run by `prepare` on npm install).
require('../dist/cli').main(process.argv);
