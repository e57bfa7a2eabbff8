/** @jest-environment jsdom */
import { scrolledIntoView } from './jsdomPolyfills';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../src/taskpane/App';
import { messages } from '../../src/taskpane/i18n/messages';
import { customerCount, environment, excelPane, RecordingHost, salesRows } from './paneFixtures';

const en = messages.en;
const zh = messages['zh-CN'];

/** Customers per pyramid tier by DESIGN.md's rule: position p gets the first tier with p ≤ ceil(n × c). */
function expectedTierCounts(n: number): number[] {
  const ends = [0.05, 0.15, 0.35, 0.6, 1].map((c) => Math.ceil(n * c));
  return ends.map((end, k) => end - (k === 0 ? 0 : ends[k - 1]!));
}

function tierCounts(): number[] {
  const table = screen.getByRole('table', { name: en.pyramidTitle });
  return within(table)
    .getAllByRole('row')
    .filter((row) => row.hasAttribute('data-tier'))
    .map((row) => Number(within(row).getAllByRole('cell')[0]!.textContent));
}

describe('App in Excel (real Excel host over the fake Excel)', () => {
  let cleanup: (() => void) | null = null;
  afterEach(() => {
    cleanup?.();
    cleanup = null;
  });

  test('shows the tables found with their row counts and the header each field came from', async () => {
    const pane = excelPane();
    cleanup = pane.uninstall;
    const user = userEvent.setup();
    render(<App environment={environment('excel')} host={pane.host} />);
    // Every required column was found: one line, the dropdowns behind "review".
    await screen.findByText(en.allColumnsFound);
    expect(screen.queryByRole('group', { name: en.tableKinds.sales })).toBeNull();
    expect(
      screen.queryByRole('combobox', { name: en.remapLabel(en.fieldNames.date, en.tableKinds.sales) }),
    ).toBeNull();
    await user.click(screen.getByRole('button', { name: en.reviewColumns }));
    const sales = await screen.findByRole('group', { name: en.tableKinds.sales });
    expect(within(sales).getByText(en.tableWhere('Sales', 'tblSales', customerCount))).toBeTruthy();
    const customers = screen.getByRole('group', { name: en.tableKinds.customers });
    expect(within(customers).getByText(en.tableWhere('Customers', null, customerCount))).toBeTruthy();
    const dateBox = within(sales).getByRole('combobox', {
      name: en.remapLabel(en.fieldNames.date, en.tableKinds.sales),
    });
    expect(dateBox.textContent).toBe('Order Date');
    const costBox = within(sales).getByRole('combobox', {
      name: en.remapLabel(en.fieldNames.cost, en.tableKinds.sales),
    });
    expect(costBox.textContent).toBe(en.notMapped);
  });

  test('one click on Analyse shows the pyramid by the ranking rule and writes columns and sheets into the workbook', async () => {
    const pane = excelPane();
    cleanup = pane.uninstall;
    const user = userEvent.setup();
    render(<App environment={environment('excel')} host={pane.host} />);
    await screen.findByText(en.allColumnsFound);
    await user.click(screen.getByRole('button', { name: en.analyze }));
    const heading = await screen.findByRole('heading', { name: en.resultsTitle }, { timeout: 10_000 });
    // After Analyse the results are scrolled into view and hold the focus.
    await waitFor(() => {
      expect(document.activeElement).toBe(heading);
    });
    expect(scrolledIntoView).toContain(heading);
    expect(tierCounts()).toEqual(expectedTierCounts(customerCount));
    // Tier 1 is the single best customer (profit 200 of 2,100 in total).
    const tier1 = screen.getByRole('table', { name: en.pyramidTitle }).querySelector('tr[data-tier="1"]')!;
    expect(within(tier1 as HTMLElement).getAllByRole('cell')[2]!.textContent).toBe(
      `${((200 / 2100) * 100).toFixed(1)}%`,
    );
    // Under each tier, what its own customers did (the name is a position, not a promise of profit).
    const outcome = screen
      .getByRole('table', { name: en.pyramidTitle })
      .querySelector('td[data-outcome="1"]')!;
    expect(outcome.textContent).toBe(
      `made +${((200 / 2100) * 100).toFixed(1)}% of profit · 0 of 1 lose money`,
    );
    const headers = pane.workbook.values('Customers', 'A1:Z1')[0]!.filter((v) => v !== null);
    expect(headers).toEqual(
      expect.arrayContaining(['Customer ID', 'Customer Name', 'SVCD segment', 'Pyramid tier']),
    );
    const visible = pane.workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
    expect(visible).toEqual(expect.arrayContaining(['Pyramid', 'SVCD matrix', 'Visit plan']));
    expect(screen.getByRole('button', { name: en.undoLastRun })).toBeTruthy();
  });

  test('Undo last run restores the workbook as it was before the run', async () => {
    const pane = excelPane();
    cleanup = pane.uninstall;
    const before = JSON.stringify(pane.workbook.picture());
    const user = userEvent.setup();
    render(<App environment={environment('excel')} host={pane.host} />);
    await screen.findByText(en.allColumnsFound);
    await user.click(screen.getByRole('button', { name: en.analyze }));
    await screen.findByRole('button', { name: en.undoLastRun }, { timeout: 10_000 });
    expect(JSON.stringify(pane.workbook.picture())).not.toBe(before);
    await user.click(screen.getByRole('button', { name: en.undoLastRun }));
    await screen.findByText(en.undone);
    const visible = (picture: unknown) =>
      JSON.stringify(
        (picture as { sheets: { visibility: string }[] }).sheets.filter((s) => s.visibility === 'Visible'),
      );
    expect(visible(pane.workbook.picture())).toBe(visible(JSON.parse(before)));
  });

  test('in Chinese Office the pane speaks Chinese and writes Chinese sheet names', async () => {
    const pane = excelPane();
    cleanup = pane.uninstall;
    const user = userEvent.setup();
    render(<App environment={environment('excel', 'zh-CN')} host={pane.host} />);
    await screen.findByText(zh.allColumnsFound);
    expect(document.documentElement.lang).toBe('zh-CN');
    await user.click(screen.getByRole('button', { name: zh.analyze }));
    await screen.findByRole('heading', { name: zh.resultsTitle }, { timeout: 10_000 });
    const names = pane.workbook.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['客户金字塔', 'SVCD 矩阵']));
    expect(pane.workbook.values('Customers', 'A1:Z1')[0]).toEqual(expect.arrayContaining(['金字塔层级']));
  });
});

describe('App with a recording host', () => {
  test('switching the language changes every text, and results follow', async () => {
    const host = RecordingHost.fromRows('Sales', salesRows());
    const user = userEvent.setup();
    render(<App environment={environment('excel')} host={host} />);
    await screen.findByRole('button', { name: en.analyze });
    await user.click(screen.getByRole('combobox', { name: en.languageLabel }));
    await user.click(screen.getByRole('option', { name: zh.languageNames['zh-CN'] }));
    expect(screen.getByRole('button', { name: zh.analyze })).toBeTruthy();
    expect(screen.queryByRole('button', { name: en.analyze })).toBeNull();
    await user.click(screen.getByRole('button', { name: zh.analyze }));
    await screen.findByRole('heading', { name: zh.resultsTitle }, { timeout: 10_000 });
    // No language saved in the workbook: results are written in the language the user chose.
    expect(host.plans[0]!.settings.language).toBe('zh-CN');
  });

  test('a sales table without a customer column: says what to do, Analyse is disabled until a column is chosen', async () => {
    const host = RecordingHost.fromRows('Sales', salesRows(['Buyer', 'Date', 'Amount']));
    const user = userEvent.setup();
    render(<App environment={environment('excel')} host={host} />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(en.errorNoCustomerColumn);
    // Something required is missing: the dropdowns show at once, not behind "review".
    expect(screen.queryByText(en.allColumnsFound)).toBeNull();
    expect(screen.getByRole('button', { name: en.analyze }).hasAttribute('disabled')).toBe(true);
    await user.click(
      screen.getByRole('combobox', { name: en.remapLabel(en.fieldNames.customerId, en.tableKinds.sales) }),
    );
    await user.click(screen.getByRole('option', { name: 'Buyer' }));
    await waitFor(() => {
      expect(screen.getByRole('button', { name: en.analyze }).hasAttribute('disabled')).toBe(false);
    });
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: en.analyze }));
    await screen.findByRole('heading', { name: en.resultsTitle }, { timeout: 10_000 });
    expect(host.plans[0]!.settings.mappingOverrides.sales?.customerId).toBe(0);
    expect(tierCounts()).toEqual(expectedTierCounts(customerCount));
  });

  test('Cancel stops the run: nothing is written and the pane says so', async () => {
    const host = RecordingHost.fromRows('Sales', salesRows());
    host.holdReads = true;
    const user = userEvent.setup();
    render(<App environment={environment('excel')} host={host} />);
    await user.click(await screen.findByRole('button', { name: en.analyze }));
    const progress = await screen.findByRole('progressbar');
    expect(progress).toBeTruthy();
    expect(screen.getByRole('button', { name: en.analyze }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(new RegExp(en.stages.reading))).toBeTruthy();
    await user.click(screen.getByRole('button', { name: en.cancel }));
    await act(async () => {
      host.release();
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(screen.getByText(en.cancelled)).toBeTruthy();
    expect(host.plans).toHaveLength(0);
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  test('a failing write shows what happened and what to do next in a MessageBar', async () => {
    const host = RecordingHost.fromRows('Sales', salesRows());
    host.writeError = new Error('The workbook is read-only.');
    const user = userEvent.setup();
    render(<App environment={environment('excel')} host={host} />);
    await user.click(await screen.findByRole('button', { name: en.analyze }));
    const alert = await screen.findByRole('alert', {}, { timeout: 10_000 });
    expect(alert.textContent).toContain('The workbook is read-only.');
    expect(alert.textContent).toContain(en.errorUnexpected);
  });

  test('after a first run, changing the ABC cut analyses again by itself, and the ABC counts beside the cut change', async () => {
    const host = RecordingHost.fromRows('Sales', salesRows());
    const user = userEvent.setup();
    render(<App environment={environment('excel')} host={host} />);
    await user.click(await screen.findByRole('button', { name: en.analyze }));
    await screen.findByRole('heading', { name: en.resultsTitle }, { timeout: 10_000 });
    expect(host.plans).toHaveLength(1);
    // The cut sits in the ABC section, under the counts it changes.
    await user.click(screen.getByRole('button', { name: en.abcTitle }));
    const abcSection = document.querySelector<HTMLElement>('[data-section="abc"]')!;
    const classACount = (): string =>
      within(abcSection).getByRole('table', { name: en.abcTitle }).querySelector('tr[data-abc="A"] td')!
        .textContent;
    const before = classACount();
    const cut = within(abcSection).getByRole('textbox', { name: en.abcCutLabel });
    await user.clear(cut);
    await user.type(cut, '50');
    await waitFor(
      () => {
        expect(host.plans.length).toBeGreaterThanOrEqual(2);
      },
      { timeout: 5000 },
    );
    expect(host.plans.at(-1)!.settings.abcCut).toBe(0.5);
    // Intermediate text ("5") was a valid cut too, but typing quickly starts one run, not one per key.
    expect(host.plans).toHaveLength(2);
    await waitFor(() => {
      expect(classACount()).not.toBe(before);
    });
    expect(Number(classACount())).toBeLessThan(Number(before));
  });

  test('with auto re-analysis off, a changed setting waits for Analyse', async () => {
    const host = RecordingHost.fromRows('Sales', salesRows());
    const user = userEvent.setup();
    render(<App environment={environment('excel')} host={host} />);
    await user.click(await screen.findByRole('button', { name: en.analyze }));
    await screen.findByRole('heading', { name: en.resultsTitle }, { timeout: 10_000 });
    await user.click(screen.getByRole('button', { name: en.settingsTitle }));
    await user.click(screen.getByRole('switch', { name: en.autoRerunLabel }));
    await user.click(screen.getByRole('button', { name: en.visitsTitle }));
    await user.click(screen.getByRole('radio', { name: en.visitsFromOptions.abc }));
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(host.plans).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: en.analyze }));
    await waitFor(() => {
      expect(host.plans).toHaveLength(2);
    });
    expect(host.plans[1]!.settings.visitsFrom).toBe('abc');
  });
});
