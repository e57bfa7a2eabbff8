import { runRecord } from '../../../src/host/runRecord';
import { StreamedSource } from '../../../src/host/file/StreamedSource';
import type { StreamedWorkbook } from '../../../src/host/file/StreamedWorkbook';

const table = {
  sheet: 'Customers',
  tableName: null,
  headerRow: 1,
  firstColumn: 1,
  headers: ['Customer ID', 'SVCD segment', 'My note', 'ABC class'],
  rowCount: 2,
};

function streamed(recordColumns: { header: string; column: number }[]): StreamedWorkbook {
  const record = runRecord.encode({
    version: 2,
    settings: null,
    sheets: [{ key: 'pyramid', name: 'Pyramid' }],
    columns: recordColumns.map((c) => ({
      key: null,
      sheet: 'Customers',
      tableName: null,
      headerRow: 1,
      rows: 2,
      ...c,
    })),
  });
  return {
    tables: [
      { table, columns: table.headers.map(() => ['a', 'b']), dateColumns: table.headers.map(() => false) },
    ],
    date1904: false,
    recordCells: record,
    sheetNames: ['Customers', 'Pyramid'],
  };
}

describe('StreamedSource', () => {
  it('reports a table without our columns, as the in-memory reader and Excel do: blank in place, gone at the end', () => {
    const source = new StreamedSource(
      streamed([
        { header: 'SVCD segment', column: 2 },
        { header: 'ABC class', column: 4 },
      ]),
    );
    const info = source.inspect(source.inputRecord());
    expect(info.tables.map((t) => t.headers)).toEqual([['Customer ID', '', 'My note']]);
  });

  it('leaves a column whose header the user changed to the user', () => {
    const source = new StreamedSource(streamed([{ header: 'Segment (old)', column: 2 }]));
    expect(source.inspect(source.inputRecord()).tables[0]?.headers).toEqual(table.headers);
  });
});
