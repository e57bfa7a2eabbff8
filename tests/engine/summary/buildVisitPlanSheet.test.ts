import type { AnalysisResult } from '../../../src/engine/analyze';
import { churnByCode } from '../../../src/engine/assessChurn';
import { abcByCode } from '../../../src/engine/assignAbc';
import { churnLabel } from '../../../src/engine/labels';
import { buildPyramidSheet } from '../../../src/engine/summary/buildPyramidSheet';
import { buildVisitPlanSheet, winBackCustomers } from '../../../src/engine/summary/buildVisitPlanSheet';
import type { SheetSpec } from '../../../src/engine/sheetSpec';
import type { AnalysisSettings, RawCell } from '../../../src/engine/types';
import { analyzeScenario } from '../../helpers/tables';

/**
 * 43 customers, as of 2024-06-30: V1 (monthly, stopped in April) and V2 (weekly, stopped in February) are
 * the biggest buyers and were visited in late June, so they are not due; V3 still buys monthly; 40 small
 * customers buy monthly to June, stop early, or buy once (enough for the value model to fit).
 */
function scenario(settings: Partial<AnalysisSettings>): AnalysisResult {
  const rows: RawCell[][] = [];
  const add = (id: string, dates: string[], amount: number): void => {
    dates.forEach((date, k) => rows.push([`O-${id}-${String(k)}`, id, date, amount, amount / 5]));
  };
  const monthly = (from: number, to: number, dayOfMonth: number): string[] =>
    Array.from(
      { length: to - from + 1 },
      (_, k) => `2024-0${String(from + k)}-${String(dayOfMonth).padStart(2, '0')}`,
    );
  add('V1', monthly(1, 4, 15), 5000);
  add('V2', ['2024-01-03', '2024-01-10', '2024-01-17', '2024-01-24', '2024-01-31', '2024-02-07'], 4000);
  add('V3', monthly(1, 6, 20), 3000);
  for (let c = 1; c <= 40; c++) {
    const id = `S${String(c).padStart(2, '0')}`;
    if (c % 3 === 0) add(id, monthly(1, 6, 5 + (c % 20)), 100 + c);
    else if (c % 3 === 1) add(id, monthly(1, 2 + (c % 4), 5 + (c % 20)), 100 + c);
    else add(id, [`2024-0${String(1 + (c % 6))}-12`], 100 + c);
  }
  return analyzeScenario({
    sales: { headers: ['Order ID', 'Customer ID', 'Order Date', 'Sales', 'Profit'], rows },
    visits: {
      headers: ['Customer ID', 'Visit Date'],
      rows: [
        ['V1', '2024-06-25'],
        ['V2', '2024-06-27'],
      ],
    },
    settings: { asOf: '2024-06-30', ...settings },
  });
}

/** The rows of the Win back first block: from its header to the first empty row. */
function winBackRows(sheet: SheetSpec, header: string): (string | number | boolean | null)[][] {
  const start = sheet.cells.findIndex((row) => row[8]?.value === header) + 1;
  const end = sheet.cells.findIndex((row, r) => r > start && row.length === 0);
  return sheet.cells.slice(start, end).map((row) => row.map((c) => c.value));
}

/** The rule, computed from the run's outputs without the sheet's code. */
function expectedWinBack(result: AnalysisResult): string[] {
  const { ids } = result.roster;
  const lifetime = result.outputs.measures.lifetimeValue;
  return ids
    .map((id, i) => ({ id, i }))
    .filter(({ i }) => {
      const risk = churnByCode[result.outputs.churn.codes[i]!];
      const tier = result.outputs.pyramid.tiers[i]!;
      const valuable = tier === 1 || tier === 2 || abcByCode[result.outputs.abc.codes[i]!] === 'A';
      return valuable && (risk === 'At risk' || risk === 'Lapsed');
    })
    .sort((a, b) => lifetime[b.i]! - lifetime[a.i]!)
    .map(({ id }) => id);
}

describe('Visit plan: churn risk and the Win back first block follow the churnFrom setting', () => {
  const gap = scenario({ churnFrom: 'gap' });
  const model = scenario({ churnFrom: 'model' });
  const index = (result: AnalysisResult, id: string): number => result.roster.ids.indexOf(id);

  test('the hand-made case: V1 and V2 are valuable, slipping by the gap rule, and not yet due', () => {
    expect(gap.outputs.churn.from).toBe('gap');
    expect(model.outputs.churn.from).toBe('model');
    for (const id of ['V1', 'V2']) {
      const i = index(gap, id);
      expect(gap.outputs.pyramid.tiers[i]).toBe(1);
      expect(['At risk', 'Lapsed']).toContain(churnByCode[gap.outputs.churn.codes[i]!]);
      expect(gap.outputs.visits.nextVisitDue[i]).toBeGreaterThan(gap.asOf);
      // The model's P(alive) of both is high: Active by its bands.
      const m = index(model, id);
      expect(model.outputs.valueModel.fit.predictions!.pAlive[m]).toBeGreaterThanOrEqual(0.7);
      expect(churnByCode[model.outputs.churn.codes[m]!]).toBe('Active');
    }
  });

  test('by the gap rule the block lists the valuable slipping customers, not-yet-due ones included, most valuable first', () => {
    const expected = expectedWinBack(gap);
    expect(expected).toEqual(expect.arrayContaining(['V1', 'V2']));
    expect(winBackCustomers(gap).map((i) => gap.roster.ids[i])).toEqual(expected);
    const rows = winBackRows(buildVisitPlanSheet(gap), 'What to do');
    expect(rows.map((r) => r[1])).toEqual(expected);
    const lifetimes = rows.map((r) => r[4] as number);
    expect([...lifetimes].sort((a, b) => b - a)).toEqual(lifetimes);
    for (const row of rows) {
      const i = index(gap, row[1] as string);
      expect(row[3]).toBe(churnLabel(churnByCode[gap.outputs.churn.codes[i]!]!, 'en'));
      expect(row[8]).toBe('Valuable and slipping: call now, ask what changed');
    }
    const v1 = rows.find((r) => r[1] === 'V1')!;
    expect(v1[6]).toBe(gap.outputs.visits.nextVisitDue[index(gap, 'V1')]);
    expect(v1[7]).toBe('Not yet due');
  });

  test('switching to the model changes the block: V1 and V2 drop out; the note names the source', () => {
    const gapSheet = buildVisitPlanSheet(gap);
    const modelSheet = buildVisitPlanSheet(model);
    const rows = winBackRows(modelSheet, 'What to do');
    // By the model nobody valuable is slipping here (the few drop-outs are small customers).
    expect(expectedWinBack(model)).toEqual([]);
    expect(winBackCustomers(model)).toEqual([]);
    expect(rows).toEqual([['None: no valuable customer is At risk or Lapsed.']]);
    expect(winBackRows(gapSheet, 'What to do')).not.toEqual(rows);
    expect(String(gapSheet.cells[2]![0]!.value)).toContain('from the gap rule');
    expect(String(modelSheet.cells[2]![0]!.value)).toContain('from the value model');
  });

  test('every due customer shows its churn risk in the last column; other columns unchanged in content', () => {
    for (const result of [gap, model]) {
      const sheet = buildVisitPlanSheet(result);
      const header = sheet.cells.findIndex((row) => row[7]?.value === 'Days overdue');
      expect(sheet.cells[header]![9]!.value).toBe('Churn risk');
      const listed = sheet.cells.slice(header + 1);
      const due = result.roster.ids.filter((_, i) => result.outputs.visits.nextVisitDue[i]! <= result.asOf);
      expect(listed.map((r) => r[1]!.value).sort()).toEqual([...due].sort());
      for (const row of listed) {
        const i = index(result, row[1]!.value as string);
        const risk = churnByCode[result.outputs.churn.codes[i]!] ?? null;
        expect(row[9]!.value).toBe(risk === null ? null : churnLabel(risk, 'en'));
        expect(row[7]!.value).toBe(result.asOf - result.outputs.visits.nextVisitDue[i]!);
      }
    }
  });

  test('in 简体中文: labels, strategy and note', () => {
    const zh = buildVisitPlanSheet(scenario({ churnFrom: 'gap', language: 'zh-CN' }));
    const rows = winBackRows(zh, '策略');
    expect(rows.map((r) => r[1])).toEqual(expect.arrayContaining(['V1', 'V2']));
    for (const row of rows) {
      expect(['有流失风险', '已流失']).toContain(row[3]);
      expect(row[8]).toBe('有价值但在流失：立即致电，询问有何变化');
    }
    expect(rows.find((r) => r[1] === 'V1')![7]).toBe('未到期');
    expect(String(zh.cells[2]![0]!.value)).toContain('按购买间隔规则');
  });

  test('the Pyramid sheet counts, per tier, the customers At risk or Lapsed by the chosen source', () => {
    for (const [result, source] of [
      [gap, 'gap rule'],
      [model, 'value model'],
    ] as const) {
      const sheet = buildPyramidSheet(result);
      const header = sheet.cells.findIndex((row) => row[0]?.value === 'Tier');
      const column = sheet.cells[header]!.findIndex((c) => c.value === `At risk or lapsed (${source})`);
      expect(column).toBeGreaterThan(0);
      const counts = sheet.cells.slice(header + 1, header + 6).map((row) => row[column]!.value);
      const expected = [1, 2, 3, 4, 5].map(
        (tier) =>
          result.roster.ids.filter((_, i) => {
            const risk = churnByCode[result.outputs.churn.codes[i]!];
            return result.outputs.pyramid.tiers[i] === tier && (risk === 'At risk' || risk === 'Lapsed');
          }).length,
      );
      expect(counts).toEqual(expected);
      expect(sheet.cells[header + 6]![column]!.value).toBe(expected.reduce((a, b) => a + b, 0));
    }
    // V1 and V2 sit in tier 1: slipping by the gap rule, Active by the model.
    const tierOne = (result: AnalysisResult): number =>
      result.roster.ids.filter(
        (_, i) => result.outputs.pyramid.tiers[i] === 1 && result.outputs.churn.codes[i]! >= 2,
      ).length;
    expect(tierOne(gap) - tierOne(model)).toBe(2);
  });
});

describe('Visit plan: the due list', () => {
  test('days overdue are centred, so a number does not run into the status beside it ("427Overdue")', () => {
    const sheet = buildVisitPlanSheet(scenario({}));
    const header = sheet.cells.findIndex((row) => row[7]?.value === 'Days overdue');
    const due = sheet.cells.slice(header + 1).filter((row) => typeof row[7]?.value === 'number');
    expect(due.length).toBeGreaterThan(5);
    for (const row of due) {
      expect(row[7]).toMatchObject({ format: 'integer', center: true });
      expect(row[8]?.center).toBeUndefined();
    }
  });
});
