import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../engine/buildReport';
import { AnalysisError } from '../engine/errors';
import { runAnalysis, type RunStage } from '../host/runAnalysis';
import { readWorkbookFile } from '../host/file/node/readWorkbookFile';
import { writeFileAtomically } from '../host/file/node/writeFileAtomically';
import { writeSampleWorkbook } from '../host/file/node/writeSampleWorkbook';
import { formatReportJson } from './formatReportJson';
import { formatSummaryTable } from './formatSummaryTable';
import { helpText, parseArgs, UsageError, type CliCommand } from './parseArgs';

/** Rows above which progress is printed on stderr. */
const progressThreshold = 50_000;

function progressPrinter(stderr: NodeJS.WritableStream): (stage: RunStage, fraction: number) => void {
  let last = { stage: '', at: 0, fraction: -1 };
  return (stage, fraction) => {
    const now = Date.now();
    if (stage === last.stage && fraction < 1 && now - last.at < 500 && fraction - last.fraction < 0.25)
      return;
    last = { stage, at: now, fraction };
    stderr.write(`  ${stage} ${Math.round(fraction * 100)}%\n`);
  };
}

/** The real path of a file, or its absolute path when it does not exist yet. */
async function realOrResolved(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    return path.resolve(file);
  }
}

/**
 * Refuses outputs that would overwrite the input, or each other.
 *
 * @throws UsageError naming the clashing option.
 */
async function checkOutputs(command: Extract<CliCommand, { command: 'analyze' }>): Promise<void> {
  const input = await realOrResolved(command.input);
  const out = command.out === null ? null : await realOrResolved(command.out);
  const json = command.json === null ? null : await realOrResolved(command.json);
  const never = 'the input is never overwritten; choose another name.';
  if (out === input) throw new UsageError(`--out names the input file: ${never}`);
  if (json === input) throw new UsageError(`--json names the input file: ${never}`);
  if (out !== null && out === json) throw new UsageError('--out and --json name the same file.');
}

async function analyzeCommand(
  command: Extract<CliCommand, { command: 'analyze' }>,
  io: CliIo,
): Promise<void> {
  await checkOutputs(command);
  // Without a workbook to write, an .xlsx of any size is read by the fast streaming reader: the whole
  // workbook is loaded only when the output must carry it.
  const host = await readWorkbookFile(command.input, command.out === null ? { streamAboveBytes: 0 } : {});
  const info = await host.inspect();
  const rows = info.tables.reduce((sum, t) => sum + t.rowCount, 0);
  const started = Date.now();
  const run = await runAnalysis(host, command.settings, {
    write: command.out !== null,
    describeOutput: command.out !== null,
    ...(rows > progressThreshold ? { onStage: progressPrinter(io.stderr) } : {}),
  });
  const written: string[] = [];
  if (command.out !== null) {
    await writeFileAtomically(command.out, await host.toBuffer());
    written.push(command.out);
  }
  if (command.json !== null) {
    const bytes = new TextEncoder().encode(formatReportJson(buildReport(run.result)));
    await writeFileAtomically(command.json, bytes);
    written.push(command.json);
  }
  if (rows > progressThreshold)
    io.stderr.write(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  if (!command.quiet) {
    io.stdout.write(`${formatSummaryTable(run.result, path.basename(command.input))}\n`);
    if (written.length > 0) io.stdout.write(`Wrote ${written.join(' and ')}.\n`);
    if (command.out !== null && host.outputNote !== null) io.stdout.write(`${host.outputNote}\n`);
  }
}

async function sampleCommand(command: Extract<CliCommand, { command: 'sample' }>, io: CliIo): Promise<void> {
  const languages = command.language === 'both' ? (['en', 'zh-CN'] as const) : [command.language];
  for (const language of languages) {
    const file = path.join(
      command.outDir,
      language === 'en' ? 'sample-workbook.xlsx' : 'sample-workbook.zh-CN.xlsx',
    );
    await writeSampleWorkbook(language, file, { tables: command.tables });
    io.stdout.write(`Wrote ${file}\n`);
  }
}

/** Where the CLI writes; injectable for tests. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Runs the command line and returns its exit code: 0 on success, 1 on unusable input (one line on stderr
 * saying why), 2 on a usage error.
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let command: CliCommand;
  try {
    command = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`customer-pyramid: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  try {
    switch (command.command) {
      case 'help':
        io.stdout.write(`${helpText}\n`);
        return 0;
      case 'version':
        io.stdout.write('customer-pyramid 0.1.0\n');
        return 0;
      case 'sample':
        await sampleCommand(command, io);
        return 0;
      case 'analyze':
        await analyzeCommand(command, io);
        return 0;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`customer-pyramid: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    const known =
      error instanceof AnalysisError || (error as NodeJS.ErrnoException | null)?.code !== undefined;
    io.stderr.write(`customer-pyramid: ${message.split('\n')[0]}\n`);
    if (!known && process.env.CUSTOMER_PYRAMID_DEBUG === '1' && error instanceof Error)
      io.stderr.write(`${error.stack ?? ''}\n`);
    return 1;
  }
}
