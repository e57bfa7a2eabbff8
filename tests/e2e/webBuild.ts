import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** The repository root. */
export const repo = path.resolve(__dirname, '../..');
/** The release build of the pane (`webpack --mode production`): Office.js from Microsoft's CDN. */
export const releaseRoot = path.join(repo, 'dist', 'web');
/**
 * The pane with the packaged Office.js (`--env officeJs=packaged`), which the browser tests and the
 * offline playground use: nothing in it reaches the internet.
 */
export const webRoot = path.join(repo, 'dist', 'web-local');

/** Which build: the release or the one with the packaged Office.js. */
export type WebBuild = 'release' | 'local';

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function builtAt(root: string): number {
  try {
    return Math.min(
      statSync(path.join(root, 'taskpane.js')).mtimeMs,
      statSync(path.join(root, 'analysisWorker.js')).mtimeMs,
      statSync(path.join(root, 'fileWorker.js')).mtimeMs,
      statSync(path.join(root, 'index.html')).mtimeMs,
      statSync(path.join(root, 'taskpane.html')).mtimeMs,
    );
  } catch {
    return 0;
  }
}

/**
 * Builds the pane with webpack (production; `local` with the packaged Office.js into dist/web-local,
 * `release` into dist/web) unless it is newer than every source file: a build takes a minute or two on a
 * small machine, so the tests build once and reuse it. A lock directory keeps two test files from
 * building at once. Returns the build's folder.
 */
export function ensureWebBuild(build: WebBuild = 'local'): string {
  const root = build === 'local' ? webRoot : releaseRoot;
  const sources = Math.max(
    newestMtime(path.join(repo, 'src')),
    newestMtime(path.join(repo, 'assets')),
    statSync(path.join(repo, 'webpack.config.js')).mtimeMs,
  );
  if (builtAt(root) > sources) return root;
  const lock = path.join(repo, 'dist', '.web-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for ${lock}; remove it if no build is running.`);
      execFileSync('sleep', ['1']);
    }
  }
  try {
    if (builtAt(root) <= sources) {
      const variant = build === 'local' ? ['--env', 'officeJs=packaged'] : [];
      execFileSync('npx', ['webpack', '--mode', 'production', ...variant], {
        cwd: repo,
        stdio: 'pipe',
        timeout: 600_000,
      });
    }
  } finally {
    rmdirSync(lock);
  }
  return root;
}

/** Bundles tests/e2e/fakeOffice.ts for the browser (it replaces Office.js in Excel-mode tests). */
export async function bundleFakeOffice(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'fakeOffice.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output for fakeOffice.ts');
  return output.text;
}
