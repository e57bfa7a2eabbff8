/** @jest-environment jsdom */
import './jsdomPolyfills';
import { render, screen, within } from '@testing-library/react';
import type { ValueOutlookInput } from '../../src/engine/summary/buildValueOutlookSheet';
import { outlookInShort } from '../../src/engine/summary/outlookInShort';
import type { HoldoutCheck, ValueModelReport } from '../../src/engine/valueModel/types';
import { ValueOutlook } from '../../src/taskpane/components/ValueOutlook';

const model: ValueModelReport = {
  timeUnit: 'week',
  bgnbd: { r: 0.24, alpha: 4.4, a: 0.79, b: 2.4, logLikelihood: -9582 },
  gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 },
  gammaGammaReason: null,
  notes: [],
  counts: {
    bgnbd: 10,
    repeatCustomers: 6,
    gammaGamma: 6,
    withoutRepeatPurchase: 4,
    withoutPositiveRepeatSpend: 0,
    notPredicted: 0,
  },
};
const holdout: HoldoutCheck = {
  calibrationEnd: 100,
  holdoutEnd: 191,
  holdoutWeeks: 13,
  fit: {
    converged: true,
    params: model.bgnbd,
    logLikelihood: -1,
    customers: 10,
    iterations: 3,
    evaluations: 9,
    boundary: null,
  },
  rows: [
    { calibrationRepeats: 0, customers: 4, actual: 0.5, predicted: 0.25 },
    { calibrationRepeats: 1, customers: 6, actual: 1, predicted: 1.25 },
  ],
  notPredicted: 0,
};
// Ten customers: lifetime values 1000, 900, …, 100; P(alive) falls for the first three.
const input = (language: 'en' | 'zh-CN'): ValueOutlookInput => ({
  language,
  asOf: 200,
  valueModel: model,
  reason: null,
  holdout,
  settings: { horizonDays: 90, months: 12, monthlyDiscount: 0.01 },
  customers: Array.from({ length: 10 }, (_, k) => ({
    id: `K${k}`,
    name: k === 0 ? 'Acme' : null,
    historicalValue: 1000 - 100 * k,
    pAlive: k < 3 ? 0.1 * (k + 1) : 0.9,
    expectedPurchases: 0.5,
    predictedValue: 100 + k,
  })),
});

describe("the pane's short value outlook", () => {
  test('totals, the holdout in one line and the valuable customers slipping, most valuable first', () => {
    const short = outlookInShort(input('en'));
    render(<ValueOutlook outlook={short} language="en" />);
    const terms = screen.getAllByRole('term').map((t) => t.textContent);
    const values = screen.getAllByRole('definition').map((d) => d.textContent);
    expect(terms).toEqual([
      'Expected purchases, next 90 days',
      'Predicted value, next 12 months',
      'Customers more likely still a customer than not',
    ]);
    // 10 × 0.5 = 5 purchases; 100 + … + 109 = 1,045; 7 of 10 at P(alive) 0.9.
    expect(values).toEqual(['5', '1,045', '7 / 10']);
    // Holdout: 4 × 0.5 + 6 × 1 = 8 actual, 4 × 0.25 + 6 × 1.25 = 8.5 predicted: +6 %.
    expect(screen.getByText(/Holdout check/u).textContent).toBe(
      'Holdout check: the model expected 9 purchase days in the last 13 weeks, customers made 8 (+6%).',
    );
    // Top fifth by lifetime value = K0, K1 (1000, 900); both below 50 %: K0 (10 %), K1 (20 %).
    const list = screen.getByRole('list', { name: 'Valuable but slipping: call these first' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Acme (K0) lifetime value 1,000, 10% chance still a customer',
      'K1 lifetime value 900, 20% chance still a customer',
    ]);
  });

  test('in Chinese', () => {
    render(<ValueOutlook outlook={outlookInShort(input('zh-CN'))} language="zh-CN" />);
    expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual([
      '未来 90 天预期购买次数',
      '未来 12 个月预测价值',
      '仍为客户概率超过一半的客户',
    ]);
    expect(screen.getByRole('list', { name: '高价值但正在流失：优先联系' })).toBeTruthy();
    expect(screen.getByText(/留出期检验/u).textContent).toContain('（+6%）');
  });

  test('without a spend model the value line is left out; without a fit the reason is shown', () => {
    const noSpend = outlookInShort({ ...input('en'), valueModel: { ...model, gammaGamma: null } });
    const { unmount } = render(<ValueOutlook outlook={noSpend} language="en" />);
    expect(screen.getAllByRole('term')).toHaveLength(2);
    unmount();
    render(
      <ValueOutlook
        outlook={outlookInShort({
          ...input('en'),
          valueModel: null,
          reason: 'nobody bought on a second day',
        })}
        language="en"
      />,
    );
    expect(screen.getByText(/No value model/u).textContent).toBe(
      'No value model: nobody bought on a second day',
    );
    expect(screen.queryByRole('list')).toBeNull();
  });
});
