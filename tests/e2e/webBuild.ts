import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

/** The repository root. */
export const repo = path.resolve(__dirname, '../..');
/** Where webpack puts the pane. */
export const webRoot = path.join(repo, 'dist', 'web');

function newestMtime(target: string): number {
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/**
 * Written after each successful build. Webpack leaves an output file untouched when its content did not
 * change, so the bundles' own times can stay older than the sources and a build would start every time.
 */
const marker = path.join(webRoot, '.built');

function builtAt(): number {
  try {
    return statSync(marker).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Builds dist/web with webpack (production) unless it is newer than every source file: a build takes a
 * minute or two on a small machine, so the browser tests build once and reuse it. A lock directory keeps
 * two test files from building at once.
 */
export function ensureWebBuild(): void {
  const sources = Math.max(
    newestMtime(path.join(repo, 'src')),
    statSync(path.join(repo, 'webpack.config.js')).mtimeMs,
  );
  if (builtAt() > sources) return;
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
    if (builtAt() <= sources) {
      execFileSync('npx', ['webpack', '--mode', 'production'], {
        cwd: repo,
        stdio: 'pipe',
        timeout: 600_000,
      });
      writeFileSync(marker, new Date().toISOString());
    }
  } finally {
    rmdirSync(lock);
  }
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
