/**
 * Limits stated and enforced: Excel's grid is 1,048,576 rows by 16,384 columns, so a host must refuse
 * (with a sentence, writing nothing) any output that would not fit rather than write past the grid or fail
 * half-way; a CSV too large for memory is refused with a message, never a crash or a silent truncation.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, openSync } from 'node:fs';
import path from 'node:path';
import { defaultSettings } from '../../src/engine/defaultSettings';
import type { ColumnSpec, SheetSpec } from '../../src/engine/sheetSpec';
import { ExcelWorkbookHost } from '../../src/host/excel/ExcelWorkbookHost';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { maxCsvBytes } from '../../src/host/file/node/readWorkbookFile';
import type { WritePlan } from '../../src/host/WorkbookHost';
import { buildFakeWorkbook, type FakeWorkbookSpec } from '../fakes/buildFakeWorkbook';
import type { FakeWorkbook } from '../fakes/FakeWorkbook';
import { installFakeExcel } from '../fakes/installFakeExcel';
import { runCli } from '../cli/runCli';
import { buildCliBundle, cliEnvironment } from '../security/buildCliBundle';
import { addRows, temporaryFolder, writeWorkbook } from './analyzeWorkbookFile';

const maxRows = 1_048_576;
const maxColumns = 16_384;
const folder = temporaryFolder('limits');

/** A customers sheet built from sales with one customer per grid row: with its header, one row too many. */
function tooManyCustomersPlan(): WritePlan {
  const ids: ColumnSpec = {
    key: 'customerId',
    header: 'Customer ID',
    format: 'text',
    values: Array.from({ length: maxRows }, (_, i) => `C${i}`),
  };
  return {
    customers: { kind: 'new', sheetName: 'Customers (analysis)', baseColumns: [ids] },
    columns: [],
    sheets: [],
    settings: defaultSettings(),
  };
}

function isClearSentence(message: string): boolean {
  return message.length > 30 && !message.includes('\n') && /1,048,576|1048576|rows/u.test(message);
}

async function errorOf(promise: Promise<unknown>): Promise<Error | null> {
  return promise.then(
    () => null,
    (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
  );
}

/** The last used row and column (1-based) of every sheet of a fake workbook. */
function extents(workbook: FakeWorkbook): { sheet: string; rows: number; columns: number }[] {
  return workbook.sheets.map((sheet) => {
    const block = sheet.cells.usedBlock(false);
    return {
      sheet: sheet.name,
      rows: block === null ? 0 : block.row1 + 1,
      columns: block === null ? 0 : block.col1 + 1,
    };
  });
}

function withFake<T>(
  spec: FakeWorkbookSpec,
  body: (workbook: FakeWorkbook, host: ExcelWorkbookHost) => Promise<T>,
): Promise<T> {
  const workbook = buildFakeWorkbook(spec);
  const { uninstall } = installFakeExcel(workbook);
  return body(workbook, new ExcelWorkbookHost()).finally(uninstall);
}

describe('Excel’s 1,048,576 rows', () => {
  it('file host: a customers sheet that would need more rows is refused with a sentence', async () => {
    const host = FileWorkbookHost.fromCsv('Customer ID,Date,Amount\nC1,2024-01-01,1\n', 'sales.csv');
    const error = await errorOf(host.write(tooManyCustomersPlan()));
    expect(error).not.toBeNull();
    expect(isClearSentence(error!.message)).toBe(true);
  });

  it('Excel host: a customers sheet that would need more rows is refused up front, nothing written', async () => {
    await withFake(
      { sheets: [{ name: 'Sales', rows: [['Customer ID', 'Date', 'Amount']] }] },
      async (workbook, host) => {
        const before = extents(workbook);
        const error = await errorOf(host.write(tooManyCustomersPlan()));
        // Real Excel fails with InvalidArgument at the first chunk past the grid; the fake does not, so the
        // host must check before writing.
        expect(extents(workbook).every((e) => e.rows <= maxRows)).toBe(true);
        expect(error).not.toBeNull();
        expect(isClearSentence(error!.message)).toBe(true);
        expect(extents(workbook).filter((e) => !e.sheet.startsWith('CustomerPyramid.'))).toEqual(before);
      },
    );
  });

  it('Excel host: a summary sheet longer than the grid is refused or cut with a note, never written past it', async () => {
    const row = [{ value: 'x' }];
    const sheet: SheetSpec = {
      key: 'visitPlan',
      name: 'Visit plan',
      cells: new Array<typeof row>(maxRows + 1).fill(row),
      columnWidths: [10],
      frozenRows: 0,
      charts: [],
      colorScales: [],
    };
    await withFake(
      { sheets: [{ name: 'Sales', rows: [['Customer ID', 'Date', 'Amount']] }] },
      async (workbook, host) => {
        const error = await errorOf(
          host.write({
            customers: {
              kind: 'new',
              sheetName: 'Customers (analysis)',
              baseColumns: [{ key: 'customerId', header: 'Customer ID', format: 'text', values: ['C1'] }],
            },
            columns: [],
            sheets: [sheet],
            settings: defaultSettings(),
          }),
        );
        expect(extents(workbook).filter((e) => e.rows > maxRows)).toEqual([]);
        // Refused with a sentence, or written cut to the grid (with the rest of the sheet intact).
        if (error === null) expect(workbook.sheet('Visit plan').cells.value(maxRows - 1, 0)).not.toBeNull();
        else expect(isClearSentence(error.message)).toBe(true);
      },
    );
  });
});

describe('Excel’s 16,384 columns', () => {
  it('command line: a customers table reaching column XFD gets a one-line refusal, no output file', async () => {
    const file = await writeWorkbook(folder, 'wide.xlsx', (workbook) => {
      const customers = workbook.addWorksheet('Customers');
      // A header row filled to the grid's fourth-last column: our 13 columns cannot fit to its right.
      const header = ['Customer ID', 'Customer Name'];
      for (let c = 3; c <= maxColumns - 3; c++) header.push(`Attribute ${c}`);
      customers.addRow(header);
      customers.addRow(['C1', 'Acme']);
      addRows(workbook.addWorksheet('Sales'), [
        ['Customer ID', 'Date', 'Amount'],
        ['C1', new Date(Date.UTC(2024, 0, 5)), 10],
      ]);
    });
    const out = path.join(folder, 'wide.analysis.xlsx');
    const result = await runCli(['analyze', file, '--out', out, '--quiet']);
    expect(result.code).toBe(6);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/16,?384/u);
    expect(lines[0]).toMatch(/column/iu);
    expect(existsSync(out)).toBe(false);
  });

  it('Excel host: customer columns that would pass column XFD are refused, nothing written past the grid', async () => {
    const spec: FakeWorkbookSpec = {
      sheets: [
        {
          name: 'Customers',
          rows: [
            ['Customer ID', 'Customer Name'],
            ['C1', 'Acme'],
          ],
          cells: { XFA1: 'Far note' },
        },
      ],
    };
    await withFake(spec, async (workbook, host) => {
      const table = (await host.inspect()).tables.find((t) => t.sheet === 'Customers');
      expect(table).toBeDefined();
      const columns: ColumnSpec[] = Array.from({ length: 13 }, (_, i) => ({
        key: `k${i}`,
        header: `Result ${i}`,
        format: 'text',
        values: ['x'],
      }));
      const error = await errorOf(
        host.write({
          customers: { kind: 'existing', table: table! },
          columns,
          sheets: [],
          settings: defaultSettings(),
        }),
      );
      expect(extents(workbook).filter((e) => e.columns > maxColumns)).toEqual([]);
      expect(error).not.toBeNull();
      expect(error!.message).toMatch(/16,?384|column/iu);
      // In the run's language: a Chinese run is refused in Chinese.
      const chinese = await errorOf(
        host.write({
          customers: { kind: 'existing', table: table! },
          columns,
          sheets: [],
          settings: { ...defaultSettings(), language: 'zh-CN' },
        }),
      );
      expect(chinese!.message).toMatch(/16,?384/u);
      expect(chinese!.message).toMatch(/[\u4e00-\u9fff]/u);
      expect(chinese!.message).not.toMatch(/customers table/u);
    });
  });
});

describe('a CSV larger than memory', () => {
  it('over the stated limit (a sparse file): refused with a one-line message naming the limit', async () => {
    const file = path.join(folder, 'huge.csv');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, maxCsvBytes + 1);
    closeSync(fd);
    const result = await runCli(['analyze', file, '--json', path.join(folder, 'huge.json'), '--quiet']);
    expect(result.code).toBe(6);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/huge\.csv" is 1,536 MB; CSV files up to 1,536 MB/u);
  });

  it('under the stated limit but larger than this process may hold: refused with a message, never a crash', () => {
    // A 400 MB CSV (sparse, so the disk is not used) for a command line given a 256 MB heap.
    const file = path.join(folder, 'big.csv');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, 400 * 1024 ** 2);
    closeSync(fd);
    const cli = buildCliBundle();
    const child = spawnSync(
      process.execPath,
      ['--max-old-space-size=256', cli, 'analyze', file, '--json', path.join(folder, 'big.json'), '--quiet'],
      { env: cliEnvironment(), encoding: 'utf8', timeout: 120_000 },
    );
    expect(child.signal).toBeNull();
    expect(child.stderr).not.toMatch(/heap out of memory|FATAL ERROR/u);
    expect(child.status).toBe(6);
    // --quiet: no progress, one line saying what is wrong.
    expect(child.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^customer-pyramid: "big\.csv" is 400 MB; reading it takes/u),
    ]);
  });
});
