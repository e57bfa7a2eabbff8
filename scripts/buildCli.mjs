// Builds the command line (dist/cli.js) with esbuild: one bundle of our TypeScript, packages left external.
// Runs on `npm ci` through the `prepare` script, so `npx customer-pyramid` works in a fresh clone.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/run.ts'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
