import { buildCustomerColumns } from '../../../src/engine/buildCustomerColumns';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import { allOutputColumns, columnExplanation, columnHeader } from '../../../src/engine/methods/outputColumns';
import { analyzeScenario, analyzeSales } from '../../helpers/tables';

const rows = [
  ['A', '2024-01-05', 10],
  ['A', '2024-02-05', 10],
  ['A', '2024-02-05', 5],
  ['A', '2024-03-01', 10],
  ['B', '2024-03-01', 40],
];

describe('repeat purchase rate', () => {
  test('is (purchase days − 1) ÷ purchase days: a second row on the same day is no repeat', () => {
    const result = analyzeSales(rows);
    expect(result.roster.ids).toEqual(['A', 'B']);
    expect(Array.from(result.outputs.repeatRate)).toEqual([2 / 3, 0]);
  });

  test('is empty for a customer with no purchase day in the window', () => {
    const result = analyzeScenario({
      sales: { headers: ['Customer ID', 'Date', 'Amount'], rows },
      customers: { headers: ['Customer ID'], rows: [['P'], ['A']] },
      settings: { columns: ['repeatPurchaseRate'] },
    });
    const { columns } = buildCustomerColumns(result);
    expect(columns).toEqual([
      { key: 'repeatPurchaseRate', header: 'Repeat purchase rate', format: 'percent', values: [null, 2 / 3] },
    ]);
  });

  test('is an opt-in column: listed for the pane, not written by default', () => {
    expect(allOutputColumns).toContain('repeatPurchaseRate');
    expect(defaultSettings().columns).not.toContain('repeatPurchaseRate');
    const { columns } = buildCustomerColumns(analyzeSales(rows));
    expect(columns.map((c) => c.key)).not.toContain('repeatPurchaseRate');
  });

  test('says what it is in English and 简体中文', () => {
    expect(columnHeader('repeatPurchaseRate', 'zh-CN')).toBe('复购率');
    expect(columnExplanation('repeatPurchaseRate', 'en')).toContain('(purchase days − 1) ÷ purchase days');
    expect(columnExplanation('repeatPurchaseRate', 'zh-CN')).toContain('购买天数');
  });
});
