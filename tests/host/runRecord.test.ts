import { defaultSettings } from '../../src/engine/defaultSettings';
import { runRecord, type RunRecord } from '../../src/host/runRecord';

const settings = { ...defaultSettings(), language: 'zh-CN' as const, svcdAmountThreshold: 300 };

/** Column A of a record sheet holding `value` as JSON, split like a host splits it. */
function cellsOf(value: unknown, pieces = 1): string[] {
  const json = JSON.stringify(value);
  const size = Math.ceil(json.length / pieces);
  const cells = ['any title'];
  for (let start = 0; start < json.length; start += size) cells.push(json.slice(start, start + size));
  return cells;
}

describe('runRecord', () => {
  it('round-trips the shared format, Excel ids and undo record included, with the title in A1', () => {
    const record: RunRecord = {
      version: 2,
      settings,
      sheets: [
        { key: 'pyramid', name: 'Pyramid', sheetId: '{S2}' },
        { key: 'customers', name: 'Customers (analysis)' },
      ],
      columns: [
        {
          key: 'svcd',
          header: 'SVCD segment (2)',
          sheet: 'Customers',
          tableName: 'tblCustomers',
          headerRow: 3,
          column: 7,
          rows: 40,
          sheetId: '{S1}',
          tableColumnId: 9,
        },
        { key: 'abc', header: 'ABC', sheet: 'Customers', tableName: null, headerRow: 1, column: 2, rows: 5 },
      ],
      lastRun: { complete: true, createdSheets: ['Pyramid'] },
    };
    const cells = runRecord.encode(record);
    expect(cells[0]).toBe(runRecord.title);
    expect(runRecord.decode(cells)).toEqual(record);
  });

  it('splits long records into cells Excel can hold and joins them back', () => {
    const long = 'x'.repeat(70_000);
    const record: RunRecord = { version: 2, settings, sheets: [{ key: 'pyramid', name: long }], columns: [] };
    const cells = runRecord.encode(record);
    expect(cells.length).toBe(4);
    for (const cell of cells) expect(cell.length).toBeLessThanOrEqual(32_767);
    expect(runRecord.decode(cells)?.sheets[0]?.name).toBe(long);
  });

  it('reads the command line’s version-1 record: settings, created sheets and columns without keys', () => {
    const decoded = runRecord.decode(
      cellsOf(
        {
          version: 1,
          settings,
          createdSheets: ['Pyramid', 'Data issues'],
          customerColumns: {
            sheet: 'Customers',
            headerRow: 2,
            columns: [
              { column: 5, header: 'SVCD segment' },
              { column: 6, header: 'Revenue (2)' },
            ],
          },
        },
        3,
      ),
    );
    expect(decoded).toEqual({
      version: 2,
      settings,
      sheets: [
        { key: null, name: 'Pyramid' },
        { key: null, name: 'Data issues' },
      ],
      columns: [
        {
          key: null,
          header: 'SVCD segment',
          sheet: 'Customers',
          tableName: null,
          headerRow: 2,
          column: 5,
          rows: null,
        },
        {
          key: null,
          header: 'Revenue (2)',
          sheet: 'Customers',
          tableName: null,
          headerRow: 2,
          column: 6,
          rows: null,
        },
      ],
    });
    const noColumns = runRecord.decode(
      cellsOf({ version: 1, settings, createdSheets: [], customerColumns: null }),
    );
    expect(noColumns?.columns).toEqual([]);
  });

  it('reads the Excel add-in’s version-1 state: 0-based markers become 1-based, ids and undo record kept', () => {
    const lastRun = { complete: true, createdSheets: ['Pyramid'], backupSheets: [] };
    const decoded = runRecord.decode(
      cellsOf({
        version: 1,
        settings: null,
        columns: [
          {
            key: 'svcd',
            header: 'SVCD segment',
            sheetId: '{S1}',
            tableName: 'Customers',
            tableColumnId: 4,
            column: 3,
            headerRow: 0,
            rows: 6,
          },
          {
            key: 'revenue',
            header: 'Revenue',
            sheetId: '{S1}',
            tableName: null,
            tableColumnId: null,
            column: 0,
            headerRow: 9,
            rows: 2,
          },
        ],
        sheets: [{ key: 'abc', sheetId: '{S3}', name: 'ABC Pareto' }],
        lastRun,
      }),
    );
    expect(decoded).toEqual({
      version: 2,
      settings: null,
      sheets: [{ key: 'abc', name: 'ABC Pareto', sheetId: '{S3}' }],
      columns: [
        {
          key: 'svcd',
          header: 'SVCD segment',
          sheet: null,
          tableName: 'Customers',
          headerRow: 1,
          column: 4,
          rows: 6,
          sheetId: '{S1}',
          tableColumnId: 4,
        },
        {
          key: 'revenue',
          header: 'Revenue',
          sheet: null,
          tableName: null,
          headerRow: 10,
          column: 1,
          rows: 2,
          sheetId: '{S1}',
          tableColumnId: null,
        },
      ],
      lastRun,
    });
  });

  it('drops entries that make no sense and keeps the rest', () => {
    const decoded = runRecord.decode(
      cellsOf({
        version: 2,
        settings: 'not settings',
        sheets: [{ key: 'pyramid' }, 'Pyramid', { key: 7, name: 'RFM' }],
        columns: [
          { key: 'svcd', header: 'SVCD segment', sheet: 'C', headerRow: '1', column: 2 },
          { key: 'abc', header: 'ABC', sheet: 'C', headerRow: 1, column: 3.5 },
          { key: 'rfm', header: 'RFM', sheet: 'C', tableName: 5, headerRow: 1, column: 4, rows: 'many' },
        ],
      }),
    );
    expect(decoded).toEqual({
      version: 2,
      settings: null,
      sheets: [{ key: null, name: 'RFM' }],
      columns: [
        { key: 'rfm', header: 'RFM', sheet: 'C', tableName: null, headerRow: 1, column: 4, rows: null },
      ],
    });
  });

  it.each([
    ['no JSON', ['title']],
    ['empty cells', ['title', null, '']],
    ['broken JSON', ['title', '{"version": 2, "sett']],
    ['not an object', cellsOf([1, 2])],
    ['a future version', cellsOf({ version: 3, settings, sheets: [], columns: [] })],
    ['no version', cellsOf({ settings, sheets: [], columns: [] })],
  ])('gives null for %s (the run then starts afresh)', (_what, cells) => {
    expect(runRecord.decode(cells)).toBeNull();
  });

  it('reads JSON pieces that are text only: a number in the column is not part of the record', () => {
    const cells: (string | number)[] = cellsOf({ version: 2, settings, sheets: [], columns: [] }, 2);
    expect(runRecord.decode(cells)?.settings).toEqual(settings);
    cells.splice(2, 0, 12);
    expect(runRecord.decode(cells)?.settings).toEqual(settings);
  });

  it.each([
    ['CustomerPyramid.state', true],
    ['customerpyramid.undo', true],
    ['CustomerPyramid.old (3)', true],
    ['_CustomerPyramid', true],
    ['Customers', false],
    ['CustomerPyramid', false],
    ['My CustomerPyramid.state', false],
  ])('isBookkeeping(%s) is %s', (name, expected) => {
    expect(runRecord.isBookkeeping(name)).toBe(expected);
  });
});
