import type { FieldKey, Language, PyramidTier, TableKind } from '../../engine/types';

/** Every text the task pane shows, in one language. Functions take the values they interpolate. */
export interface Messages {
  appTitle: string;
  appSubtitle: string;
  languageLabel: string;
  languageNames: Record<Language, string>;
  themeNames: { light: string; dark: string; highContrast: string };
  loadingWorkbook: string;
  // First run: what the add-in does, in three lines
  firstRunTitle: string;
  firstRunLines: readonly [string, string, string];
  firstRunDismiss: string;
  // Playground
  playgroundIntro: string;
  openFile: string;
  dropHint: string;
  dropZoneLabel: string;
  openedFile: (fileName: string) => string;
  unsupportedFile: (fileName: string) => string;
  readingFile: (fileName: string) => string;
  openAnother: string;
  downloadResult: string;
  downloadHint: string;
  // Detected tables
  detectedTitle: string;
  tableKinds: Record<TableKind, string>;
  tableWhere: (sheet: string, tableName: string | null, rows: number) => string;
  noCustomersTable: string;
  noVisitsTable: string;
  fieldNames: Record<FieldKey, string>;
  notMapped: string;
  remapLabel: (field: string, table: string) => string;
  fromHeader: (header: string) => string;
  refresh: string;
  allColumnsFound: string;
  reviewColumns: string;
  columnsMissing: string;
  // Sample data
  sampleTitle: string;
  insertSample: string;
  sampleLanguageLabel: string;
  sampleInserted: string;
  // Settings
  settingsTitle: string;
  asOfLabel: string;
  asOfHint: string;
  windowLabel: string;
  windowAll: string;
  windowLastMonths: string;
  windowMonthsLabel: string;
  windowHint: string;
  svcdThresholdsLabel: string;
  svcdMedian: string;
  svcdTyped: string;
  svcdHint: string;
  svcdAmountLabel: string;
  svcdFrequencyLabel: string;
  abcCutLabel: string;
  abcCutHint: string;
  visitsFromLabel: string;
  visitsFromHint: string;
  visitsFromOptions: { svcd: string; abc: string };
  churnFromLabel: string;
  churnFromHint: string;
  churnFromOptions: { gap: string; model: string };
  columnsLabel: string;
  columnsHint: string;
  outputLanguageLabel: string;
  outputLanguageHint: string;
  autoRerunLabel: string;
  settingsSavedNote: string;
  // Analyse
  analyze: string;
  cancel: string;
  stages: { reading: string; computing: string; building: string; writing: string };
  progressLabel: string;
  elapsed: (seconds: number) => string;
  cancelled: string;
  finished: (seconds: number) => string;
  // Errors
  errorTitle: string;
  errorNoTables: string;
  errorNoSalesTable: string;
  errorNoCustomerColumn: string;
  errorMissingColumn: string;
  errorNoUsableRows: string;
  errorBadSetting: string;
  errorTooLarge: string;
  errorRfmRules: string;
  errorUnexpected: string;
  errorFile: string;
  dismiss: string;
  // Results
  resultsTitle: string;
  resultsSummary: (customers: number, usedRows: number) => string;
  skippedRows: (count: number) => string;
  pyramidTitle: string;
  pyramidChartLabel: string;
  customersColumn: string;
  revenueShareColumn: string;
  profitShareColumn: string;
  referenceColumn: string;
  referenceProfile: Record<PyramidTier, string>;
  rankedByRevenue: string;
  svcdTitle: string;
  highAmount: string;
  lowAmount: string;
  highFrequency: string;
  lowFrequency: string;
  svcdCell: (count: number, share: string) => string;
  svcdThresholdsUsed: (amount: string, frequency: string, frequencyValue: number) => string;
  periodTitle: string;
  periodLine: (asOf: string, start: string, end: string, months: string) => string;
  customersLine: (onPyramid: number, without: number) => string;
  abcTitle: string;
  classColumn: string;
  rfmTitle: string;
  segmentColumn: string;
  churnTitle: string;
  churnHint: string;
  movementTitle: string;
  /** Moved up, moved down and new on the pyramid since the earlier date. */
  movementLine: (up: number, down: number, added: number) => string;
  /** Share (formatted) of the earlier period's buyers who bought again; null when nobody bought then. */
  retentionLine: (share: string | null, earlierBuyers: number) => string;
  /** The date compared with: the last recorded run, or N months before the as-of date. */
  comparedLine: (date: string, fromHistory: boolean, months: number) => string;
  compareLabel: string;
  compareHint: string;
  compareOff: string;
  /** Shown instead of the movement figures when the comparison is off. */
  movementOff: string;
  compareMonthsOption: string;
  compareMonthsLabel: string;
  /** The churn hint when churn risk comes from the value model's P(alive) bands. */
  churnHintModel: string;
  riskColumn: string;
  repColumn: string;
  noRep: string;
  overdueColumn: string;
  dueSoonColumn: string;
  mostOverdueColumn: string;
  overdueName: (name: string, days: number) => string;
  visitsTitle: string;
  /** The call list's section: this week's calls per sales rep. */
  callsTitle: string;
  visitsOverdue: (count: number) => string;
  visitsDueSoon: (count: number) => string;
  visitsNone: string;
  strategiesTitle: string;
  sheetsTitle: string;
  openSheet: (name: string) => string;
  undoLastRun: string;
  undone: string;
  nothingToUndo: string;
  writtenTo: (location: string) => string;
}

const en: Messages = {
  appTitle: 'Customer Pyramid',
  appSubtitle: 'Segments, pyramid and visit plan from your customer and sales tables.',
  languageLabel: 'Language',
  languageNames: { en: 'English', 'zh-CN': '简体中文' },
  themeNames: { light: 'Light', dark: 'Dark', highContrast: 'High contrast' },
  loadingWorkbook: 'Looking at the workbook…',
  firstRunTitle: 'Welcome to Customer Pyramid',
  firstRunLines: [
    'It finds the customer and sales tables in your workbook (or the file you open) by their headers.',
    'One click adds SVCD, ABC, pyramid tier, RFM, churn risk and a visit plan per customer, with summary sheets and charts.',
    'Everything is computed on your computer and nothing is sent anywhere; in Excel, Undo last run removes the results.',
  ],
  firstRunDismiss: 'Got it',
  playgroundIntro:
    'No Excel needed: open a workbook (.xlsx) or a sales file (.csv). It is analysed here in your browser and never sent anywhere.',
  openFile: 'Open a file…',
  dropHint: 'or drop an .xlsx or .csv file here',
  dropZoneLabel: 'Drop an .xlsx or .csv file here, or press Enter to choose one',
  openedFile: (fileName) => `Opened ${fileName}.`,
  unsupportedFile: (fileName) =>
    `"${fileName}" is not an .xlsx or .csv file. Save it from Excel as an Excel workbook (.xlsx) or CSV and open it again.`,
  readingFile: (fileName) => `Reading ${fileName}…`,
  openAnother: 'Open another file…',
  downloadResult: 'Download the result (.xlsx)',
  downloadHint: 'The workbook with the new columns and summary sheets.',
  detectedTitle: 'What we found',
  tableKinds: {
    sales: 'Sales table',
    customers: 'Customers table',
    visits: 'Visits log',
    careRules: 'Care rules',
  },
  tableWhere: (sheet, tableName, rows) =>
    `${tableName === null ? `Sheet "${sheet}"` : `Table "${tableName}" on sheet "${sheet}"`}, ${rows.toLocaleString('en')} rows`,
  noCustomersTable: 'No customers table: the customer columns go on a new sheet built from the sales.',
  noVisitsTable: 'No visits log: the last contact is the last purchase.',
  fieldNames: {
    customerId: 'Customer ID',
    customerName: 'Customer name',
    date: 'Date',
    amount: 'Amount',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    orderId: 'Order ID',
    profit: 'Profit',
    cost: 'Cost',
    product: 'Product',
    rep: 'Sales rep',
    region: 'Region',
    visitDate: 'Visit date',
    birthday: 'Birthday',
    anniversary: 'Anniversary',
    customerSince: 'Customer since',
    phone: 'Phone',
    category: 'Category',
    followUpDays: 'Follow up after (days)',
    careNote: 'Note',
  },
  notMapped: 'Not found',
  remapLabel: (field, table) => `Column used as ${field} in the ${table}`,
  fromHeader: (header) => `from "${header}"`,
  refresh: 'Look again',
  allColumnsFound: 'All columns found ✓',
  reviewColumns: 'review',
  columnsMissing: 'A column is missing: choose it below.',
  sampleTitle: 'For trainers',
  insertSample: 'Insert sample data',
  sampleLanguageLabel: 'Sample language',
  sampleInserted: 'Sample customers and sales inserted. Press Analyse.',
  settingsTitle: 'Settings',
  asOfLabel: 'As-of date',
  asOfHint: 'The last day analysed. Leave empty to use the latest sale date.',
  windowLabel: 'Window',
  windowAll: 'All data',
  windowLastMonths: 'Last N months',
  windowMonthsLabel: 'Months',
  windowHint: 'Which sales count: everything up to the as-of date, or only the last months.',
  svcdThresholdsLabel: 'SVCD thresholds',
  svcdMedian: 'Median-based',
  svcdTyped: 'Typed',
  svcdHint: '"High" means at or above the threshold. Median-based: just above the typical customer.',
  svcdAmountLabel: 'Amount per order',
  svcdFrequencyLabel: 'Orders per month',
  abcCutLabel: 'ABC cut (% of revenue)',
  abcCutHint: 'Class A: the best customers who together make this share of revenue.',
  churnFromLabel: 'Churn risk from',
  churnFromHint:
    'The usual gap between purchases, or the value model (how likely the customer is still buying).',
  churnFromOptions: {
    gap: 'Gap between purchases (1.5 × / 3 ×)',
    model: 'Value model: probability still a customer (70 % / 30 %)',
  },
  visitsFromLabel: 'Visit plan from',
  visitsFromHint: 'Which model sets how often each customer is visited.',
  visitsFromOptions: {
    svcd: 'SVCD (Star weekly … Dog every 60 days)',
    abc: 'ABC (A twice a month … C every 60 days)',
  },
  columnsLabel: 'Columns to write',
  columnsHint: 'Added to your customers table; nothing of yours is overwritten.',
  outputLanguageLabel: 'Language of results',
  outputLanguageHint: 'Column headers, labels and sheet names written to the workbook.',
  autoRerunLabel: 'Analyse again when a setting changes',
  settingsSavedNote: 'Settings are saved in the workbook when you analyse.',
  analyze: 'Analyse',
  cancel: 'Cancel',
  stages: {
    reading: 'Reading the tables…',
    computing: 'Computing segments…',
    building: 'Building summary sheets…',
    writing: 'Writing to the workbook…',
  },
  progressLabel: 'Analysis progress',
  elapsed: (seconds) => `${seconds.toFixed(1)} s`,
  cancelled: 'Cancelled. Nothing was changed.',
  finished: (seconds) => `Finished in ${seconds.toFixed(1)} s.`,
  errorTitle: 'Could not analyse',
  errorNoTables:
    'Put your sales in a sheet with a header row (for example Customer ID, Date, Amount), then press Look again.',
  errorNoSalesTable:
    'Add a sales table with a customer, a date and an amount column, or choose the columns under "What we found".',
  errorNoCustomerColumn: 'Add a customer column to the sales table, or choose one under "What we found".',
  errorMissingColumn: 'Choose the missing column under "What we found", then analyse again.',
  errorNoUsableRows:
    'Check the dates and amounts of the sales rows and the as-of date and window in the settings.',
  errorBadSetting: 'Correct the setting named above, then analyse again.',
  errorTooLarge: 'Analyse a shorter window (Settings → Window) or split the workbook.',
  errorRfmRules: 'Reset the RFM rules so that every score has a segment.',
  errorUnexpected: 'Try again. If it happens again, save the workbook, reopen it and analyse once more.',
  errorFile: 'The file could not be read. Check that it opens in Excel, then try again.',
  dismiss: 'Dismiss',
  resultsTitle: 'Results',
  resultsSummary: (customers, usedRows) =>
    `${customers.toLocaleString('en')} customers from ${usedRows.toLocaleString('en')} sales rows.`,
  skippedRows: (count) =>
    `${count.toLocaleString('en')} rows were skipped (blank customer, unreadable date or amount): see the Data issues sheet.`,
  pyramidTitle: 'Customer pyramid',
  pyramidChartLabel: 'Customer pyramid: customers in each tier, most profitable at the top',
  customersColumn: 'Customers',
  revenueShareColumn: 'Revenue',
  profitShareColumn: 'Profit',
  referenceColumn: 'Course reference',
  referenceProfile: {
    1: '5% · ~35% · >40%',
    2: '10% · ~40% · >40%',
    3: '20% · ~15% · ~15%',
    4: '25% · ~10% · <10%',
    5: '40% · ~5% · <0',
  },
  rankedByRevenue: 'Ranked by revenue: this workbook has no profit or cost column.',
  svcdTitle: 'SVCD matrix',
  highAmount: 'High amount per order',
  lowAmount: 'Low amount per order',
  highFrequency: 'High frequency',
  lowFrequency: 'Low frequency',
  svcdCell: (count, share) => `${count.toLocaleString('en')} customers · ${share} of revenue`,
  svcdThresholdsUsed: (amount, frequency, frequencyValue) =>
    `High: at least ${amount} per order and ${frequency} ${frequencyValue === 1 ? 'order' : 'orders'} a month.`,
  periodTitle: 'Period',
  periodLine: (asOf, start, end, months) => `As of ${asOf}; window ${start} to ${end} (${months} months).`,
  customersLine: (onPyramid, without) =>
    without === 0
      ? 'All have sales in the window and are on the pyramid.'
      : `${onPyramid.toLocaleString('en')} with sales in the window are on the pyramid; ${without.toLocaleString('en')} without (prospects, or bought only before the window) are not.`,
  abcTitle: 'ABC classes',
  classColumn: 'Class',
  rfmTitle: 'RFM segments',
  segmentColumn: 'Segment',
  churnTitle: 'Churn risk',
  movementTitle: 'Movement and loyalty',
  movementLine: (up, down, added) =>
    `${up.toLocaleString('en')} moved up, ${down.toLocaleString('en')} moved down, ${added.toLocaleString('en')} new on the pyramid.`,
  retentionLine: (share, earlierBuyers) =>
    share === null
      ? 'Nobody bought in the earlier period, so there is no retention to measure.'
      : `${share} of the ${earlierBuyers.toLocaleString('en')} customers who bought in the earlier period bought again.`,
  comparedLine: (date, fromHistory, months) =>
    fromHistory
      ? `Compared with the last run recorded in this workbook, as of ${date}.`
      : `Compared with ${date}, ${months.toLocaleString('en')} ${months === 1 ? 'month' : 'months'} before the as-of date.`,
  compareLabel: 'Compare with',
  compareHint:
    'The last run recorded in the workbook when its as-of date is earlier, else this many months before; also the length of the periods of the value trend and retention.',
  compareOff: 'Off',
  movementOff:
    'The comparison is off: no movement columns or sheets are written. Choose a number of months to compare.',
  compareMonthsOption: 'N months earlier',
  compareMonthsLabel: 'Months',
  churnHint:
    'Active: bought within 1.5 × their usual gap between purchases; at risk: within 3 ×; lapsed: longer ago.',
  churnHintModel:
    "From the value model's probability still a customer: 70 % and up Active, 30–70 % At risk, under 30 % Lapsed; customers who bought on one day only keep the gap rule.",
  riskColumn: 'Risk',
  repColumn: 'Sales rep',
  noRep: '(no rep)',
  overdueColumn: 'Overdue',
  dueSoonColumn: 'Due in 7 days',
  mostOverdueColumn: 'Most overdue',
  overdueName: (name, days) => `${name} (${days.toLocaleString('en')} ${days === 1 ? 'day' : 'days'})`,
  visitsTitle: 'Visits',
  callsTitle: 'This week: calls per rep',
  visitsOverdue: (count) => `${count.toLocaleString('en')} overdue`,
  visitsDueSoon: (count) => `${count.toLocaleString('en')} due in the next 7 days`,
  visitsNone: 'No visits due in the next 7 days.',
  strategiesTitle: 'What to do',
  sheetsTitle: 'Summary sheets',
  openSheet: (name) => `Go to sheet ${name}`,
  undoLastRun: 'Undo last run',
  undone: 'The last run was undone.',
  nothingToUndo: 'There is no run to undo.',
  writtenTo: (location) => `Written to ${location}.`,
};

const zhCN: Messages = {
  appTitle: '客户金字塔',
  appSubtitle: '根据客户表和销售表生成客户细分、客户金字塔和拜访计划。',
  languageLabel: '语言',
  languageNames: { en: 'English', 'zh-CN': '简体中文' },
  themeNames: { light: '浅色', dark: '深色', highContrast: '高对比度' },
  loadingWorkbook: '正在查看工作簿…',
  firstRunTitle: '欢迎使用客户金字塔',
  firstRunLines: [
    '它按表头找到工作簿（或您打开的文件）中的客户表和销售表。',
    '一键为每位客户添加 SVCD、ABC、金字塔层级、RFM、流失风险和拜访计划，并生成带图表的汇总工作表。',
    '所有计算都在您的电脑上完成，数据不会发送到任何地方；在 Excel 中，“撤销上次运行”可移除结果。',
  ],
  firstRunDismiss: '知道了',
  playgroundIntro:
    '无需 Excel：打开工作簿（.xlsx）或销售文件（.csv）。分析在您的浏览器中进行，数据不会发送到任何地方。',
  openFile: '打开文件…',
  dropHint: '或将 .xlsx 或 .csv 文件拖放到这里',
  dropZoneLabel: '将 .xlsx 或 .csv 文件拖放到这里，或按 Enter 键选择文件',
  openedFile: (fileName) => `已打开 ${fileName}。`,
  unsupportedFile: (fileName) =>
    `“${fileName}”不是 .xlsx 或 .csv 文件。请在 Excel 中另存为 Excel 工作簿（.xlsx）或 CSV 后再打开。`,
  readingFile: (fileName) => `正在读取 ${fileName}…`,
  openAnother: '打开其他文件…',
  downloadResult: '下载结果（.xlsx）',
  downloadHint: '包含新增列和汇总表的工作簿。',
  detectedTitle: '找到的数据',
  tableKinds: { sales: '销售表', customers: '客户表', visits: '拜访记录', careRules: '关怀规则' },
  tableWhere: (sheet, tableName, rows) =>
    `${tableName === null ? `工作表“${sheet}”` : `工作表“${sheet}”上的表“${tableName}”`}，${rows.toLocaleString('zh-CN')} 行`,
  noCustomersTable: '没有客户表：客户列将写入根据销售数据新建的工作表。',
  noVisitsTable: '没有拜访记录：最近联系日期取最近购买日期。',
  fieldNames: {
    customerId: '客户编号',
    customerName: '客户名称',
    date: '日期',
    amount: '金额',
    quantity: '数量',
    unitPrice: '单价',
    orderId: '订单号',
    profit: '利润',
    cost: '成本',
    product: '产品',
    rep: '业务员',
    region: '地区',
    visitDate: '拜访日期',
    birthday: '生日',
    anniversary: '纪念日',
    customerSince: '入会日期',
    phone: '电话',
    category: '类别',
    followUpDays: '回访天数',
    careNote: '关怀提示',
  },
  notMapped: '未找到',
  remapLabel: (field, table) => `${table}中用作“${field}”的列`,
  fromHeader: (header) => `来自“${header}”`,
  refresh: '重新查看',
  allColumnsFound: '已找到所有列 ✓',
  reviewColumns: '查看',
  columnsMissing: '缺少一列：请在下面选择。',
  sampleTitle: '培训用',
  insertSample: '插入示例数据',
  sampleLanguageLabel: '示例语言',
  sampleInserted: '已插入示例客户和销售数据。请按“分析”。',
  settingsTitle: '设置',
  asOfLabel: '截止日期',
  asOfHint: '分析的最后一天。留空则使用最近的销售日期。',
  windowLabel: '分析期间',
  windowAll: '全部数据',
  windowLastMonths: '最近 N 个月',
  windowMonthsLabel: '月数',
  windowHint: '计入哪些销售：截止日期之前的全部，或仅最近几个月。',
  svcdThresholdsLabel: 'SVCD 阈值',
  svcdMedian: '基于中位数',
  svcdTyped: '手动输入',
  svcdHint: '“高”指达到或超过阈值。基于中位数：略高于典型客户。',
  svcdAmountLabel: '每单金额',
  svcdFrequencyLabel: '每月订单数',
  abcCutLabel: 'ABC 分界（收入占比 %）',
  abcCutHint: 'A 类：合计贡献这一收入占比的最佳客户。',
  churnFromLabel: '流失风险依据',
  churnFromHint: '平常的购买间隔，或价值模型（客户仍在购买的可能性）。',
  churnFromOptions: {
    gap: '购买间隔（1.5 倍 / 3 倍）',
    model: '价值模型：仍为客户的概率（70% / 30%）',
  },
  visitsFromLabel: '拜访计划依据',
  visitsFromHint: '用哪个模型决定每位客户的拜访频率。',
  visitsFromOptions: { svcd: 'SVCD（明星每周 … 小狗每 60 天）', abc: 'ABC（A 每月两次 … C 每 60 天）' },
  columnsLabel: '写入的列',
  columnsHint: '追加到您的客户表中；不会覆盖您的任何数据。',
  outputLanguageLabel: '结果语言',
  outputLanguageHint: '写入工作簿的列标题、标签和工作表名称。',
  autoRerunLabel: '设置更改后自动重新分析',
  settingsSavedNote: '分析时设置会保存在工作簿中。',
  analyze: '分析',
  cancel: '取消',
  stages: {
    reading: '正在读取表格…',
    computing: '正在计算细分…',
    building: '正在生成汇总表…',
    writing: '正在写入工作簿…',
  },
  progressLabel: '分析进度',
  elapsed: (seconds) => `${seconds.toFixed(1)} 秒`,
  cancelled: '已取消，未做任何更改。',
  finished: (seconds) => `已完成，用时 ${seconds.toFixed(1)} 秒。`,
  errorTitle: '无法分析',
  errorNoTables: '请把销售数据放在带标题行的工作表中（例如 客户编号、日期、金额），然后按“重新查看”。',
  errorNoSalesTable: '请添加包含客户、日期和金额列的销售表，或在“找到的数据”中选择对应的列。',
  errorNoCustomerColumn: '请在销售表中添加客户列，或在“找到的数据”中选择一列。',
  errorMissingColumn: '请在“找到的数据”中选择缺少的列，然后再次分析。',
  errorNoUsableRows: '请检查销售行的日期和金额，以及设置中的截止日期和分析期间。',
  errorBadSetting: '请更正上面提到的设置，然后再次分析。',
  errorTooLarge: '请缩短分析期间（设置 → 分析期间）或拆分工作簿。',
  errorRfmRules: '请重置 RFM 规则，使每个得分都有对应的细分。',
  errorUnexpected: '请重试。如果仍然出现，请保存工作簿，重新打开后再分析一次。',
  errorFile: '无法读取该文件。请确认它能在 Excel 中打开，然后重试。',
  dismiss: '关闭',
  resultsTitle: '结果',
  resultsSummary: (customers, usedRows) =>
    `${customers.toLocaleString('zh-CN')} 位客户，来自 ${usedRows.toLocaleString('zh-CN')} 行销售数据。`,
  skippedRows: (count) =>
    `跳过了 ${count.toLocaleString('zh-CN')} 行（客户为空、日期或金额无法读取）：详见“数据问题”工作表。`,
  pyramidTitle: '客户金字塔',
  pyramidChartLabel: '客户金字塔：各层客户数，最赚钱的在顶部',
  customersColumn: '客户数',
  revenueShareColumn: '收入',
  profitShareColumn: '利润',
  referenceColumn: '课程参考',
  referenceProfile: {
    1: '5% · 约35% · >40%',
    2: '10% · 约40% · >40%',
    3: '20% · 约15% · 约15%',
    4: '25% · 约10% · <10%',
    5: '40% · 约5% · <0',
  },
  rankedByRevenue: '按收入排名：此工作簿没有利润或成本列。',
  svcdTitle: 'SVCD 矩阵',
  highAmount: '每单金额高',
  lowAmount: '每单金额低',
  highFrequency: '购买频度高',
  lowFrequency: '购买频度低',
  svcdCell: (count, share) => `${count.toLocaleString('zh-CN')} 位客户 · 收入占 ${share}`,
  svcdThresholdsUsed: (amount, frequency) => `“高”：每单至少 ${amount}，且每月至少 ${frequency} 单。`,
  periodTitle: '分析期间',
  periodLine: (asOf, start, end, months) =>
    `截止日期 ${asOf}；分析期间 ${start} 至 ${end}（${months} 个月）。`,
  customersLine: (onPyramid, without) =>
    without === 0
      ? '全部在分析期间内有销售，均计入金字塔。'
      : `其中 ${onPyramid.toLocaleString('zh-CN')} 位在分析期间内有销售，计入金字塔；${without.toLocaleString('zh-CN')} 位没有（潜在客户，或只在分析期间之前购买过），不计入。`,
  abcTitle: 'ABC 分类',
  classColumn: '类别',
  rfmTitle: 'RFM 分群',
  segmentColumn: '分群',
  churnTitle: '流失风险',
  movementTitle: '客户动态与保持',
  movementLine: (up, down, added) =>
    `${up.toLocaleString('zh-CN')} 位上升，${down.toLocaleString('zh-CN')} 位下降，${added.toLocaleString('zh-CN')} 位新进入金字塔。`,
  retentionLine: (share, earlierBuyers) =>
    share === null
      ? '之前期间没有客户购买，无法计算客户保持率。'
      : `之前期间购买的 ${earlierBuyers.toLocaleString('zh-CN')} 位客户中，${share} 再次购买。`,
  comparedLine: (date, fromHistory, months) =>
    fromHistory
      ? `与本工作簿记录的上一次分析（截止 ${date}）对比。`
      : `与 ${date}（截止日期前 ${months.toLocaleString('zh-CN')} 个月）对比。`,
  compareLabel: '对比对象',
  compareHint:
    '若工作簿记录的上一次分析截止日期更早，则与其对比，否则与若干个月前对比；也是价值趋势和保持率的期间长度。',
  compareOff: '关闭',
  movementOff: '对比已关闭：不写入客户动态的列和工作表。选择月数即可对比。',
  compareMonthsOption: 'N 个月前',
  compareMonthsLabel: '月数',
  churnHint: '活跃：距上次购买不超过平常购买间隔的 1.5 倍；有流失风险：不超过 3 倍；已流失：更久。',
  churnHintModel:
    '按价值模型中仍为客户的概率：70% 及以上为活跃，30%–70% 为有流失风险，低于 30% 为已流失；只在一天购买过的客户仍按购买间隔判断。',
  riskColumn: '风险',
  repColumn: '业务员',
  noRep: '（无业务员）',
  overdueColumn: '已逾期',
  dueSoonColumn: '7 天内到期',
  mostOverdueColumn: '逾期最久',
  overdueName: (name, days) => `${name}（${days.toLocaleString('zh-CN')} 天）`,
  visitsTitle: '拜访',
  callsTitle: '本周：各销售代表的电话',
  visitsOverdue: (count) => `${count.toLocaleString('zh-CN')} 位已逾期`,
  visitsDueSoon: (count) => `${count.toLocaleString('zh-CN')} 位在 7 天内到期`,
  visitsNone: '未来 7 天没有到期的拜访。',
  strategiesTitle: '应对策略',
  sheetsTitle: '汇总表',
  openSheet: (name) => `转到工作表 ${name}`,
  undoLastRun: '撤销上次运行',
  undone: '已撤销上次运行。',
  nothingToUndo: '没有可撤销的运行。',
  writtenTo: (location) => `已写入 ${location}。`,
};

/** UI texts by language. Every key exists in both languages (the type enforces it). */
export const messages: Record<Language, Messages> = { en, 'zh-CN': zhCN };
