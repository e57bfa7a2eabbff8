import type { ColumnSpec, SheetSpec } from '../../../src/engine/sheetSpec';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import type { SourceTable } from '../../../src/engine/types';
import { ExcelWorkbookHost, type ExcelWorkbookHostOptions } from '../../../src/host/excel/ExcelWorkbookHost';
import type { WritePlan } from '../../../src/host/WorkbookHost';
import { buildFakeWorkbook, type FakeWorkbookSpec } from '../../fakes/buildFakeWorkbook';
import type { BatchMode, FakeWorkbook } from '../../fakes/FakeWorkbook';
import { installFakeExcel } from '../../fakes/installFakeExcel';

/** A fake workbook installed as the global `Excel`, and a host over it (using the global, like the add-in). */
export function openFakeWorkbook(
  spec: FakeWorkbookSpec,
  options: ExcelWorkbookHostOptions = {},
  batchMode: BatchMode = 'partial',
): {
  workbook: FakeWorkbook;
  host: ExcelWorkbookHost;
  close: () => void;
} {
  const workbook = buildFakeWorkbook(spec);
  workbook.batchMode = batchMode;
  const { uninstall } = installFakeExcel(workbook);
  return { workbook, host: new ExcelWorkbookHost(options), close: uninstall };
}

/** The workbook without the add-in's bookkeeping sheets: what the user sees (hidden sheets included). */
export function userPicture(workbook: FakeWorkbook): unknown {
  const picture = workbook.picture() as { sheets: { name: string }[]; tables: unknown[] };
  return { ...picture, sheets: picture.sheets.filter((s) => !s.name.startsWith('CustomerPyramid.')) };
}

/** A customers table: ids (one with leading zeros), names (one formula-like). */
export const customersRows = [
  ['Customer ID', 'Customer name', 'Region'],
  ['00042', '=HYPERLINK("http://x")', 'North'],
  ['C002', '+SUM(A1)', 'South'],
  ['C003', '-2+3', 'East'],
  ['C004', '@cmd', 'West'],
];

/** Customer columns as the engine would describe them: text, dates, numbers. */
export function customerColumns(variant = 0): ColumnSpec[] {
  return [
    {
      key: 'svcd',
      header: 'SVCD segment',
      format: 'text',
      values: ['Star', 'Cow', variant === 0 ? 'Dog' : 'Volcano', null],
    },
    {
      key: 'nextVisitDue',
      header: 'Next visit due',
      format: 'date',
      values: [45000, 45001 + variant, 45002, null],
    },
    { key: 'revenue', header: 'Revenue', format: 'money', values: [100.5, 20 + variant, 0, 0] },
    { key: 'rfmSegment', header: 'RFM segment', format: 'text', values: ['=cmd|x', '+1', '-1', '@me'] },
  ];
}

/** A small summary sheet with a Pareto chart, a colour scale, a frozen header and column widths. */
export function paretoSheet(name = 'ABC Pareto', variant = 0): SheetSpec {
  return {
    key: 'abc',
    name,
    cells: [
      [
        { value: 'Customer', bold: true, fill: '#DDEEFF' },
        { value: 'Revenue', bold: true },
        { value: 'Cumulative %', bold: true },
      ],
      [{ value: '00042' }, { value: 100 + variant, format: 'money' }, { value: 0.8, format: 'percent' }],
      [{ value: '=evil()' }, { value: 25, format: 'money' }, { value: 1, format: 'percent' }],
      [{ value: 'Last purchase' }, { value: 45000, format: 'date' }, { value: null }],
    ],
    columnWidths: [14, 12, 12],
    frozenRows: 1,
    charts: [
      {
        type: 'column',
        title: 'Pareto',
        categories: { firstRow: 1, firstColumn: 0, lastRow: 2, lastColumn: 0 },
        series: [
          {
            name: 'Revenue',
            values: { firstRow: 1, firstColumn: 1, lastRow: 2, lastColumn: 1 },
            color: '#4472C4',
          },
          {
            name: 'Cumulative %',
            values: { firstRow: 1, firstColumn: 2, lastRow: 2, lastColumn: 2 },
            type: 'line',
            secondaryAxis: true,
          },
        ],
        anchor: { row: 0, column: 4, widthColumns: 8, heightRows: 15 },
        valueFormat: 'money',
      },
    ],
    colorScales: [
      {
        range: { firstRow: 1, firstColumn: 1, lastRow: 2, lastColumn: 1 },
        minColor: '#F8696B',
        midColor: '#FFEB84',
        maxColor: '#63BE7B',
      },
    ],
  };
}

/** A plan that appends {@link customerColumns} to `table` and builds {@link paretoSheet}. */
export function planFor(
  table: SourceTable,
  variant = 0,
  sheets: SheetSpec[] = [paretoSheet('ABC Pareto', variant)],
): WritePlan {
  return {
    customers: { kind: 'existing', table },
    columns: customerColumns(variant),
    sheets,
    settings: defaultSettings(),
  };
}
