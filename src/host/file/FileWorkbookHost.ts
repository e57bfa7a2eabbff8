import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import type { CellColumn, RawCell, SourceTable } from '../../engine/types';
import { runRecord, type RunRecord } from '../runRecord';
import type { ProgressCallback, WorkbookHost, WorkbookInfo, WriteSummary, WritePlan } from '../WorkbookHost';
import type { SheetCharts } from './addChartsToXlsx';
import { addChartsToPackage, packageBytes } from './addChartsToXlsx';
import { appendRowsToPackage, type DeferredRows, type PackagePart, type PartSink } from './appendSheetRows';
import { callsSheetsOf } from './callsSheetsOf';
import { CsvSource } from './CsvSource';
import type { CsvTable } from './parseCsv';
import type { FileSource } from './FileSource';
import { PatchedSource } from './PatchedSource';
import { PatchUnsupportedError } from './PatchUnsupportedError';
import { StreamedSource } from './StreamedSource';
import type { StreamedWorkbook } from './StreamedWorkbook';
import { tableModelsOf } from './tableModelsOf';
import { toRawCell } from './toRawCell';
import { writeDeferredRows } from './writeDeferredRows';
import { writeResult } from './writeResult';
import { XlsxSource } from './XlsxSource';

export { copyCsvSalesUpToCells } from './CsvSource';

/**
 * Said of the output of a large .xlsx input read by streaming (see {@link FileWorkbookHost.fromStreamed}),
 * for the command line and the page to show.
 */
export const largeInputNote =
  "a large input's result holds the customers and summary sheets; the sales stay in your file";

/** Default of {@link FileWorkbookHost.directRowsAboveCells}. */
export const directRowsAboveCells = 200_000;

/**
 * Writes the result package by patching the input's (`patchXlsxPackage`, Node only): `ours` is the
 * package the workbook library wrote of the output skeleton, charts added; `inputSheets` names its
 * placeholders of the input's sheets; `deferred` rows are appended into our sheets.
 */
export type PackagePatcher = (
  input: Uint8Array,
  ours: JSZip,
  inputSheets: ReadonlySet<string>,
  deferred: readonly DeferredRows[],
) => Promise<Uint8Array>;

/** A promise of what `run` returns, or of its error. */
function settle<T>(run: () => T): Promise<T> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * A {@link WorkbookHost} over a workbook held in memory, for the command line and the web page: loaded
 * from .xlsx bytes (Excel tables and plain ranges found by their headers: `XlsxSource`), from CSV text (one
 * sales table: `CsvSource`) or from a large .xlsx read by streaming (`StreamedSource`). `write` builds the
 * output workbook in memory (`writeResult`) — for an .xlsx, the input workbook with our columns appended to
 * the customers table, our summary sheets and the very hidden run record (settings and which sheets and
 * columns are ours, in the format the Excel add-in reads too, so either can re-run on the other's output in
 * place); for a CSV, a new workbook — and {@link FileWorkbookHost.toBuffer} returns its bytes, native
 * charts included. The input bytes are never changed. Works in Node and in the browser (no file-system
 * access here).
 *
 * @example
 * const host = await FileWorkbookHost.fromXlsx(bytes, 'sales.xlsx');
 * const info = await host.inspect();
 */
export class FileWorkbookHost implements WorkbookHost {
  /** The input's file name, used as the sheet name of a CSV table and in messages. */
  readonly fileName: string;
  private source: FileSource;
  private output: Workbook | null = null;
  /** The plan of the last write, written again through the workbook library when a patch cannot be made. */
  private lastPlan: WritePlan | null = null;
  private readonly patcher: PackagePatcher | null;
  private charts: SheetCharts[] = [];
  private deferredRows: DeferredRows[] = [];
  /**
   * A new output workbook's customers sheet larger than this many cells is written straight into the
   * package rather than through the workbook library (seconds instead of tens of seconds for 100,000
   * customers, and a fraction of the memory); so is a summary sheet's long tail of alike rows and a new
   * Calls sheet. 0 for a patched input ({@link FileWorkbookHost.fromPatched}: there, a Calls sheet keeps
   * the default); tests lower it to take that path with small data.
   */
  directRowsAboveCells = directRowsAboveCells;
  /**
   * Compresses the output package, with `parts` (path → bytes) replacing its parts, into the bytes
   * {@link FileWorkbookHost.toBuffer} returns; JSZip's
   * deflate by default (any JavaScript engine), Node's native zlib when set by the command line
   * (`packZipNative`, a tenth of the time).
   */
  packPackage: (zip: JSZip, parts: ReadonlyMap<string, PackagePart>) => Promise<Uint8Array> = packageBytes;
  /**
   * Where the rows appended to the package go as they are built (`appendRowsToPackage`): kept whole by
   * default; deflated as they come when the command line sets Node's `deflatingSink` with `packZipNative`.
   */
  partSink: (() => PartSink) | undefined = undefined;
  /** The last write left a CSV's sales out of the output (too large to copy). */
  private salesLeftOut = false;

  private constructor(fileName: string, source: FileSource, patcher: PackagePatcher | null = null) {
    this.fileName = fileName;
    this.source = source;
    this.patcher = patcher;
  }

  /**
   * A host over an .xlsx read by streaming whose result is written by patching its package (see
   * {@link PatchedSource}): the input's parts are copied as they are and only ours are written, in a
   * fraction of the time and memory of loading and re-writing the whole workbook. The output holds the
   * whole input, as {@link FileWorkbookHost.fromXlsx}'s does. A run that appends columns to the user's
   * customers table, or re-writes a Calls sheet, loads the whole workbook at its write instead, as does an
   * input package the patcher does not handle.
   *
   * @param bytes The input file.
   * @param patcher `patchXlsxPackage` (Node).
   * @throws Error when a sheet name of the input cannot name a placeholder sheet.
   */
  static fromPatched(
    streamed: StreamedWorkbook,
    bytes: Uint8Array,
    fileName: string,
    patcher: PackagePatcher,
  ): FileWorkbookHost {
    const host = new FileWorkbookHost(fileName, new PatchedSource(streamed, bytes), patcher);
    // The patcher appends rows anyway: building our sheets' rows in the workbook library's model and
    // rendering them costs more than the rest of a small workbook's write.
    host.directRowsAboveCells = 0;
    return host;
  }

  /**
   * A host over a large .xlsx read by streaming (`streamXlsx`): only its candidate tables' cells are
   * held. Its output is a new workbook with our customers sheet (the user's customers table copied with
   * our columns, or the one built from sales), the summary sheets and the run record, not the sales:
   * see {@link largeInputNote} and {@link FileWorkbookHost.outputNote}.
   */
  static fromStreamed(streamed: StreamedWorkbook, fileName: string): FileWorkbookHost {
    return new FileWorkbookHost(fileName, new StreamedSource(streamed));
  }

  /** What the output leaves out, to tell the user ({@link largeInputNote}); null when it holds the whole input. */
  get outputNote(): string | null {
    return this.source instanceof StreamedSource || this.salesLeftOut ? largeInputNote : null;
  }

  /**
   * Loads an .xlsx (or .xlsm) workbook from its bytes.
   *
   * @throws Error with a readable message when the bytes are not an .xlsx package.
   */
  static async fromXlsx(bytes: Uint8Array | ArrayBuffer, fileName: string): Promise<FileWorkbookHost> {
    const workbook = new Workbook();
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    try {
      // exceljs's typing asks for a Node Buffer; it reads any Uint8Array or ArrayBuffer (browser too).
      await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`"${fileName}" could not be read as an .xlsx workbook (${reason}).`);
    }
    return new FileWorkbookHost(fileName, new XlsxSource(workbook));
  }

  /**
   * Loads a CSV file's text as one table; the header row is the first of the top 30 records that names
   * at least two recognised fields (else the first record).
   *
   * @param text The file's text, or pieces of it that each end at a record boundary.
   */
  static fromCsv(text: string | readonly string[], fileName: string): FileWorkbookHost {
    return new FileWorkbookHost(fileName, CsvSource.parse(text, fileName));
  }

  /**
   * A CSV file already parsed (on two threads: `parseCsvInHalves`), with `skipRows` records above its
   * header: the same host {@link FileWorkbookHost.fromCsv} makes of its text.
   */
  static fromCsvTable(parsed: CsvTable<CellColumn>, skipRows: number, fileName: string): FileWorkbookHost {
    return new FileWorkbookHost(fileName, CsvSource.fromTable(parsed, skipRows, fileName));
  }

  /** {@inheritDoc WorkbookHost.inspect} */
  inspect(): Promise<WorkbookInfo> {
    return settle(() => {
      this.completeOutput();
      const info = this.source.inspect(this.readRecord());
      // A CSV's Calls sheets are in the output written earlier (the web page's re-run).
      if (info.callSheets === undefined && this.output !== null)
        return { ...info, callSheets: callsSheetsOf(this.output, this.source.date1904) };
      return info;
    });
  }

  /** {@inheritDoc WorkbookHost.readColumns} */
  readColumns(
    table: SourceTable,
    columns: readonly number[],
    progress?: ProgressCallback,
  ): Promise<CellColumn[]> {
    return settle(() => this.source.readColumns(table, columns, progress));
  }

  /** {@inheritDoc WorkbookHost.write} */
  async write(plan: WritePlan, progress?: ProgressCallback): Promise<WriteSummary> {
    if (this.source instanceof PatchedSource) {
      try {
        await this.source.prepare(plan, this.fileName);
      } catch (error) {
        if (!(error instanceof PatchUnsupportedError)) throw error;
        this.source = await this.source.wholeWorkbook(this.fileName);
      }
    }
    this.lastPlan = plan;
    return settle(() => {
      this.completeOutput();
      // A streamed input's record describes the input, not the new output workbook.
      const previous = this.output === null && this.source.workbook === null ? null : this.readRecord();
      const written = writeResult(
        this.source,
        this.output,
        plan,
        previous,
        this.directRowsAboveCells,
        // A patched result's Calls sheet below the usual size stays in the library's model, as a re-run
        // updates it there: its strings go into the shared-string table, which a re-run then reuses.
        this.source instanceof PatchedSource
          ? Math.max(this.directRowsAboveCells, directRowsAboveCells)
          : this.directRowsAboveCells,
        progress,
      );
      this.output = written.workbook;
      this.charts = written.charts;
      this.deferredRows = written.deferredRows;
      if (written.salesLeftOut !== null) this.salesLeftOut = written.salesLeftOut;
      return written.summary;
    });
  }

  /**
   * The output workbook as .xlsx bytes, charts included: after {@link FileWorkbookHost.write}, the
   * analysed workbook; before it, the input workbook as loaded.
   *
   * @throws Error for a CSV input that has not been written yet (there is no workbook to save).
   */
  async toBuffer(): Promise<Uint8Array> {
    if (this.source instanceof PatchedSource && this.patcher !== null) {
      if (this.output === null) return this.source.bytes;
      const zip = await this.libraryPackage(this.output);
      try {
        return await this.patcher(
          this.source.bytes,
          zip,
          this.source.inputSheetsOf(this.output),
          this.deferredRows,
        );
      } catch (error) {
        if (!(error instanceof PatchUnsupportedError) || this.lastPlan === null) throw error;
        // The input's package is not one the patcher handles: the whole workbook is loaded and written.
        this.source = await this.source.wholeWorkbook(this.fileName);
        this.output = null;
        await this.write(this.lastPlan);
      }
    }
    const workbook = this.output ?? this.source.workbook;
    if (workbook === null) throw new Error('Nothing to save yet: run the analysis first.');
    const zip = await this.libraryPackage(workbook);
    return this.packPackage(zip, await appendRowsToPackage(zip, this.deferredRows, this.partSink));
  }

  /**
   * The workbook as the library writes it, stored, not deflated (it is opened again for our rows and
   * deflated once, by `packPackage` or the patcher), with our charts added: charts first, as a sheet whose
   * rows are appended below keeps the drawing they add.
   */
  private async libraryPackage(workbook: Workbook): Promise<JSZip> {
    for (const sheet of workbook.worksheets) tableModelsOf(sheet);
    const written: unknown = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
    const zip = await JSZip.loadAsync(
      written instanceof Uint8Array ? written : new Uint8Array(written as ArrayBuffer),
    );
    await addChartsToPackage(zip, this.charts);
    return zip;
  }

  /**
   * Puts the rows of the last write that went past the model (see `writeDeferredRows`) into it, for sheets
   * a next write keeps (a Calls sheet it reads and updates, a CSV's sales copy); the sheets it rebuilds
   * (our customers and summary sheets, named in the run record) keep their rows deferred, for `toBuffer`.
   */
  private completeOutput(): void {
    if (this.output === null || this.deferredRows.length === 0) return;
    const rebuilt = new Set((this.readRecord()?.sheets ?? []).map(({ name }) => name.toLowerCase()));
    const kept = this.deferredRows.filter((rows) => !rebuilt.has(rows.sheetName.toLowerCase()));
    writeDeferredRows(this.output, kept);
    this.deferredRows = this.deferredRows.filter((rows) => !kept.includes(rows));
  }

  /** The last run's record, whichever host wrote it (an older command line's sheet when there is no other). */
  private readRecord(): RunRecord | null {
    // A streamed input holds its record outside the workbook written to.
    const held = this.output === null ? this.source.inputRecord() : null;
    if (held !== null) return held;
    const workbook = this.output ?? this.source.workbook;
    if (workbook === null) return this.source.inputRecord();
    const sheet =
      workbook.getWorksheet(runRecord.sheetName) ?? workbook.getWorksheet(runRecord.legacySheetName);
    if (sheet === undefined) return null;
    const cells: RawCell[] = [];
    for (let row = 1; row <= sheet.rowCount; row++)
      cells.push(toRawCell(sheet.findRow(row)?.findCell(1)?.value, false));
    return runRecord.decode(cells);
  }
}
