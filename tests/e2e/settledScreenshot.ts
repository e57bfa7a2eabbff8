import type { Page } from 'playwright-core';

/**
 * Takes the page's picture once its motion has ended: a section just opened fades and grows in (Fluent's
 * accordion), and a picture taken at once shows it half-transparent, overlapping what follows.
 *
 * @example await settledScreenshot(page, path.join(screenshots, 'value-outlook-360.png'), { fullPage: true });
 */
export async function settledScreenshot(
  page: Page,
  file: string,
  options: { fullPage?: boolean } = {},
): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // A frame more, for the styles the animation's end leaves.
  await page.waitForTimeout(100);
  await page.screenshot({ path: file, ...options });
}
