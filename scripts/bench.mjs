// `npm run bench`: bundles bench/*.ts with esbuild (packages external) into dist/bench/bench.js (the
// bench) and dist/bench/case.js (cases run in child processes), and runs
// it with --expose-gc and a large heap. Arguments pass through, e.g. `npm run bench -- --quick`.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

await build({
  entryPoints: { bench: 'bench/main.ts', case: 'bench/caseMain.ts' },
  outdir: 'dist/bench',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});

const result = spawnSync(
  process.execPath,
  [
    '--expose-gc',
    '--max-old-space-size=8192',
    '--enable-source-maps',
    'dist/bench/bench.js',
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } },
);
process.exit(result.status ?? 1);
