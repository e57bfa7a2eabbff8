import { defaultSettings, resolveSettings } from '../../src/engine/defaultSettings';
import type { AnalysisSettings } from '../../src/engine/types';
import { expectAnalysisError } from '../helpers/tables';

describe('settings', () => {
  test('defaults: all data, median thresholds, 75 % ABC cut, 5/15/35/60/100 % pyramid, visits from SVCD, English', () => {
    expect(defaultSettings()).toMatchObject({
      asOf: null,
      windowMonths: null,
      svcdAmountThreshold: null,
      svcdFrequencyThreshold: null,
      abcCut: 0.75,
      pyramidCuts: [0.05, 0.15, 0.35, 0.6, 1],
      visitsFrom: 'svcd',
      language: 'en',
    });
  });

  test('undefined values keep the defaults', () => {
    expect(resolveSettings({ abcCut: undefined }).abcCut).toBe(0.75);
  });

  test.each<[string, Partial<AnalysisSettings>]>([
    ['ABC cut 0', { abcCut: 0 }],
    ['ABC cut above 1', { abcCut: 1.2 }],
    ['pyramid cuts not ending at 1', { pyramidCuts: [0.05, 0.15, 0.35, 0.6, 0.9] }],
    ['pyramid cuts descending', { pyramidCuts: [0.15, 0.05, 0.35, 0.6, 1] }],
    ['SVCD threshold not a number', { svcdAmountThreshold: Number.NaN }],
    ['unknown language', { language: 'fr' as AnalysisSettings['language'] }],
    ['unknown visit model', { visitsFrom: 'rfm' as AnalysisSettings['visitsFrom'] }],
    ['unknown column', { columns: ['svcd', 'shoeSize' as AnalysisSettings['columns'][number]] }],
  ])('%s is refused (BAD_SETTING)', (_name, partial) => {
    expectAnalysisError(() => resolveSettings(partial), 'BAD_SETTING');
  });

  test.each<[string, Partial<AnalysisSettings>]>([
    ['ABC cut 1', { abcCut: 1 }],
    ['fixed SVCD thresholds', { svcdAmountThreshold: 300, svcdFrequencyThreshold: 1 }],
    ['equal neighbouring pyramid cuts', { pyramidCuts: [0.1, 0.1, 0.35, 0.6, 1] }],
    ['Chinese', { language: 'zh-CN' }],
  ])('%s is accepted', (_name, partial) => {
    expect(resolveSettings(partial)).toMatchObject(partial);
  });
});
