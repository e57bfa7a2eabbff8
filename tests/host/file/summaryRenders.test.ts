import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Language } from '../../../src/engine/types';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { sampleWorkbookToXlsx } from '../../../src/host/file/sampleWorkbookToXlsx';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { buildSampleWorkbook } from '../../../src/sample/buildSampleWorkbook';
import { describeWithLibreOffice } from '../../helpers/libreoffice';
import { keepOnlySheets, renderPages } from '../../helpers/renderSheets';
import { sharedData } from '../../cli/sharedData';

// Renders every summary sheet of real results through LibreOffice to PNG (one image per printed page) in
// test-output/renders/, for a person to look at, and checks each sheet prints on pages one page wide.
const renders = path.resolve(__dirname, '../../../test-output/renders');

interface Case {
  name: string;
  bytes: () => Promise<Uint8Array>;
  language: Language;
  csv?: boolean;
}

const cases: Case[] = [
  { name: 'sample-en', bytes: () => sampleWorkbookToXlsx(buildSampleWorkbook('en')), language: 'en' },
  { name: 'sample-zh', bytes: () => sampleWorkbookToXlsx(buildSampleWorkbook('zh-CN')), language: 'zh-CN' },
  {
    name: 'superstore',
    bytes: () => Promise.resolve(new Uint8Array(readFileSync(sharedData('superstore.xlsx')))),
    language: 'en',
  },
  {
    name: 'online-retail-revenue',
    bytes: () => Promise.resolve(new Uint8Array(readFileSync(sharedData('online_retail_2010-12.csv')))),
    language: 'en',
    csv: true,
  },
];

describeWithLibreOffice('summary sheets rendered by LibreOffice', () => {
  jest.setTimeout(600_000);
  for (const c of cases) {
    it(`${c.name}: every summary sheet renders to PNG pages`, async () => {
      const input = await c.bytes();
      const host =
        c.csv === true
          ? FileWorkbookHost.fromCsv(new TextDecoder().decode(input), `${c.name}.csv`)
          : await FileWorkbookHost.fromXlsx(input, `${c.name}.xlsx`);
      const run = await runAnalysis(host, { language: c.language });
      const output = await host.toBuffer();
      mkdirSync(renders, { recursive: true });
      writeFileSync(path.join(renders, `${c.name}.xlsx`), output);
      const summaryNames =
        run.summary?.sheetNames.filter((n) => run.plan.sheets.some((s) => s.name === n)) ?? [];
      expect(summaryNames.length).toBe(9);
      const { pages } = renderPages(await keepOnlySheets(output, summaryNames), c.name, renders);
      // Every sheet prints at least one page, and none prints more pages than the big tables need.
      expect(pages.length).toBeGreaterThanOrEqual(9);
    });
  }
});
