import { defaultSettings } from '../../../src/engine/defaultSettings';
import type { AnyMethod } from '../../../src/engine/methods/Method';
import {
  allOutputColumns,
  defaultOutputColumns,
  outputColumns,
} from '../../../src/engine/methods/outputColumns';
import { methods } from '../../../src/engine/methods/registry';
import type { AnalysisSettings, OutputColumnKey } from '../../../src/engine/types';

// The types come from the registry: a key no method declares is not a column key, and each method's
// settings are settings of the analysis.
const typed: OutputColumnKey[] = ['svcd', 'lifetimeValue'];
// @ts-expect-error not a column of any method
const notAKey: OutputColumnKey = 'noSuchColumn';
const cut: AnalysisSettings['abcCut'] = 0.5;

describe('the method registry', () => {
  test('method ids and column keys are unique', () => {
    const ids = methods.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(allOutputColumns).size).toBe(allOutputColumns.length);
    expect([...typed, notAKey, cut]).toHaveLength(4);
  });

  test('every method comes after the methods it needs', () => {
    (methods as readonly AnyMethod[]).forEach((method, index) => {
      for (const need of method.needs ?? []) expect(methods.indexOf(need as never)).toBeLessThan(index);
    });
  });

  test('every column has a header and an explanation in both languages', () => {
    for (const { column } of outputColumns) {
      for (const text of [column.header, column.explanation]) {
        expect(text.en.trim()).not.toBe('');
        expect(text['zh-CN'].trim()).not.toBe('');
        expect(text['zh-CN']).not.toBe(text.en);
      }
    }
  });

  test('result columns come before explanation columns, each group in registry order', () => {
    expect(allOutputColumns).toEqual([
      'svcd',
      'abc',
      'pyramidTier',
      'visitsPerMonth',
      'nextVisitDue',
      'rfmScore',
      'rfmSegment',
      'churnRisk',
      'revenue',
      'profit',
      'orders',
      'lastPurchase',
      'recencyDays',
      'lossMaking',
      'amountPerOrder',
      'frequencyPerMonth',
      'rfmR',
      'rfmF',
      'rfmM',
      'lifetimeValue',
      ...allOutputColumns.slice(20),
    ]);
  });

  test('the default settings hold each method settings and the default columns', () => {
    const settings = defaultSettings();
    expect(settings.columns).toEqual([...defaultOutputColumns]);
    expect(settings.abcCut).toBe(0.75);
    expect(settings.visitsFrom).toBe('svcd');
    expect(settings.pyramidCuts).toEqual([0.05, 0.15, 0.35, 0.6, 1]);
  });
});
