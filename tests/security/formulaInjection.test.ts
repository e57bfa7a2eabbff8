/**
 * Formula and CSV injection: customer ids, names and sales reps that Excel would take for formulas
 * (`=…`, `+…`, `-…`, `@…`) must come out as literal text in every output — the customers columns, the
 * summary sheets (the visit plan lists ids, names and reps), the JSON report — in the .xlsx written by the
 * command line (read back with exceljs, as raw XML, and with LibreOffice) and in Excel (the fake). Text
 * that surrounding whitespace keeps from looking like a formula (`\t=2+2`) is kept exactly as written,
 * never trimmed into a formula's shape that a CSV export of our sheets would hand to the next program.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { ValueType, type Workbook } from 'exceljs';
import { ExcelWorkbookHost } from '../../src/host/excel/ExcelWorkbookHost';
import { runAnalysis } from '../../src/host/runAnalysis';
import { fakeWorkbookFromXlsx } from '../fakes/fakeWorkbookFromXlsx';
import type { FakeWorkbook } from '../fakes/FakeWorkbook';
import { installFakeExcel } from '../fakes/installFakeExcel';
import { describeWithLibreOffice, readXlsxWithLibreOffice } from '../helpers/libreoffice';
import {
  addRows,
  analyzeFile,
  columnUnder,
  loadWorkbook,
  reportCustomer,
  temporaryFolder,
  writeCsv,
  writeWorkbook,
} from '../reliability/analyzeWorkbookFile';

const folder = temporaryFolder('injection');

/** Hostile ids, each with a hostile name and sales rep. */
const hostile = [
  { id: '=HYPERLINK("http://x","y")', name: '=HYPERLINK("http://evil.example","click")', rep: '=1+1' },
  { id: '+SUM(A1)', name: "+cmd|' /C calc'!A0", rep: '+SUM(A1:A9)' },
  { id: '-2+3', name: '-2+3', rep: '-1+1' },
  { id: '@cmd', name: '@SUM(1,2)', rep: '@rep' },
  { id: '=1+1', name: '\t=1+1', rep: '\r=2+2' },
  // Trimmed, these would take the shape of a formula their cells did not have: they are kept as written.
  { id: '\t=2+2', name: ' @SUM(9)', rep: ' -A1 ' },
];
const texts = hostile.flatMap((h) => [h.id, h.name, h.rep]);

/**
 * A text as read back from `key`'s kind of file: through an .xlsx (the input, or any output workbook) XML
 * turns a carriage return into a line feed; a CSV input keeps it (so its JSON report does).
 */
function asRead(text: string, key: string): string {
  return key === 'csv' ? text : text.replace(/\r\n?/gu, '\n');
}

/** Sales long ago and an as-of date far later: every customer is overdue, so the visit plan lists all. */
function salesRows(): (string | Date | number)[][] {
  return hostile.flatMap((h, i) => [
    [h.id, new Date(Date.UTC(2023, 0, 5 + i)), 100 + i * 10, h.rep],
    [h.id, new Date(Date.UTC(2023, 1, 5 + i)), 50, h.rep],
  ]);
}

async function hostileWorkbook(name: string, withCustomers: boolean): Promise<string> {
  return writeWorkbook(folder, name, (workbook) => {
    if (withCustomers) {
      addRows(workbook.addWorksheet('Customers'), [
        ['Customer ID', 'Customer Name', 'Sales Rep'],
        ...hostile.map((h) => [h.id, h.name, h.rep]),
      ]);
    }
    addRows(workbook.addWorksheet('Sales'), [
      ['Customer ID', 'Date', 'Amount', 'Sales Rep', 'Customer Name'],
      ...salesRows().map((row, i) => [...row, hostile[Math.floor(i / 2)]!.name]),
    ]);
  });
}

/** Every formula cell in a workbook as exceljs reads it, by sheet and address. */
function formulaCells(workbook: Workbook): string[] {
  const found: string[] = [];
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        const value: unknown = cell.value;
        const isFormulaObject =
          typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
        if (cell.type === ValueType.Formula || isFormulaObject) found.push(`${sheet.name}!${cell.address}`);
      });
    });
  }
  return found;
}

/** Formula elements (`<f>`) in any worksheet part of the saved package. */
async function formulaElements(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const found: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/u.test(n))) {
    const xml = await zip.file(name)!.async('string');
    if (/<f[\s>]/u.test(xml)) found.push(name);
  }
  return found;
}

/** Every text cell of every sheet, exactly as stored. */
function stringCells(workbook: Workbook): Map<string, string[]> {
  const bySheet = new Map<string, string[]>();
  for (const sheet of workbook.worksheets) {
    const values: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') values.push(cell.value);
      });
    });
    bySheet.set(sheet.name, values);
  }
  return bySheet;
}

const runs = new Map<string, Awaited<ReturnType<typeof analyzeFile>>>();

beforeAll(async () => {
  const withCustomers = await hostileWorkbook('hostile.xlsx', true);
  const salesOnly = await hostileWorkbook('hostile-sales.xlsx', false);
  const csvLines = salesRows().map((row) =>
    [row[0], (row[1] as Date).toISOString().slice(0, 10), row[2], row[3]]
      .map((v) => `"${String(v).replace(/"/gu, '""')}"`)
      .join(','),
  );
  const csv = writeCsv(
    folder,
    'hostile-csv.csv',
    `Customer ID,Date,Amount,Sales Rep\n${csvLines.join('\r\n')}\r\n`,
  );
  for (const [key, file] of [
    ['customers', withCustomers],
    ['salesOnly', salesOnly],
    ['csv', csv],
  ] as const) {
    const result = await analyzeFile(file, ['--as-of', '2024-12-31']);
    expect([key, result.code, result.stderr]).toEqual([key, 0, '']);
    runs.set(key, result);
  }
});

describe('formula-like text written by the command line', () => {
  it.each(['customers', 'salesOnly', 'csv'])(
    '%s: the JSON report keeps ids, names and reps as written',
    (key) => {
      const { report } = runs.get(key)!;
      for (const h of hostile) {
        const c = reportCustomer(report, h.id);
        expect(c.id).toBe(h.id);
        if (key !== 'csv') expect(c.name).toBe(h.name);
        expect(c.rep).toBe(asRead(h.rep, key));
      }
    },
  );

  it.each(['customers', 'salesOnly', 'csv'])(
    '%s: no cell of the output workbook is a formula (exceljs and the raw sheet XML)',
    async (key) => {
      const out = runs.get(key)!.out!;
      expect(formulaCells(await loadWorkbook(out))).toEqual([]);
      expect(await formulaElements(out)).toEqual([]);
    },
  );

  it.each(['customers', 'salesOnly', 'csv'])(
    '%s: the customers columns and the visit plan hold the hostile texts as plain strings',
    async (key) => {
      const workbook = await loadWorkbook(runs.get(key)!.out!);
      const customersSheet = workbook.getWorksheet(
        key === 'customers' ? 'Customers' : 'Customers (analysis)',
      )!;
      const ids = columnUnder(customersSheet, 'Customer ID');
      // The customers table keeps its order; a sheet built from sales lists customers by id.
      expect(key === 'customers' ? ids : [...ids].sort()).toEqual(
        key === 'customers' ? hostile.map((h) => h.id) : hostile.map((h) => h.id).sort(),
      );
      for (const id of ids) expect(typeof id).toBe('string');
      const strings = stringCells(workbook);
      const plan = strings.get('Visit plan') ?? [];
      for (const h of hostile) {
        expect(plan).toContain(h.id);
        expect(plan).toContain(asRead(h.rep, 'xlsx'));
        if (key !== 'csv') expect(plan).toContain(h.name);
      }
      // Nothing we wrote was trimmed into a formula's shape: every formula-like text is one the user wrote.
      for (const [sheet, values] of strings)
        for (const value of values)
          if (/^[=@+-]/u.test(value) && !/^-?\d/u.test(value))
            expect([sheet, texts.includes(value) || hostile.some((h) => h.id === value)]).toEqual([
              sheet,
              true,
            ]);
      // Text written by us carries the Text number format, so a later edit in Excel keeps it text.
      const idColumn = (customersSheet.getRow(1).values as unknown[]).indexOf('Customer ID');
      if (key !== 'customers') expect(customersSheet.getCell(2, idColumn).numFmt).toBe('@');
    },
  );
});

describeWithLibreOffice('formula-like text opened in LibreOffice', () => {
  it.each(['customers', 'csv'])('%s: shows every hostile text unchanged, not evaluated', async (key) => {
    const sheets = await readXlsxWithLibreOffice(runs.get(key)!.out!);
    const customers = sheets.get(key === 'customers' ? 'Customers' : 'Customers (analysis)');
    const plan = sheets.get('Visit plan');
    expect(customers).toBeDefined();
    expect(plan).toBeDefined();
    const customerCells = customers!.flat();
    const planCells = plan!.flat();
    for (const h of hostile) {
      expect(customerCells).toContain(h.id);
      expect(planCells).toContain(h.id);
      expect(planCells).toContain(asRead(h.rep, 'xlsx'));
    }
    // Evaluated, these would read "y", "click", 1, 2 or an error.
    for (const evaluated of ['y', 'click', '#NAME?', 'Err:508', '#VALUE!'])
      expect(customerCells).not.toContain(evaluated);
  });
});

describe('formula-like text written into Excel (fake Excel)', () => {
  let workbook: FakeWorkbook;
  let written: string[];
  beforeAll(async () => {
    workbook = await fakeWorkbookFromXlsx(readFileSync(path.join(folder, 'hostile.xlsx')));
    const { uninstall } = installFakeExcel(workbook);
    try {
      const run = await runAnalysis(new ExcelWorkbookHost(), { asOf: '2024-12-31' });
      written = [run.summary!.location, ...run.summary!.sheetNames];
    } finally {
      uninstall();
    }
  });

  it('no cell of any sheet holds a formula after the run', () => {
    const formulas: string[] = [];
    for (const sheet of workbook.sheets) {
      const block = sheet.cells.usedBlock(false);
      if (block === null) continue;
      for (let r = block.row0; r <= block.row1; r++)
        for (let c = block.col0; c <= block.col1; c++)
          if (sheet.cells.snapshot(r, c).formula !== null) formulas.push(`${sheet.name} r${r} c${c}`);
    }
    expect(formulas).toEqual([]);
  });

  it('the visit plan and the customers table hold the hostile texts exactly', () => {
    const valuesOf = (name: string): unknown[] => {
      const sheet = workbook.sheet(name);
      const block = sheet.cells.usedBlock(true)!;
      const values: unknown[] = [];
      for (let r = block.row0; r <= block.row1; r++)
        for (let c = block.col0; c <= block.col1; c++) values.push(sheet.cells.value(r, c));
      return values;
    };
    expect(written).toContain('Visit plan');
    const plan = valuesOf('Visit plan');
    for (const text of texts) expect(plan).toContain(asRead(text, 'xlsx'));
    const customers = valuesOf('Customers');
    for (const h of hostile) expect(customers).toContain(h.id);
    // Nothing written was trimmed into a formula's shape (`\t=2+2` must not become `=2+2`).
    expect(plan).not.toContain('=2+2');
    expect(plan).not.toContain('@SUM(9)');
  });
});
