import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic.cjs';
import { isoFromDay } from '../../src/engine/dayNumbers';
import type { Movement } from '../../src/engine/movement/types';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { runAnalysis } from '../../src/host/runAnalysis';
import { formatShare } from '../../src/taskpane/formatShare';
import { messages } from '../../src/taskpane/i18n/messages';
import { sharedData } from '../cli/sharedData';
import { launchChromium } from './launchChromium';
import { ensureWebBuild, repo, webRoot } from './webBuild';
import { mouseClick } from './mouseClick';
import { settledScreenshot } from './settledScreenshot';

// Movement and loyalty in the pane, as a person sees it: superstore.xlsx opened in headless Chromium at
// task-pane width (360 px) and on a desktop (1280 px), in English and 简体中文, Analyse, the "Movement and
// loyalty" section opened with the mouse; its line of counts equals the engine's movement of the same file;
// then the comparison switched off with the mouse and analysed again. Screenshots in
// test-output/screenshots/movement-*.png.

const screenshots = path.join(repo, 'test-output', 'screenshots');
const file = sharedData('superstore.xlsx');
let server: StaticServer;
let browser: Browser;
let movement: Movement;

jest.setTimeout(300_000);

beforeAll(async () => {
  ensureWebBuild();
  mkdirSync(screenshots, { recursive: true });
  const run = await runAnalysis(
    await FileWorkbookHost.fromXlsx(readFileSync(file), 'superstore.xlsx'),
    {},
    {
      write: false,
    },
  );
  movement = run.result.outputs.movement!;
  server = await serveStatic({ root: webRoot });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** The engine's counts, as the pane words them. */
function expectedLines(language: 'en' | 'zh-CN'): string[] {
  const t = messages[language];
  let up = 0;
  let down = 0;
  let added = 0;
  for (const m of movement.customers) {
    if (m.tierChange === 'new') added++;
    else if (m.tierChange?.startsWith('up') === true) up++;
    else if (m.tierChange?.startsWith('down') === true) down++;
  }
  return [
    t.movementLine(up, down, added),
    t.retentionLine(formatShare(movement.retention.rate, 'en'), movement.retention.earlierBuyers),
  ];
}

for (const [width, locale] of [
  [360, 'en'],
  [1280, 'en'],
  [360, 'zh-CN'],
] as const) {
  test(`${width} px, ${locale}: the movement section shows the engine's counts; the comparison can be switched off`, async () => {
    const t = messages[locale];
    const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.locator('input[type=file]').setInputFiles(file);
    await mouseClick(page, page.getByRole('button', { name: t.analyze, exact: true }));
    await page.getByRole('heading', { name: t.resultsTitle }).waitFor({ timeout: 120_000 });
    await mouseClick(page, page.getByRole('button', { name: t.movementTitle, exact: true }));
    const section = page.locator('[data-section="movement"]');
    await section.locator('[data-testid="movement-line"]').waitFor();
    const [line, retention] = expectedLines(locale);
    expect(await section.locator('[data-testid="movement-line"]').textContent()).toBe(line);
    expect(await section.locator('[data-testid="retention-line"]').textContent()).toBe(retention);
    expect(await section.textContent()).toContain(
      t.comparedLine(isoFromDay(movement.previousAsOf), false, movement.settings.compareMonths),
    );
    const box = await section.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    await section.scrollIntoViewIfNeeded();
    await settledScreenshot(page, path.join(screenshots, `movement-${width}-${locale}.png`));

    if (width === 1280) {
      // Switch the comparison off with the mouse and analyse again: no movement, no movement columns.
      await mouseClick(page, section.getByRole('radio', { name: t.compareOff, exact: true }));
      await mouseClick(page, page.getByRole('button', { name: t.analyze, exact: true }));
      await page
        .locator('[data-section="movement"] [data-testid="movement-off"]')
        .waitFor({ timeout: 120_000 });
      expect(await page.locator('[data-section="movement"] [data-testid="movement-line"]').count()).toBe(0);
      const off = page.locator('[data-section="movement"]');
      expect(await off.locator('[data-testid="movement-off"]').textContent()).toBe(t.movementOff);
      await off.scrollIntoViewIfNeeded();
      // Let the accordion's opening motion finish before the picture.
      await page.waitForTimeout(800);
      await page.screenshot({ path: path.join(screenshots, `movement-${width}-${locale}-off.png`) });
    }
    await context.close();
  });
}
