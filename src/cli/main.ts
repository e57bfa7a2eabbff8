import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { callsReport } from '../engine/calls/callsReport';
import { analysisSteps, type AnalysisInput } from '../engine/analyze';
import { computeAnalysis } from '../engine/computeAnalysis';
import { driveSteps } from '../engine/driveSteps';
import { AnalysisError } from '../engine/errors';
import { languageFromHeaders } from '../engine/languageFromHeaders';
import { reportParts } from '../engine/reportParts';
import type { Language } from '../engine/types';
import { runAnalysis, type RunStage } from '../host/runAnalysis';
import { FileError } from '../host/file/node/FileError';
import { csvHalvesAboveBytes } from '../host/file/node/parseCsvInHalves';
import { readWorkbookFile } from '../host/file/node/readWorkbookFile';
import { writeFileAtomically } from '../host/file/node/writeFileAtomically';
import { writeSampleWorkbook } from '../host/file/node/writeSampleWorkbook';
import { cliText, type CliText } from './cliText';
import { exitCodeOf } from './exitCodeOf';
import { startValueModelWorker, type ValueModelWorker } from './startValueModelWorker';
import { whileWaiting } from './whileWaiting';
import { writeJsonReport } from './writeJsonReport';
import { formatCallList } from './formatCallList';
import { formatSummaryTable } from './formatSummaryTable';
import { helpText, parseArgs, UsageError, type CliCommand } from './parseArgs';
import { analyzeWithDuckDb } from './sql/analyzeWithDuckDb';
import { startCsvHalfWorker } from './workerRoles';
import { WorkerThread } from './roleWorker';
import { printedSql } from './sql/printedSql';

/** Rows above which progress is printed on stderr. */
const progressAboveRows = 50_000;
/**
 * Input sizes above which progress is printed on stderr even when it is not a terminal: an .xlsx of
 * half a megabyte (about 4,000 sales rows) takes several seconds to load and write whole; CSV is read
 * an order of magnitude faster.
 */
const progressAboveBytes = { xlsx: 512 * 1024, csv: 32 * 1024 ** 2 };

/**
 * Input sizes from which the value model is fitted on a second thread (about 200,000 CSV rows, where the
 * fit takes some tenths of a second): below, a worker's start would cost more than it saves.
 */
const valueModelWorkerFromBytes = 8 * 1024 ** 2;

type AnalyzeCommand = Extract<CliCommand, { command: 'analyze' }>;

/**
 * Prints a run's stages on stderr with the seconds since `started`: each stage when it starts and ends,
 * and in between at most every half second or quarter of the stage.
 */
function progressPrinter(
  stderr: NodeJS.WritableStream,
  text: CliText,
  started: number,
): (stage: RunStage, fraction: number) => void {
  let last = { stage: '', at: 0, fraction: -1 };
  return (stage, fraction) => {
    const now = Date.now();
    if (stage === last.stage && fraction === last.fraction) return;
    if (stage === last.stage && fraction < 1 && now - last.at < 500 && fraction - last.fraction < 0.25)
      return;
    last = { stage, at: now, fraction };
    stderr.write(
      `  ${text.stage[stage]} ${Math.round(fraction * 100)}%${text.after(elapsed(started, now))}\n`,
    );
  };
}

const elapsed = (started: number, now = Date.now()): string => ((now - started) / 1000).toFixed(1);

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
async function checkOutputs(
  inputFile: string,
  outFile: string | null,
  jsonFile: string | null,
): Promise<void> {
  const input = await realOrResolved(inputFile);
  const out = outFile === null ? null : await realOrResolved(outFile);
  const json = jsonFile === null ? null : await realOrResolved(jsonFile);
  const never = 'the input is never overwritten; choose another name.';
  const neverZh = '输入文件永远不会被覆盖，请换一个名字。';
  if (out === input)
    throw new UsageError(`--out names the input file: ${never}`, `--out 指向输入文件：${neverZh}`);
  if (json === input)
    throw new UsageError(`--json names the input file: ${never}`, `--json 指向输入文件：${neverZh}`);
  if (out !== null && out === json)
    throw new UsageError('--out and --json name the same file.', '--out 和 --json 指向同一个文件。');
}

/**
 * Refuses, before any reading, an output whose folder does not exist: the analysis of a large input
 * would otherwise run to the end for nothing.
 *
 * @throws FileError `cannotWrite` naming the output.
 */
async function checkOutputFolders(files: readonly (string | null)[], language: Language): Promise<void> {
  for (const file of files) {
    if (file === null) continue;
    const folder = await stat(path.dirname(path.resolve(file))).catch(() => null);
    if (folder === null || !folder.isDirectory())
      throw new FileError('cannotWrite', file, language, 'ENOENT');
  }
}

const megabytes = (bytes: number): string =>
  bytes < 1024 ** 2 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/**
 * The language of what is said before the input's headers are read (its name and size, a file that
 * cannot be opened): the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`), Chinese for `zh_*`.
 */
function localeLanguage(env: NodeJS.ProcessEnv): Language {
  // An empty variable counts as unset, as for the C library.
  const locale =
    [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  return /^zh/iu.test(locale) ? 'zh-CN' : 'en';
}

async function analyzeCommand(
  command: AnalyzeCommand,
  io: CliIo,
  said: { language: Language },
  options: CliOptions,
): Promise<void> {
  const started = Date.now();
  const chosen = command.settings.language ?? null;
  await checkOutputFolders([command.out, command.json], said.language);
  if (command.duckDb !== null && command.json !== null) {
    await checkOutputs(command.input, null, command.json);
    const run = await analyzeWithDuckDb(command.input, command.settings, command.duckDb, command.json);
    if (!command.quiet)
      io.stdout.write(
        `${cliText[said.language].wrote([command.json])} (DuckDB ${run.duckDbVersion}: ${run.customers} customers, ${elapsed(started)} s)\n`,
      );
    return;
  }
  const isXlsx = /\.xls[xm]$/iu.test(command.input);
  const size = await stat(command.input).then(
    (info) => (info.isFile() ? info.size : 0),
    () => 0,
  );
  // One worker thread takes the roles in turn (the CSV's second half, the value model, part of the JSON
  // report): started with the first, so that its start overlaps the reading.
  const script = options.workerScript ?? null;
  const thread = script === null ? null : new WorkerThread(script);
  const worker =
    thread !== null && size >= (options.valueModelWorkerFromBytes ?? valueModelWorkerFromBytes)
      ? startValueModelWorker(thread)
      : null;
  try {
    await analyzeInput(command, io, said, { started, chosen, isXlsx, size, worker, thread });
  } finally {
    worker?.close();
    thread?.close();
  }
}

/** The rest of {@link analyzeCommand} for the engine's analysis: read, analyse, write. */
async function analyzeInput(
  command: AnalyzeCommand,
  io: CliIo,
  said: { language: Language },
  run: {
    started: number;
    chosen: Language | null;
    isXlsx: boolean;
    size: number;
    worker: ValueModelWorker | null;
    thread: WorkerThread | null;
  },
): Promise<void> {
  const { started, chosen, isXlsx, size, worker, thread } = run;
  // A large CSV's second half is parsed on the worker thread (started now if it has not been, so that it
  // loads while the file is read).
  const csvHalfParser =
    !isXlsx && /\.(csv|txt)$/iu.test(command.input) && size >= csvHalvesAboveBytes
      ? startCsvHalfWorker(thread)
      : null;
  const terminal = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let progress =
    !command.quiet && (terminal || size > (isXlsx ? progressAboveBytes.xlsx : progressAboveBytes.csv));
  if (progress)
    io.stderr.write(`${cliText[said.language].reading(path.basename(command.input), megabytes(size))}\n`);
  // Without a workbook to write, an .xlsx of any size is read by the fast streaming reader: the whole
  // workbook is loaded only when the output must carry it.
  const jsonOnly = command.out === null && command.json !== null;
  const host = await whileWaiting(
    progress ? io.stderr : null,
    () => `  ${cliText[said.language].stillReading}${cliText[said.language].after(elapsed(started))}`,
    () =>
      readWorkbookFile(command.input, {
        language: said.language,
        csvHalfParser,
        ...(jsonOnly ? { streamAboveBytes: 0 } : {}),
      }),
  ).finally(() => csvHalfParser?.close());
  const info = await host.inspect();
  // The language runAnalysis will choose: the user's, else the one saved by an earlier run, else the headers'.
  const language =
    chosen ?? info.savedSettings?.language ?? languageFromHeaders(info.tables.flatMap((t) => t.headers));
  said.language = language;
  const text = cliText[language];
  const out =
    command.out ??
    (command.json === null
      ? `${path.basename(command.input).replace(/\.(xlsx|xlsm|csv|txt)$/iu, '')}${text.defaultOutSuffix}`
      : null);
  await checkOutputs(command.input, out, command.json);
  const rows = info.tables.reduce((sum, t) => sum + t.rowCount, 0);
  progress ||= !command.quiet && rows > progressAboveRows;
  const analysis = await runAnalysis(host, command.settings, {
    info,
    write: out !== null,
    describeOutput: out !== null,
    // The call list is read by the Calls sheet of a written workbook and by --calls only.
    callList: out !== null || command.calls,
    ...(progress ? { onStage: progressPrinter(io.stderr, text, started) } : {}),
    ...(worker === null
      ? {}
      : {
          // The value model is fitted by the worker while the methods that do not need it run here (then
          // its holdout check too, unless the worker has begun it).
          compute: async (input: AnalysisInput) =>
            computeAnalysis(input, {
              describeOutput: out !== null,
              analyzed: await driveSteps(
                analysisSteps(input),
                (job) => worker.fit(job),
                () => {
                  worker.checkHoldoutHere();
                },
              ),
            }),
        }),
  });
  const written: string[] = [];
  if (out !== null) {
    if (progress) io.stderr.write(`  ${text.saving(out)}${text.after(elapsed(started))}\n`);
    const bytes = await whileWaiting(
      progress ? io.stderr : null,
      () => `  ${text.stillSaving}${text.after(elapsed(started))}`,
      () => host.toBuffer(),
    );
    await writeFileAtomically(out, bytes, language);
    written.push(out);
  }
  if (command.json !== null) {
    // Streamed: one customer's object and about a megabyte of text at a time.
    const parts = reportParts(analysis.result);
    if (command.calls) parts.head.calls = callsReport(analysis.result.outputs.calls.list);
    await writeJsonReport(command.json, parts, language, thread);
    written.push(command.json);
  }
  if (progress) io.stderr.write(`  ${text.done(elapsed(started))}\n`);
  if (!command.quiet) {
    io.stdout.write(`${formatSummaryTable(analysis.result, path.basename(command.input))}\n`);
    if (command.calls) io.stdout.write(`\n${formatCallList(analysis.result)}\n\n`);
    if (written.length > 0) io.stdout.write(`${text.wrote(written)}\n`);
    if (out !== null && host.outputNote !== null) io.stdout.write(`${text.largeInputNote}\n`);
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

/** How the command line may use worker threads. */
export interface CliOptions {
  /**
   * The script a worker thread runs: the command line's own bundle (`run.ts` passes it), whose entry takes
   * the role in its `workerData` (`workerRoles`). Absent or null: everything runs on this thread.
   */
  workerScript?: string | null;
  /** Input size in bytes from which the value model is fitted in a worker (default 8 MB). */
  valueModelWorkerFromBytes?: number;
}

/** Where the CLI writes; injectable for tests (a stream with `isTTY: true` is taken for a terminal). */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Runs the command line and returns its exit code: 0 on success, else one per kind of mistake
 * ({@link exitCodeOf}) with one line on stderr saying what is wrong, in the results' language.
 */
export async function main(
  argv: readonly string[],
  io: CliIo = { stdout: process.stdout, stderr: process.stderr },
  options: CliOptions = {},
): Promise<number> {
  // Until the input's headers are read: the language asked for, else the locale's.
  const asked = argv.includes('--lang') ? argv[argv.indexOf('--lang') + 1] : undefined;
  const said: { language: Language } = {
    language: asked === 'zh-CN' || asked === 'en' ? asked : localeLanguage(process.env),
  };
  try {
    const command = parseArgs(argv);
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
        await analyzeCommand(command, io, said, options);
        return 0;
      case 'sql':
        io.stdout.write(printedSql(command));
        return 0;
    }
  } catch (error) {
    const code = exitCodeOf(error);
    const message =
      error instanceof AnalysisError || error instanceof FileError || error instanceof UsageError
        ? error.messageIn(said.language)
        : error instanceof Error
          ? error.message
          : String(error);
    io.stderr.write(`customer-pyramid: ${message.split('\n', 1)[0] ?? ''}\n`);
    if (code === 1 && process.env.CUSTOMER_PYRAMID_DEBUG === '1' && error instanceof Error)
      io.stderr.write(`${error.stack ?? ''}\n`);
    return code;
  }
}
