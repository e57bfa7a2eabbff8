import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { launchChromium } from './launchChromium';
import { runAnalysis } from '../../src/host/runAnalysis';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { sheetName } from '../../src/engine/labels';
import type { Language } from '../../src/engine/types';
import { buildSampleWorkbook } from '../../src/sample/buildSampleWorkbook';
import { messages } from '../../src/taskpane/i18n/messages';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic.cjs';
import type { FakeSheetSpec } from '../fakes/buildFakeWorkbook';
import type { FakeOfficeConfig } from './fakeOffice';
import { bundleFakeOffice, ensureWebBuild, repo, webRoot } from './webBuild';

// End-to-end in real headless Chromium: the built pane (dist/web) served from 127.0.0.1, as the
// playground on the shared data files and as the add-in against the fake Excel (tests/fakes) standing in
// for Office.js. Screenshots go to test-output/screenshots/.

const data = path.resolve(repo, '..', 'shared', 'data');
const screenshots = path.join(repo, 'test-output', 'screenshots');
const downloads = path.join(repo, 'test-output', 'downloads');

let server: StaticServer;
let browser: Browser;
/** Every URL any page asked for, to prove nothing leaves the page's origin. */
const requested: string[] = [];
/** Console errors about the Content-Security-Policy. */
const cspViolations: string[] = [];
/** Uncaught errors in any page. */
const pageErrors: string[] = [];

jest.setTimeout(300_000);

beforeAll(async () => {
  ensureWebBuild();
  const fakeOffice = await bundleFakeOffice();
  mkdirSync(screenshots, { recursive: true });
  mkdirSync(downloads, { recursive: true });
  // excel.html: the add-in page with Office.js swapped for the fake; everything else is dist/web as built.
  const taskpaneHtml = readFileSync(path.join(webRoot, 'taskpane.html'), 'utf8');
  server = await serveStatic({
    root: webRoot,
    overrides: {
      '/excel.html': () => taskpaneHtml.replace('office-js/office.js', 'fake-office.js'),
      '/fake-office.js': () => fakeOffice,
    },
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

async function newPage(
  options: { locale?: string; colorScheme?: 'light' | 'dark' } = {},
): Promise<{ context: BrowserContext; page: Page; workers: string[] }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 420, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const workers: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
      cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => {
    pageErrors.push(error.message);
  });
  return { context, page, workers };
}

/** Customer counts per tier as the results table shows them. */
async function shownTierCounts(page: Page, t = messages.en): Promise<number[]> {
  const cells = page
    .getByRole('table', { name: t.pyramidTitle })
    .locator('tbody tr[data-tier] td:nth-of-type(1)');
  return (await cells.allTextContents()).map((text) => Number(text.replace(/[^\d]/g, '')));
}

async function expectedFromNode(host: FileWorkbookHost): Promise<{ customers: number; tiers: number[] }> {
  const run = await runAnalysis(host, {}, { write: false });
  const tiers = [1, 2, 3, 4, 5].map(
    (tier) => run.result.customers.filter((c) => c.pyramidTier === tier).length,
  );
  return { customers: run.result.customers.length, tiers };
}

async function analyseFileInPlayground(
  file: string,
  shot: string,
): Promise<{ page: Page; context: BrowserContext; workers: string[] }> {
  const t = messages.en;
  const { context, page, workers } = await newPage();
  await page.goto(`${server.url}/`);
  await page.getByRole('button', { name: t.openFile }).waitFor();
  // Click one: open the file (the chooser is driven through its input).
  await page.locator('input[type=file]').setInputFiles(file);
  await page.getByText(t.allColumnsFound).waitFor({ timeout: 120_000 });
  await page.screenshot({ path: path.join(screenshots, `${shot}-found.png`), fullPage: true });
  // Click two: Analyse.
  await page.getByRole('button', { name: t.analyze, exact: true }).click();
  await page.getByRole('heading', { name: t.resultsTitle }).waitFor({ timeout: 180_000 });
  await page.screenshot({ path: path.join(screenshots, `${shot}-results.png`), fullPage: true });
  return { page, context, workers };
}

async function downloadAndOpen(page: Page, name: string): Promise<Workbook> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: messages.en.downloadResult }).click(),
  ]);
  const saved = path.join(downloads, name);
  await download.saveAs(saved);
  expect(download.suggestedFilename()).toMatch(/\(analysis\)\.xlsx$/);
  const workbook = new Workbook();
  await workbook.xlsx.readFile(saved);
  return workbook;
}

describe('playground (plain web page, file host in the browser)', () => {
  test('superstore.xlsx: open, Analyse, results agree with the engine in Node, the download is a valid workbook', async () => {
    const file = path.join(data, 'superstore.xlsx');
    const { page, context, workers } = await analyseFileInPlayground(file, 'playground-superstore');
    const expected = await expectedFromNode(
      await FileWorkbookHost.fromXlsx(readFileSync(file), 'superstore.xlsx'),
    );
    expect(await shownTierCounts(page)).toEqual(expected.tiers);
    await page.getByText(messages.en.resultsSummary(expected.customers, 9994), { exact: false }).waitFor();
    // The engine ran in the Web Worker, not on the page's thread.
    expect(workers.some((url) => url.endsWith('/analysisWorker.js'))).toBe(true);
    // Analyse again: the run goes to the worker kept from the first one, not to a new worker.
    const cancel = messages.en.cancel;
    const secondRunDone = page.evaluate(
      (cancelText) =>
        new Promise<void>((resolve) => {
          let running = false;
          const observer = new MutationObserver(() => {
            const cancelShown = [...document.querySelectorAll('button')].some(
              (button) => button.textContent === cancelText,
            );
            if (cancelShown) running = true;
            else if (running) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }),
      cancel,
    );
    await page.getByRole('button', { name: messages.en.analyze, exact: true }).click();
    await secondRunDone;
    expect(await shownTierCounts(page)).toEqual(expected.tiers);
    expect(workers.filter((url) => url.endsWith('/analysisWorker.js'))).toHaveLength(1);
    const output = await downloadAndOpen(page, 'superstore (analysis).xlsx');
    const names = output.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'Orders',
        sheetName('pyramid', 'en'),
        sheetName('svcd', 'en'),
        sheetName('customers', 'en'),
      ]),
    );
    const customers = output.getWorksheet(sheetName('customers', 'en'))!;
    expect(customers.rowCount - 1).toBe(expected.customers);
    await context.close();
  });

  test('online_retail_2010-12.csv: open, Analyse, results agree with the engine in Node, the download is a valid workbook', async () => {
    const file = path.join(data, 'online_retail_2010-12.csv');
    const { page, context } = await analyseFileInPlayground(file, 'playground-retail');
    const expected = await expectedFromNode(
      FileWorkbookHost.fromCsv(readFileSync(file, 'utf8'), 'online_retail_2010-12.csv'),
    );
    expect(await shownTierCounts(page)).toEqual(expected.tiers);
    // Rows with a blank customer id are skipped and the pane says so.
    await page.getByText(/rows were skipped/).waitFor();
    const output = await downloadAndOpen(page, 'online_retail (analysis).xlsx');
    expect(output.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining([sheetName('pyramid', 'en'), sheetName('dataIssues', 'en')]),
    );
    await context.close();
  });

  test.each<Language>(['en', 'zh-CN'])(
    '%s: Insert sample data, then Analyse — two clicks to a finished analysis',
    async (language) => {
      const t = messages[language];
      const { page, context } = await newPage({ locale: language === 'en' ? 'en-US' : 'zh-CN' });
      await page.goto(`${server.url}/`);
      await page.getByRole('button', { name: t.insertSample }).click();
      await page.getByText(t.allColumnsFound).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: t.analyze, exact: true }).click();
      await page.getByRole('heading', { name: t.resultsTitle }).waitFor({ timeout: 120_000 });
      await page.screenshot({
        path: path.join(screenshots, `playground-sample-${language}.png`),
        fullPage: true,
      });
      await page.getByRole('button', { name: t.sheetsTitle }).click();
      const sheets = await page.locator('[data-section="sheets"]').textContent();
      expect(sheets).toContain(sheetName('pyramid', language));
      expect(sheets).toContain(sheetName('svcd', language));
      await context.close();
    },
  );

  test('follows the browser: Chinese and dark theme', async () => {
    const t = messages['zh-CN'];
    const { page, context } = await newPage({ locale: 'zh-CN', colorScheme: 'dark' });
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: t.openFile }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    const background = await page.evaluate(
      () => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor,
    );
    const [r = 255, g = 255, b = 255] = (background.match(/\d+/g) ?? []).map(Number);
    expect((r + g + b) / 3).toBeLessThan(80);
    await page.screenshot({ path: path.join(screenshots, 'playground-zh-dark.png'), fullPage: true });
    await context.close();
  });
});

function sampleSheets(language: Language): FakeSheetSpec[] {
  return buildSampleWorkbook(language).sheets.map((sheet) => ({
    name: sheet.name,
    rows: [sheet.headers, ...sheet.rows],
  }));
}

async function openExcelPane(
  config: FakeOfficeConfig,
): Promise<{ page: Page; context: BrowserContext; workers: string[] }> {
  const opened = await newPage();
  await opened.page.addInitScript((c) => {
    (window as unknown as { __fakeOfficeConfig: unknown }).__fakeOfficeConfig = c;
  }, config);
  await opened.page.goto(`${server.url}/excel.html`);
  return opened;
}

interface WorkbookView {
  visibleSheets: string[];
  customersHeaders: (string | number | boolean | null)[];
}

async function viewWorkbook(page: Page, customersSheet: string): Promise<WorkbookView> {
  return page.evaluate((sheet) => {
    const workbook = (
      window as unknown as {
        __fakeWorkbook: {
          sheets: { name: string; visibility: string }[];
          values: (sheet: string, address: string) => (string | number | boolean | null)[][];
        };
      }
    ).__fakeWorkbook;
    return {
      visibleSheets: workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name),
      customersHeaders: (workbook.values(sheet, 'A1:Z1')[0] ?? []).filter((v) => v !== null),
    };
  }, customersSheet);
}

describe.each<Language>(['en', 'zh-CN'])('inside Excel (fake Excel), %s', (language) => {
  const t = messages[language];
  const sample = buildSampleWorkbook(language);
  const customersSheet = sample.sheets[0]!.name;

  test('a workbook holding the sample tables: Analyse writes our columns and the summary sheets', async () => {
    const { page, context, workers } = await openExcelPane({
      displayLanguage: language === 'en' ? 'en-US' : 'zh-CN',
      bodyBackgroundColor: '#ffffff',
      sheets: sampleSheets(language),
    });
    await page.getByText(t.allColumnsFound).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: t.reviewColumns }).click();
    await page.getByRole('group', { name: t.tableKinds.customers }).waitFor();
    const before = await viewWorkbook(page, customersSheet);
    expect(before.visibleSheets).toEqual(sample.sheets.map((s) => s.name));
    await page.getByRole('button', { name: t.analyze, exact: true }).click();
    await page.getByRole('heading', { name: t.resultsTitle }).waitFor({ timeout: 120_000 });
    await page.screenshot({ path: path.join(screenshots, `excel-${language}-results.png`), fullPage: true });
    const after = await viewWorkbook(page, customersSheet);
    expect(after.visibleSheets).toEqual(
      expect.arrayContaining([
        ...sample.sheets.map((s) => s.name),
        sheetName('pyramid', language),
        sheetName('svcd', language),
        sheetName('visitPlan', language),
      ]),
    );
    expect(after.customersHeaders.slice(0, before.customersHeaders.length)).toEqual(before.customersHeaders);
    expect(after.customersHeaders.length).toBeGreaterThan(before.customersHeaders.length);
    expect(workers.some((url) => url.endsWith('/analysisWorker.js'))).toBe(true);
    // The summary-sheet links and Undo are keyboard-reachable buttons.
    await page.getByRole('button', { name: t.undoLastRun }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(t.undone).waitFor();
    expect((await viewWorkbook(page, customersSheet)).visibleSheets).toEqual(before.visibleSheets);
    await context.close();
  });

  test('an empty workbook: Insert sample data, then Analyse — two clicks', async () => {
    const { page, context } = await openExcelPane({
      displayLanguage: language === 'en' ? 'en-US' : 'zh-CN',
      bodyBackgroundColor: '#ffffff',
      sheets: [{ name: language === 'en' ? 'Sheet1' : '工作表1', rows: [] }],
    });
    await page.getByRole('button', { name: t.insertSample }).click();
    await page.getByText(t.allColumnsFound).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: t.analyze, exact: true }).click();
    await page.getByRole('heading', { name: t.resultsTitle }).waitFor({ timeout: 120_000 });
    await page.screenshot({
      path: path.join(screenshots, `excel-${language}-sample-two-clicks.png`),
      fullPage: true,
    });
    const after = await viewWorkbook(page, customersSheet);
    expect(after.visibleSheets).toEqual(
      expect.arrayContaining([...sample.sheets.map((s) => s.name), sheetName('pyramid', language)]),
    );
    await context.close();
  });
});

describe('privacy', () => {
  test('the add-in page with the real Office.js, opened outside Office, falls back to the playground and stays on its origin', async () => {
    const { page, context } = await newPage();
    await page.goto(`${server.url}/taskpane.html`);
    await page.getByRole('button', { name: messages.en.openFile }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1000);
    await context.close();
  });

  test('no page made a request outside its own origin (checked over every test above)', () => {
    expect(requested.length).toBeGreaterThan(20);
    const outside = requested.filter(
      (url) => !url.startsWith(`${server.url}/`) && !url.startsWith(`blob:${server.url}/`),
    );
    expect(outside).toEqual([]);
  });

  test('no page threw an uncaught error', () => {
    expect(pageErrors).toEqual([]);
  });

  test('the pages ran within their Content-Security-Policy (no eval, no inline script)', () => {
    const unexpected = cspViolations.filter((text) => !/frame-src/.test(text));
    expect(unexpected).toEqual([]);
    const html = readFileSync(path.join(webRoot, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/Content-Security-Policy/);
    expect(html).not.toMatch(/unsafe-eval/);
    expect(html).toMatch(/script-src 'self'/);
  });
});
