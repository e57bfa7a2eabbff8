// Builds the command line (dist/cli.js) with esbuild: one bundle of our TypeScript, packages left external;
// and its worker threads' script (dist/cliWorker.js): the worker roles alone, which start faster.
// Runs on `npm ci` through the `prepare` script, so `npx customer-pyramid` works in a fresh clone.
import { build } from 'esbuild';

/**
 * exceljs and JSZip take about a second of CPU to load, and a CSV → JSON run uses neither: in the bundle each
 * is a stand-in that loads the package on first use. The stand-ins give what our code uses at run time:
 * exceljs's `Workbook` (always as `new Workbook()`), JSZip's default export (`new JSZip()`, `loadAsync`).
 * exceljs's main module also loads its streaming reader and writer (unzipper, saxes, archiver: about 0.3 s
 * of CPU), which we never use, so the stand-in loads only its Workbook class.
 */
const standIns = {
  exceljs: `let workbookClass;
export function Workbook() {
  workbookClass ??= require('exceljs/lib/doc/workbook');
  return new workbookClass();
}`,
  jszip: `let jsZip;
const load = () => (jsZip ??= require('jszip'));
export default function JSZip() {
  return new (load())();
}
JSZip.loadAsync = (...args) => load().loadAsync(...args);`,
};

const lazyPackages = {
  name: 'lazy-packages',
  setup(plugin) {
    plugin.onResolve({ filter: /^exceljs\/lib\/doc\/workbook$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
    plugin.onResolve({ filter: /^(exceljs|jszip)$/ }, (args) =>
      args.namespace === 'lazy'
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'lazy' },
    );
    plugin.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({
      loader: 'js',
      contents: standIns[args.path],
    }));
  },
};

const bundles = [
  { entryPoints: ['src/cli/run.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['src/cli/worker.ts'], outfile: 'dist/cliWorker.js' },
];
await Promise.all(
  bundles.map((bundle) =>
    build({
      ...bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      packages: 'external',
      plugins: [lazyPackages],
      sourcemap: true,
      logLevel: 'warning',
    }),
  ),
);
