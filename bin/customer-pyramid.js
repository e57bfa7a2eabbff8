#!/usr/bin/env node
'use strict';
// Launcher for the command line built by `npm run build:cli` (run by `npm ci` via prepare; the packed
// tarball holds it built).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  console.error(
    'customer-pyramid: the command line (dist/cli.js) is not built; in the clone run `npm ci` (it builds it) or ' +
      '`npm run build:cli`, which need the development dependencies.',
  );
  process.exit(2);
}
require(cli);
