import { dayFromYmd } from '../../src/engine/dayNumbers';
import type { RawCell, SourceTable } from '../../src/engine/types';
import type { WorkbookInfo, WritePlan, WriteSummary } from '../../src/host/WorkbookHost';
import { ExcelWorkbookHost } from '../../src/host/excel/ExcelWorkbookHost';
import type { ExcelRun } from '../../src/host/excel/ExcelRun';
import type { PaneEnvironment, ThemeKind } from '../../src/taskpane/PaneEnvironment';
import type { PaneHost } from '../../src/taskpane/PaneHost';
import { createExcelPaneHost } from '../../src/taskpane/createExcelPaneHost';
import { buildFakeWorkbook, type FakeSheetSpec } from '../fakes/buildFakeWorkbook';
import type { FakeWorkbook } from '../fakes/FakeWorkbook';
import { installFakeExcel } from '../fakes/installFakeExcel';

/** Number of customers in the standard fixture: each bought once, customer i for 10 × i. */
export const customerCount = 20;

const day = (m: number, d: number): number => dayFromYmd(2024, m, d)!;

/** A customers table and a sales table (an Excel table), one sale per customer with profit = 10 × i. */
export function standardSheets(): FakeSheetSpec[] {
  const ids = Array.from({ length: customerCount }, (_, i) => `C${String(i + 1).padStart(2, '0')}`);
  return [
    {
      name: 'Customers',
      rows: [['Customer ID', 'Customer Name'], ...ids.map((id, i) => [id, `Shop ${String(i + 1)}`])],
    },
    {
      name: 'Sales',
      table: 'tblSales',
      rows: [
        ['Order ID', 'Order Date', 'Customer ID', 'Amount', 'Profit'],
        ...ids.map((id, i): RawCell[] => [
          `O${String(i + 1)}`,
          day(1 + (i % 6), 1 + i),
          id,
          10 * (i + 1),
          10 * (i + 1),
        ]),
      ],
    },
  ];
}

/** The real Excel host over the fake Excel holding `sheets`, as the pane sees it. */
export function excelPane(sheets: FakeSheetSpec[] = standardSheets()): {
  workbook: FakeWorkbook;
  host: PaneHost;
  uninstall: () => void;
} {
  const workbook = buildFakeWorkbook({ sheets });
  const { excel, uninstall } = installFakeExcel(workbook);
  const run: ExcelRun = (options, batch) => excel.run(options, batch);
  return { workbook, host: createExcelPaneHost(new ExcelWorkbookHost({ run })), uninstall };
}

/** A pane environment with a fixed display language and theme. */
export function environment(
  mode: PaneEnvironment['mode'],
  displayLanguage: string | null = 'en-US',
  theme: ThemeKind = 'light',
): PaneEnvironment {
  return { mode, displayLanguage, theme: () => theme, onThemeChange: () => () => undefined };
}

/** An in-memory host over plain column data, recording what the pane asks of it. */
export class RecordingHost implements PaneHost {
  readonly label = 'memory';
  readonly plans: WritePlan[] = [];
  inspections = 0;
  /** Set to hold reads until `release()` is called. */
  holdReads = false;
  writeError: Error | null = null;
  private releaseReads: (() => void)[] = [];

  constructor(private readonly tables: { source: SourceTable; columns: RawCell[][] }[]) {}

  /** A host with one sales sheet of `rows` (header row first). */
  static fromRows(sheet: string, rows: RawCell[][]): RecordingHost {
    const [headers = [], ...data] = rows;
    const source: SourceTable = {
      sheet,
      tableName: null,
      headerRow: 1,
      firstColumn: 1,
      headers: headers.map(String),
      rowCount: data.length,
    };
    return new RecordingHost([{ source, columns: headers.map((_, c) => data.map((row) => row[c] ?? null)) }]);
  }

  release(): void {
    const waiting = this.releaseReads;
    this.releaseReads = [];
    for (const resolve of waiting) resolve();
  }

  inspect(): Promise<WorkbookInfo> {
    this.inspections++;
    return Promise.resolve({
      tables: this.tables.map((t) => t.source),
      date1904: false,
      savedSettings: null,
    });
  }

  async readColumns(table: SourceTable, columns: readonly number[]): Promise<RawCell[][]> {
    if (this.holdReads) await new Promise<void>((resolve) => this.releaseReads.push(resolve));
    const found = this.tables.find((t) => t.source === table || t.source.sheet === table.sheet);
    if (found === undefined) throw new Error(`no table ${table.sheet}`);
    return columns.map((c) => found.columns[c] ?? []);
  }

  write(plan: WritePlan): Promise<WriteSummary> {
    if (this.writeError !== null) return Promise.reject(this.writeError);
    this.plans.push(plan);
    return Promise.resolve({
      columnHeaders: plan.columns.map((c) => c.header),
      sheetNames: plan.sheets.map((s) => s.name),
      location: 'memory',
    });
  }
}

/** Sales rows (header first) for `RecordingHost.fromRows`: n customers, customer i buys 10 × i once. */
export function salesRows(
  headers: [string, string, string] = ['Customer ID', 'Date', 'Amount'],
  n = customerCount,
): RawCell[][] {
  return [
    headers,
    ...Array.from({ length: n }, (_, i): RawCell[] => [`K${String(i + 1)}`, day(1, 1 + i), 10 * (i + 1)]),
  ];
}
