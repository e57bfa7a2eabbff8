import type JSZip from 'jszip';
import type { NumberFormatKey, OutputValue } from '../../engine/sheetSpec';
import { sheetPartsByName } from './addChartsToXlsx';
import { columnLetters } from './columnLetters';
import { date1904Offset } from '../../engine/dayNumbers';
import { fitCellText } from '../fitCellText';
import { XmlByteWriter } from './XmlByteWriter';
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
  /** Height of each row in points by index into the values (null: `rowHeight`, or the default). */
  rowHeights?: readonly (number | null)[];
}

/** A package part deflated ahead of packing (raw deflate), with what its zip entry records. */
export interface DeflatedPart {
  /** The deflated bytes in pieces, in order (the packer copies them once, into the archive). */
  deflated: readonly Uint8Array[];
  crc32: number;
  /** Bytes before deflating. */
  size: number;
}

/** A part for the packer (`FileWorkbookHost.packPackage`): its bytes, or its bytes already deflated. */
export type PackagePart = Uint8Array | DeflatedPart;

/**
 * Takes a part's bytes as {@link appendRowsToPackage} builds them, a buffer at a time (the buffer is
 * written over once `write` returns), and gives the part when it is complete (`deflatingSink` in Node).
 */
export interface PartSink {
  write(bytes: Uint8Array): void;
  end(): PackagePart;
}

/** Distinct texts of a column whose cells are kept encoded; a column with more (ids, names) keeps none. */
const cachedTextsPerColumn = 2_048;

/** What a column's cells are written with: the pieces around a row number, encoded once. */
interface ColumnPieces {
  /** `<c r="AB` */
  open: Uint8Array;
  /** `" s="3"><v>` */
  number: Uint8Array;
  /** `" s="3" t="inlineStr"><is><t` */
  text: Uint8Array;
  /** The same as text. */
  textHead: string;
  /** `" s="3"/>` (a blank that keeps its style), or null for a column without a style. */
  blank: Uint8Array | null;
  /** Texts written before: what follows the row number, encoded; null once the column has too many. */
  texts: Map<string, Uint8Array> | null;
  format: DeferredColumn['format'];
}

const closeNumber = XmlByteWriter.encode('</v></c>');
const closeText = XmlByteWriter.encode('</t></is></c>');
const preserve = XmlByteWriter.encode(' xml:space="preserve">');
const greater = XmlByteWriter.encode('>');
const rowOpen = XmlByteWriter.encode('<row r="');
const rowClose = XmlByteWriter.encode('</row>');

/** The bytes of a text cell after its row number (`" s="3" t="inlineStr"><is><t>…</t></is></c>`). */
function textCellTail(pieces: ColumnPieces, text: string): Uint8Array {
  const escaped = xmlText(text);
  const space = /^\s|\s$/u.test(escaped) ? ' xml:space="preserve"' : '';
  return XmlByteWriter.encode(`${pieces.textHead}${space}>${escaped}</t></is></c>`);
}

/** Whether a row has a cell to write: a value, or a blank in a column with a style. */
function hasCell(
  columns: readonly DeferredColumn[],
  pieces: readonly ColumnPieces[],
  index: number,
): boolean {
  for (let c = 0; c < columns.length; c++) {
    const value = columns[c]!.values[index] ?? null;
    if (value === null ? pieces[c]!.blank !== null : typeof value !== 'number' || Number.isFinite(value))
      return true;
  }
  return false;
}

/**
 * Writes one text cell from its row number on; cached per column while the column has few distinct texts
 * (labels), else escaped and encoded in place.
 */
function writeText(out: XmlByteWriter, pieces: ColumnPieces, text: string): void {
  const cached = pieces.texts?.get(text);
  if (cached !== undefined) {
    out.reserve(cached.length);
    out.piece(cached);
    return;
  }
  if (pieces.texts !== null) {
    if (pieces.texts.size < cachedTextsPerColumn) {
      const tail = textCellTail(pieces, text);
      pieces.texts.set(text, tail);
      out.reserve(tail.length);
      out.piece(tail);
      return;
    }
    pieces.texts = null;
  }
  const space = XmlByteWriter.edgeSpace(text);
  if (space === null) {
    const tail = textCellTail(pieces, text);
    out.reserve(tail.length);
    out.piece(tail);
    return;
  }
  out.reserve(pieces.text.length + preserve.length + XmlByteWriter.textRoom(text) + closeText.length);
  out.piece(pieces.text);
  out.piece(space ? preserve : greater);
  out.text(text);
  out.piece(closeText);
}

/**
 * Appends rows to sheets of a written .xlsx package as worksheet XML, bypassing the workbook library (for
 * 100,000 customers it takes seconds and a few hundred megabytes instead of tens of seconds and gigabytes).
 * Each column's cells get the style of its cell in the template row (the row above the first appended
 * one, written by the library with the same number formats); numbers as numbers, text as inline strings,
 * never formulas, cut to fit a cell; a blank is an empty cell with the column's style, as the library
 * writes a formatted blank (left out in a column without a style); each row with `rowHeight` when given.
 * The sheet's dimension is updated. The package is not changed: the new parts are returned as UTF-8 bytes,
 * built straight into byte buffers (`XmlByteWriter`: no string per row or cell), for the packer to put in
 * (`FileWorkbookHost.packPackage`) — or, given `sink`, handed to a new sink per part a buffer at a time
 * (deflated as they come, so a sheet's XML is never held whole) and returned as the sinks give them.
 *
 * @returns The rewritten worksheet parts by path in the package.
 * @throws Error when a sheet is missing or its template row does not style every column.
 */
export async function appendRowsToPackage(
  zip: JSZip,
  deferred: readonly DeferredRows[],
  sink?: () => PartSink,
): Promise<Map<string, PackagePart>> {
  const written = new Map<string, PackagePart>();
  if (deferred.length === 0) return written;
  const parts = await sheetPartsByName(zip);
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
    const partSink = sink?.();
    const out = new XmlByteWriter(
      partSink === undefined
        ? undefined
        : (bytes) => {
            partSink.write(bytes);
          },
    );
    const headBytes = XmlByteWriter.encode(head);
    out.reserve(headBytes.length);
    out.piece(headBytes);
    const pieces: ColumnPieces[] = rows.columns.map((column, c) => ({
      open: XmlByteWriter.encode(`<c r="${letters[c]!}`),
      number: XmlByteWriter.encode(`"${styles[c]!}><v>`),
      text: XmlByteWriter.encode(`"${styles[c]!} t="inlineStr"><is><t`),
      textHead: `"${styles[c]!} t="inlineStr"><is><t`,
      blank: styles[c] === '' ? null : XmlByteWriter.encode(`"${styles[c]!}/>`),
      texts: new Map(),
      format: column.format,
    }));
    const rowTails = new Map<number | undefined, Uint8Array>();
    const rowTailOf = (height: number | undefined): Uint8Array => {
      let tail = rowTails.get(height);
      if (tail === undefined) {
        tail = XmlByteWriter.encode(
          height === undefined ? '">' : `" ht="${String(height)}" customHeight="1">`,
        );
        rowTails.set(height, tail);
      }
      return tail;
    };
    const shift = rows.date1904 ? date1904Offset : 0;
    const columns = rows.columns;
    for (let k = 0; k < count; k++) {
      const row = rows.firstRow + k;
      const index = rows.firstIndex + k;
      const height = rows.rowHeights?.[index] ?? rows.rowHeight;
      if (height === undefined && !hasCell(columns, pieces, index)) continue;
      const rowTail = rowTailOf(height);
      out.reserve(rowOpen.length + 12 + rowTail.length);
      out.piece(rowOpen);
      out.integer(row);
      out.piece(rowTail);
      for (let c = 0; c < columns.length; c++) {
        const value = columns[c]!.values[index] ?? null;
        const column = pieces[c]!;
        if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
          if (value !== null || column.blank === null) continue;
          out.reserve(column.open.length + 12 + column.blank.length);
          out.piece(column.open);
          out.integer(row);
          out.piece(column.blank);
          continue;
        }
        out.reserve(column.open.length + 12 + column.number.length + 32 + closeNumber.length);
        out.piece(column.open);
        out.integer(row);
        if (typeof value === 'number') {
          out.piece(column.number);
          out.number(column.format === 'date' ? value - shift : value);
          out.piece(closeNumber);
        } else writeText(out, column, fitCellText(value));
      }
      out.reserve(rowClose.length);
      out.piece(rowClose);
    }
    const tailBytes = XmlByteWriter.encode(xml.slice(end));
    out.reserve(tailBytes.length);
    out.piece(tailBytes);
    const bytes = out.finish();
    written.set(part, partSink === undefined ? bytes : partSink.end());
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
