import type { AnalysisResult } from '../analyze';
import { sheetName, skipReason, t } from '../labels';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import { cell, headerCell, titleCell } from './cells';

/** The Data issues sheet lists at most this many skipped rows; the JSON report lists all. */
export const issueRowLimit = 10_000;

/**
 * The Data issues sheet: row counts (read, used, skipped, after the as-of date, before the window), every
 * skipped row with its sheet, row, column and reason (up to {@link issueRowLimit}), then notes such as
 * duplicate ids, ambiguous dates and fallbacks.
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
    [
      headerCell(t('sheet', lang)),
      headerCell(t('row', lang)),
      headerCell(t('column', lang)),
      headerCell(t('problem', lang)),
    ],
  ];
  const headerRow = cells.length - 1;
  if (skipped.length === 0 && result.notes.length === 0) cells.push([cell(t('noIssues', lang))]);
  for (const s of skipped.slice(0, issueRowLimit)) {
    const detail = s.reason.includes('(') ? s.reason.slice(s.reason.indexOf('(')) : '';
    cells.push([
      cell(s.sheet, 'text'),
      cell(s.row, 'integer'),
      cell(s.column, 'text'),
      cell(`${skipReason(s.code, lang)} ${detail}`.trim(), 'text'),
    ]);
  }
  if (skipped.length > issueRowLimit) {
    cells.push([
      cell(
        lang === 'en'
          ? `… and ${skipped.length - issueRowLimit} more skipped rows (all are in the JSON report).`
          : `……另有 ${skipped.length - issueRowLimit} 行被跳过（完整列表见 JSON 报告）。`,
      ),
    ]);
  }
  for (const note of result.notes) {
    cells.push([
      cell(note.sheet, 'text'),
      cell(note.row, 'integer'),
      cell(note.column, 'text'),
      cell(note.message, 'text'),
    ]);
  }
  return {
    key: 'dataIssues',
    name: sheetName('dataIssues', lang),
    cells,
    columnWidths: [20, 8, 18, 90],
    frozenRows: headerRow + 1,
    charts: [],
    colorScales: [],
    print: { landscape: false, breaksBefore: [] },
  };
}
