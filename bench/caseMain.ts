// Entry point of the child cases (bundled by scripts/bench.mjs into dist/bench/case.js):
// `node dist/bench/case.js <name> args…` prints the case's figures as one JSON line.
import { childCases } from './childCases';

async function main(argv: readonly string[]): Promise<void> {
  const name = argv[0] ?? '';
  const run = childCases[name];
  if (run === undefined)
    throw new Error(`Unknown case "${name}"; cases: ${Object.keys(childCases).join(', ')}.`);
  const report = await run(argv.slice(1));
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
