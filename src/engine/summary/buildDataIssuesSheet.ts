import type { AnalysisResult } from '../analyze';
import { dataNoteText, sheetName, skipReason, t } from '../labels';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import type { SkipCode, SkippedRow } from '../types';
import { cell, fitRowHeights, headerCell, titleCell } from './cells';

/** The Data issues sheet lists at most this many skipped rows (the first ones); the summary counts all. */
export const issueRowLimit = 1_000;

/** Of the listed rows, the first this many are printed (the summary above counts them all). */
export const issuePrintRows = 100;

/** Skipped rows per reason, with the amount they carried (what could be read of it). */
export interface SkipSummary {
  code: SkipCode;
  /** True for rows of the visits log. */
  visits: boolean;
  rows: number;
  /** Sum of the amounts that could be read; null when none could. */
  amount: number | null;
}

/** Skipped sales rows, then skipped visits rows, counted per reason in the order reasons first occur. */
export function summarizeSkipped(sales: readonly SkippedRow[], visits: readonly SkippedRow[]): SkipSummary[] {
  const summaries: SkipSummary[] = [];
  const add = (rows: readonly SkippedRow[], isVisits: boolean): void => {
    const byCode = new Map<SkipCode, SkipSummary>();
    for (const row of rows) {
      let entry = byCode.get(row.code);
      if (entry === undefined) {
        entry = { code: row.code, visits: isVisits, rows: 0, amount: null };
        byCode.set(row.code, entry);
        summaries.push(entry);
      }
      entry.rows++;
      if (row.amount !== undefined) entry.amount = (entry.amount ?? 0) + row.amount;
    }
  };
  add(sales, false);
  add(visits, true);
  return summaries;
}

/**
 * The Data issues sheet opens with the row counts (read, used, skipped, after the as-of date, before the
 * window) and a summary of the skipped rows by reason with the amount they carry (revenue the analysis does
 * not see), then the notes (duplicate ids, ambiguous dates, fallbacks) in the user's language, then the
 * first skipped rows (up to {@link issueRowLimit}, the first {@link issuePrintRows} of them printed) with
 * sheet, row, column and reason.
 */
export function buildDataIssuesSheet(result: AnalysisResult): SheetSpec {
  const lang = result.settings.language;
  const { input } = result;
  const skipped = [...input.skipped, ...input.visitsSkipped];
  const cells: CellSpec[][] = [
    [titleCell(t('issuesTitle', lang))],
    [cell(t('salesRows', lang)), cell(input.salesRows, 'integer')],
    [cell(t('usedRows', lang)), cell(input.usedRows, 'integer')],
    [cell(t('skippedRows', lang)), cell(skipped.length, 'integer')],
    [cell(t('rowsAfterAsOf', lang)), cell(input.afterAsOfRows, 'integer')],
    [cell(t('rowsBeforeWindow', lang)), cell(input.beforeWindowRows, 'integer')],
    [],
  ];
  if (skipped.length === 0 && result.notes.length === 0) cells.push([cell(t('noIssues', lang))]);
  if (skipped.length > 0) {
    cells.push([{ value: t('issuesSummary', lang), bold: true, size: 12 }]);
    cells.push([
      headerCell(t('reason', lang)),
      headerCell(t('rowsSkipped', lang)),
      headerCell(t('amountSkipped', lang)),
    ]);
    const summaries = summarizeSkipped(input.skipped, input.visitsSkipped);
    let rows = 0;
    let amount: number | null = null;
    for (const s of summaries) {
      const reason = skipReason(s.code, lang);
      cells.push([
        cell(s.visits ? `${t('visitsSkipped', lang)}: ${reason}` : reason),
        cell(s.rows, 'integer'),
        s.amount === null ? cell(t('amountUnknown', lang)) : cell(s.amount, 'money'),
      ]);
      rows += s.rows;
      if (s.amount !== null) amount = (amount ?? 0) + s.amount;
    }
    cells.push([
      { value: t('total', lang), bold: true },
      { value: rows, format: 'integer', bold: true },
      amount === null ? cell(null) : { value: amount, format: 'money', bold: true },
    ]);
    cells.push([]);
  }
  if (result.notes.length > 0) {
    cells.push([{ value: t('notesTitle', lang), bold: true, size: 12 }]);
    cells.push([
      headerCell(t('sheet', lang)),
      headerCell(t('row', lang)),
      headerCell(t('column', lang)),
      headerCell(t('note', lang)),
    ]);
    for (const note of result.notes) {
      cells.push([
        cell(note.sheet, 'text'),
        cell(note.row, 'rowNumber'),
        cell(note.column, 'text'),
        { value: dataNoteText(note, lang), format: 'text', wrap: true },
      ]);
    }
    cells.push([]);
  }
  let printTo: number | undefined;
  if (skipped.length > 0) {
    cells.push([{ value: t('firstSkipped', lang), bold: true, size: 12 }]);
    cells.push([
      headerCell(t('sheet', lang)),
      headerCell(t('row', lang)),
      headerCell(t('column', lang)),
      headerCell(t('problem', lang)),
    ]);
    if (skipped.length > issuePrintRows) printTo = cells.length - 1 + issuePrintRows;
    for (const s of skipped.slice(0, issueRowLimit)) {
      const detail = s.reason.includes('(') ? s.reason.slice(s.reason.indexOf('(')) : '';
      cells.push([
        cell(s.sheet, 'text'),
        cell(s.row, 'rowNumber'),
        cell(s.column, 'text'),
        cell(`${skipReason(s.code, lang)} ${detail}`.trim(), 'text'),
      ]);
    }
    if (skipped.length > issueRowLimit) {
      const more = skipped.length - issueRowLimit;
      cells.push([
        cell(
          lang === 'en'
            ? `… and ${more.toLocaleString('en-US')} more skipped rows, not listed here (the summary above counts them all).`
            : `……另有 ${more.toLocaleString('en-US')} 行被跳过，未在此列出（上方概要已全部计入）。`,
        ),
      ]);
    }
  }
  const widths = [34, 12, 18, 70];
  return {
    key: 'dataIssues',
    name: sheetName('dataIssues', lang),
    cells,
    columnWidths: widths,
    frozenRows: 0,
    charts: [],
    colorScales: [],
    rowHeights: fitRowHeights(cells, widths),
    print: { landscape: false, breaksBefore: [], ...(printTo === undefined ? {} : { lastRow: printTo }) },
  };
}
