// Browser entry bundled by the end-to-end tests in place of Office.js: installs an `Office` global that
// says "this is Excel" and the fake `Excel` (tests/fakes) over a workbook described by
// `window.__fakeOfficeConfig` (set by the test with page.addInitScript). The workbook stays reachable as
// `window.__fakeWorkbook` so the test can check what the pane wrote.
import { buildFakeWorkbook, type FakeSheetSpec } from '../fakes/buildFakeWorkbook';
import type { FakeWorkbook } from '../fakes/FakeWorkbook';
import { installFakeExcel } from '../fakes/installFakeExcel';

/** What the test passes to the page. */
export interface FakeOfficeConfig {
  displayLanguage: string;
  bodyBackgroundColor: string;
  sheets: FakeSheetSpec[];
}

// The fake measures request payloads with Node's Buffer.byteLength; the browser has TextEncoder.
const globals = globalThis as unknown as { Buffer?: { byteLength: (text: string) => number } };
globals.Buffer ??= { byteLength: (text: string) => new TextEncoder().encode(text).length };

const page = window as unknown as {
  __fakeOfficeConfig?: FakeOfficeConfig;
  __fakeWorkbook?: FakeWorkbook;
  Office?: unknown;
};
const config: FakeOfficeConfig = page.__fakeOfficeConfig ?? {
  displayLanguage: 'en-US',
  bodyBackgroundColor: '#ffffff',
  sheets: [],
};
const workbook = buildFakeWorkbook({ sheets: config.sheets });
installFakeExcel(workbook);
page.__fakeWorkbook = workbook;
page.Office = {
  HostType: { Excel: 'Excel' },
  PlatformType: { OfficeOnline: 'OfficeOnline' },
  onReady: () => Promise.resolve({ host: 'Excel', platform: 'OfficeOnline' }),
  context: {
    displayLanguage: config.displayLanguage,
    officeTheme: {
      bodyBackgroundColor: config.bodyBackgroundColor,
      bodyForegroundColor: '#000000',
      controlBackgroundColor: config.bodyBackgroundColor,
      controlForegroundColor: '#000000',
    },
  },
};
