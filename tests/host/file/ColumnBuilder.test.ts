/**
 * ColumnBuilder collects one column of a streamed worksheet: shared-string codes while it can, plain cells
 * from the first other cell on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { cellsOf, isEncoded } from '../../../src/engine/cellColumn';
import type { CellColumn, RawCell } from '../../../src/engine/types';
import { ColumnBuilder } from '../../../src/host/file/ColumnBuilder';
import { readWorkbookFile } from '../../../src/host/file/node/readWorkbookFile';
import { readSharedStrings, type SharedStrings } from '../../../src/host/file/sharedStrings';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { mulberry32 } from '../../../src/sample/mulberry32';

/** Shared strings of a file: index 2 is empty, index 4 repeats index 0. */
const strings: SharedStrings = readSharedStrings(
  '<sst><si><t>C1</t></si><si><t>C2</t></si><si><t/></si><si><t>C3</t></si><si><t>C1</t></si>' +
    '<si><t>unused</t></si></sst>',
);

function encodedParts(column: CellColumn): { codes: number[]; values: readonly RawCell[] } {
  if (!isEncoded(column)) throw new Error('Expected an encoded column');
  return { codes: Array.from(column.codes), values: column.values };
}

describe('ColumnBuilder', () => {
  it('checks its fixture: six shared strings, one empty, one repeated', () => {
    expect(strings.values).toEqual(['C1', 'C2', 'C3', 'unused']);
    expect(Array.from(strings.codeOf)).toEqual([0, 1, -1, 2, 0, 3]);
  });

  it('stays encoded while it holds only shared strings and blanks', () => {
    const builder = new ColumnBuilder(strings);
    builder.setShared(0, 1);
    builder.setShared(1, 0);
    builder.setShared(3, 4);
    builder.setShared(4, 2);
    builder.setShared(5, 1);
    const column = builder.build(7);
    expect(encodedParts(column)).toEqual({ codes: [0, 1, -1, 1, -1, 0, -1], values: ['C2', 'C1'] });
    expect(cellsOf(column)).toEqual(['C2', 'C1', null, 'C1', null, 'C2', null]);
  });

  it('encodes only the texts of the rows it keeps', () => {
    const builder = new ColumnBuilder(strings);
    builder.setShared(0, 3);
    builder.setShared(2, 1);
    builder.setShared(9, 0);
    const column = builder.build(3);
    expect(encodedParts(column)).toEqual({ codes: [0, -1, 1], values: ['C3', 'C2'] });
  });

  it('reads an unknown shared-string index as blank', () => {
    const builder = new ColumnBuilder(strings);
    builder.setShared(0, 99);
    builder.setShared(1, 0);
    expect(cellsOf(builder.build(2))).toEqual([null, 'C1']);
  });

  it('builds an all-blank column when nothing was set, encoded with no values', () => {
    const column = new ColumnBuilder(strings).build(3);
    expect(encodedParts(column)).toEqual({ codes: [-1, -1, -1], values: [] });
    expect(cellsOf(new ColumnBuilder(strings).build(0))).toEqual([]);
  });

  it('turns into plain cells at the first other cell, keeping the rows before it', () => {
    const builder = new ColumnBuilder(strings);
    builder.setShared(0, 0);
    builder.setShared(2, 1);
    builder.setShared(3, 2);
    builder.setCell(4, 42);
    builder.setShared(5, 3);
    builder.setShared(6, 2);
    builder.setCell(8, true);
    const column = builder.build(10);
    expect(isEncoded(column)).toBe(false);
    expect(column).toEqual(['C1', null, 'C2', null, 42, 'C3', null, null, true, null]);
  });

  it('turns into plain cells for an error value or formula text set before any shared string', () => {
    const builder = new ColumnBuilder(strings);
    builder.setCell(1, '#N/A');
    builder.setShared(2, 0);
    expect(builder.build(3)).toEqual([null, '#N/A', 'C1']);
  });

  it('pads and truncates plain cells to the row count', () => {
    const builder = new ColumnBuilder(strings);
    builder.setCell(0, 'a');
    builder.setCell(5, 'b');
    expect(builder.build(3)).toEqual(['a', null, null]);
    const other = new ColumnBuilder(strings);
    other.setCell(1, 1.5);
    expect(other.build(4)).toEqual([null, 1.5, null, null]);
  });

  it('takes rows out of order', () => {
    const builder = new ColumnBuilder(strings);
    builder.setShared(10, 0);
    builder.setShared(3, 1);
    expect(cellsOf(builder.build(11))).toEqual([
      null,
      null,
      null,
      'C2',
      ...new Array<null>(6).fill(null),
      'C1',
    ]);
    builder.setCell(1, 7);
    expect(builder.build(11)).toEqual([null, 7, null, 'C2', ...new Array<null>(6).fill(null), 'C1']);
  });

  it('grows past its capacity', () => {
    const builder = new ColumnBuilder(strings, 1);
    for (let i = 0; i < 5_000; i += 7) builder.setShared(i, i % 2);
    const expected = Array.from({ length: 5_001 }, (_, i) =>
      i % 7 === 0 ? (i % 2 === 0 ? 'C1' : 'C2') : null,
    );
    expect(cellsOf(builder.build(5_001))).toEqual(expected);
  });

  it.each([1, 2, 3, 4, 5, 6])('matches a plain model on random rows (seed %i)', (seed) => {
    const random = mulberry32(seed);
    const builder = new ColumnBuilder(strings, 16);
    const model: RawCell[] = [];
    let plain = false;
    const rows = 200 + Math.floor(random() * 3_000);
    for (let i = 0; i < rows; i++) {
      const roll = random();
      if (roll < 0.3) continue;
      if (roll < 0.97 || seed % 2 === 0) {
        const index = Math.floor(random() * 7);
        builder.setShared(i, index);
        const code = strings.codeOf[index] ?? -1;
        model[i] = code < 0 ? null : strings.values[code]!;
      } else {
        const cell: RawCell = [3.5, true, '#N/A', 'inline'][Math.floor(random() * 4)]!;
        builder.setCell(i, cell);
        model[i] = cell;
        plain = true;
      }
    }
    const rowCount = rows - Math.floor(random() * 50);
    const expected = Array.from({ length: rowCount }, (_, i) => model[i] ?? null);
    const column = builder.build(rowCount);
    expect(isEncoded(column)).toBe(!plain);
    expect(cellsOf(column)).toEqual(expected);
    if (isEncoded(column)) {
      const used = [...new Set(expected.filter((cell) => cell !== null))];
      expect(column.values).toEqual(used);
    }
  });
});

describe('streamed columns through the engine', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'column-builder-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  /** Analyses a workbook of rows with the in-memory reader and with the streaming one. */
  async function bothAnalyses(
    name: string,
    rows: RawCell[][],
  ): Promise<{ whole: unknown; streamed: unknown }> {
    const workbook = new Workbook();
    workbook.addWorksheet('Sales').addRows(rows);
    const file = path.join(folder, name);
    await workbook.xlsx.writeFile(file);
    const whole = await runAnalysis(await readWorkbookFile(file), {}, { write: false });
    const streamed = await runAnalysis(
      await readWorkbookFile(file, { streamAboveBytes: 0 }),
      {},
      { write: false },
    );
    return { whole: whole.result, streamed: streamed.result };
  }

  it('hands shared-string columns over encoded and others plain', async () => {
    const workbook = new Workbook();
    workbook.addWorksheet('Sales').addRows([
      ['Customer ID', 'Date', 'Amount'],
      ['C1', 45_300, 10],
      [null, 45_301, '#N/A'],
      ['C2', 45_302, 30],
    ]);
    const file = path.join(folder, 'kinds.xlsx');
    await workbook.xlsx.writeFile(file);
    const host = await readWorkbookFile(file, { streamAboveBytes: 0 });
    const [table] = (await host.inspect()).tables;
    if (table === undefined) throw new Error('No table found');
    const [ids, dates, amounts] = await host.readColumns(table, [0, 1, 2]);
    expect(ids !== undefined && isEncoded(ids)).toBe(true);
    expect(dates !== undefined && isEncoded(dates)).toBe(false);
    expect([ids, dates, amounts].map((column) => (column === undefined ? null : cellsOf(column)))).toEqual([
      ['C1', null, 'C2'],
      [45_300, 45_301, 45_302],
      [10, '#N/A', 30],
    ]);
  });

  it('gives the same result for shared-string ids and order ids with blanks', async () => {
    const { whole, streamed } = await bothAnalyses('ids.xlsx', [
      ['Order ID', 'Customer ID', 'Date', 'Amount'],
      ['SO1', 'C1', 45_300, 10],
      [null, 'C2', 45_301, 20],
      ['SO2', null, 45_302, 30],
      ['SO3', ' C1 ', 45_303, 40],
    ]);
    expect(streamed).toEqual(whole);
  });

  it('gives the same result for shared-string text dates with a blank date', async () => {
    const { whole, streamed } = await bothAnalyses('text-dates.xlsx', [
      ['Customer ID', 'Date', 'Amount'],
      ['C1', '2024-01-05', 10],
      ['C2', null, 20],
      ['C3', '2024-01-07', 30],
    ]);
    expect(streamed).toEqual(whole);
  });
});
