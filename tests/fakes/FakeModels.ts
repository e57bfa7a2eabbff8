import type { CellBlock } from './cellAddress';
import { FakeCells } from './FakeCells';

/** Sheet visibility as Office.js names it. */
export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** A series of a fake chart: addresses of its ranges. */
export interface FakeSeries {
  name: string;
  values: string | null;
  xValues: string | null;
  chartType: string | null;
  axisGroup: 'Primary' | 'Secondary';
  color: string | null;
}

/** A chart on a fake sheet. */
export interface FakeChart {
  id: string;
  type: string;
  title: string;
  series: FakeSeries[];
  /** Top-left and bottom-right cell addresses of its position, when set. */
  position: { start: string; end: string | null } | null;
  categoryReversed: boolean;
  valueAxisFormat: string | null;
}

/** A conditional format on a fake sheet. */
export interface FakeConditionalFormat {
  block: CellBlock;
  type: string;
  criteria: unknown;
}

/** Page setup of a fake worksheet. */
export interface FakePageLayout {
  orientation: string;
  paperSize: string;
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  /** Address of the print area, or null for the whole used range. */
  printArea: string | null;
  /** 0-based rows that start a new printed page (manual horizontal page breaks). */
  rowBreaks: number[];
}

/** A worksheet of the fake workbook. */
export class FakeSheet {
  readonly cells = new FakeCells();
  visibility: SheetVisibility = 'Visible';
  protected = false;
  frozenRows = 0;
  /** Address of the range with filter buttons (`worksheet.autoFilter.apply`), or null. */
  autoFilter: string | null = null;
  /** Page setup (`worksheet.pageLayout`, `worksheet.horizontalPageBreaks`), as Excel's defaults until set. */
  pageLayout: FakePageLayout = {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100 },
    printArea: null,
    rowBreaks: [],
  };
  charts: FakeChart[] = [];
  conditionalFormats: FakeConditionalFormat[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}
}

/** An Excel table of the fake workbook; its column names are its header cells. */
export class FakeTable {
  constructor(
    readonly id: string,
    public name: string,
    readonly sheet: FakeSheet,
    /** 0-based sheet row of the header row. */
    readonly headerRow: number,
    /** 0-based sheet column of the first column. */
    readonly col0: number,
    public rowCount: number,
    /** Stable ids of the columns, in order. */
    public columnIds: number[],
  ) {
    this.nextColumnId = Math.max(0, ...columnIds) + 1;
  }

  /** The id the next added column gets (Excel never reuses a table column id). */
  nextColumnId: number;

  get columnCount(): number {
    return this.columnIds.length;
  }

  /** The whole table, header included. */
  get block(): CellBlock {
    return {
      row0: this.headerRow,
      col0: this.col0,
      row1: this.headerRow + this.rowCount,
      col1: this.col0 + this.columnCount - 1,
    };
  }

  columnName(index: number): string {
    const value = this.sheet.cells.value(this.headerRow, this.col0 + index);
    return value === null ? '' : String(value);
  }
}
