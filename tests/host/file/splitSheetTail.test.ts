import type { CellSpec, SheetSpec } from '../../../src/engine/sheetSpec';
import { splitSheetTail } from '../../../src/host/file/splitSheetTail';

/** A sheet of a title row, then `rows` rows of a name and a money cell. */
function sheet(rows: CellSpec[][]): SheetSpec {
  return {
    key: 'visitPlan',
    name: 'Visit plan',
    cells: [[{ value: 'Title', bold: true, size: 14 }], ...rows],
    columnWidths: [20, 12],
    frozenRows: 0,
    charts: [],
    colorScales: [],
  };
}

const plain = (k: number): CellSpec[] => [{ value: `C${String(k)}` }, { value: k, format: 'money' }];

describe('splitSheetTail', () => {
  it('cuts the longest run of rows that look alike, the head keeping its first row as the template', () => {
    const rows = Array.from({ length: 6 }, (_, k) => plain(k));
    const split = splitSheetTail(sheet(rows), 0)!;
    expect(split.head.cells).toHaveLength(2);
    expect(split.firstRow).toBe(3);
    expect(split.columns).toEqual([
      { values: ['C1', 'C2', 'C3', 'C4', 'C5'] },
      { format: 'money', values: [1, 2, 3, 4, 5] },
    ]);
  });

  it.each<[string, Partial<CellSpec>]>([
    ['bold', { bold: true }],
    ['fill', { fill: '#FFEEDD' }],
    ['size', { size: 12 }],
    ['wrap', { wrap: true }],
    ['centring', { center: true }],
    ['format', { format: 'integer' }],
  ])('stops at a row whose %s differs', (_, look) => {
    const rows = Array.from({ length: 6 }, (_, k) => plain(k));
    rows[2] = [rows[2]![0]!, { ...rows[2]![1]!, ...look }];
    expect(splitSheetTail(sheet(rows), 0)!.firstRow).toBe(6);
  });

  it('stops at a row of another length, and leaves a sheet at or under the threshold whole', () => {
    const rows = Array.from({ length: 6 }, (_, k) => plain(k));
    rows[3] = [...rows[3]!, { value: 'note' }];
    expect(splitSheetTail(sheet(rows), 0)!.firstRow).toBe(7);
    expect(splitSheetTail(sheet(rows), 100)).toBeNull();
  });
});
