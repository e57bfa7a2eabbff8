// `npm start` / `npm stop`: sideloads manifest.xml into desktop Excel with office-addin-debugging (start
// also runs the dev server), or removes it. The tool comes from tools/sideload (see sideloadTools.cjs);
// when it is missing this says what to install and exits with code 1. Extra arguments are passed on.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { sideloadTool, installHint } = require('./sideloadTools.cjs');

const [command, ...rest] = process.argv.slice(2);
if (command !== 'start' && command !== 'stop') {
  console.error('usage: node scripts/sideload.mjs start|stop [office-addin-debugging options]');
  process.exit(2);
}
const tool = sideloadTool('office-addin-debugging');
if (tool === undefined) {
  console.error(installHint('office-addin-debugging', `npm ${command}`));
  process.exit(1);
}
const { bin } = JSON.parse(readFileSync(path.join(tool, 'package.json'), 'utf8'));
const cli = path.join(tool, typeof bin === 'string' ? bin : bin['office-addin-debugging']);
const result = spawnSync(process.execPath, [cli, command, 'manifest.xml', ...rest], { stdio: 'inherit' });
process.exit(result.status ?? 1);
