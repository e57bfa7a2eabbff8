/** @jest-environment jsdom */
import { createdObjectUrls } from './jsdomPolyfills';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { isoFromDay } from '../../src/engine/dayNumbers';
import { App } from '../../src/taskpane/App';
import { messages } from '../../src/taskpane/i18n/messages';
import { openPlaygroundFile } from '../../src/taskpane/openPlaygroundFile';
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
  await screen.findByText(en.tableWhere('shop.csv', null, customerCount));
  await user.click(screen.getByRole('button', { name: en.analyze }));
  await screen.findByRole('heading', { name: en.resultsTitle }, { timeout: 15_000 });
  expect(screen.getByText(en.resultsSummary(customerCount, customerCount))).toBeTruthy();
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
