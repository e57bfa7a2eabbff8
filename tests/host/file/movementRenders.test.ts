import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { AnalysisSettings } from '../../../src/engine/types';
import { sheetPartsByName } from '../../../src/host/file/addChartsToXlsx';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { describeWithLibreOffice, soffice } from '../../helpers/libreoffice';

// Renders the Movement and Loyalty sheets of real results through LibreOffice to PNG pages in
// test-output/renders/movement/, for a person to look at.
const renders = path.resolve(__dirname, '../../../test-output/renders/movement');
const sharedData = (file: string): string => path.resolve(__dirname, '../../../../shared/data', file);

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
      const zip = await JSZip.loadAsync(await host.toBuffer());
      for (const [name, part] of await sheetPartsByName(zip)) {
        if (keep.includes(name)) continue;
        const xml = await zip.file(part)!.async('string');
        zip.file(
          part,
          xml
            .replace(/<sheetData>[\s\S]*<\/sheetData>/u, '<sheetData/>')
            .replace(/<tableParts[\s\S]*?<\/tableParts>/u, '')
            .replace(/<autoFilter[^>]*\/>/u, ''),
        );
      }
      const work = path.join(os.tmpdir(), `movement-renders-${c.name}-${process.pid}`);
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      mkdirSync(renders, { recursive: true });
      const book = path.join(work, 'book.xlsx');
      writeFileSync(book, await zip.generateAsync({ type: 'uint8array' }));
      execFileSync(
        soffice!,
        [
          `-env:UserInstallation=file://${work}/profile`,
          '--headless',
          '--norestore',
          '--convert-to',
          'pdf',
          '--outdir',
          work,
          book,
        ],
        { timeout: 300_000, stdio: 'pipe' },
      );
      for (const old of readdirSync(renders).filter((f) => f.startsWith(`${c.name}-`)))
        rmSync(path.join(renders, old));
      execFileSync(
        'pdftoppm',
        ['-png', '-r', '70', path.join(work, 'book.pdf'), path.join(renders, c.name)],
        {
          timeout: 300_000,
        },
      );
      const text = execFileSync('pdftotext', ['-layout', path.join(work, 'book.pdf'), '-'], {
        encoding: 'utf8',
      });
      writeFileSync(path.join(renders, `${c.name}.txt`), text);
      rmSync(work, { recursive: true, force: true });
      expect(
        readdirSync(renders).filter((f) => f.startsWith(`${c.name}-`) && f.endsWith('.png')).length,
      ).toBeGreaterThanOrEqual(2);
      // The printed matrix holds the tier counts of the result.
      const tiers = run.result.outputs.movement!.tiers.counts;
      expect(text).toContain(String(tiers[5]!.reduce((a, b) => a + b, 0)));
    });
  }
});
