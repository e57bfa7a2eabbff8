// `prepare` (run by `npm ci`, `npm install` in the clone and `npm pack`): builds the command line into
// dist/cli.js when esbuild, a development dependency, is installed. After `npm ci --omit=dev` esbuild is
// absent: an existing dist/cli.js is kept, and otherwise one line says how to build it; the install goes on.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let esbuild = true;
try {
  require.resolve('esbuild');
} catch {
  esbuild = false;
}
if (esbuild) {
  await import('./buildCli.mjs');
} else if (!existsSync('dist/cli.js')) {
  console.warn(
    'customer-pyramid: development dependencies are not installed, so the command line (dist/cli.js) was not built; ' +
      'run `npm ci` (with them) or install the packed tarball (`npm pack`), which holds it built.',
  );
}
