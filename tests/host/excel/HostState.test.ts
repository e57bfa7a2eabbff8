import { HostState, type ColumnMarker } from '../../../src/host/excel/HostState';
import { HostStateSheet } from '../../../src/host/excel/HostStateSheet';
import { runRecord, type RecordColumn } from '../../../src/host/runRecord';
import { customersRows, openFakeWorkbook, planFor, userPicture } from './excelHostFixture';

const sheets = [
  { id: 'sheet{1}', name: 'Customers' },
  { id: 'sheet{2}', name: 'Pyramid' },
];
const names = new Map(sheets.map((s) => [s.id, s.name]));

const svcd: ColumnMarker = {
  key: 'svcd',
  header: 'SVCD segment',
  sheetId: 'sheet{1}',
  tableName: 'tblCustomers',
  tableColumnId: 6,
  column: 5,
  headerRow: 0,
  rows: 120,
  digest: '120:abc',
};
// What an older command line recorded: no key, no row count, no fingerprint, no table column id.
const older: ColumnMarker = {
  ...svcd,
  key: '',
  header: 'Revenue',
  tableColumnId: null,
  column: 6,
  rows: -1,
  digest: null,
};
const pyramid = { key: 'pyramid', sheetId: 'sheet{2}', name: 'Pyramid' };

const state: HostState = {
  version: 1,
  settings: null,
  columns: [svcd, older],
  sheets: [pyramid],
  history: null,
  lastRun: {
    complete: true,
    previous: { settings: null, columns: [older], sheets: [{ ...pyramid, key: '' }], history: null },
    createdColumns: [svcd],
    updatedColumns: [{ marker: older, undoColumn: 0, rowsWritten: 120 }],
    createdSheets: ['Pyramid'],
    backupSheets: [{ backupName: 'CustomerPyramid.old', marker: pyramid, position: 2 }],
  },
};

describe('HostState, the Excel view of the run record', () => {
  it('is derived from the record it saves, losing nothing', () => {
    const record = runRecord.decode(runRecord.encode(HostState.toRecord(state, names)));
    expect(record).not.toBeNull();
    expect(HostState.fromRecord(record!, sheets)).toEqual(state);
  });

  it('saves the undo record in the record format: 1-based, named, the same as the columns', () => {
    const record = HostState.toRecord(state, names);
    const saved = record.lastRun as { version: number; createdColumns: RecordColumn[] };
    expect(saved.version).toBe(2);
    expect(saved.createdColumns).toEqual([record.columns[0]]);
    expect(record.columns[0]).toMatchObject({ sheet: 'Customers', column: 6, headerRow: 1 });
    expect(record.columns[1]).toMatchObject({ key: null, rows: null, tableColumnId: null });
  });

  it('reads an older add-in’s undo record, saved as the view', () => {
    const record = { ...HostState.toRecord(state, names), lastRun: state.lastRun };
    expect(HostState.fromRecord(record, sheets).lastRun).toEqual(state.lastRun);
  });

  it('undoes a run whose undo record an older add-in saved', async () => {
    const spec = { sheets: [{ name: 'Customers', table: 'CustomerTable', rows: customersRows }] };
    const { host, workbook, close } = openFakeWorkbook(spec);
    try {
      const table = async (): Promise<Parameters<typeof planFor>[0]> => (await host.inspect()).tables[0]!;
      await host.write(planFor(await table()));
      const afterFirst = userPicture(workbook);
      await host.write(planFor(await table(), 1));
      // Rewrite the saved undo record as an older add-in kept it: the view's markers, no version.
      const cells = workbook.values(HostStateSheet.sheetName, 'A1:A200').map((r) => r[0] ?? null);
      const record = runRecord.decode(cells)!;
      const ids = workbook.sheets.map((s) => ({ id: s.id, name: s.name }));
      const encoded = runRecord.encode({ ...record, lastRun: HostState.fromRecord(record, ids).lastRun });
      expect(encoded.join('')).not.toContain('"version":2,"complete"');
      encoded.forEach((cell, r) => {
        workbook.sheet(HostStateSheet.sheetName).cells.setRaw(r, 0, cell, null);
      });
      await host.undoLastRun();
      expect(userPicture(workbook)).toEqual(afterFirst);
    } finally {
      close();
    }
  });
});
