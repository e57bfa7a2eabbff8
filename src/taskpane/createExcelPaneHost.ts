import { ExcelHostError } from '../host/excel/ExcelHostError';
import { ExcelWorkbookHost } from '../host/excel/ExcelWorkbookHost';
import { buildSampleWorkbook, type SampleWorkbook } from '../sample/buildSampleWorkbook';
import type { PaneHost } from './PaneHost';

/**
 * Workbook operations the pane offers when the Excel host provides them: showing a summary sheet and
 * inserting the sample workbook's sheets. Office.js calls belong in the host (the pane never touches the
 * `Excel` global), so without them the matching buttons stay hidden.
 */
export interface ExcelHostExtras {
  /** Activates (shows) the sheet with this name. */
  activateSheet?: (sheetName: string) => Promise<void>;
  /** Adds the sample workbook's sheets (header row, data rows, date columns formatted as dates). */
  insertSample?: (sample: SampleWorkbook) => Promise<void>;
}

/**
 * The open Excel workbook as a {@link PaneHost}: the Excel host, with Undo (false when there is no run
 * to undo) and, where the host has them, sheet links and Insert sample data. Call only inside Excel,
 * after `Office.onReady`.
 *
 * @param host The Excel host; tests pass one over a fake `run`.
 */
export function createExcelPaneHost(
  host: ExcelWorkbookHost & ExcelHostExtras = new ExcelWorkbookHost(),
): PaneHost {
  const pane: PaneHost = {
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
  };
  if (host.activateSheet !== undefined)
    pane.activateSheet = (sheetName) => host.activateSheet?.(sheetName) ?? Promise.resolve();
  if (host.insertSample !== undefined)
    pane.insertSample = (language) => host.insertSample?.(buildSampleWorkbook(language)) ?? Promise.resolve();
  return pane;
}
