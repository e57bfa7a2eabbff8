import path from 'node:path';
import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { callsSheet } from '../../../src/engine/calls/callsSheet';
import type { Language } from '../../../src/engine/types';
import { sheetPartsByName } from '../../../src/host/file/addChartsToXlsx';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { readWorkbookFile } from '../../../src/host/file/node/readWorkbookFile';
import { sampleWorkbookToXlsx } from '../../../src/host/file/sampleWorkbookToXlsx';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { buildSampleWorkbook } from '../../../src/sample/buildSampleWorkbook';
import { describeWithLibreOffice } from '../../helpers/libreoffice';
import { keepOnlySheets, renderPages } from '../../helpers/renderSheets';

// Renders the sample workbook's Calls sheet through LibreOffice to PNG (test-output/renders/calls-*.png)
// for a person to look at: every kind of call, two outcomes typed by reps.
const renders = path.resolve(__dirname, '../../../test-output/renders');

describeWithLibreOffice('the sample Calls sheet rendered by LibreOffice', () => {
  jest.setTimeout(300_000);
  it.each<[Language, string, string]>([
    ['en', 'Done', 'no answer'],
    ['zh-CN', '已完成', '未接通'],
  ])(
    '%s: every kind of call, outcomes typed by reps, printed one page wide',
    async (language, done, none) => {
      const host = await FileWorkbookHost.fromXlsx(
        await sampleWorkbookToXlsx(buildSampleWorkbook(language)),
        'sample.xlsx',
      );
      const run = await runAnalysis(host);
      const name = callsSheet.name(run.result.outputs.calls.from, language);
      const kinds = new Set(run.result.outputs.calls.list.flatMap((c) => c.reasons));
      expect([...kinds].sort()).toEqual(['anniversary', 'birthday', 'service', 'visit', 'winback']);
      const workbook = new Workbook();
      await workbook.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(name)!;
      sheet.getCell(2, callsSheet.outcomeColumn + 1).value = done;
      sheet.getCell(3, callsSheet.outcomeColumn + 1).value = none;
      sheet.getCell(3, callsSheet.noteColumn + 1).value = language === 'en' ? 'try again Friday' : '周五再打';
      const bytes = await keepOnlySheets(new Uint8Array(await workbook.xlsx.writeBuffer()), [name]);
      const { text, pages } = renderPages(bytes, `calls-sample-${language}`, renders);
      expect(pages.length).toBeGreaterThan(0);
      for (const header of callsSheet.headers(language)) expect(text).toContain(header);
    },
  );

  it('the Calls sheet of a real CSV written straight into the package reads the same', async () => {
    const host = await readWorkbookFile(
      path.join(__dirname, '../../../../shared/data/online_retail_2010-12.csv'),
    );
    // Low enough for this sheet's calls to go straight into the package, as 96,176 calls do by default.
    host.directRowsAboveCells = 2_000;
    const run = await runAnalysis(host);
    const name = callsSheet.name(run.result.outputs.calls.from, 'en');
    const written = await host.toBuffer();
    const zip = await JSZip.loadAsync(written);
    const xml = await zip.file((await sheetPartsByName(zip)).get(name)!)!.async('string');
    expect(xml).toMatch(/t="inlineStr"/u);
    const { text, pages } = renderPages(
      await keepOnlySheets(written, [name]),
      'calls-direct-online-retail',
      renders,
    );
    expect(pages.length).toBeGreaterThan(1);
    for (const header of callsSheet.headers('en')) expect(text).toContain(header);
    expect(text).toContain(run.result.outputs.calls.list.at(-1)!.customerId);
  });
});
