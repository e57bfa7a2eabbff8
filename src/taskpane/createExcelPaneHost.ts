import { ExcelHostError } from '../host/excel/ExcelHostError';
import { ExcelWorkbookHost } from '../host/excel/ExcelWorkbookHost';
import { buildSampleWorkbook } from '../sample/buildSampleWorkbook';
import type { PaneHost } from './PaneHost';

/**
 * The open Excel workbook as a {@link PaneHost}: the Excel host, with Undo (false when there is no run
 * to undo), links that activate the summary sheets and Insert sample data. Office.js calls stay in the
 * host; the pane never touches the `Excel` global. Call only inside Excel, after `Office.onReady`.
 *
 * @param host The Excel host; tests pass one over a fake `run`.
 */
export function createExcelPaneHost(host: ExcelWorkbookHost = new ExcelWorkbookHost()): PaneHost {
  return {
    label: '',
    inspect: () => host.inspect(),
    readColumns: (table, columns, progress) => host.readColumns(table, columns, progress),
    write: (plan, progress) => host.write(plan, progress),
    undoLastRun: async () => {
      try {
        await host.undoLastRun();
        return true;
      } catch (error) {
        if (error instanceof ExcelHostError && error.code === 'NOTHING_TO_UNDO') return false;
        throw error;
      }
    },
    activateSheet: (sheetName) => host.activateSheet(sheetName),
    insertSample: (language) => host.insertSample(buildSampleWorkbook(language)),
  };
}
