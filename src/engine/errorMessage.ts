import type { FieldKey, Language } from './types';

/** A table as an error names it: where it is and the headers it has. */
export interface TableFacts {
  sheet: string;
  tableName: string | null;
  headers: readonly string[];
}

/**
 * Why an analysis cannot go on, with the facts its sentence names: an {@link AnalysisError} keeps it so
 * that any host can say the sentence in the user's language ({@link errorMessage}).
 */
export type ErrorReason =
  | { key: 'noTables' }
  | { key: 'noSalesTable'; found: readonly TableFacts[] }
  | { key: 'noCustomerColumn'; table: TableFacts }
  | { key: 'missingColumn'; sheet: string; fields: readonly FieldKey[]; headers: readonly string[] }
  | { key: 'noDataRows'; sheet: string }
  | { key: 'allRowsSkipped'; sheet: string; row: number; reason: string }
  | { key: 'asOfNotADate'; value: string }
  | { key: 'asOfBeforeData'; asOf: string; earliest: string }
  | { key: 'badWindowMonths'; value: number }
  | { key: 'badCompareMonths'; value: number }
  | { key: 'badCallDays'; value: number }
  | { key: 'badTrendThreshold'; value: number }
  | { key: 'badAbcCut'; value: number }
  | { key: 'badPyramidCuts' }
  | { key: 'badSvcdThreshold'; on: 'amount' | 'frequency' }
  | { key: 'badLanguage'; value: string }
  | { key: 'badVisitsFrom' }
  | { key: 'badValueHorizon'; value: string }
  | { key: 'badValueDiscount'; value: string }
  | { key: 'badHoldoutStart'; value: string }
  | { key: 'badChurnFrom'; value: string }
  | { key: 'unknownColumns'; columns: readonly string[] }
  | { key: 'rfmRulesIncomplete'; codes: readonly string[] }
  | { key: 'customersSheetTooLong'; customers: number; limit: number }
  | { key: 'customersTableTooLong'; sheet: string; rows: number; limit: number }
  | { key: 'summarySheetTooLong'; sheet: string; rows: number; limit: number }
  | { key: 'sheetTooWide'; sheet: string; columns: number; limit: number }
  | { key: 'columnsPastXfd'; sheet: string; column: number; limit: number }
  | { key: 'csvTooLarge'; file: string; megabytes: number; limitMegabytes: number }
  | { key: 'xlsxTooLarge'; file: string; megabytes: number; limitMegabytes: number }
  | {
      key: 'csvNeedsMemory';
      file: string;
      megabytes: number;
      neededMegabytes: number;
      availableMegabytes: number;
      suggestedMegabytes: number;
    }
  | { key: 'cancelled' };

const fieldNames: Record<FieldKey, Record<Language, string>> = {
  customerId: { en: 'customerId', 'zh-CN': '客户编号' },
  customerName: { en: 'customerName', 'zh-CN': '客户名称' },
  date: { en: 'date', 'zh-CN': '日期' },
  amount: { en: 'amount', 'zh-CN': '金额' },
  quantity: { en: 'quantity', 'zh-CN': '数量' },
  unitPrice: { en: 'unitPrice', 'zh-CN': '单价' },
  orderId: { en: 'orderId', 'zh-CN': '订单号' },
  profit: { en: 'profit', 'zh-CN': '利润' },
  cost: { en: 'cost', 'zh-CN': '成本' },
  product: { en: 'product', 'zh-CN': '产品' },
  rep: { en: 'rep', 'zh-CN': '销售代表' },
  region: { en: 'region', 'zh-CN': '地区' },
  visitDate: { en: 'visitDate', 'zh-CN': '拜访日期' },
  birthday: { en: 'birthday', 'zh-CN': '生日' },
  anniversary: { en: 'anniversary', 'zh-CN': '纪念日' },
  customerSince: { en: 'customerSince', 'zh-CN': '入会日期' },
  phone: { en: 'phone', 'zh-CN': '电话' },
  category: { en: 'category', 'zh-CN': '类别' },
  followUpDays: { en: 'followUpDays', 'zh-CN': '回访天数' },
  careNote: { en: 'careNote', 'zh-CN': '关怀提示' },
};

const number = (n: number): string => n.toLocaleString('en-US');
const quoted = (headers: readonly string[], separator: string): string =>
  headers
    .filter((h) => h.trim() !== '')
    .map((h) => `"${h.trim()}"`)
    .join(separator);

function tableIn(table: TableFacts, language: Language): string {
  const headers = quoted(table.headers, language === 'en' ? ', ' : '、');
  if (language === 'zh-CN') {
    const where =
      table.tableName === null
        ? `工作表“${table.sheet}”`
        : `工作表“${table.sheet}”上的表格“${table.tableName}”`;
    return `${where}（表头：${headers === '' ? '无' : headers}）`;
  }
  const where =
    table.tableName === null
      ? `sheet "${table.sheet}"`
      : `table "${table.tableName}" on sheet "${table.sheet}"`;
  return `${where} (headers: ${headers})`;
}

const english: { [K in ErrorReason['key']]: (reason: Extract<ErrorReason, { key: K }>) => string } = {
  noTables: () => 'The workbook has no table with recognisable headers (such as Customer ID, Date, Amount).',
  noSalesTable: (r) =>
    `No sales table was found: a sales table needs a customer, a date and an amount (or quantity and unit price) column. Found: ${r.found.map((t) => tableIn(t, 'en')).join('; ')}.`,
  noCustomerColumn: (r) =>
    `The sales data in ${tableIn(r.table, 'en')} has no customer column. Add a column such as "Customer ID" or "客户编号", or map one in the settings.`,
  missingColumn: (r) =>
    `The sales table on sheet "${r.sheet}" has no ${r.fields.join(' or ')} column. Headers found: ${quoted(r.headers, ', ')}. Map one in the settings.`,
  noDataRows: (r) =>
    `The sales table on sheet "${r.sheet}" has no usable row: it has no data rows, only headers.`,
  allRowsSkipped: (r) =>
    `The sales table on sheet "${r.sheet}" has no usable row: every row was skipped (first: row ${r.row}, ${r.reason}).`,
  asOfNotADate: (r) => `The as-of date "${r.value}" is not a date: use YYYY-MM-DD, e.g. 2024-12-31.`,
  asOfBeforeData: (r) =>
    `No sale is dated on or before the as-of date ${r.asOf}: the earliest sale is on ${r.earliest}. Choose an as-of date on or after ${r.earliest}.`,
  badWindowMonths: (r) =>
    `"Last N months" needs a whole number of months of at least 1 (got ${String(r.value)}).`,
  badCallDays: (r) => `The call list covers a whole number of days from 1 to 366 (got ${String(r.value)}).`,
  badCompareMonths: (r) =>
    `"Compare with N months earlier" needs a whole number of months of at least 1 (got ${String(r.value)}).`,
  badTrendThreshold: (r) =>
    `A value-trend threshold must be a share of at least 0, e.g. 0.1 for 10 % (got ${String(r.value)}).`,
  badAbcCut: (r) => `The ABC cut must be a share between 0 and 1 (got ${String(r.value)}).`,
  badPyramidCuts: () => 'The pyramid cut-offs must be five ascending shares ending at 1 (100 %).',
  badSvcdThreshold: (r) =>
    `The SVCD threshold on ${r.on === 'amount' ? 'amount per order' : 'orders per month'} must be a number.`,
  badLanguage: (r) => `Unknown language "${r.value}": use en or zh-CN.`,
  badVisitsFrom: () => 'Visits come from "svcd" or "abc".',
  badValueHorizon: (r) =>
    `The horizon of expected purchases must be a whole number of days from 1 to 3650 (got ${r.value}).`,
  badValueDiscount: (r) =>
    `The monthly discount rate must be a share from 0 to under 1, e.g. 0.01 for 1 % (got ${r.value}).`,
  badHoldoutStart: (r) => `The holdout start "${r.value}" is not a date: use YYYY-MM-DD, e.g. 2024-07-01.`,
  badChurnFrom: (r) => `Churn risk comes from "gap" or "model" (got ${r.value}).`,
  unknownColumns: (r) => `Unknown column(s): ${r.columns.join(', ')}.`,
  rfmRulesIncomplete: (r) =>
    `The RFM segment rules leave ${r.codes.length} score combination(s) without a segment (${r.codes.slice(0, 10).join(', ')}${r.codes.length > 10 ? ', …' : ''}). Widen a rule or add one.`,
  customersSheetTooLong: (r) =>
    `The customers sheet would need ${number(r.customers + 1)} rows (a header and ${number(r.customers)} customers), more than Excel's ${number(r.limit)}. Nothing was written; analyse fewer customers (for example a shorter window or one region), then run again.`,
  customersTableTooLong: (r) =>
    `The customers table "${r.sheet}" has ${number(r.rows)} rows, more than an Excel sheet's ${number(r.limit)}. Nothing was written; split it, then run again.`,
  summarySheetTooLong: (r) =>
    `The summary sheet "${r.sheet}" would need ${number(r.rows)} rows, more than Excel's ${number(r.limit)}. Nothing was written; analyse fewer customers, then run again.`,
  sheetTooWide: (r) =>
    `The sheet "${r.sheet}" would need ${number(r.columns)} columns, past Excel's last column (XFD, ${number(r.limit)} columns). Nothing was written; analyse fewer items, then run again.`,
  columnsPastXfd: (r) =>
    `The results would reach column ${number(r.column)} beside the customers table on sheet "${r.sheet}", past Excel's last column (XFD, ${number(r.limit)} columns). Nothing was written; clear or move the cells to the right of the table (or move the table left), then run again.`,
  csvTooLarge: (r) =>
    `"${r.file}" is ${number(r.megabytes)} MB; CSV files up to ${number(r.limitMegabytes)} MB can be analysed. Split it by date or filter it first.`,
  xlsxTooLarge: (r) =>
    `"${r.file}" is ${number(r.megabytes)} MB; workbooks up to ${number(r.limitMegabytes)} MB can be analysed. Save the sales sheet as CSV instead.`,
  csvNeedsMemory: (r) =>
    `"${r.file}" is ${number(r.megabytes)} MB; reading it takes about ${number(r.neededMegabytes)} MB of memory, but this process may use only ${number(r.availableMegabytes)} MB more. Give Node more memory (NODE_OPTIONS=--max-old-space-size=${r.suggestedMegabytes}, in MB), or split the file by date.`,
  cancelled: () => 'The analysis was cancelled; nothing was written.',
};

const chinese: typeof english = {
  noTables: () => '工作簿中没有可识别表头的表格（例如 客户编号、日期、金额）。',
  noSalesTable: (r) =>
    `没有找到销售表：销售表需要客户、日期和金额（或数量和单价）列。找到的是：${r.found.map((t) => tableIn(t, 'zh-CN')).join('；')}。`,
  noCustomerColumn: (r) =>
    `${tableIn(r.table, 'zh-CN')}中的销售数据没有客户列。请添加“客户编号”或“Customer ID”这样的列，或在设置中指定一列。`,
  missingColumn: (r) =>
    `工作表“${r.sheet}”上的销售表没有${r.fields.map((f) => fieldNames[f]['zh-CN']).join('或')}列。找到的表头：${quoted(r.headers, '、')}。请在设置中指定一列。`,
  noDataRows: (r) => `工作表“${r.sheet}”上的销售表没有可用的行：只有表头，没有数据行。`,
  allRowsSkipped: (r) =>
    `工作表“${r.sheet}”上的销售表没有可用的行：每一行都被跳过（第一行：第 ${r.row} 行，${r.reason}）。`,
  asOfNotADate: (r) => `截止日期“${r.value}”不是日期：请用 YYYY-MM-DD 格式，例如 2024-12-31。`,
  asOfBeforeData: (r) =>
    `截止日期 ${r.asOf} 当天及之前没有销售：最早的销售在 ${r.earliest}。请选择 ${r.earliest} 或之后的截止日期。`,
  badWindowMonths: (r) => `“最近 N 个月”需要至少为 1 的整数月数（收到 ${String(r.value)}）。`,
  badCallDays: (r) => `通话清单的天数必须是 1 到 366 之间的整数（收到 ${String(r.value)}）。`,
  badCompareMonths: (r) => `“与 N 个月前对比”需要至少为 1 的整数月数（收到 ${String(r.value)}）。`,
  badTrendThreshold: (r) =>
    `价值趋势阈值必须是不小于 0 的比例，例如 0.1 表示 10%（收到 ${String(r.value)}）。`,
  badAbcCut: (r) => `ABC 分界必须是 0 到 1 之间的比例（收到 ${String(r.value)}）。`,
  badPyramidCuts: () => '金字塔分界必须是五个递增的比例，最后一个为 1（100%）。',
  badSvcdThreshold: (r) => `SVCD 的${r.on === 'amount' ? '单次购买金额' : '每月购买次数'}阈值必须是数字。`,
  badLanguage: (r) => `未知语言“${r.value}”：请用 en 或 zh-CN。`,
  badVisitsFrom: () => '拜访频率来自“svcd”或“abc”。',
  badValueHorizon: (r) => `预期购买次数的天数必须是 1 到 3650 之间的整数（收到 ${r.value}）。`,
  badValueDiscount: (r) =>
    `每月折现率必须是 0 到 1（不含）之间的比例，例如 0.01 表示 1%（收到 ${r.value}）。`,
  badHoldoutStart: (r) => `留出期开始日期“${r.value}”不是日期：请用 YYYY-MM-DD 格式，例如 2024-07-01。`,
  badChurnFrom: (r) => `流失风险来自“gap”或“model”（收到 ${r.value}）。`,
  unknownColumns: (r) => `未知的列：${r.columns.join('、')}。`,
  rfmRulesIncomplete: (r) =>
    `RFM 分群规则有 ${r.codes.length} 个得分组合没有对应的分群（${r.codes.slice(0, 10).join('、')}${r.codes.length > 10 ? '、…' : ''}）。请放宽一条规则或新增一条。`,
  customersSheetTooLong: (r) =>
    `客户工作表需要 ${number(r.customers + 1)} 行（一行表头和 ${number(r.customers)} 个客户），超过 Excel 的 ${number(r.limit)} 行。没有写入任何内容；请分析更少的客户（例如更短的时间窗口或一个地区）后再运行。`,
  customersTableTooLong: (r) =>
    `客户表“${r.sheet}”有 ${number(r.rows)} 行，超过 Excel 工作表的 ${number(r.limit)} 行。没有写入任何内容；请拆分后再运行。`,
  summarySheetTooLong: (r) =>
    `汇总工作表“${r.sheet}”需要 ${number(r.rows)} 行，超过 Excel 的 ${number(r.limit)} 行。没有写入任何内容；请分析更少的客户后再运行。`,
  sheetTooWide: (r) =>
    `工作表“${r.sheet}”需要 ${number(r.columns)} 列，超出 Excel 的最后一列（XFD，共 ${number(r.limit)} 列）。没有写入任何内容；请减少分析项目后再运行。`,
  columnsPastXfd: (r) =>
    `结果列将到达工作表“${r.sheet}”上客户表旁的第 ${number(r.column)} 列，超出 Excel 的最后一列（XFD，共 ${number(r.limit)} 列）。没有写入任何内容；请清除或移动表格右侧的单元格（或把表格左移）后再运行。`,
  csvTooLarge: (r) =>
    `“${r.file}”有 ${number(r.megabytes)} MB；只能分析不超过 ${number(r.limitMegabytes)} MB 的 CSV 文件。请按日期拆分或先筛选。`,
  xlsxTooLarge: (r) =>
    `“${r.file}”有 ${number(r.megabytes)} MB；只能分析不超过 ${number(r.limitMegabytes)} MB 的工作簿。请把销售表另存为 CSV。`,
  csvNeedsMemory: (r) =>
    `“${r.file}”有 ${number(r.megabytes)} MB；读取它约需 ${number(r.neededMegabytes)} MB 内存，但本进程最多还能使用 ${number(r.availableMegabytes)} MB。请给 Node 更多内存（NODE_OPTIONS=--max-old-space-size=${r.suggestedMegabytes}，单位 MB），或按日期拆分文件。`,
  cancelled: () => '分析已取消，没有写入任何内容。',
};

/**
 * The sentence of an {@link ErrorReason} in English or 简体中文: what is wrong, the facts that show it
 * (sheet, headers, dates, sizes), and what to do.
 *
 * @example errorMessage({ key: 'noDataRows', sheet: 'Sales' }, 'zh-CN') // '工作表“Sales”上的销售表没有可用的行：只有表头，没有数据行。'
 */
export function errorMessage(reason: ErrorReason, language: Language): string {
  const sentence = (language === 'zh-CN' ? chinese : english)[reason.key] as (r: ErrorReason) => string;
  return sentence(reason);
}
