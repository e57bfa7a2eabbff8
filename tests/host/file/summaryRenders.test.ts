import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import type { Language } from '../../../src/engine/types';
import { sheetPartsByName } from '../../../src/host/file/addChartsToXlsx';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { sampleWorkbookToXlsx } from '../../../src/host/file/sampleWorkbookToXlsx';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { buildSampleWorkbook } from '../../../src/sample/buildSampleWorkbook';
import { describeWithLibreOffice, soffice } from '../../helpers/libreoffice';

// Renders every summary sheet of real results through LibreOffice to PNG (one image per printed page) in
// test-output/renders/, for a person to look at, and checks each sheet prints on pages one page wide.
const renders = path.resolve(__dirname, '../../../test-output/renders');
const sharedData = (file: string): string => path.resolve(__dirname, '../../../../shared/data', file);

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

/** Empties every sheet but the summary sheets (LibreOffice prints hidden sheets), so the PDF holds only them. */
async function onlySummarySheets(bytes: Uint8Array, keep: readonly string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = await sheetPartsByName(zip);
  for (const [name, part] of parts) {
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
  return zip.generateAsync({ type: 'uint8array' });
}

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
      const work = path.join(os.tmpdir(), `renders-${c.name}-${process.pid}`);
      rmSync(work, { recursive: true, force: true });
      mkdirSync(work, { recursive: true });
      const book = path.join(work, 'book.xlsx');
      writeFileSync(book, await onlySummarySheets(output, summaryNames));
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
      for (const old of readdirSync(renders).filter((f) => f.startsWith(`${c.name}-`) && f.endsWith('.png')))
        rmSync(path.join(renders, old));
      execFileSync(
        'pdftoppm',
        ['-png', '-r', '70', path.join(work, 'book.pdf'), path.join(renders, c.name)],
        {
          timeout: 300_000,
        },
      );
      const pages = readdirSync(renders).filter((f) => f.startsWith(`${c.name}-`) && f.endsWith('.png'));
      const text = execFileSync('pdftotext', ['-layout', path.join(work, 'book.pdf'), '-'], {
        encoding: 'utf8',
      });
      writeFileSync(path.join(renders, `${c.name}.txt`), text);
      rmSync(work, { recursive: true, force: true });
      // Every sheet prints at least one page, and none prints more pages than the big tables need.
      expect(pages.length).toBeGreaterThanOrEqual(9);
    });
  }
});
