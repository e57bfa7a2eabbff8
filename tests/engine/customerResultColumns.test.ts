/**
 * `analyze` computes its results as columns and builds the per-customer objects on first read: the
 * objects match the columns field by field, are built once, and travel through JSON and structured clone
 * (the task pane's worker posts results that way) like an ordinary array.
 */
import { customerResultAt, customerResultsOf } from '../../src/engine/customerResultColumns';
import { analyzeScenario, basicSales } from '../helpers/tables';

const scenario = {
  sales: {
    headers: ['Customer ID', 'Date', 'Amount', 'Cost', 'Order ID', 'Sales Rep'],
    rows: [
      ['C1', '2024-01-05', 100, 60, 'O1', 'Ann'],
      ['C1', '2024-02-05', 50, 70, 'O2', 'Ann'],
      ['C2', '2024-02-10', 30, 10, 'O3', 'Bo'],
      ['C3', '2024-03-01', -20, -10, 'O4', null],
    ],
  },
  customers: {
    headers: ['Customer ID', 'Customer Name'],
    rows: [
      ['C2', 'Second'],
      ['C9', 'Prospect'],
    ],
  },
  visits: { headers: ['Customer ID', 'Visit Date'], rows: [['C9', '2024-02-20']] },
};

describe('customer results as columns', () => {
  test('the objects are those of the columns, built once', () => {
    const result = analyzeScenario(scenario);
    const columns = result.perCustomer;
    expect(columns.count).toBe(4);
    expect(result.customers).toBe(result.customers);
    expect(result.customers).toEqual(customerResultsOf(columns));
    expect(result.customers.map((c) => c.id)).toEqual(['C2', 'C9', 'C1', 'C3']);
    const prospect = customerResultAt(columns, 1);
    expect(prospect).toMatchObject({
      id: 'C9',
      name: 'Prospect',
      inCustomersTable: true,
      hasSalesInWindow: false,
      firstPurchase: null,
      recencyDays: null,
      amountPerOrder: null,
      pyramidTier: null,
      pyramidValue: null,
      rfm: null,
      churnRisk: null,
      visitsInWindow: 1,
    });
    expect(customerResultAt(columns, 2)).toMatchObject({ id: 'C1', rep: 'Ann', orders: 2, profit: 20 });
    expect(customerResultAt(columns, 3)).toMatchObject({ id: 'C3', rep: null, revenue: -20, profit: -10 });
  });

  test('JSON and structured clone carry the objects', () => {
    const result = analyzeScenario(scenario);
    const cloned = structuredClone(result);
    expect(cloned.customers).toEqual(result.customers);
    expect(Object.getOwnPropertyDescriptor(cloned, 'customers')?.value).toEqual(result.customers);
    const parsed = JSON.parse(JSON.stringify(result)) as { customers: unknown[] };
    expect(parsed.customers).toEqual(JSON.parse(JSON.stringify(result.customers)));
    expect(Object.keys(result)).toContain('customers');
  });

  test('objects share their RFM scores (read-only) and keep the field order of CustomerResult', () => {
    const result = analyzeScenario({
      sales: basicSales([
        ['A', '2024-01-02', 5],
        ['B', '2024-01-02', 5],
      ]),
    });
    const [a, b] = result.customers;
    expect(a!.rfm).not.toBeNull();
    expect(a!.rfm).toBe(b!.rfm);
    expect(Object.keys(a!)).toEqual([
      'id',
      'name',
      'rep',
      'inCustomersTable',
      'hasSalesInWindow',
      'revenue',
      'profit',
      'orders',
      'purchaseDays',
      'firstPurchase',
      'lastPurchase',
      'recencyDays',
      'frequencyPerMonth',
      'amountPerOrder',
      'svcd',
      'abc',
      'pyramidTier',
      'pyramidValue',
      'visitIntervalDays',
      'visitsPerMonth',
      'lastContact',
      'nextVisitDue',
      'overdue',
      'rfm',
      'churnRisk',
      'lifetimeValue',
      'visitsInWindow',
    ]);
  });
});
