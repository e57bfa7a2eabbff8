import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, with nothing that would reach the network on its own (background
 * networking, component updates, sync): the browser every end-to-end test drives.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
