import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic.cjs';
import type { Language } from '../../src/engine/types';
import { sampleWorkbookToXlsx } from '../../src/host/file/sampleWorkbookToXlsx';
import { buildSampleWorkbook } from '../../src/sample/buildSampleWorkbook';
import { messages } from '../../src/taskpane/i18n/messages';
import { launchChromium } from './launchChromium';
import { ensureWebBuild, repo, webRoot } from './webBuild';
import { mouseClick } from './mouseClick';
import { settledScreenshot } from './settledScreenshot';

// "This week" in the pane, as a person sees it (issue 16): the sample workbook opened in headless Chromium
// at task-pane width (360 px) and on a desktop (1280 px), Analyse clicked, the section opened with the
// mouse, in English and in Chinese. Screenshots in test-output/screenshots/this-week-*.png.

const screenshots = path.join(repo, 'test-output', 'screenshots');
let server: StaticServer;
let browser: Browser;
let tmp: string;
const files: Partial<Record<Language, string>> = {};

jest.setTimeout(600_000);

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(screenshots, { recursive: true });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-thisweek-'));
  for (const language of ['en', 'zh-CN'] as const) {
    files[language] = path.join(tmp, `sample-${language}.xlsx`);
    writeFileSync(files[language], await sampleWorkbookToXlsx(buildSampleWorkbook(language)));
  }
  server = await serveStatic({ root: webRoot });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

for (const [language, width] of [
  ['en', 360],
  ['en', 1280],
  ['zh-CN', 360],
] as const) {
  test(`${language} at ${String(width)} px: calls per rep with their reasons`, async () => {
    const t = messages[language];
    const context = await browser.newContext({ locale: language, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('input[type=file]').setInputFiles(files[language]!);
    await mouseClick(page, page.getByRole('button', { name: messages[language].analyze, exact: true }));
    await page.getByRole('heading', { name: t.resultsTitle }).waitFor({ timeout: 180_000 });
    await mouseClick(page, page.getByRole('button', { name: t.callsTitle, exact: true }));
    const section = page.locator('[data-section="calls"]');
    await section.locator('[data-rep]').first().waitFor();
    const reps = await section.locator('[data-rep]').count();
    expect(reps).toBeGreaterThanOrEqual(2);
    const text = (await section.textContent()) ?? '';
    // Per rep, how many calls each reason brings; the calls on a fixed day (birthdays, anniversaries,
    // follow-ups, win-backs) are shown before the sample's long backlog of overdue visits.
    expect(await section.locator('[data-reasons]').count()).toBe(reps);
    for (const label of language === 'en'
      ? ['Birthday', 'Anniversary', 'Service follow-up', 'Win back', 'Visit due']
      : ['生日', '纪念日', '售后回访', '挽回', '拜访到期'])
      expect(text).toContain(label);
    expect(text).toContain(language === 'en' ? 'more on the sheet "Calls' : '见"电话清单');
    const box = await section.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    await section.scrollIntoViewIfNeeded();
    await settledScreenshot(page, path.join(screenshots, `this-week-${language}-${String(width)}.png`));
    await context.close();
  });
}
