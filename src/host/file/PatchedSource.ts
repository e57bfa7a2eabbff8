import { Workbook, type Worksheet } from 'exceljs';
import type { CellColumn, SourceTable } from '../../engine/types';
import type { RunRecord } from '../runRecord';
import type { ProgressCallback, WorkbookInfo, WritePlan } from '../WorkbookHost';
import type { FileSource } from './FileSource';
import { StreamedSource } from './StreamedSource';
import type { StreamedWorkbook } from './StreamedWorkbook';
import { XlsxSource } from './XlsxSource';

/**
 * An .xlsx read by streaming (`streamXlsx`) whose result is written by patching its own package
 * (`patchXlsxPackage`) rather than by loading and re-writing it with the workbook library: tables and the
 * earlier run's record come from the streamed cells (`StreamedSource`), and the run writes into a
 * skeleton workbook holding one empty placeholder sheet per input sheet (so sheet names stay unique and
 * an earlier run's sheets are removed and replaced in place, as in the input's own workbook), whose
 * surviving placeholders stand for the input's sheets when the package is patched. Only a run that leaves
 * every input sheet as it is can be written so ({@link PatchedSource.canWrite}); the host loads the whole
 * workbook ({@link PatchedSource.wholeWorkbook}) for the others.
 *
 * @example const source = new PatchedSource(await streamXlsx(path, name), await readFile(path));
 */
export class PatchedSource implements FileSource {
  readonly date1904: boolean;
  readonly workbook: Workbook;
  private readonly streamed: StreamedSource;
  private readonly placeholders = new Set<Worksheet>();

  /**
   * @param bytes The input file, kept for the patch and for {@link PatchedSource.wholeWorkbook}.
   * @throws Error when a sheet name of the input cannot name a placeholder.
   */
  constructor(
    streamed: StreamedWorkbook,
    readonly bytes: Uint8Array,
  ) {
    this.streamed = new StreamedSource(streamed);
    this.date1904 = streamed.date1904;
    this.workbook = new Workbook();
    this.workbook.properties.date1904 = streamed.date1904;
    for (const name of streamed.sheetNames) this.placeholders.add(this.workbook.addWorksheet(name));
  }

  inspect(record: RunRecord | null): WorkbookInfo {
    return this.streamed.inspect(record);
  }

  readColumns(table: SourceTable, columns: readonly number[], progress?: ProgressCallback): CellColumn[] {
    return this.streamed.readColumns(table, columns, progress);
  }

  inputRecord(): RunRecord | null {
    return this.streamed.inputRecord();
  }

  /**
   * Whether `plan` can be written by patching: it builds its own customers sheet (the user's customers
   * table would get columns appended), and the input holds no Calls sheet (a re-run updates that sheet's
   * rows in place).
   */
  canWrite(plan: WritePlan): boolean {
    return (
      plan.customers.kind === 'new' && (this.streamed.inspect(this.inputRecord()).callSheets ?? []).length === 0
    );
  }

  /** Never called: a plan with the user's customers table is written through {@link PatchedSource.wholeWorkbook}. */
  copyCustomers(): never {
    throw new Error('A customers table is not written by patching the package.');
  }

  /** The sales are in the input's package, which the output keeps. */
  copySales(): { deferred: null; leftOut: boolean } {
    return { deferred: null, leftOut: false };
  }

  deferAboveCells(directRowsAboveCells: number): number {
    return directRowsAboveCells;
  }

  /** Names of the sheets of `output` (the skeleton after a write) that are the input's own. */
  inputSheetsOf(output: Workbook): Set<string> {
    return new Set(output.worksheets.filter((sheet) => this.placeholders.has(sheet)).map((s) => s.name));
  }

  /**
   * The input loaded whole by the workbook library, for a run that changes one of its sheets.
   *
   * @throws Error with a readable message when the bytes are not an .xlsx package.
   */
  async wholeWorkbook(fileName: string): Promise<XlsxSource> {
    const workbook = new Workbook();
    try {
      await workbook.xlsx.load(this.bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`"${fileName}" could not be read as an .xlsx workbook (${reason}).`);
    }
    return new XlsxSource(workbook);
  }
}
