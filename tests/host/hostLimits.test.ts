/** Pure checks the hosts share: cell text cut at Excel's limit, the grid, and a record left half-overwritten. */
import { defaultSettings } from '../../src/engine/defaultSettings';
import { AnalysisError } from '../../src/engine/errors';
import type { ColumnSpec, SheetSpec } from '../../src/engine/sheetSpec';
import { customerRowId } from '../../src/host/customerRowId';
import { excelGrid } from '../../src/host/excelGrid';
import { fitCellText } from '../../src/host/fitCellText';
import { runRecord, type RunRecord } from '../../src/host/runRecord';
import type { WritePlan } from '../../src/host/WorkbookHost';

describe('fitCellText', () => {
  it.each([
    ['short text', 'abc', 'abc'],
    ['exactly 32,767 characters', 'x'.repeat(32_767), 'x'.repeat(32_767)],
    ['one character more', 'x'.repeat(32_768), `${'x'.repeat(32_766)}…`],
  ])('%s', (_what, text, expected) => {
    expect(fitCellText(text)).toBe(expected);
  });

  it('never cuts inside a surrogate pair', () => {
    // An emoji (two code units) straddling the cut: kept out whole rather than half-written.
    const text = `${'x'.repeat(32_765)}😀${'y'.repeat(10)}`;
    const fitted = fitCellText(text);
    expect(fitted.length).toBeLessThanOrEqual(32_767);
    expect(fitted).toBe(`${'x'.repeat(32_765)}…`);
  });
});

describe('customerRowId', () => {
  it.each([
    [null, null],
    ['  ', null],
    ['00042', '00042'],
    [42, '42'],
    [true, 'true'],
  ] as const)('%p → %p', (cell, expected) => {
    expect(customerRowId(cell)).toBe(expected);
  });
});

describe('excelGrid.checkPlan', () => {
  const ids = (n: number): ColumnSpec => ({
    key: 'customerId',
    header: 'Customer ID',
    format: 'text',
    values: new Array<string>(n).fill('C'),
  });
  const newSheet = (columns: ColumnSpec[]): WritePlan => ({
    customers: { kind: 'new', sheetName: 'Customers (analysis)', baseColumns: columns },
    columns: [],
    sheets: [],
    settings: defaultSettings(),
  });
  const summary = (rows: number, width = 1): SheetSpec => ({
    key: 'visitPlan',
    name: 'Visit plan',
    cells: new Array<{ value: string }[]>(rows).fill(
      new Array<{ value: string }>(width).fill({ value: 'x' }),
    ),
    columnWidths: [],
    frozenRows: 0,
    charts: [],
    colorScales: [],
  });
  const codeOf = (plan: WritePlan): string | null => {
    try {
      excelGrid.checkPlan(plan);
      return null;
    } catch (error) {
      return error instanceof AnalysisError ? `${error.code}: ${error.message}` : 'other';
    }
  };

  it('accepts a customers sheet that fills the grid exactly (a header and 1,048,575 customers)', () => {
    expect(codeOf(newSheet([ids(1_048_575)]))).toBeNull();
  });

  it('refuses one customer more, naming the limit', () => {
    expect(codeOf(newSheet([ids(1_048_576)]))).toMatch(/^TOO_LARGE: .*1,048,577 rows.*1,048,576/u);
  });

  it('refuses a customers sheet wider than 16,384 columns', () => {
    const many = Array.from({ length: 16_385 }, () => ids(1));
    expect(codeOf(newSheet(many))).toMatch(/^TOO_LARGE: .*16,385 columns.*XFD, 16,384/u);
  });

  it('refuses a summary sheet longer or wider than the grid, and accepts one that fits', () => {
    const plan = (sheet: SheetSpec): WritePlan => ({ ...newSheet([ids(1)]), sheets: [sheet] });
    expect(codeOf(plan(summary(1_048_576)))).toBeNull();
    expect(codeOf(plan(summary(1_048_577)))).toMatch(/^TOO_LARGE: The summary sheet "Visit plan"/u);
    expect(codeOf(plan(summary(2, 16_385)))).toMatch(/^TOO_LARGE: .*16,384/u);
  });

  it('refuses a customers table longer than a sheet (a CSV copied into the output)', () => {
    const plan = (rowCount: number): WritePlan => ({
      customers: {
        kind: 'existing',
        table: {
          sheet: 'customers.csv',
          tableName: null,
          headerRow: 1,
          firstColumn: 1,
          headers: ['Customer ID'],
          rowCount,
        },
      },
      columns: [],
      sheets: [],
      settings: defaultSettings(),
    });
    expect(codeOf(plan(1_048_576))).toMatch(/^TOO_LARGE: .*1,048,576/u);
    expect(codeOf(plan(1_048_575))).toBeNull();
  });

  it('checkColumns: column 16,384 fits, 16,385 is refused with where the columns would go', () => {
    expect(() => {
      excelGrid.checkColumns(16_384, 'Customers', 'the customers table');
    }).not.toThrow();
    expect(() => {
      excelGrid.checkColumns(16_385, 'Customers', 'the customers table');
    }).toThrow(/column 16,385 beside the customers table on sheet "Customers"/u);
  });
});

describe('runRecord.decode after an overwrite that stopped part-way', () => {
  const record = (columns: number): RunRecord => ({
    version: 2,
    settings: defaultSettings(),
    sheets: [{ key: 'pyramid', name: 'Pyramid' }],
    columns: Array.from({ length: columns }, (_, i) => ({
      key: `k${i}`,
      header: `Header ${i} ${'x'.repeat(2_000)}`,
      sheet: 'Customers',
      tableName: null,
      headerRow: 1,
      column: 4 + i,
      rows: 10,
    })),
  });

  it('reads the new, shorter record when stale pieces of the longer old one follow it', () => {
    const old = runRecord.encode(record(40));
    const shorter = runRecord.encode(record(3));
    expect(old.length).toBeGreaterThan(shorter.length);
    // The new pieces written over the old ones, the clear below them not applied.
    const cells = [...shorter, ...old.slice(shorter.length)];
    expect(runRecord.decode(cells)?.columns).toHaveLength(3);
  });

  it('still reads a whole record, and nothing from garbage', () => {
    expect(runRecord.decode(runRecord.encode(record(40)))?.columns).toHaveLength(40);
    expect(runRecord.decode(['title', '{"version": 2', 'not json'])).toBeNull();
  });
});
