import { formatReportJson } from '../../src/cli/formatReportJson';
import { buildReport, type ReportCustomer } from '../../src/engine/buildReport';
import { reportParts } from '../../src/engine/reportParts';
import { readWorkbookFile } from '../../src/host/file/node/readWorkbookFile';
import { runAnalysis } from '../../src/host/runAnalysis';
import { sharedData } from './sharedData';

describe('formatReportJson', () => {
  test('Online Retail: indented at the top, one line per customer, the same data as buildReport', async () => {
    const host = await readWorkbookFile(sharedData('online_retail_2010-12.csv'));
    const { result } = await runAnalysis(host, {}, { write: false, describeOutput: false });
    const { head, count, customer } = reportParts(result);
    const text = [...formatReportJson(head, count, customer)].join('');
    const report = buildReport(result);
    expect(JSON.parse(text)).toEqual(report);
    const lines = text.split('\n');
    const top = JSON.stringify({ ...head, customers: [] }, null, 2).split('\n');
    // The head as JSON.stringify indents it, the customers' opening bracket, then one line each.
    expect(lines.slice(0, top.length - 2)).toEqual(top.slice(0, -2));
    expect(lines[top.length - 2]).toBe('  "customers": [');
    const customerLines = lines.slice(top.length - 1, top.length - 1 + count);
    expect(customerLines).toHaveLength(report.customers.length);
    customerLines.forEach((line, i) => {
      expect(line).toBe(`    ${JSON.stringify(report.customers[i])}${i < count - 1 ? ',' : ''}`);
    });
    expect(lines.slice(top.length - 1 + count)).toEqual(['  ]', '}', '']);
  });

  test('a large report comes a customer at a time: each built once, in order, as its piece is asked for', () => {
    const head = { version: 1 as const, asOf: '2024-12-31' } as unknown as Parameters<
      typeof formatReportJson
    >[0];
    const built: number[] = [];
    const customer = (i: number): ReportCustomer => {
      built.push(i);
      return { id: `C${String(i).padStart(6, '0')}`, note: 'x'.repeat(200) } as unknown as ReportCustomer;
    };
    const count = 20_000;
    const pieces = formatReportJson(head, count, customer);
    const text: string[] = [];
    let lines = 0;
    for (const piece of pieces) {
      text.push(piece);
      if (piece.startsWith('{"id"')) lines++;
      // Never more customers built than their lines given out so far.
      if (built.length !== lines) throw new Error(`${built.length} customers built for ${lines} lines`);
    }
    expect(built).toEqual(Array.from({ length: count }, (_, i) => i));
    // The head, then each customer's line on its own (after the line break and indent of all but the first).
    expect(text).toHaveLength(2 * count + 1);
    expect(text[2]).toBe(',\n    ');
    expect(text[3]).toBe(JSON.stringify(customer(1)));
    const parsed = JSON.parse(text.join('')) as { customers: { id: string }[] };
    expect(parsed.customers.map((c) => c.id)).toEqual(
      Array.from({ length: count }, (_, i) => `C${String(i).padStart(6, '0')}`),
    );
  });

  test('no customers: the head with an empty list', () => {
    const head = { version: 1 as const } as unknown as Parameters<typeof formatReportJson>[0];
    const text = [...formatReportJson(head, 0, () => ({}) as ReportCustomer)].join('');
    expect(text).toBe('{\n  "version": 1,\n  "customers": []\n}\n');
  });
});
