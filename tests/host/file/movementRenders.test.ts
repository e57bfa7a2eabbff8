import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { AnalysisSettings } from '../../../src/engine/types';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { describeWithLibreOffice } from '../../helpers/libreoffice';
import { keepOnlySheets, renderPages } from '../../helpers/renderSheets';
import { sharedData } from '../../cli/sharedData';

// Renders the Movement and Loyalty sheets of real results through LibreOffice to PNG pages in
// test-output/renders/movement/, for a person to look at.
const renders = path.resolve(__dirname, '../../../test-output/renders/movement');

const cases: { name: string; file: string; settings: Partial<AnalysisSettings> }[] = [
  { name: 'superstore-12-en', file: 'superstore.xlsx', settings: { language: 'en', compareMonths: 12 } },
  { name: 'superstore-3-zh', file: 'superstore.xlsx', settings: { language: 'zh-CN', compareMonths: 3 } },
  { name: 'online-retail-en', file: 'online_retail_2010-12.csv', settings: { language: 'en' } },
];

describeWithLibreOffice('Movement and Loyalty sheets rendered by LibreOffice', () => {
  jest.setTimeout(600_000);
  for (const c of cases) {
    it(`${c.name}: both sheets render to PNG pages`, async () => {
      const bytes = readFileSync(sharedData(c.file));
      const host = c.file.endsWith('.csv')
        ? FileWorkbookHost.fromCsv(bytes.toString('utf8'), c.file)
        : await FileWorkbookHost.fromXlsx(new Uint8Array(bytes), c.file);
      const run = await runAnalysis(host, c.settings);
      const keep = run.plan.sheets
        .filter((s) => s.key === 'movement' || s.key === 'loyalty')
        .map((s) => s.name);
      expect(keep).toHaveLength(2);
      const { text, pages } = renderPages(await keepOnlySheets(await host.toBuffer(), keep), c.name, renders);
      expect(pages.length).toBeGreaterThanOrEqual(2);
      // The printed matrix holds the tier counts of the result.
      const tiers = run.result.outputs.movement!.tiers.counts;
      expect(text).toContain(String(tiers[5]!.reduce((a, b) => a + b, 0)));
    });
  }
});
