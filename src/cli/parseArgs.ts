import type { AnalysisSettings, Language } from '../engine/types';
import { numberArgument, readRuleFlag } from './readRuleFlag';
import type { DuckDbLimits } from './sql/analyzeWithDuckDb';
import { parseSqlArgs, type SqlCommand } from './sql/parseSqlArgs';
import { UsageError } from './UsageError';

export { UsageError };

/** A parsed command line. */
export type CliCommand =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'sample'; language: Language | 'both'; outDir: string; tables: boolean }
  | {
      command: 'analyze';
      input: string;
      /** Null with `json` null too: the default name, chosen once the results' language is known. */
      out: string | null;
      json: string | null;
      quiet: boolean;
      /** `--calls`: print the call list and add `calls` to the JSON report. */
      calls: boolean;
      settings: Partial<AnalysisSettings>;
      /** `--engine duckdb`: the SQL path in DuckDB with these limits; null = the built-in engine. */
      duckDb: DuckDbLimits | null;
    }
  | SqlCommand;

/** The `--help` text. */
export const helpText = `Usage:
  customer-pyramid analyze INPUT [options]   analyse a sales workbook (.xlsx) or sales table (.csv)
  customer-pyramid sample [--lang en|zh-CN|both] [--out DIR] [--plain-ranges]
                                             write the sample workbook(s)
  customer-pyramid sql [options]             print the analysis as one SQL query for a database
  customer-pyramid --help | --version

Options of analyze:
  --out OUT.xlsx            result workbook: customers with segment columns + summary sheets
                            (an .xlsx; default when neither --out nor --json is given: INPUT
                            name + ".analysis.xlsx", or ".分析结果.xlsx" for Chinese results,
                            in the current folder)
  --json REPORT.json        JSON report of every customer (keys in English)
  --as-of YYYY-MM-DD        as-of date (default: the latest sale date)
  --months N                analyse the last N months up to the as-of date (default: all data)
  --lang en|zh-CN           language of labels, sheet names, the summary table and messages
                            (default: the language saved in a result workbook, else zh-CN
                            when most headers are Chinese, else en)
  --compare-months N        compare with the same analysis N calendar months before the as-of
                            date: tier, SVCD and ABC movement, value trend, retention (default:
                            3; 0 = no comparison)
  --visits-from svcd|abc    model that sets visit frequency (default: svcd)
  --churn-from gap|model    churn risk from the gap between purchases or from the value
                            model's probability still a customer (default: gap)
  --horizon-days N          days of the value model's expected purchases (default: 90)
  --discount RATE           monthly discount rate of the 12-month predicted value
                            (default: 0.01)
  --holdout-start YYYY-MM-DD  start of the value model's holdout check (default: the last
                            third of the days before the as-of date)
  --date-order mdy|dmy      how to read ambiguous dates like 03/04/2024 (default: mdy)
  --abc-cut SHARE           cumulative revenue share that ends class A, over 0 and up to 1
                            (default: 0.75)
  --svcd-amount N           fixed SVCD threshold on amount per order (default: median-based)
  --svcd-frequency N        fixed SVCD threshold on orders per month (default: median-based)
  --calls                   print the call list per sales rep (visits due, birthdays and
                            anniversaries, follow-ups from a "Care rules" table, win-back
                            calls) and add "calls" to the JSON report
  --call-days N             days the call list covers from the as-of date, 1–366 (default: 7)
  --quiet                   only errors: no summary table on stdout, no progress on stderr
  --engine builtin|duckdb   duckdb: run the analysis as one SQL query in DuckDB (the optional
                            package @duckdb/node-api) over a .csv or .parquet of any size, larger
                            than memory too; writes only --json: the measures, SVCD, ABC, tiers,
                            visits, RFM and churn equal the built-in engine's (no value model,
                            movement, names or reps; the report's "engine" lists what is left out)
  --memory-limit SIZE       with --engine duckdb: DuckDB's memory limit, e.g. 2GB (default: 80%
                            of the RAM); past it DuckDB spills to --temp-dir
  --temp-dir DIR            with --engine duckdb: where DuckDB spills (default: a new folder in
                            the system's temp folder, removed afterwards)
  --threads N               with --engine duckdb: DuckDB's threads (default: the cores)

Options of sql (the query reads a table of sales rows; prints to stdout):
  --dialect duckdb|postgres SQL dialect (default: duckdb); docs/sql.md has notes on Spark SQL,
                            BigQuery and Snowflake
  --table NAME              the sales table (default: sales)
  --customer-column NAME    customer id column, text (default: customer_id)
  --date-column NAME        sale date column, a DATE (default: sale_date)
  --amount-column NAME      amount column (default: amount)
  --profit-column NAME      profit column (default: none)
  --cost-column NAME        cost column when there is no profit column (default: none)
  --order-column NAME       order id column (default: none: orders are purchase days)
  --as-of, --months, --abc-cut, --svcd-amount, --svcd-frequency, --visits-from as for analyze

INPUT is an .xlsx or a .csv (UTF-8, UTF-16 or GB18030/GBK as Chinese Excel saves it).
The input is never modified. Progress goes to stderr when it is a terminal or the input is large
(unless --quiet).

Exit codes:
  0  done
  1  unexpected error (a bug: run with CUSTOMER_PYRAMID_DEBUG=1 and report the stack)
  2  usage or setting: unknown option, bad value, no INPUT, --out not .xlsx, an output
     naming the input
  3  the input cannot be opened: it does not exist, is a folder, or may not be read
  4  the input is not a workbook this tool reads: empty, damaged, password-protected,
     old .xls, another file type
  5  nothing to analyse: no sales table, a required column missing, no data rows, or
     the as-of date before every sale
  6  too large: over the file-size, memory or Excel-sheet limits
  7  the output could not be written`;

/**
 * Parses `process.argv.slice(2)`.
 *
 * @throws UsageError naming the unknown or malformed argument.
 */
export function parseArgs(argv: readonly string[]): CliCommand {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) return { command: 'help' };
  if (argv.includes('--version')) return { command: 'version' };
  const [command, ...rest] = argv;
  const take = (i: number, flag: string): string => {
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${flag} needs a value.`, `${flag} 需要一个值。`);
    return value;
  };
  if (command === 'sample') {
    let language: Language | 'both' = 'both';
    let outDir = 'samples';
    let tables = true;
    for (let i = 0; i < rest.length; i++) {
      const flag = rest[i] ?? '';
      if (flag === '--lang') {
        const value = take(i++, flag);
        if (value !== 'en' && value !== 'zh-CN' && value !== 'both')
          throw new UsageError('--lang is en, zh-CN or both.', '--lang 的值是 en、zh-CN 或 both。');
        language = value;
      } else if (flag === '--out') outDir = take(i++, flag);
      else if (flag === '--plain-ranges') tables = false;
      else throw new UsageError(`Unknown option "${flag}" for sample.`, `sample 没有选项“${flag}”。`);
    }
    return { command: 'sample', language, outDir, tables };
  }
  if (command === 'sql') return parseSqlArgs(rest);
  if (command !== 'analyze')
    throw new UsageError(
      `Unknown command "${command ?? ''}": use analyze, sql or sample (see --help).`,
      `未知命令“${command ?? ''}”：请用 analyze、sql 或 sample（见 --help）。`,
    );
  let input: string | null = null;
  let out: string | null = null;
  let json: string | null = null;
  let quiet = false;
  let engine = 'builtin';
  const duckDb: DuckDbLimits = { memoryLimit: null, tempDirectory: null, threads: null };
  let calls = false;
  const settings: Partial<AnalysisSettings> = {};
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] ?? '';
    if (readRuleFlag(flag, () => take(i++, flag), settings)) continue;
    switch (flag) {
      case '--out': {
        const value = take(i++, flag);
        if (!/\.xlsx$/iu.test(value)) {
          const named = value.replace(/\.[^.\\/]*$/u, '');
          throw new UsageError(
            `--out writes an .xlsx workbook, so "${value}" is refused: name it "${named}.xlsx". For the results as data, use --json REPORT.json.`,
            `--out 写出的是 .xlsx 工作簿，所以不接受“${value}”：请命名为“${named}.xlsx”。要以数据形式得到结果，请用 --json REPORT.json。`,
          );
        }
        out = value;
        break;
      }
      case '--json':
        json = take(i++, flag);
        break;
      case '--compare-months': {
        const value = numberArgument(flag, take(i++, flag));
        if (!Number.isInteger(value) || value < 0)
          throw new UsageError(
            '--compare-months needs a whole number: 1 or more, or 0 for no comparison.',
            '--compare-months 需要整数：至少为 1，或 0 表示不对比。',
          );
        settings.compareMonths = value === 0 ? null : value;
        break;
      }
      case '--lang': {
        const value = take(i++, flag);
        if (value !== 'en' && value !== 'zh-CN')
          throw new UsageError('--lang is en or zh-CN.', '--lang 的值是 en 或 zh-CN。');
        settings.language = value;
        break;
      }
      case '--churn-from': {
        const value = take(i++, flag);
        if (value !== 'gap' && value !== 'model')
          throw new UsageError('--churn-from is gap or model.', '--churn-from 的值是 gap 或 model。');
        settings.churnFrom = value;
        break;
      }
      case '--horizon-days': {
        const value = numberArgument(flag, take(i++, flag));
        if (!Number.isInteger(value) || value < 1 || value > 3650)
          throw new UsageError(
            '--horizon-days needs a whole number of days from 1 to 3650.',
            '--horizon-days 需要 1 到 3650 之间的整数天数。',
          );
        settings.valueHorizonDays = value;
        break;
      }
      case '--discount': {
        const value = numberArgument(flag, take(i++, flag));
        if (!(value >= 0 && value < 1))
          throw new UsageError(
            `--discount is a monthly rate from 0 to under 1, e.g. 0.01 (got ${value}).`,
            `--discount 是 0 到 1（不含）之间的月折现率，例如 0.01（收到 ${value}）。`,
          );
        settings.valueMonthlyDiscount = value;
        break;
      }
      case '--holdout-start': {
        const value = take(i++, flag);
        if (!/^\d{4}-\d{2}-\d{2}$/u.test(value))
          throw new UsageError(
            `--holdout-start needs a date as YYYY-MM-DD (got "${value}").`,
            `--holdout-start 需要 YYYY-MM-DD 格式的日期（收到“${value}”）。`,
          );
        settings.valueHoldoutStart = value;
        break;
      }
      case '--date-order': {
        const value = take(i++, flag);
        if (value !== 'mdy' && value !== 'dmy')
          throw new UsageError('--date-order is mdy or dmy.', '--date-order 的值是 mdy 或 dmy。');
        settings.dateOrder = value;
        break;
      }
      case '--quiet':
        quiet = true;
        break;
      case '--engine': {
        const value = take(i++, flag);
        if (value !== 'builtin' && value !== 'duckdb')
          throw new UsageError('--engine is builtin or duckdb.', '--engine 的值是 builtin 或 duckdb。');
        engine = value;
        break;
      }
      case '--memory-limit': {
        const value = take(i++, flag);
        if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/iu.test(value))
          throw new UsageError(
            `--memory-limit needs a size such as 2GB or 500MB (got "${value}").`,
            `--memory-limit 需要一个大小，例如 2GB 或 500MB（收到“${value}”）。`,
          );
        duckDb.memoryLimit = value;
        break;
      }
      case '--temp-dir':
        duckDb.tempDirectory = take(i++, flag);
        break;
      case '--threads': {
        const value = numberArgument(flag, take(i++, flag));
        if (!Number.isInteger(value) || value < 1)
          throw new UsageError(
            '--threads needs a whole number of at least 1.',
            '--threads 需要至少为 1 的整数。',
          );
        duckDb.threads = value;
        break;
      }
      case '--calls':
        calls = true;
        break;
      case '--call-days': {
        const value = numberArgument(flag, take(i++, flag));
        if (!Number.isInteger(value) || value < 1 || value > 366)
          throw new UsageError(
            '--call-days needs a whole number of days from 1 to 366.',
            '--call-days 需要 1 到 366 之间的整数天数。',
          );
        settings.callDays = value;
        break;
      }
      default:
        if (flag.startsWith('-'))
          throw new UsageError(`Unknown option "${flag}" (see --help).`, `未知选项“${flag}”（见 --help）。`);
        if (input !== null)
          throw new UsageError(
            `Only one INPUT file, got "${input}" and "${flag}".`,
            `只能有一个输入文件，收到“${input}”和“${flag}”。`,
          );
        input = flag;
    }
  }
  if (input === null)
    throw new UsageError(
      'analyze needs an INPUT file (.xlsx or .csv).',
      'analyze 需要一个输入文件（.xlsx 或 .csv）。',
    );
  if (engine === 'duckdb' && (out !== null || json === null || calls))
    throw new UsageError(
      '--engine duckdb writes the JSON report only: give --json REPORT.json and no --out or --calls.',
      '--engine duckdb 只写 JSON 报告：请给出 --json REPORT.json，不要用 --out 或 --calls。',
    );
  return {
    command: 'analyze',
    input,
    out,
    json,
    quiet,
    calls,
    settings,
    duckDb: engine === 'duckdb' ? duckDb : null,
  };
}
