/**
 * Builds the command line from the current sources (like `npm run build:cli`, into a temporary folder)
 * so tests can run it as a real child process: under a preload script, with resource limits, or killed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';

const repo = path.resolve(__dirname, '../..');
const folders: string[] = [];

// Registered when a test file imports this module: the bundles go when the file's tests end.
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Path of a fresh CLI bundle (packages resolved from the repository's node_modules). */
export function buildCliBundle(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'cp-cli-bundle-'));
  folders.push(folder);
  const outfile = path.join(folder, 'cli.js');
  buildSync({
    entryPoints: [path.join(repo, 'src/cli/run.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    nodePaths: [path.join(repo, 'node_modules')],
    logLevel: 'silent',
  });
  return outfile;
}

/** Environment for a child running the bundle: packages found in the repository's node_modules. */
export function cliEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: path.join(repo, 'node_modules'), TZ: 'UTC', ...extra };
}
