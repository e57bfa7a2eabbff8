import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dayFromIso } from '../../../src/engine/dayNumbers';
import {
  buildValueOutlookSheet,
  type OutlookCustomer,
} from '../../../src/engine/summary/buildValueOutlookSheet';
import type { Language } from '../../../src/engine/types';
import { checkHoldout } from '../../../src/engine/valueModel/checkHoldout';
import { defaultHoldoutStart } from '../../../src/engine/valueModel/defaultHoldoutStart';
import { fitValueModel } from '../../../src/engine/valueModel/fitValueModel';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { runAnalysis } from '../../../src/host/runAnalysis';
import { cdnowCsvText, cdnowTextPath } from '../../helpers/cdnowCsv';
import { describeWithLibreOffice } from '../../helpers/libreoffice';
import { keepOnlySheets, renderPages } from '../../helpers/renderSheets';
import { readCdnow } from '../../engine/valueModel/cdnowSample';

// Renders the Value outlook sheet of the CDNOW sample through LibreOffice to PNG (test-output/renders/
// value-outlook-*.png) for a person to look at: the published split (fit to 1997-09-30, holdout to
// 1998-06-30) in English, and the default holdout (the last third before the as-of date) in Chinese.
const renders = path.resolve(__dirname, '../../../test-output/renders');
const day = (iso: string): number => dayFromIso(iso)!;

interface Case {
  name: string;
  language: Language;
  asOf: string;
  holdoutStart: string | null;
}

const cases: Case[] = [
  {
    name: 'value-outlook-cdnow-published-en',
    language: 'en',
    asOf: '1998-06-30',
    holdoutStart: '1997-10-01',
  },
  { name: 'value-outlook-cdnow-default-zh', language: 'zh-CN', asOf: '1997-09-30', holdoutStart: null },
];

/** The customer ids of the sample in the order readCdnow numbers them (first appearance). */
function cdnowIds(): string[] {
  const ids = new Set<string>();
  for (const line of readFileSync(cdnowTextPath, 'utf8').split('\n')) {
    const id = line.trim().split(/\s+/u)[0];
    if (id !== undefined && id !== '') ids.add(id);
  }
  return [...ids];
}

describeWithLibreOffice('Value outlook sheet rendered by LibreOffice', () => {
  jest.setTimeout(300_000);
  const rows = readCdnow();
  const ids = cdnowIds();
  for (const c of cases) {
    it(`${c.name}: renders with its holdout chart`, async () => {
      const asOf = day(c.asOf);
      const fit = fitValueModel(rows.customer, rows.day, rows.amount, rows.customerCount, asOf, {
        countZeroAmounts: true,
      });
      expect(fit.valueModel).not.toBeNull();
      const first = rows.day.reduce((a, b) => Math.min(a, b));
      const start = c.holdoutStart === null ? defaultHoldoutStart(first, asOf) : day(c.holdoutStart);
      const holdout = checkHoldout(
        rows.customer,
        rows.day,
        rows.amount,
        rows.customerCount,
        start,
        asOf,
        true,
      );
      const historical = new Float64Array(rows.customerCount);
      rows.customer.forEach((k, row) => {
        if (rows.day[row]! <= asOf) historical[k]! += rows.amount[row]!;
      });
      const customers: OutlookCustomer[] = ids.map((id, k) => ({
        id,
        name: null,
        historicalValue: historical[k]!,
        pAlive: fit.predictions!.pAlive[k]!,
        expectedPurchases: fit.predictions!.expectedPurchases[k]!,
        predictedValue: fit.predictions!.predictedValue[k]!,
      }));
      const sheet = buildValueOutlookSheet({
        language: c.language,
        asOf,
        valueModel: fit.valueModel,
        reason: fit.reason,
        holdout,
        settings: { horizonDays: 90, months: 12, monthlyDiscount: 0.01 },
        customers,
      });
      const host = FileWorkbookHost.fromCsv(cdnowCsvText(), 'CDNOW_sample.csv');
      const run = await runAnalysis(host, { language: c.language, asOf: c.asOf }, { write: false });
      await host.write({ ...run.plan, columns: [], sheets: [sheet] });
      const { text, pages } = renderPages(
        await keepOnlySheets(await host.toBuffer(), [sheet.name]),
        c.name,
        renders,
        240_000,
      );
      // The printed sheet carries the title, the parameters and the holdout table's last row.
      expect(text).toContain(c.language === 'en' ? 'Value outlook' : '客户价值展望');
      expect(text).toContain('7+');
      expect(pages.length).toBeGreaterThanOrEqual(2);
    });
  }
});
