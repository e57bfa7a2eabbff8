/** @jest-environment jsdom */
import { createdObjectUrls } from './jsdomPolyfills';
import { TextDecoder } from 'node:util';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isoFromDay } from '../../src/engine/dayNumbers';
import { tierLabel } from '../../src/engine/labels';
import { App } from '../../src/taskpane/App';
import { messages } from '../../src/taskpane/i18n/messages';
import { openPlaygroundFile } from '../../src/taskpane/openPlaygroundFile';
import { encodeGb18030 } from './encodeGb18030';
import { customerCount, environment, salesRows } from './paneFixtures';

const en = messages.en;

function csvFile(name: string): File {
  const lines = salesRows().map((row, i) =>
    (i === 0 ? row : [row[0], isoFromDay(row[1] as number), row[2]]).map(String).join(','),
  );
  return new File([lines.join('\n')], name, { type: 'text/csv' });
}

test('playground: open a CSV, Analyse, and download the output workbook', async () => {
  const user = userEvent.setup();
  render(<App environment={environment('playground')} openFile={openPlaygroundFile} />);
  await user.upload(screen.getByLabelText(en.openFile, { selector: 'input' }), csvFile('shop.csv'));
  await screen.findByText(en.openedFile('shop.csv'));
  await screen.findByText(en.allColumnsFound);
  expect(screen.getByText(new RegExp(en.tableWhere('shop.csv', null, customerCount)))).toBeTruthy();
  await user.click(screen.getByRole('button', { name: en.analyze }));
  await screen.findByRole('heading', { name: en.resultsTitle }, { timeout: 15_000 });
  expect(screen.getByTestId('results-customers').textContent).toContain(
    en.resultsSummary(customerCount, customerCount),
  );
  // No Excel here: no sheet links, no undo; a download instead.
  expect(screen.queryByRole('button', { name: en.undoLastRun })).toBeNull();
  const before = createdObjectUrls.length;
  await user.click(screen.getByRole('button', { name: en.downloadResult }));
  await screen.findByText(en.resultsTitle);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(createdObjectUrls.length).toBe(before + 1);
  const bytes = new Uint8Array(await createdObjectUrls.at(-1)!.arrayBuffer());
  // An .xlsx is a zip package: it starts with "PK".
  expect(String.fromCharCode(bytes[0]!, bytes[1]!)).toBe('PK');
}, 30_000);

test('playground: a file that is neither .xlsx nor .csv gets a plain-words error', async () => {
  const user = userEvent.setup({ applyAccept: false });
  render(<App environment={environment('playground')} openFile={openPlaygroundFile} />);
  await user.upload(
    screen.getByLabelText(en.openFile, { selector: 'input' }),
    new File(['%PDF'], 'notes.pdf'),
  );
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain(en.unsupportedFile('notes.pdf'));
  expect(screen.queryByRole('button', { name: en.analyze })).toBeNull();
});

test('playground: Insert sample data opens the sample workbook in the chosen language', async () => {
  const user = userEvent.setup();
  const asked: string[] = [];
  render(
    <App
      environment={environment('playground', 'zh-CN')}
      openFile={openPlaygroundFile}
      sampleFile={(language) => {
        asked.push(language);
        return Promise.resolve(csvFile(`sample-${language}.csv`));
      }}
    />,
  );
  const zh = messages['zh-CN'];
  await user.click(screen.getByRole('button', { name: zh.insertSample }));
  await screen.findByText(zh.openedFile('sample-zh-CN.csv'));
  expect(asked).toEqual(['zh-CN']);
  expect(screen.getByRole('button', { name: zh.analyze })).toBeTruthy();
});

test('playground: a CSV saved by Chinese Excel (GB18030) shows its Chinese headers, and results default to Chinese', async () => {
  const user = userEvent.setup();
  const lines = [
    '客户编号,销售日期,金额',
    ...Array.from(
      { length: 12 },
      (_, i) => `C${String(i + 1)},2024-0${String(1 + (i % 9))}-1${String(i % 9)},${String(100 * (i + 1))}`,
    ),
  ];
  const bytes = encodeGb18030(lines.join('\r\n'));
  // Read as UTF-8 these bytes are not valid: the page must not show replacement characters.
  expect(new TextDecoder('utf-8').decode(bytes)).toContain('\ufffd');
  const named: string[] = [];
  const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    named.push(this.download);
  });
  // The pane is in English; only the headers are Chinese.
  render(<App environment={environment('playground')} openFile={openPlaygroundFile} />);
  await user.upload(
    screen.getByLabelText(en.openFile, { selector: 'input' }),
    new File([bytes.slice().buffer], '销售.csv', { type: 'text/csv' }),
  );
  await screen.findByText(en.allColumnsFound);
  await user.click(screen.getByRole('button', { name: en.reviewColumns }));
  const sales = await screen.findByRole('group', { name: en.tableKinds.sales });
  const idBox = within(sales).getByRole('combobox', {
    name: en.remapLabel(en.fieldNames.customerId, en.tableKinds.sales),
  });
  expect(idBox.textContent).toBe('客户编号');
  await user.click(screen.getByRole('button', { name: en.analyze }));
  await screen.findByRole('heading', { name: en.resultsTitle }, { timeout: 15_000 });
  // Results in Chinese: the pyramid's tier labels come from the engine's Chinese labels.
  const tiers = screen.getByRole('table', { name: en.pyramidTitle });
  expect(tiers.querySelector('th[data-tier-title="1"]')!.textContent).toContain(tierLabel(1, 'zh-CN'));
  expect(tiers.querySelector('td[data-outcome="1"]')!.textContent).toMatch(/^(贡献利润|贡献销售额) /);
  await user.click(screen.getByRole('button', { name: en.downloadResult }));
  await waitFor(() => {
    expect(named).toEqual(['销售（分析）.xlsx']);
  });
  click.mockRestore();
}, 30_000);
