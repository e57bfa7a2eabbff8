import { defaultSettings } from '../../../src/engine/defaultSettings';
import type { ColumnSpec } from '../../../src/engine/sheetSpec';
import type { SourceTable } from '../../../src/engine/types';
import { defaultWriteBudgetBytes } from '../../../src/host/excel/ExcelWorkbookHost';
import { payloadLimitBytes } from '../../fakes/FakeWorkbook';
import { openFakeWorkbook } from './excelHostFixture';

const n = 30_000;
const ids = Array.from({ length: n }, (_, i) => `C${String(i).padStart(6, '0')}`);
const columns: ColumnSpec[] = [0, 1, 2, 3].map((k) => ({
  key: `long${k}`,
  header: `Long ${k}`,
  format: 'text',
  values: ids.map((id) => `${id} ${'描述'.repeat(20)} ${k}`),
}));

async function setup(writeBudgetBytes?: number) {
  const opened = openFakeWorkbook(
    {
      sheets: [{ name: 'Customers', table: 'Customers', columns: [{ header: 'Customer ID', values: ids }] }],
    },
    writeBudgetBytes === undefined ? {} : { writeBudgetBytes },
  );
  const table = (await opened.host.inspect()).tables[0] as SourceTable;
  opened.workbook.resetStats();
  return { ...opened, table };
}

describe('ExcelWorkbookHost.write request sizes', () => {
  it('keeps every request under 5 MB by writing in chunks of rows, one sync per chunk', async () => {
    const { host, workbook, table, close } = await setup();
    await host.write({
      customers: { kind: 'existing', table },
      columns,
      sheets: [],
      settings: defaultSettings(),
    });
    const bytes = columns.reduce(
      (sum, c) => sum + c.values.reduce<number>((s, v) => s + Buffer.byteLength(JSON.stringify(v)), 0),
      0,
    );
    expect(bytes).toBeGreaterThan(2.5 * payloadLimitBytes);
    expect(workbook.stats.log.every((s) => s.failed === null)).toBe(true);
    expect(workbook.stats.largestRequestBytes).toBeLessThanOrEqual(defaultWriteBudgetBytes * 1.05);
    const chunks = workbook.stats.log.filter((s) => s.cellsWritten >= 1000);
    // The first chunk also sets the columns' number formats, so its rows get half the budget.
    expect(chunks.length).toBe(Math.ceil((bytes + defaultWriteBudgetBytes / 2) / defaultWriteBudgetBytes));
    expect(chunks[0]!.requestBytes).toBeLessThan(0.6 * chunks[1]!.requestBytes);
    expect(workbook.stats.syncs).toBeLessThanOrEqual(chunks.length + 8);
    expect(workbook.values('Customers', `B${n + 1}:E${n + 1}`)).toEqual([
      columns.map((c) => c.values[n - 1]),
    ]);
    close();
  });

  it('halves the chunk and retries when Excel refuses a request over its payload limit', async () => {
    const { host, workbook, table, close } = await setup(64 * 1024 * 1024);
    await host.write({
      customers: { kind: 'existing', table },
      columns,
      sheets: [],
      settings: defaultSettings(),
    });
    const refused = workbook.stats.log.filter((s) => s.failed === 'RequestPayloadSizeLimitExceeded');
    expect(refused.length).toBeGreaterThan(0);
    expect(
      workbook.stats.log.filter((s) => s.failed === null).every((s) => s.requestBytes <= payloadLimitBytes),
    ).toBe(true);
    for (const c of [0, 1, 2, 3]) {
      const cells = workbook.sheet('Customers').cells;
      expect(Array.from({ length: n }, (_, r) => cells.value(r + 1, c + 1))).toEqual(columns[c]!.values);
    }
    close();
  });
});
