// The first-run notice in real headless Chromium, as a new user meets it: the offline playground page
// (dist/web-local) opens with three lines on what the add-in does; a mouse click on "Got it" dismisses it,
// and after a reload it stays away. In a Chinese browser the lines are in Chinese. Screenshots go to
// test-output/screenshots/first-run-*.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { launchChromium } from './launchChromium';
import { messages, type Messages } from '../../src/taskpane/i18n/messages';
import { serveStatic, type StaticServer } from '../../scripts/serveStatic.cjs';
import { ensureWebBuild, repo } from './webBuild';

const screenshots = path.join(repo, 'test-output', 'screenshots');
let server: StaticServer;
let browser: Browser;
const requested: string[] = [];

jest.setTimeout(600_000);

beforeAll(async () => {
  server = await serveStatic({ root: ensureWebBuild('local') });
  mkdirSync(screenshots, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser.close();
  await server.close();
});

/** Clicks the middle of an element with the mouse, as a person would. */
async function clickAt(page: Page, name: string): Promise<void> {
  const box = await page.getByRole('button', { name }).boundingBox();
  if (box === null) throw new Error(`button ${name} is not visible`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

async function noticeLines(page: Page, t: Messages): Promise<string[]> {
  return page.getByRole('region', { name: t.firstRunTitle }).getByRole('listitem').allTextContents();
}

test.each([
  ['en-US', messages.en, 'en'],
  ['zh-CN', messages['zh-CN'], 'zh-CN'],
] as const)(
  '%s: the notice shows three lines, Got it dismisses it, and it stays away after a reload',
  async (locale, t, shot) => {
    const context = await browser.newContext({ locale, viewport: { width: 420, height: 720 } });
    const page = await context.newPage();
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${server.url}/`);
    await page.getByRole('region', { name: t.firstRunTitle }).waitFor({ timeout: 60_000 });
    expect(await noticeLines(page, t)).toEqual([...t.firstRunLines]);
    await page.screenshot({ path: path.join(screenshots, `first-run-${shot}.png`) });
    await clickAt(page, t.firstRunDismiss);
    await page.getByRole('region', { name: t.firstRunTitle }).waitFor({ state: 'detached' });
    await page.reload();
    await page.getByRole('button', { name: t.openFile }).waitFor({ timeout: 60_000 });
    expect(await page.getByRole('region', { name: t.firstRunTitle }).count()).toBe(0);
    await page.screenshot({ path: path.join(screenshots, `first-run-${shot}-dismissed.png`) });
    await context.close();
  },
);

test('the pages made no request outside their own origin', () => {
  expect(requested.length).toBeGreaterThan(4);
  expect(requested.filter((url) => !url.startsWith(`${server.url}/`))).toEqual([]);
});
