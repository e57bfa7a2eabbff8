// `npm run playground`: the task pane as a plain web page on http://127.0.0.1:8080 (PORT to change).
// Serves dist/web-local (the pane with the packaged Office.js, not the release's CDN copy), building it first
// when it is missing or `--build` is given; nothing leaves this machine.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { serveStatic } = require('./serveStatic.cjs');

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.join(repo, 'dist', 'web-local');

if (process.argv.includes('--build') || !existsSync(path.join(root, 'index.html'))) {
  console.log('Building the pane (webpack --mode production --env officeJs=packaged)…');
  const built = spawnSync('npx', ['webpack', '--mode', 'production', '--env', 'officeJs=packaged'], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const port = Number(process.env.PORT ?? 8080);
const server = await serveStatic({ root, port });
console.log(`Customer Pyramid playground: ${server.url}/  (Ctrl+C to stop)`);
const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
