import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic.cjs';
import { messages } from '../../src/taskpane/i18n/messages';
import { writeCdnowCsv } from '../helpers/cdnowCsv';
import { launchChromium } from './launchChromium';
import { ensureWebBuild, repo, webRoot } from './webBuild';
import { mouseClick } from './mouseClick';
import { settledScreenshot } from './settledScreenshot';

// The Value outlook in the pane, as a person sees it: the CDNOW sample as a CSV opened in headless Chromium
// at task-pane width (360 px) and on a desktop (1280 px), Analyse, the "Value outlook" section opened with
// the mouse; then churn risk switched to the value model with the mouse. Screenshots in
// test-output/screenshots/value-outlook-*.png.

const screenshots = path.join(repo, 'test-output', 'screenshots');
const t = messages.en;
let server: StaticServer;
let browser: Browser;
let csv: string;
let tmp: string;

jest.setTimeout(300_000);

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(screenshots, { recursive: true });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-outlook-'));
  csv = writeCdnowCsv(tmp);
  server = await serveStatic({ root: webRoot });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function analysedPage(width: number): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await page.locator('input[type=file]').setInputFiles(csv);
  await mouseClick(page, page.getByRole('button', { name: t.analyze, exact: true }));
  await page.getByRole('heading', { name: t.resultsTitle }).waitFor({ timeout: 120_000 });
  return page;
}

for (const width of [360, 1280]) {
  test(`${width} px: the Value outlook section shows the totals, the holdout line and who to call first`, async () => {
    const page = await analysedPage(width);
    await mouseClick(page, page.getByRole('button', { name: 'Value outlook', exact: true }));
    const section = page.locator('[data-section="outlook"]');
    await section.locator('[data-outlook="fitted"]').waitFor();
    const terms = await section.getByRole('term').allTextContents();
    expect(terms).toEqual([
      'Expected purchases, next 90 days',
      'Predicted value, next 12 months',
      'Customers more likely still a customer than not',
    ]);
    expect(await section.locator('[data-holdout]').textContent()).toMatch(
      /^Holdout check: the model expected /u,
    );
    const callFirst = section.getByRole('list', { name: 'Valuable but slipping: call these first' });
    expect(await callFirst.getByRole('listitem').count()).toBe(5);
    // Nothing spills past the pane's width.
    const box = await section.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    await section.scrollIntoViewIfNeeded();
    await settledScreenshot(page, path.join(screenshots, `value-outlook-${width}.png`));
    await page.context().close();
  });
}

test('360 px: churn risk switched to the value model with the mouse changes the counts and the hint', async () => {
  const page = await analysedPage(360);
  await mouseClick(page, page.getByRole('button', { name: t.churnTitle, exact: true }));
  const section = page.locator('[data-section="churn"]');
  await section.getByText(t.churnHint).waitFor();
  const before = await section.getByRole('table').textContent();
  const model = section.getByRole('radio', { name: t.churnFromOptions.model });
  await mouseClick(page, model);
  expect(await model.isChecked()).toBe(true);
  await section.getByText(t.churnHintModel).waitFor({ timeout: 120_000 });
  expect(await section.getByRole('table').textContent()).not.toBe(before);
  await section.scrollIntoViewIfNeeded();
  await settledScreenshot(page, path.join(screenshots, 'value-outlook-churn-model-360.png'));
  await page.context().close();
});
