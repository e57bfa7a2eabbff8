// `npm test`: type-check, lint, formatting, then every Jest suite (engine, hosts, CLI, task pane, browser
// end-to-end) with TZ pinned to UTC. Stops at the first failing step and exits with its code.
import { spawnSync } from 'node:child_process';

const steps = [
  ['Type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['Lint', 'npx', ['eslint', '.']],
  ['Formatting', 'npx', ['prettier', '--check', '.']],
  ['Build the command line', 'node', ['scripts/buildCli.mjs']],
  ['Tests', 'npx', ['jest', '--runInBand', ...process.argv.slice(2)]],
];

for (const [name, command, args] of steps) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TZ: 'UTC' } });
  if (result.status !== 0) {
    console.error(`\n${name} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}
