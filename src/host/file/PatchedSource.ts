import { Workbook, type Worksheet } from 'exceljs';
import JSZip from 'jszip';
import type { CellColumn, SourceTable } from '../../engine/types';
import type { RunRecord } from '../runRecord';
import type { ProgressCallback, WorkbookInfo, WritePlan } from '../WorkbookHost';
import { sheetPartsByName } from './addChartsToXlsx';
import type { FileSource } from './FileSource';
import { PatchUnsupportedError } from './PatchUnsupportedError';
import { StreamedSource } from './StreamedSource';
import type { StreamedWorkbook } from './StreamedWorkbook';
import { XlsxSource } from './XlsxSource';

/** A worksheet part with no cells, standing in for an input sheet the run leaves as it is. */
const emptySheetXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';

/**
 * An .xlsx read by streaming (`streamXlsx`) whose result is written by patching its own package
 * (`patchXlsxPackage`) rather than by loading and re-writing it whole with the workbook library. Tables
 * and the earlier run's record come from the streamed cells (`StreamedSource`). The run writes into a
 * skeleton workbook ({@link PatchedSource.prepare}): the input as the library loads it with every sheet the
 * run leaves as it is emptied (a placeholder: sheet names stay unique and an earlier run's sheets are
 * removed and replaced in place, as in the input's own workbook), and the sheets it changes — the one of
 * the user's customers table, the Calls sheets — loaded whole. The surviving placeholders stand for the
 * input's own sheets when the package is patched.
 *
 * @example const source = new PatchedSource(await streamXlsx(path, name), await readFile(path));
 */
export class PatchedSource implements FileSource {
  readonly date1904: boolean;
  private readonly streamed: StreamedSource;
  private skeleton: Workbook | null = null;
  private readonly placeholders = new Set<Worksheet>();
  private readonly sheetNames: readonly string[];

  /** @param bytes The input file, kept for the skeleton, the patch and {@link PatchedSource.wholeWorkbook}. */
  constructor(
    streamed: StreamedWorkbook,
    readonly bytes: Uint8Array,
  ) {
    this.streamed = new StreamedSource(streamed);
    this.date1904 = streamed.date1904;
    this.sheetNames = streamed.sheetNames;
  }

  /** The skeleton the run writes into, once {@link PatchedSource.prepare} has built it; null before. */
  get workbook(): Workbook | null {
    return this.skeleton;
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
   * Builds the skeleton for `plan`: the sheet of the user's customers table (when the run appends columns
   * to it) and every Calls sheet loaded whole, every other sheet emptied; when no sheet is loaded whole,
   * simply one empty sheet per input sheet. Done once, for the first write.
   *
   * @throws PatchUnsupportedError when the library cannot read the reduced package (the host then loads
   *   the whole workbook).
   */
  async prepare(plan: WritePlan, fileName: string): Promise<void> {
    if (this.skeleton !== null) return;
    const whole = new Set((this.inspect(this.inputRecord()).callSheets ?? []).map((sheet) => sheet.name));
    if (plan.customers.kind === 'existing') whole.add(plan.customers.table.sheet);
    if (whole.size === 0 && this.placeholderSkeleton()) return;
    const zip = await JSZip.loadAsync(this.bytes);
    for (const [name, part] of await sheetPartsByName(zip)) {
      // A chart sheet is left as it is: the library reads it as before, and the patch copies the input's.
      if (whole.has(name) || !part.includes('/worksheets/')) continue;
      zip.file(part, emptySheetXml);
      const slash = part.lastIndexOf('/');
      zip.remove(`${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`);
    }
    const reduced = await zip.generateAsync({ type: 'uint8array', compression: 'STORE' });
    let workbook: Workbook;
    try {
      workbook = (await loadWorkbook(reduced, fileName)).workbook;
    } catch (error) {
      throw new PatchUnsupportedError(error instanceof Error ? error.message : String(error));
    }
    for (const sheet of workbook.worksheets) if (!whole.has(sheet.name)) this.placeholders.add(sheet);
    this.skeleton = workbook;
  }

  /**
   * A skeleton of empty sheets named as the input's, when no input sheet is loaded whole: no need to load
   * the input's shared strings and styles. False when a name is one the library refuses.
   */
  private placeholderSkeleton(): boolean {
    const workbook = new Workbook();
    workbook.properties.date1904 = this.date1904;
    try {
      for (const name of this.sheetNames) this.placeholders.add(workbook.addWorksheet(name));
    } catch {
      this.placeholders.clear();
      return false;
    }
    this.skeleton = workbook;
    return true;
  }

  /** The customers table's sheet is in the skeleton, loaded whole: nothing to copy. */
  copyCustomers(): null {
    return null;
  }

  /** The sales are in the input's package, which the output keeps. */
  copySales(): { deferred: null; leftOut: boolean } {
    return { deferred: null, leftOut: false };
  }

  deferAboveCells(directRowsAboveCells: number): number {
    return directRowsAboveCells;
  }

  /** Names of the sheets of `output` (the skeleton after a write) that are the input's own, unchanged. */
  inputSheetsOf(output: Workbook): Set<string> {
    return new Set(output.worksheets.filter((sheet) => this.placeholders.has(sheet)).map((s) => s.name));
  }

  /**
   * The input loaded whole by the workbook library, for an input package the patcher does not handle.
   *
   * @throws Error with a readable message when the bytes are not an .xlsx package.
   */
  wholeWorkbook(fileName: string): Promise<XlsxSource> {
    return loadWorkbook(this.bytes, fileName);
  }
}

/** An .xlsx loaded by the workbook library. */
async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<XlsxSource> {
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`"${fileName}" could not be read as an .xlsx workbook (${reason}).`);
  }
  return new XlsxSource(workbook);
}
