// `npm test`: type-check, lint, formatting, builds what the tests check (the command line, the release
// web bundle in dist/web and the one with the packaged Office.js in dist/web-local), then every Jest suite
// (engine, hosts, CLI, task pane, browser end-to-end, bundle checks) with TZ pinned to UTC. Stops at the
// first failing step and exits with its code.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const steps = [
  ['Type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['Lint', 'npx', ['eslint', '.']],
  ['Formatting', 'npx', ['prettier', '--check', '.']],
  ['Build the command line', 'node', ['scripts/buildCli.mjs']],
  ['Build the add-in release (dist/web)', 'npx', ['webpack', '--mode', 'production']],
  [
    'Build the pane with the packaged Office.js (dist/web-local)',
    'npx',
    ['webpack', '--mode', 'production', '--env', 'officeJs=packaged'],
  ],
  [
    'Tests',
    'npx',
    ['jest', '--runInBand', '--json', '--outputFile=test-output/jest-results.json', ...process.argv.slice(2)],
  ],
];

const results = 'test-output/jest-results.json';
mkdirSync('test-output', { recursive: true });
rmSync(results, { force: true });
for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

// One plain closing line for CI logs.
if (existsSync(results)) {
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`\nTests: ${numPassedTests} passed, ${numFailedTests} failed`);
}
