// `npm run check:package`: packs the command line as a user would get it (`npm pack`), installs the tarball
// into an empty temporary folder (`npm install ./customer-pyramid-x.y.z.tgz`, dependencies from the
// registry or npm's cache) and runs `npx customer-pyramid sample` and `analyze` there. Fails when the
// tarball holds more than the built command line, when the install brings anything the command line does
// not need (the pane's React, Fluent UI, Office.js, the build tools), or when the analysis fails. Cleans up.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(command, args, cwd) {
  console.log(`$ ${command} ${args.join(' ')}   (in ${cwd})`);
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  }
  return result.stdout;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
  console.log(`ok: ${message}`);
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'cp-package-'));
try {
  const [packed] = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', folder], repo));
  const files = packed.files.map((file) => file.path).sort();
  check(
    JSON.stringify(files) ===
      JSON.stringify([
        'README.md',
        'bin/customer-pyramid.js',
        'dist/cli.js',
        'dist/cliWorker.js',
        'package.json',
      ]),
    `the tarball ${packed.filename} (${(packed.size / 1024).toFixed(0)} kB) holds README.md, package.json, bin/customer-pyramid.js, dist/cli.js and dist/cliWorker.js only (it holds ${files.join(', ')})`,
  );

  const app = path.join(folder, 'app');
  mkdirSync(app);
  run(
    npm,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', path.join(folder, packed.filename)],
    app,
  );
  const installed = run(npm, ['ls', '--all', '--parseable'], app)
    .split('\n')
    .filter((line) => line.includes('node_modules'))
    .map((line) => path.relative(path.join(app, 'node_modules'), line));
  const unwanted = installed.filter((name) =>
    /^(react|react-dom|@fluentui|@microsoft|esbuild|webpack|typescript|jest|office-addin-|keytar)/u.test(
      name,
    ),
  );
  check(
    unwanted.length === 0,
    `the install holds only run-time packages (${installed.length}; unwanted: ${unwanted.join(', ') || 'none'})`,
  );

  run(npx, ['--no', 'customer-pyramid', 'sample', '--out', '.'], app);
  const output = run(
    npx,
    [
      '--no',
      'customer-pyramid',
      'analyze',
      'sample-workbook.xlsx',
      '--out',
      'result.xlsx',
      '--json',
      'report.json',
    ],
    app,
  );
  process.stdout.write(output);
  check(
    existsSync(path.join(app, 'result.xlsx')),
    'npx customer-pyramid analyze wrote result.xlsx in the empty folder',
  );
  const report = JSON.parse(readFileSync(path.join(app, 'report.json'), 'utf8'));
  const customers = report.customers?.length ?? 0;
  check(customers > 0, `the JSON report lists ${customers} customers`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
