/**
 * How the host starts a batch: `Excel.run(options, batch)`. Injectable so tests can hand the host a fake;
 * by default the Office.js global.
 */
export type ExcelRun = <T>(
  options: { delayForCellEdit?: boolean },
  batch: (context: Excel.RequestContext) => Promise<T>,
) => Promise<T>;
