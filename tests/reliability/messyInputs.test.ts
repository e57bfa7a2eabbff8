/**
 * Messy and hostile workbooks, each built as a real .xlsx (or CSV) and run through the command line over
 * the file host: the analysis must read what Excel shows, account for every row, and never crash.
 */
import type { Workbook } from 'exceljs';
import { dayFromIso, isoFromDay } from '../../src/engine/dayNumbers';
import {
  addRows,
  analyzeFile,
  columnUnder,
  loadWorkbook,
  reportCustomer,
  sheetTexts,
  temporaryFolder,
  writeCsv,
  writeWorkbook,
} from './analyzeWorkbookFile';

const folder = temporaryFolder('messy');
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A plain sales sheet: header row then `[id, date, amount]` rows. */
function salesSheet(workbook: Workbook, rows: unknown[][], name = 'Sales'): void {
  addRows(workbook.addWorksheet(name), [['Customer ID', 'Date', 'Amount'], ...(rows as never[][])]);
}

function expectAllRowsAccounted(
  report: NonNullable<Awaited<ReturnType<typeof analyzeFile>>['report']>,
): void {
  const { input } = report;
  expect(input.usedRows + input.skippedCount + input.afterAsOfRows + input.beforeWindowRows).toBe(
    input.salesRows,
  );
}

describe('messy workbooks through the command line', () => {
  it('merged cells: a merged title above the header, and a customer id merged down three rows, read as Excel shows them', async () => {
    const file = await writeWorkbook(folder, 'merged.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('Sales');
      addRows(sheet, [
        ['Sales 2024 — all regions'],
        ['Customer ID', 'Date', 'Amount'],
        ['C1', utc('2024-01-05'), 10],
        [null, utc('2024-01-06'), 20],
        [null, utc('2024-01-07'), 30],
        ['C2', utc('2024-01-08'), 40],
      ]);
      sheet.mergeCells('A1:C1');
      sheet.mergeCells('A3:A5');
    });
    const result = await analyzeFile(file);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = result.report!;
    expect(report.input.salesRows).toBe(4);
    expectAllRowsAccounted(report);
    // Excel (and so the Excel host) returns the value of a merged block in its top-left cell only: rows
    // 4 and 5 have a blank customer id there. Both hosts must agree, so the rows are listed, not used.
    expect(report.input.skipped.map((s) => [s.row, s.column, s.reason])).toEqual([
      [4, 'Customer ID', 'customer id is blank'],
      [5, 'Customer ID', 'customer id is blank'],
    ]);
    expect(reportCustomer(report, 'C1').revenue).toBe(10);
    expect(reportCustomer(report, 'C2').revenue).toBe(40);
  });

  it('hidden rows are data like any other: they are analysed, not dropped', async () => {
    const file = await writeWorkbook(folder, 'hidden.xlsx', (workbook) => {
      salesSheet(workbook, [
        ['C1', utc('2024-01-05'), 10],
        ['C1', utc('2024-01-06'), 20],
        ['C2', utc('2024-01-07'), 30],
      ]);
      const sheet = workbook.getWorksheet('Sales')!;
      sheet.getRow(3).hidden = true;
      sheet.getRow(4).hidden = true;
    });
    const { report, code } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(report!.input.usedRows).toBe(3);
    expect(reportCustomer(report, 'C1').revenue).toBe(30);
    expect(reportCustomer(report, 'C2').revenue).toBe(30);
  });

  it('an active filter (autoFilter with rows filtered out) does not shrink the analysis', async () => {
    const file = await writeWorkbook(folder, 'filtered.xlsx', (workbook) => {
      salesSheet(workbook, [
        ['C1', utc('2024-01-05'), 10],
        ['C2', utc('2024-01-06'), 20],
        ['C3', utc('2024-01-07'), 30],
        ['C1', utc('2024-01-08'), 40],
      ]);
      const sheet = workbook.getWorksheet('Sales')!;
      sheet.autoFilter = 'A1:C5';
      // Rows the filter hides are hidden rows in the file.
      sheet.getRow(3).hidden = true;
      sheet.getRow(4).hidden = true;
    });
    const { report, code, out } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(report!.input.usedRows).toBe(4);
    expect(report!.customers.map((c) => c.id).sort()).toEqual(['C1', 'C2', 'C3']);
    // The user's filter is still there in the output.
    const output = await loadWorkbook(out!);
    expect(output.getWorksheet('Sales')!.autoFilter).toBe('A1:C5');
  });

  it('blank and duplicate headers: a blank-headed column does not cut the table, the first of two "Amount" columns counts', async () => {
    const file = await writeWorkbook(folder, 'headers.xlsx', (workbook) => {
      addRows(workbook.addWorksheet('Sales'), [
        ['Customer ID', null, 'Date', 'Amount', 'Amount', null, 'Notes'],
        ['C1', 'x', utc('2024-01-05'), 10, 1000, 'y', 'first'],
        ['C2', 'x', utc('2024-01-06'), 20, 2000, null, null],
        ['C1', null, utc('2024-01-07'), 30, 3000, null, 'last'],
      ]);
    });
    const result = await analyzeFile(file);
    expect(result.code).toBe(0);
    expect(reportCustomer(result.report, 'C1').revenue).toBe(40);
    expect(reportCustomer(result.report, 'C2').revenue).toBe(20);
    expect(result.report!.input.salesRows).toBe(3);
  });

  it('a sales range with a small unrelated Excel table beside it on the same sheet is still found', async () => {
    const file = await writeWorkbook(folder, 'range-and-table.xlsx', (workbook) => {
      salesSheet(workbook, [
        ['C1', utc('2024-01-05'), 10],
        ['C2', utc('2024-01-06'), 20],
      ]);
      workbook.getWorksheet('Sales')!.addTable({
        name: 'Regions',
        ref: 'F1',
        columns: [{ name: 'Region' }, { name: 'Manager' }],
        rows: [['North', 'Li']],
      });
    });
    const result = await analyzeFile(file);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(reportCustomer(result.report, 'C2').revenue).toBe(20);
  });

  it('duplicate customer ids in the customers table: one customer, both rows get its results, the repeat is reported', async () => {
    const file = await writeWorkbook(folder, 'duplicates.xlsx', (workbook) => {
      addRows(workbook.addWorksheet('Customers'), [
        ['Customer ID', 'Customer Name'],
        ['C1', 'Acme'],
        ['C2', 'Bolt'],
        ['C1', 'Acme again'],
      ]);
      salesSheet(workbook, [
        ['C1', utc('2024-01-05'), 100],
        ['C2', utc('2024-01-06'), 20],
      ]);
    });
    const { report, code, out } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(report!.customers.filter((c) => c.id === 'C1')).toHaveLength(1);
    expect(reportCustomer(report, 'C1').name).toBe('Acme');
    const output = await loadWorkbook(out!);
    const revenue = columnUnder(output.getWorksheet('Customers')!, 'Revenue');
    expect(revenue).toEqual([100, 20, 100]);
    const issues = sheetTexts(output.getWorksheet('Data issues')!).join('\n');
    expect(issues).toMatch(/"C1" appears again \(first on row 2\)/u);
  });

  it('ids that look like numbers stay exactly as written: 00042, 1E5, 17850.0 (xlsx text cells and CSV)', async () => {
    const ids = ['00042', '1E5', '17850.0', '42'];
    const xlsx = await writeWorkbook(folder, 'ids.xlsx', (workbook) => {
      addRows(workbook.addWorksheet('Customers'), [
        ['Customer ID', 'Customer Name'],
        ...ids.map((id) => [id, `Name ${id}`]),
      ]);
      salesSheet(
        workbook,
        ids.map((id, i) => [id, utc('2024-01-05'), 10 * (i + 1)]),
      );
    });
    const csv = writeCsv(
      folder,
      'ids.csv',
      `Customer ID,Date,Amount\n${ids.map((id, i) => `${id},2024-01-05,${10 * (i + 1)}`).join('\n')}\n`,
    );
    for (const file of [xlsx, csv]) {
      const { report, code, out } = await analyzeFile(file);
      expect(code).toBe(0);
      expect(report!.customers.map((c) => c.id).sort()).toEqual([...ids].sort());
      ids.forEach((id, i) => {
        expect(reportCustomer(report, id).revenue).toBe(10 * (i + 1));
      });
      const output = await loadWorkbook(out!);
      const sheet = output.getWorksheet(file === xlsx ? 'Customers' : 'Customers (analysis)')!;
      const written = columnUnder(sheet, 'Customer ID');
      expect([...written].sort()).toEqual([...ids].sort());
      for (const value of written) expect(typeof value).toBe('string');
    }
  });

  it('dates typed as text in several formats, and an ambiguous 03/04/2024 read by the date-order setting and reported', async () => {
    const rows: [string, string, number][] = [
      ['C1', '2024-01-05', 1],
      ['C2', '2024/1/6', 2],
      ['C3', '2024年1月7日', 3],
      ['C4', '20240108', 4],
      ['C5', '9 Jan 2024', 5],
      ['C6', 'Jan 10, 2024', 6],
      ['C7', '2024-01-11 08:26:00', 7],
      ['C8', '03/04/2024', 8],
    ];
    const expected: Record<string, string> = {
      C1: '2024-01-05',
      C2: '2024-01-06',
      C3: '2024-01-07',
      C4: '2024-01-08',
      C5: '2024-01-09',
      C6: '2024-01-10',
      C7: '2024-01-11',
    };
    const file = await writeWorkbook(folder, 'dates.xlsx', (workbook) => {
      salesSheet(workbook, rows);
    });
    for (const [order, ambiguous] of [
      ['mdy', '2024-03-04'],
      ['dmy', '2024-04-03'],
    ] as const) {
      const { report, code, out } = await analyzeFile(file, ['--date-order', order]);
      expect(code).toBe(0);
      expect(report!.input.skippedCount).toBe(0);
      for (const [id, iso] of Object.entries({ ...expected, C8: ambiguous }))
        expect([id, reportCustomer(report, id).lastPurchase]).toEqual([id, iso]);
      const issues = sheetTexts((await loadWorkbook(out!)).getWorksheet('Data issues')!).join('\n');
      expect(issues).toContain('"03/04/2024"');
      expect(issues).toContain(order === 'dmy' ? 'day/month/year' : 'month/day/year');
    }
  });

  it('amounts with currency symbols, thousands separators and accounting negatives', async () => {
    const file = await writeWorkbook(folder, 'money.xlsx', (workbook) => {
      salesSheet(workbook, [
        ['C1', utc('2024-01-05'), '$1,234.50'],
        ['C1', utc('2024-01-06'), '¥2,000'],
        ['C2', utc('2024-01-07'), '1.234,50 €'],
        ['C2', utc('2024-01-08'), '(100.00)'],
        ['C3', utc('2024-01-09'), 'USD 10'],
        ['C3', utc('2024-01-10'), '1 000 元'],
      ]);
    });
    const { report, code } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(report!.input.skippedCount).toBe(0);
    expect(reportCustomer(report, 'C1').revenue).toBeCloseTo(3234.5, 9);
    expect(reportCustomer(report, 'C2').revenue).toBeCloseTo(1134.5, 9);
    expect(reportCustomer(report, 'C3').revenue).toBeCloseTo(1010, 9);
  });

  it('error values (#N/A, #VALUE!) as real error cells: the rows are listed with their reason, the rest analysed', async () => {
    const file = await writeWorkbook(folder, 'errors.xlsx', (workbook) => {
      salesSheet(workbook, [
        ['C1', utc('2024-01-05'), 10],
        [{ error: '#N/A' }, utc('2024-01-06'), 20],
        ['C2', { error: '#VALUE!' }, 30],
        ['C2', utc('2024-01-08'), { error: '#VALUE!' }],
        ['C2', utc('2024-01-09'), { formula: '1/0', result: { error: '#DIV/0!' } }],
        ['C2', utc('2024-01-10'), 5],
      ]);
    });
    const { report, code } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(report!.input.skipped.map((s) => [s.row, s.reason])).toEqual([
      [3, 'customer id is an error value (#N/A)'],
      [4, 'date is not readable ("#VALUE!")'],
      [5, 'amount is not a number ("#VALUE!")'],
      [6, 'amount is not a number ("#DIV/0!")'],
    ]);
    expect(reportCustomer(report, 'C2').revenue).toBe(5);
  });

  it('the 1904 date system: dates read and written back as the same calendar days', async () => {
    const file = await writeWorkbook(folder, 'mac1904.xlsx', (workbook) => {
      workbook.properties.date1904 = true;
      salesSheet(workbook, [
        ['C1', utc('2024-01-05'), 10],
        ['C1', utc('2024-02-10'), 20],
        ['C2', utc('2024-03-15'), 30],
      ]);
    });
    const { report, code, out } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(report!.asOf).toBe('2024-03-15');
    expect(reportCustomer(report, 'C1').lastPurchase).toBe('2024-02-10');
    const output = await loadWorkbook(out!);
    expect(output.properties.date1904).toBe(true);
    // exceljs turns the stored serials into dates with the workbook's own (1904) system: a serial written
    // in the 1900 system would come back 4 years and a day late.
    const sheet = output.getWorksheet('Customers (analysis)')!;
    const column = sheet.getRow(1).values as unknown[];
    const at = column.indexOf('Last purchase');
    expect([sheet.getCell(2, at).value, sheet.getCell(3, at).value]).toEqual([
      utc('2024-02-10'),
      utc('2024-03-15'),
    ]);
  });

  it('very long text: a 32,767-character name is kept whole, and no written cell exceeds Excel’s limit', async () => {
    const longName = `${'客'.repeat(100)}${'x'.repeat(32_767 - 100)}`;
    const longAmount = '9'.repeat(40_000);
    const csv = writeCsv(
      folder,
      'long.csv',
      `Customer ID,Customer Name,Date,Amount\nC1,${longName},2024-01-05,10\nC2,${'y'.repeat(40_000)},2024-01-06,20\nC3,z,2024-01-07,${longAmount}\n`,
    );
    const { report, code, out } = await analyzeFile(csv);
    expect(code).toBe(0);
    expect(reportCustomer(report, 'C1').name).toBe(longName);
    // 40,000 nines overflow to Infinity: not a number, so the row is listed, with a short reason.
    expect(report!.input.skipped.map((s) => [s.row, s.reason.length < 80])).toEqual([[4, true]]);
    const output = await loadWorkbook(out!);
    for (const sheet of output.worksheets) {
      for (const text of sheetTexts(sheet)) expect(text.length).toBeLessThanOrEqual(32_767);
    }
    expect(columnUnder(output.getWorksheet('Customers (analysis)')!, 'Customer name')[0]).toBe(longName);
  });

  it('very long ids: a repeated 32,767-character customer id is reported without writing an over-long cell', async () => {
    const longId = 'K'.repeat(32_767);
    const file = await writeWorkbook(folder, 'long-id.xlsx', (workbook) => {
      addRows(workbook.addWorksheet('Customers'), [['Customer ID'], [longId], [longId]]);
      salesSheet(workbook, [[longId, utc('2024-01-05'), 10]]);
    });
    const { report, code, out } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(reportCustomer(report, longId).revenue).toBe(10);
    const output = await loadWorkbook(out!);
    for (const sheet of output.worksheets) {
      for (const text of sheetTexts(sheet))
        expect([sheet.name, text.length <= 32_767]).toEqual([sheet.name, true]);
    }
  });

  it('emoji and CJK in sheet names, headers, ids and names survive to every output', async () => {
    const file = await writeWorkbook(folder, 'cjk.xlsx', (workbook) => {
      addRows(workbook.addWorksheet('客户'), [
        ['客户编号', '客户名称'],
        ['客户甲', '北京🙂贸易'],
        ['👩‍💻', 'Café Ωmega'],
      ]);
      addRows(workbook.addWorksheet('销售'), [
        ['客户编号', '销售日期', '金额'],
        ['客户甲', utc('2024-01-05'), 10],
        ['👩‍💻', utc('2024-01-06'), 20],
      ]);
    });
    const { report, code, out } = await analyzeFile(file, ['--lang', 'zh-CN']);
    expect(code).toBe(0);
    expect(reportCustomer(report, '客户甲').name).toBe('北京🙂贸易');
    expect(reportCustomer(report, '👩‍💻').name).toBe('Café Ωmega');
    const output = await loadWorkbook(out!);
    expect(columnUnder(output.getWorksheet('客户')!, '客户编号')).toEqual(['客户甲', '👩‍💻']);
    expect(output.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['客户', '销售', '数据问题']),
    );
  });

  it('formulas in the input: their cached values are used; a formula with no cached value is listed, not guessed', async () => {
    const file = await writeWorkbook(folder, 'formulas.xlsx', (workbook) => {
      addRows(workbook.addWorksheet('Sales'), [
        ['Customer ID', 'Date', 'Quantity', 'Price', 'Amount'],
        [{ formula: '"C"&"1"', result: 'C1' }, utc('2024-01-05'), 2, 5, { formula: 'C2*D2', result: 10 }],
        [
          'C1',
          { formula: 'DATE(2024,1,6)', result: utc('2024-01-06') },
          3,
          5,
          { formula: 'C3*D3', result: 15 },
        ],
        ['C2', utc('2024-01-07'), 4, 5, { formula: 'C4*D4' }],
        ['C2', utc('2024-01-08'), 1, 7, { sharedFormula: 'E3', result: 7 }],
      ]);
    });
    const { report, code } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(reportCustomer(report, 'C1').revenue).toBe(25);
    expect(reportCustomer(report, 'C1').lastPurchase).toBe('2024-01-06');
    expect(report!.input.skipped.map((s) => [s.row, s.reason])).toEqual([
      [4, 'amount is not a number (blank)'],
    ]);
    expect(reportCustomer(report, 'C2').revenue).toBe(7);
  });

  it('an empty workbook, an empty file, an empty CSV and a headers-only CSV: one plain line each, its own exit code, nothing written', async () => {
    const empty = await writeWorkbook(folder, 'empty.xlsx', (workbook) => {
      workbook.addWorksheet('Sheet1');
    });
    const zeroBytes = writeCsv(folder, 'zero.xlsx', '');
    const emptyCsv = writeCsv(folder, 'empty.csv', '');
    const blankCsv = writeCsv(folder, 'blank.csv', '\r\n  \r\n');
    const headerOnly = writeCsv(folder, 'header-only.csv', 'Customer ID,Date,Amount\n');
    for (const [file, code, pattern] of [
      [empty, 5, /^The workbook has no table with recognisable headers/u],
      [zeroBytes, 4, /^"zero\.xlsx" is empty \(0 bytes\)\.$/u],
      [emptyCsv, 4, /^"empty\.csv" is empty \(no text\)\.$/u],
      [blankCsv, 4, /^"blank\.csv" is empty \(no text\)\.$/u],
      [headerOnly, 5, /no usable row: it has no data rows, only headers\.$/u],
    ] as const) {
      const result = await analyzeFile(file);
      expect([file, result.code]).toEqual([file, code]);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]!.replace(/^customer-pyramid: /u, '')).toMatch(pattern);
      expect(result.out).toBeNull();
      expect(result.report).toBeNull();
    }
  });

  it('a one-row table is analysed: one customer, tier 1, a Star by default', async () => {
    const file = await writeWorkbook(folder, 'one-row.xlsx', (workbook) => {
      salesSheet(workbook, [['C1', utc('2024-01-05'), 10]]);
    });
    const { report, code } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(report!.customers).toHaveLength(1);
    const c = reportCustomer(report, 'C1');
    expect([c.revenue, c.orders, c.abc, c.pyramidTier, c.recencyDays]).toEqual([10, 1, 'A', 1, 0]);
    expect(['Star', 'Cow', 'Volcano', 'Dog']).toContain(c.svcd);
  });

  it('a workbook of 100 sheets: finds the sales and customers sheets among 98 others, writes within the limit', async () => {
    const file = await writeWorkbook(folder, 'hundred.xlsx', (workbook) => {
      for (let i = 1; i <= 100; i++) {
        if (i === 37) {
          addRows(workbook.addWorksheet('Customers'), [
            ['Customer ID', 'Customer Name'],
            ['C1', 'Acme'],
            ['C9', 'Idle'],
          ]);
        } else if (i === 73) {
          salesSheet(workbook, [
            ['C1', utc('2024-01-05'), 10],
            ['C2', utc('2024-01-06'), 20],
          ]);
        } else {
          addRows(workbook.addWorksheet(`Notes ${i}`), [
            ['Memo', 'Value'],
            [`note ${i}`, i],
          ]);
        }
      }
    });
    const { report, code, out } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(report!.customers.map((c) => c.id)).toEqual(['C1', 'C9', 'C2']);
    const output = await loadWorkbook(out!);
    // Ours added after the user's 100 sheets, none of theirs lost.
    expect(output.worksheets.length).toBeGreaterThan(100);
    for (let i = 1; i <= 100; i++)
      if (i !== 37 && i !== 73) expect(output.getWorksheet(`Notes ${i}`)).toBeDefined();
  });

  it('dates shown for every output date column are real calendar days of the input', async () => {
    // A guard against an off-by-one in serial conversion anywhere between host and engine.
    const file = await writeWorkbook(folder, 'serials.xlsx', (workbook) => {
      salesSheet(workbook, [
        ['C1', utc('1900-03-01'), 1],
        ['C1', utc('2024-02-29'), 1],
      ]);
    });
    const { report, code } = await analyzeFile(file);
    expect(code).toBe(0);
    expect(reportCustomer(report, 'C1').firstPurchase).toBe('1900-03-01');
    expect(reportCustomer(report, 'C1').lastPurchase).toBe(isoFromDay(dayFromIso('2024-02-29')!));
  });
});
