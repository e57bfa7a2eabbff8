import { benchFiles } from './benchFiles';
import { format } from './format';
import type { BenchTable } from './formatTable';
import { measureProcesses, type ProcessMeasurement } from './measureProcesses';
import { pairedRatio } from './pairedRatio';
import type { SectionResult } from './SectionResult';
import { caseScript } from './runProcess';

const heap = ['--max-old-space-size=8192', '--expose-gc'];

function lastJson(m: ProcessMeasurement): Record<string, unknown> {
  try {
    return JSON.parse(m.last.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

/**
 * Section 4 of the bench: .xlsx files. Writes a sales workbook once (exceljs streaming writer), then, each
 * case in a child process of its own so peak RSS does not mix: reading it with our file host
 * (`readWorkbookFile` + inspect + readColumns of the mapped columns) against exceljs's streaming reader
 * alone; and writing the result workbook of the same sales (FileWorkbookHost.write + toBuffer).
 *
 * @param rows Rows of the workbook (the largest bench size).
 */
export async function xlsxSection(rows: number, log: (line: string) => void): Promise<SectionResult> {
  const sales = benchFiles.lazySales(rows);
  const xlsx = await benchFiles.xlsx(rows, sales);
  const csv = benchFiles.csv(rows, sales);
  log(
    `xlsx: ${format.count(rows)}-row workbook ${format.bytesMb(xlsx.bytes)} MB (${xlsx.writeMs > 0 ? `written in ${format.ms(xlsx.writeMs)} ms` : 'reused'})`,
  );
  const plan = { runs: rows >= 1_000_000 ? 1 : 3, minRuns: 1, budgetMs: 60_000 };
  const reads = await measureProcesses(
    {
      host: { args: [caseScript(), 'xlsx-host', xlsx.file], nodeOptions: heap },
      stream: { args: [caseScript(), 'xlsx-exceljs-stream', xlsx.file], nodeOptions: heap },
    },
    plan,
  );
  const host = reads.host!;
  const stream = reads.stream!;
  log(`  file host read ${format.ms(host.medianMs)} ms, ${format.mb(host.maxRssMb)} MB`);
  log(`  exceljs streaming read ${format.ms(stream.medianMs)} ms, ${format.mb(stream.maxRssMb)} MB`);
  const write = (
    await measureProcesses(
      { write: { args: [caseScript(), 'xlsx-write-result', csv.file], nodeOptions: heap } },
      plan,
    )
  ).write!;
  const written = lastJson(write);
  log(`  result workbook write ${JSON.stringify(written)}`);
  const hostFigures = lastJson(host);
  const readRatio = pairedRatio(host.timesMs, stream.timesMs);
  const memoryOk = host.maxRssMb !== null && host.maxRssMb <= 600;
  const n = (key: string): number => Number(written[key] ?? Number.NaN);
  const table: BenchTable = {
    title: `.xlsx: reading a ${format.count(rows)}-row sales workbook (${format.bytesMb(xlsx.bytes)} MB) and writing the result workbook`,
    headers: ['case', 'runs', 'median ms', 'peak RSS MB', 'ours / exceljs stream', 'goal met'],
    rows: [
      [
        'file host: readWorkbookFile + inspect + readColumns',
        String(host.timesMs.length),
        format.ms(host.medianMs),
        format.mb(host.maxRssMb),
        format.ratio(readRatio),
        `time ${format.met(readRatio <= 1)}, memory ${format.met(memoryOk)} (≤ 600 MB)`,
      ],
      [
        'exceljs streaming reader alone (cells into columns)',
        String(stream.timesMs.length),
        format.ms(stream.medianMs),
        format.mb(stream.maxRssMb),
        '1.00',
        '—',
      ],
      [
        `write result workbook (${format.count(n('customers'))} customers): write + toBuffer`,
        String(write.timesMs.length),
        format.ms(n('writeMs') + n('toBufferMs')),
        format.mb(n('peakRssGrowthMb')),
        '—',
        'measured',
      ],
    ],
    notes: [
      'Whole child process per case (node startup included in "median ms" for the reads), the two reads interleaved (3 rounds below 1M rows, 1 at 1M); peak RSS is the child\'s own (VmHWM), except for the write, where it is the RSS growth during write + toBuffer.',
      `Host read phases: open ${format.ms(Number(hostFigures.openMs))} ms, inspect + readColumns ${format.ms(Number(hostFigures.inspectAndReadMs))} ms; first date read: host ${String(hostFigures.firstDay)}, exceljs ${String(lastJson(stream).firstDay)}.`,
      `Result workbook: host.write ${format.ms(n('writeMs'))} ms, toBuffer ${format.ms(n('toBufferMs'))} ms, ${format.bytesMb(n('bytes'))} MB; the write child's whole-process peak RSS (reading the CSV and the analysis included) was ${format.mb(write.maxRssMb)} MB.`,
      `The input workbook was written once with exceljs's streaming writer (shared strings, date format)${xlsx.writeMs > 0 ? ` in ${format.ms(xlsx.writeMs)} ms` : ' by an earlier run'}.`,
      'Goals (issue 5): read no slower than exceljs streaming, peak ≤ 600 MB.',
    ],
  };
  return {
    tables: [table],
    goals: [
      {
        section: '.xlsx',
        goal: `read ${format.count(rows)} rows no slower than exceljs streaming`,
        measured: `${format.ratio(readRatio)}× (${format.ms(host.medianMs)} vs ${format.ms(stream.medianMs)} ms)`,
        met: readRatio <= 1,
      },
      {
        section: '.xlsx',
        goal: 'read peak memory ≤ 600 MB',
        measured: `${format.mb(host.maxRssMb)} MB`,
        met: memoryOk,
      },
    ],
  };
}
