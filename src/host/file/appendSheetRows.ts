import type JSZip from 'jszip';
import type { NumberFormatKey, OutputValue } from '../../engine/sheetSpec';
import { sheetPartsByName } from './addChartsToXlsx';
import { columnLetters } from './columnLetters';
import { cellValue } from '../cellValue';
import { xmlText } from './xmlText';

/** One column of {@link DeferredRows}: its values and their number format (a `ColumnSpec` is one). */
export interface DeferredColumn {
  format?: NumberFormatKey;
  values: readonly OutputValue[];
}

/**
 * Rows of a column-per-field sheet left out of the workbook model (which holds their first row as a
 * template) and written straight into the package: see {@link appendRowsToPackage}.
 */
export interface DeferredRows {
  sheetName: string;
  /** The sheet's columns from column A; values from `firstIndex` on are appended. */
  columns: readonly DeferredColumn[];
  /** Index into each column's values of the first row to append. */
  firstIndex: number;
  /** Sheet row (1-based) of that value; the row above it is the template. */
  firstRow: number;
  date1904: boolean;
  /** Height of every appended row in points (a summary sheet sets each row's), else the default. */
  rowHeight?: number;
}

/** Rows turned into bytes at a time: one string per batch, never one of the whole sheet. */
const rowsPerBatch = 4_096;

/**
 * Appends rows to sheets of a written .xlsx package as worksheet XML, bypassing the workbook library (for
 * 100,000 customers it takes seconds and a few hundred megabytes instead of tens of seconds and gigabytes).
 * Each column's cells get the style of its cell in the template row (the row above the first appended
 * one, written by the library with the same number formats); numbers as numbers, text as inline strings,
 * never formulas, cut to fit a cell; blanks are left out; each row with `rowHeight` when given. The
 * sheet's dimension is updated. The package is not changed: the new parts are returned as UTF-8 bytes,
 * built a batch of rows at a time, for the packer to put in (`FileWorkbookHost.packPackage`).
 *
 * @returns The rewritten worksheet parts by path in the package.
 * @throws Error when a sheet is missing or its template row does not style every column.
 */
export async function appendRowsToPackage(
  zip: JSZip,
  deferred: readonly DeferredRows[],
): Promise<Map<string, Uint8Array>> {
  const written = new Map<string, Uint8Array>();
  if (deferred.length === 0) return written;
  const parts = await sheetPartsByName(zip);
  const encoder = new TextEncoder();
  for (const rows of deferred) {
    const part = parts.get(rows.sheetName);
    const xml = part === undefined ? null : await zip.file(part)?.async('string');
    if (part === undefined || xml === null || xml === undefined)
      throw new Error(`The sheet "${rows.sheetName}" was not written.`);
    const letters = rows.columns.map((_, c) => columnLetters(c));
    const styles = templateStyles(xml, rows.firstRow - 1, letters, rows.sheetName);
    const count = Math.max(0, ...rows.columns.map((column) => column.values.length - rows.firstIndex));
    const end = xml.lastIndexOf('</sheetData>');
    if (end < 0) throw new Error(`The sheet "${rows.sheetName}" has no data section.`);
    const lastRow = rows.firstRow + count - 1;
    // The dimension keeps a wider head's last column (a summary sheet's rows above the appended ones).
    const headColumn = /<dimension ref="A1:([A-Z]+)\d+"\/>/u.exec(xml)?.[1] ?? 'A';
    const appended = letters[letters.length - 1] ?? 'A';
    const lastColumn =
      headColumn.length > appended.length || (headColumn.length === appended.length && headColumn > appended)
        ? headColumn
        : appended;
    const head = xml
      .slice(0, end)
      .replace(
        /<dimension ref="[^"]*"\/>/u,
        `<dimension ref="A1:${lastColumn}${Math.max(lastRow, rows.firstRow - 1)}"/>`,
      );
    const chunks: Uint8Array[] = [encoder.encode(head)];
    const height = rows.rowHeight === undefined ? '' : ` ht="${String(rows.rowHeight)}" customHeight="1"`;
    let batch: string[] = [];
    for (let k = 0; k < count; k++) {
      const row = rows.firstRow + k;
      let cells = '';
      for (let c = 0; c < rows.columns.length; c++) {
        const column = rows.columns[c]!;
        const value = cellValue(column.values[rows.firstIndex + k] ?? null, column.format, rows.date1904);
        if (value === null) continue;
        const reference = `${letters[c]!}${row}`;
        if (typeof value === 'number') {
          if (Number.isFinite(value)) cells += `<c r="${reference}"${styles[c]!}><v>${value}</v></c>`;
          continue;
        }
        const text = xmlText(value);
        const space = /^\s|\s$/u.test(text) ? ' xml:space="preserve"' : '';
        cells += `<c r="${reference}"${styles[c]!} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
      }
      if (cells !== '' || height !== '') batch.push(`<row r="${row}"${height}>${cells}</row>`);
      if (batch.length === rowsPerBatch) {
        chunks.push(encoder.encode(batch.join('')));
        batch = [];
      }
    }
    chunks.push(encoder.encode(batch.join('') + xml.slice(end)));
    const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    written.set(part, bytes);
  }
  return written;
}

/** The ` s="…"` attribute of each column's cell in the template row ('' for a cell with no style). */
function templateStyles(
  xml: string,
  templateRow: number,
  letters: readonly string[],
  sheet: string,
): string[] {
  const start = xml.search(new RegExp(`<row r="${templateRow}"[\\s>]`, 'u'));
  const end = start < 0 ? -1 : xml.indexOf('</row>', start);
  if (start < 0 || end < 0) throw new Error(`The template row of "${sheet}" was not written.`);
  const row = xml.slice(start, end);
  return letters.map((letter) => {
    const cell = new RegExp(`<c r="${letter}${templateRow}"([^>]*?)/?>`, 'u').exec(row);
    if (cell === null) throw new Error(`The template row of "${sheet}" has no cell in column ${letter}.`);
    const style = /\ss="(\d+)"/u.exec(cell[1] ?? '');
    return style === null ? '' : ` s="${style[1]!}"`;
  });
}
