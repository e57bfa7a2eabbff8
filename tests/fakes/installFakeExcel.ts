import { FakeRequestContext } from './FakeRequestContext';
import type { FakeWorkbook } from './FakeWorkbook';

/** The part of the `Excel` namespace the fake provides. */
export interface FakeExcelNamespace {
  run<T>(...args: unknown[]): Promise<T>;
  /** Contexts created so far (the last one is the latest run's). */
  contexts: FakeRequestContext[];
}

/**
 * Makes `workbook` the open workbook: installs a fake `Excel` global whose `Excel.run([options,] batch)`
 * gives the batch a {@link FakeRequestContext}, and, like Office.js, syncs whatever the batch left queued
 * when it returns. Returns the namespace and a function that restores the previous global.
 *
 * @example const { uninstall } = installFakeExcel(buildFakeWorkbook({ sheets: [...] }));
 */
export function installFakeExcel(workbook: FakeWorkbook): {
  excel: FakeExcelNamespace;
  uninstall: () => void;
} {
  const global = globalThis as unknown as { Excel?: unknown };
  const previous = global.Excel;
  const excel: FakeExcelNamespace = {
    contexts: [],
    async run<T>(...args: unknown[]): Promise<T> {
      const batch = args[args.length - 1];
      const options = args.length > 1 ? (args[0] as { delayForCellEdit?: boolean } | undefined) : undefined;
      if (typeof batch !== 'function') throw new TypeError('Excel.run needs a batch function');
      const context = new FakeRequestContext(workbook, options?.delayForCellEdit === true);
      excel.contexts.push(context);
      const result = (await (batch as (c: FakeRequestContext) => Promise<T>)(context)) as T;
      if (context.pending > 0) await context.sync();
      return result;
    },
  };
  global.Excel = excel;
  return {
    excel,
    uninstall: () => {
      global.Excel = previous;
    },
  };
}
