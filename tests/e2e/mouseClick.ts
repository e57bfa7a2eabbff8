import type { Locator, Page } from 'playwright-core';

/**
 * Clicks the middle of an element with the mouse, as a person would: scrolled into view first, and only
 * once it has stopped moving. A section that has just opened still grows for a few frames (Fluent's
 * animation), and a click at where the element was a frame ago lands on something else.
 *
 * @throws Error when the element has no box on screen.
 */
export async function mouseClick(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  let box = await target.boundingBox();
  for (let frame = 0; frame < 60; frame++) {
    await page.waitForTimeout(50);
    const next = await target.boundingBox();
    const still =
      box !== null &&
      next !== null &&
      next.x === box.x &&
      next.y === box.y &&
      next.width === box.width &&
      next.height === box.height;
    box = next;
    if (still) break;
  }
  if (box === null) throw new Error('The element has no box on screen.');
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}
