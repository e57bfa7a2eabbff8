/**
 * Office APIs above the manifest's requirement set (ExcelApi 1.9) are used only where
 * `Office.context.requirements.isSetSupported` says the running Excel has them, with a graceful fallback,
 * and README's "Office API requirements" lists each of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { openFakeWorkbook } from './excelHostFixture';

const root = path.join(__dirname, '..', '..', '..');

/** Installs an `Office` global whose Excel supports ExcelApi up to `highest` (minor version). */
function officeUpTo(highest: number): () => void {
  const global = globalThis as { Office?: unknown };
  const previous = global.Office;
  global.Office = {
    context: {
      requirements: {
        isSetSupported: (name: string, version = '1.1') =>
          name === 'ExcelApi' && Number(version.split('.')[1]) <= highest,
      },
    },
  };
  return () => {
    global.Office = previous;
  };
}

const sales: (string | number)[][] = [['Customer ID', 'Order Date', 'Amount']];
for (let i = 0; i < 12; i++) sales.push([['C1', 'C2', 'C3'][i % 3]!, 45000 + i * 9, 10 + i]);
const spec = { sheets: [{ name: 'Sales', rows: sales }], date1904: true };

describe('an Excel with only the manifest’s ExcelApi 1.9', () => {
  it('never asks for the 1904 date system (ExcelApi 1.16): dates as the 1900 system, and the run works', async () => {
    const restore = officeUpTo(9);
    const { host, close } = openFakeWorkbook(spec);
    try {
      expect((await host.inspect()).date1904).toBe(false);
      const run = await runAnalysis(host, {});
      expect(run.summary?.sheetNames.length).toBeGreaterThan(3);
    } finally {
      close();
      restore();
    }
  });

  it('does not ask Excel to wait for a cell edit (ExcelApi 1.11): a batch meeting one says to finish the edit', async () => {
    const restore = officeUpTo(9);
    const { workbook, host, close } = openFakeWorkbook(spec);
    try {
      workbook.cellEditMode = true;
      await expect(host.inspect()).rejects.toThrow(/finish editing a cell/u);
      expect(workbook.delayedRuns).toBe(0);
    } finally {
      close();
      restore();
    }
  });
});

describe('an Excel with ExcelApi 1.16', () => {
  it('reads the 1904 date system and waits for a cell edit', async () => {
    const restore = officeUpTo(16);
    const { workbook, host, close } = openFakeWorkbook(spec);
    try {
      workbook.cellEditMode = true;
      expect((await host.inspect()).date1904).toBe(true);
      expect(workbook.delayedRuns).toBe(1);
    } finally {
      close();
      restore();
    }
  });
});

describe('README lists every requirement set checked at run time', () => {
  it('each excelApiSupported(version) in the host is above the manifest’s set and named in README', () => {
    const manifest = readFileSync(path.join(root, 'manifest.xml'), 'utf8');
    const minimum = /<Set Name="ExcelApi" MinVersion="1\.(\d+)"/u.exec(manifest)?.[1];
    expect(minimum).toBeDefined();
    const folder = path.join(root, 'src', 'host', 'excel');
    const checked = new Set<string>();
    for (const file of readdirSync(folder))
      for (const match of readFileSync(path.join(folder, file), 'utf8').matchAll(
        /excelApiSupported\('1\.(\d+)'\)/gu,
      ))
        checked.add(match[1]!);
    expect(checked.size).toBeGreaterThan(0);
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Office API requirements'));
    expect(section.length).toBeLessThan(readme.length);
    for (const minor of checked) {
      expect(Number(minor)).toBeGreaterThan(Number(minimum));
      expect(section).toContain(`ExcelApi 1.${minor}`);
    }
  });
});
