// `npm test`: type-check, lint, formatting, builds what the tests check (the command line, the release
// web bundle in dist/web and the one with the packaged Office.js in dist/web-local), then every Jest suite
// (engine, hosts, CLI, task pane, browser end-to-end, bundle checks) with TZ pinned to UTC. Stops at the
// first failing step and exits with its code. The tests get a temporary folder of their own (TMPDIR) that
// must be empty when they end: a test that leaves a temporary file or folder behind fails the run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const systemTmp = os.tmpdir();
const testTmp = mkdtempSync(path.join(systemTmp, 'cp-npm-test-'));
process.on('exit', () => rmSync(testTmp, { recursive: true, force: true }));

/** True when the tests' temporary folder is empty; else says what was left there. */
function leftNothingBehind() {
  const leftOver = readdirSync(testTmp);
  if (leftOver.length > 0)
    console.error(`\nThe tests left temporary files or folders behind: ${leftOver.join(', ')}`);
  return leftOver.length === 0;
}

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
    [
      'jest',
      '--runInBand',
      '--json',
      '--outputFile=test-output/jest-results.json',
      // Jest's cache stays in the system's temporary folder, kept between runs.
      `--cacheDirectory=${path.join(systemTmp, 'jest-customer-pyramid')}`,
      ...process.argv.slice(2),
    ],
    { TMPDIR: testTmp, TMP: testTmp, TEMP: testTmp },
  ],
];

const results = 'test-output/jest-results.json';
mkdirSync('test-output', { recursive: true });
rmSync(results, { force: true });
for (const [name, command, args, env = {}] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, TZ: 'UTC', ...env },
    shell: process.platform === 'win32',
  });
  const clean = env.TMPDIR === undefined || leftNothingBehind();
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  if (!clean) process.exit(1);
}

// One plain closing line for CI logs.
if (existsSync(results)) {
  const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(results, 'utf8'));
  console.log(`\nTests: ${numPassedTests} passed, ${numFailedTests} failed`);
}
