import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './launchChromium';
import type { Language } from '../../src/engine/types';
import { messages } from '../../src/taskpane/i18n/messages';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic.cjs';
import { encodeGb18030 } from '../taskpane/encodeGb18030';
import { inkShare, pngPixels } from './pngPixels';
import { ensureWebBuild, repo, webRoot } from './webBuild';
import { mouseClick } from './mouseClick';
import { settledScreenshot } from './settledScreenshot';

// The pane as a person uses it in headless Chromium, at task-pane width (360 px) and on a desktop (1280 px):
// every dropdown clicked with the mouse at its real coordinates, Analyse and the results in view without
// scrolling, and the page never frozen for long while a 1.35 MB workbook is read and analysed.
// Screenshots go to test-output/screenshots/.

const data = path.resolve(repo, '..', 'shared', 'data');
const screenshots = path.join(repo, 'test-output', 'screenshots');
const fixtures = path.join(repo, 'test-output', 'fixtures');

/**
 * The longest main-thread task allowed while a file is opened and analysed, in ms: the goal of issue 17.
 * Reading the workbook and its columns, the engine and writing the result run in workers; what is left on
 * the page (receiving the columns and the results, the results' first render) measured 50–126 ms here on
 * the 2-core build machine at load average 3–5, and up to 174 ms at load 8 (the log line prints them every
 * run). Before the file worker the page froze for up to 3 s.
 */
const longTaskBoundMs = 200;

let server: StaticServer;
let browser: Browser;

jest.setTimeout(300_000);

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(screenshots, { recursive: true });
  mkdirSync(fixtures, { recursive: true });
  server = await serveStatic({ root: webRoot });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

async function openPage(width: number, language: Language = 'en'): Promise<Page> {
  const context = await browser.newContext({
    locale: language === 'en' ? 'en-US' : 'zh-CN',
    viewport: { width, height: 800 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const tasks: number[] = [];
    (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(Math.round(entry.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}/`);
  return page;
}

async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
    return tasks.splice(0, tasks.length);
  });
}

function inViewport(box: { y: number; height: number } | null, height = 800): boolean {
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

describe.each([360, 1280])('at %i px wide', (width) => {
  test('every dropdown opens with a mouse click and shows its options on a page that stays visible', async () => {
    const t = messages.en;
    const page = await openPage(width);
    await mouseClick(page, page.getByRole('button', { name: t.insertSample }));
    await page.getByText(t.allColumnsFound).waitFor({ timeout: 60_000 });
    await mouseClick(page, page.getByRole('button', { name: t.reviewColumns }));
    await mouseClick(page, page.getByRole('button', { name: t.settingsTitle }));
    const boxes = page.getByRole('combobox');
    const count = await boxes.count();
    // Language, sample language, 17 column-mapping dropdowns (sales 10, customers 4, visits 3), language of results.
    expect(count).toBe(20);
    const names: string[] = [];
    for (let i = 0; i < count; i++) {
      const box = boxes.nth(i);
      names.push((await box.getAttribute('aria-label')) ?? (await box.textContent()) ?? '');
      await mouseClick(page, box);
      const listbox = page.getByRole('listbox');
      await listbox.waitFor({ state: 'visible', timeout: 5000 });
      const options = listbox.getByRole('option');
      expect(await options.count()).toBeGreaterThan(0);
      const first = await options.first().boundingBox();
      expect(first).not.toBeNull();
      // The option is what is on top at its own position (not a layer covering the page).
      const onTop = await page.evaluate(
        ({ x, y }) => document.elementFromPoint(x, y)?.closest('[role=option]') !== null,
        { x: first!.x + first!.width / 2, y: first!.y + first!.height / 2 },
      );
      expect(onTop).toBe(true);
      // The page did not go blank: a white layer over everything leaves no ink at all.
      const shot = await page.screenshot();
      expect(inkShare(pngPixels(shot))).toBeGreaterThan(0.01);
      if (i === 0 || i === 2 || i === count - 1)
        writeFileSync(path.join(screenshots, `dropdown-open-${String(width)}-${String(i)}.png`), shot);
      // Close it again with the mouse: a click on the dropdown itself.
      await mouseClick(page, box);
      await listbox.waitFor({ state: 'hidden', timeout: 5000 });
    }
    expect(names.filter((name) => name.startsWith('Column used as'))).toHaveLength(17);
    // Choosing with the mouse works too: the page switches to Chinese.
    await mouseClick(page, page.getByRole('combobox', { name: t.languageLabel, exact: true }));
    await mouseClick(page, page.getByRole('option', { name: messages['zh-CN'].languageNames['zh-CN'] }));
    await page.getByRole('button', { name: messages['zh-CN'].analyze, exact: true }).waitFor();
    await page.context().close();
  });
});

test.each([360, 1280])(
  '%i×800: after opening superstore.xlsx Analyse is in view; after Analyse the results are in view and focused; no main-thread task over 200 ms',
  async (width) => {
    const t = messages.en;
    const page = await openPage(width);
    await takeLongTasks(page);
    const started = Date.now();
    await page.locator('input[type=file]').setInputFiles(path.join(data, 'superstore.xlsx'));
    // While the file is read the page answers: the reading status shows seconds counting.
    await page.getByText(/Reading superstore\.xlsx… \d+\.\d s/).waitFor({ timeout: 10_000 });
    const analyse = page.getByRole('button', { name: t.analyze, exact: true });
    await page.getByText(t.allColumnsFound).waitFor({ timeout: 120_000 });
    await expect(analyse.isEnabled()).resolves.toBe(true);
    const openMs = Date.now() - started;
    const openTasks = await takeLongTasks(page);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(inViewport(await analyse.boundingBox())).toBe(true);
    await page.screenshot({ path: path.join(screenshots, `pane-${String(width)}-en-opened.png`) });

    const clicked = Date.now();
    await mouseClick(page, analyse);
    // The progress while it analyses: the bar, the stage and the seconds.
    await page.getByRole('progressbar').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, `pane-${String(width)}-en-analysing.png`) });
    // And once the engine computes, unless the run is already over by then.
    const computing = await page.waitForFunction(
      (stage) =>
        document.querySelector('[role=progressbar]')?.getAttribute('aria-valuetext') === stage ||
        document.getElementById('results-title') !== null,
      t.stages.computing,
      { timeout: 180_000 },
    );
    await computing.dispose();
    if ((await page.getByText(t.stages.computing).count()) > 0)
      await page.screenshot({ path: path.join(screenshots, `pane-${String(width)}-en-computing.png`) });
    const heading = page.getByRole('heading', { name: t.resultsTitle });
    await heading.waitFor({ timeout: 180_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'results-title');
    const analyseMs = Date.now() - clicked;
    const analyseTasks = await takeLongTasks(page);
    // The first results — the period, the customer counts and the top of the pyramid — are on screen.
    expect(inViewport(await heading.boundingBox())).toBe(true);
    expect(inViewport(await page.getByTestId('results-period').boundingBox())).toBe(true);
    expect(inViewport(await page.getByTestId('results-customers').boundingBox())).toBe(true);
    await page.screenshot({ path: path.join(screenshots, `pane-${String(width)}-en-results.png`) });
    await page.screenshot({
      path: path.join(screenshots, `pane-${String(width)}-en-results-full.png`),
      fullPage: true,
    });
    // Every method has its section: open the folded ones with the mouse and look at all of them.
    for (const title of [t.abcTitle, t.rfmTitle, t.churnTitle, t.visitsTitle])
      await mouseClick(page, page.getByRole('button', { name: title, exact: true }));
    for (const table of [t.abcTitle, t.rfmTitle, t.churnTitle, t.visitsTitle])
      await page.getByRole('table', { name: table, exact: true }).waitFor();
    await settledScreenshot(page, path.join(screenshots, `pane-${String(width)}-en-all-sections.png`), {
      fullPage: true,
    });
    const sectionTasks = await takeLongTasks(page);
    const all = [...openTasks, ...analyseTasks, ...sectionTasks];
    console.log(
      `superstore.xlsx at ${String(width)} px: opened in ${String(openMs)} ms (long tasks ${JSON.stringify(openTasks)}), analysed in ${String(analyseMs)} ms (long tasks ${JSON.stringify(analyseTasks)}), sections opened (long tasks ${JSON.stringify(sectionTasks)})`,
    );
    expect(Math.max(0, ...all)).toBeLessThan(longTaskBoundMs);
    await page.context().close();
  },
);

test('a settings change updates the figure beside the control: a typed SVCD threshold moves customers between segments', async () => {
  const t = messages.en;
  const page = await openPage(360);
  await mouseClick(page, page.getByRole('button', { name: t.insertSample }));
  await page.getByText(t.allColumnsFound).waitFor({ timeout: 60_000 });
  await mouseClick(page, page.getByRole('button', { name: t.analyze, exact: true }));
  await page.getByRole('heading', { name: t.resultsTitle }).waitFor({ timeout: 120_000 });
  const star = page.locator('[data-section="svcd"] [data-segment="Star"]');
  const before = await star.textContent();
  await mouseClick(page, page.getByRole('radio', { name: t.svcdTyped }));
  const amount = page.locator('[data-section="svcd"]').getByRole('textbox', { name: t.svcdAmountLabel });
  await mouseClick(page, amount);
  await amount.fill('1');
  // The matrix above the control shows the re-run's counts, while the control is still on screen.
  await page.waitForFunction(
    (old) => document.querySelector('[data-section="svcd"] [data-segment="Star"]')?.textContent !== old,
    before,
    { timeout: 60_000 },
  );
  expect(inViewport(await amount.boundingBox())).toBe(true);
  expect(inViewport(await star.boundingBox())).toBe(true);
  await page.screenshot({ path: path.join(screenshots, 'pane-360-en-threshold-changed.png') });
  await page.context().close();
});

test('Chinese all the way: the Chinese sample at 360×800, and a GB18030 CSV with Chinese headers', async () => {
  const zh = messages['zh-CN'];
  const page = await openPage(360, 'zh-CN');
  await mouseClick(page, page.getByRole('button', { name: zh.insertSample }));
  await page.getByText(zh.allColumnsFound).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: path.join(screenshots, 'pane-360-zh-opened.png') });
  await mouseClick(page, page.getByRole('button', { name: zh.analyze, exact: true }));
  await page.getByRole('heading', { name: zh.resultsTitle }).waitFor({ timeout: 120_000 });
  await page.screenshot({ path: path.join(screenshots, 'pane-360-zh-results.png') });
  await page.screenshot({ path: path.join(screenshots, 'pane-360-zh-results-full.png'), fullPage: true });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    mouseClick(page, page.getByRole('button', { name: zh.downloadResult })),
  ]);
  expect(download.suggestedFilename()).toBe('示例工作簿（分析）.xlsx');

  // A CSV as Chinese Excel saves it: GB18030, Chinese headers; the pane shows them readable.
  const rows = Array.from(
    { length: 30 },
    (_, i) => `C${String(i + 1)},2024-${String(1 + (i % 12)).padStart(2, '0')}-15,${String(100 + 37 * i)}`,
  );
  const csv = path.join(fixtures, '销售-gb18030.csv');
  writeFileSync(csv, encodeGb18030(['客户编号,销售日期,金额', ...rows].join('\r\n')));
  await page.locator('input[type=file]').setInputFiles(csv);
  await page.getByText(zh.openedFile('销售-gb18030.csv')).waitFor({ timeout: 60_000 });
  await page.getByText(zh.allColumnsFound).waitFor({ timeout: 60_000 });
  await mouseClick(page, page.getByRole('button', { name: zh.reviewColumns }));
  const idBox = page.getByRole('combobox', {
    name: zh.remapLabel(zh.fieldNames.customerId, zh.tableKinds.sales),
  });
  await expect(idBox.textContent()).resolves.toBe('客户编号');
  const sales = page.getByRole('group', { name: zh.tableKinds.sales });
  await expect(sales.textContent()).resolves.toContain(zh.tableWhere('销售-gb18030.csv', null, 30));
  await expect(
    page
      .getByRole('combobox', { name: zh.remapLabel(zh.fieldNames.date, zh.tableKinds.sales) })
      .textContent(),
  ).resolves.toBe('销售日期');
  await page.screenshot({ path: path.join(screenshots, 'pane-360-zh-gb18030-csv.png') });
  await page.context().close();
});
