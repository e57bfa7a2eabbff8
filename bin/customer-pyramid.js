#!/usr/bin/env node
'use strict';
// Launcher for the command line built by `npm run build:cli` (run automatically by `npm ci` via prepare).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error(
    'customer-pyramid: the command line is not built yet; run `npm run build:cli` (npm ci does it).',
  );
  process.exit(2);
}
require(cli);
