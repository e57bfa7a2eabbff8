/**
 * Analysing the output again gives the same result: a generated workbook goes through the file host
 * (read, analyse, write our columns and sheets, save), is read back — the customers sheet now carries our
 * columns and the workbook our summary sheets — and analysed again.
 */
import { Workbook, type CellValue } from 'exceljs';
import fc from 'fast-check';
import { AnalysisError } from '../../src/engine/errors';
import { isErrorValue } from '../../src/engine/parseCell';
import type { RawCell } from '../../src/engine/types';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { toRawCell } from '../../src/host/file/toRawCell';
import { runAnalysis, type AnalysisRun } from '../../src/host/runAnalysis';
import { salesScenarioArbitrary, scenarioTable, type SalesScenario } from './salesScenarioArbitrary';

/** Generated workbooks per property (each is written and read twice, so fewer than the engine's). */
const runs = { withCustomers: 80, salesOnly: 60 };

function excelValue(cell: RawCell): CellValue {
  if (isErrorValue(cell)) return { error: cell.trim() } as CellValue;
  return cell;
}

async function workbookBytes(scenario: SalesScenario, customerIds: RawCell[] | null): Promise<Uint8Array> {
  const workbook = new Workbook();
  if (customerIds !== null) {
    const customers = workbook.addWorksheet('Customers');
    customers.addRow(['Customer ID', 'Customer Name', 'Notes']);
    customerIds.forEach((id, i) =>
      customers.addRow([excelValue(id), `Customer ${i}`, i % 3 === 0 ? 'vip' : null]),
    );
  }
  const sales = workbook.addWorksheet('Sales');
  const table = scenarioTable(scenario);
  sales.addRow(table.headers);
  // Addressed cell by cell: an all-blank row must stay a blank row, not disappear.
  table.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null) sales.getCell(r + 2, c + 1).value = excelValue(value);
    });
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function analyseBytes(
  bytes: Uint8Array,
  settings: SalesScenario['settings'],
): Promise<{ run: AnalysisRun; out: Uint8Array } | string> {
  const host = await FileWorkbookHost.fromXlsx(bytes, 'book.xlsx');
  try {
    const run = await runAnalysis(host, settings);
    return { run, out: await host.toBuffer() };
  } catch (error) {
    if (error instanceof AnalysisError) return error.code;
    throw error;
  }
}

/** Our columns as they sit in the saved customers sheet: header → values, read with exceljs. */
async function writtenColumns(
  bytes: Uint8Array,
  sheetName: string,
  headers: string[],
): Promise<Record<string, RawCell[]>> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  const sheet = workbook.getWorksheet(sheetName);
  if (sheet === undefined) throw new Error(`No sheet ${sheetName} in the output`);
  const headerCells = (sheet.getRow(1).values as CellValue[]).map((v) => toRawCell(v, false));
  const columns: Record<string, RawCell[]> = {};
  for (const header of headers) {
    const column = headerCells.indexOf(header);
    expect(headerCells.filter((h) => h === header)).toHaveLength(1);
    const values: RawCell[] = [];
    for (let row = 2; row <= sheet.rowCount; row++)
      values.push(toRawCell(sheet.getCell(row, column).value, false));
    columns[header] = values;
  }
  return columns;
}

async function checkReanalysis(scenario: SalesScenario, customerIds: RawCell[] | null): Promise<boolean> {
  const first = await analyseBytes(await workbookBytes(scenario, customerIds), scenario.settings);
  if (typeof first === 'string') {
    expect(first).toBe('NO_USABLE_ROWS');
    return false;
  }
  // No settings given the second time: those saved in the workbook by the first run apply, as for a
  // co-author who re-runs.
  const second = await analyseBytes(first.out, {});
  if (typeof second === 'string')
    throw new Error(`The output of a run could not be analysed again: ${second}`);
  // The same tables were chosen: our columns and sheets were not taken for the user's data.
  expect(second.run.tables.sales.source).toEqual(first.run.tables.sales.source);
  expect(second.run.tables.customers?.source ?? null).toEqual(first.run.tables.customers?.source ?? null);
  expect(second.run.result.customers).toEqual(first.run.result.customers);
  expect(second.run.result.input).toEqual(first.run.result.input);
  expect(second.run.plan.columns).toEqual(first.run.plan.columns);
  expect(second.run.summary?.columnHeaders).toEqual(first.run.summary?.columnHeaders);
  expect(second.run.summary?.sheetNames).toEqual(first.run.summary?.sheetNames);
  // And the saved workbooks hold the same customer columns, once each.
  const location = second.run.summary?.location ?? '';
  const headers = second.run.summary?.columnHeaders ?? [];
  expect(await writtenColumns(second.out, location, headers)).toEqual(
    await writtenColumns(first.out, location, headers),
  );
  return true;
}

describe('analysing the output again (properties, file host)', () => {
  it('gives the same result and columns when the workbook has a customers table', async () => {
    let analysed = 0;
    await fc.assert(
      fc.asyncProperty(
        salesScenarioArbitrary({ minRows: 3, maxRows: 25 }),
        fc.array(
          fc.constantFrom<RawCell>('C001', 'C002', '00042', 42, '客户甲', 'P-9', null, '#N/A', '@cmd'),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        async (scenario, customerIds) => {
          if (await checkReanalysis(scenario, customerIds)) analysed++;
        },
      ),
      { seed: 31337, numRuns: runs.withCustomers },
    );
    expect(analysed).toBeGreaterThan(runs.withCustomers * 0.5);
  });

  it('gives the same result and columns when the customers sheet is built from sales', async () => {
    let analysed = 0;
    await fc.assert(
      fc.asyncProperty(salesScenarioArbitrary({ minRows: 3, maxRows: 25 }), async (scenario) => {
        if (await checkReanalysis(scenario, null)) analysed++;
      }),
      { seed: 4711, numRuns: runs.salesOnly },
    );
    expect(analysed).toBeGreaterThan(runs.salesOnly * 0.5);
  });
});
