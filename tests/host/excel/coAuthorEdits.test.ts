/**
 * The Excel host refuses to write beside a customers table a co-author changed between the read and the
 * write (results go by row position), in plain ranges as in Excel tables, and writes when nothing moved.
 */
import type { AnalysisInput } from '../../../src/engine/analyze';
import { computeAnalysis } from '../../../src/engine/computeAnalysis';
import { customersChangedMessage } from '../../../src/host/excel/verifyCustomerRows';
import { runAnalysis } from '../../../src/host/runAnalysis';
import type { FakeWorkbook } from '../../fakes/FakeWorkbook';
import type { FakeWorkbookSpec } from '../../fakes/buildFakeWorkbook';
import { openFakeWorkbook, userPicture } from './excelHostFixture';

const sales: (string | number)[][] = [['Customer ID', 'Order Date', 'Amount']];
for (let i = 0; i < 12; i++) sales.push([['C1', 'C2', 'C3'][i % 3]!, 45000 + i * 7, 10 + i]);

function spec(table: string | undefined): FakeWorkbookSpec {
  return {
    sheets: [
      {
        name: 'Customers',
        ...(table === undefined ? {} : { table }),
        rows: [
          ['Customer ID', 'Customer Name'],
          ['C1', 'Acme'],
          ['C2', 'Bolt'],
          ['C3', 'Zed'],
        ],
      },
      { name: 'Sales', rows: sales },
    ],
  };
}

/** Runs an analysis; `edit` changes the workbook after the read, before the write. */
async function runWithEdit(
  table: string | undefined,
  edit: (workbook: FakeWorkbook) => void,
): Promise<{ error: unknown; changed: boolean }> {
  const { workbook, host, close } = openFakeWorkbook(spec(table));
  try {
    // The workbook as the co-author left it, to compare with after the run.
    const seen = { before: '' };
    const compute = (input: AnalysisInput): Promise<ReturnType<typeof computeAnalysis>> => {
      const computed = computeAnalysis(input);
      edit(workbook);
      seen.before = JSON.stringify(userPicture(workbook));
      return Promise.resolve(computed);
    };
    const error = await runAnalysis(host, {}, { compute }).then(
      () => null,
      (e: unknown) => e,
    );
    return { error, changed: JSON.stringify(userPicture(workbook)) !== seen.before };
  } finally {
    close();
  }
}

const swapFirstTwo = (w: FakeWorkbook): void => {
  const cells = w.sheet('Customers').cells;
  for (let c = 0; c < 2; c++) {
    const a = cells.value(1, c);
    cells.setRaw(1, c, cells.value(2, c), null);
    cells.setRaw(2, c, a, null);
  }
};

describe.each([
  ['a plain range', undefined],
  ['an Excel table', 'CustomerTable'],
])('a co-author edits the customers table (%s) mid-run', (_what, table) => {
  it('a sort: refused with the sentence, nothing written', async () => {
    const { error, changed } = await runWithEdit(table, swapFirstTwo);
    expect((error as Error).message).toBe(customersChangedMessage);
    expect(changed).toBe(false);
  });

  it('an id edited: refused', async () => {
    const { error } = await runWithEdit(table, (w) => {
      w.sheet('Customers').cells.setRaw(3, 0, 'C9', null);
    });
    expect((error as Error).message).toBe(customersChangedMessage);
  });

  it('a name edited (ids unchanged): written', async () => {
    const { error, changed } = await runWithEdit(table, (w) => {
      w.sheet('Customers').cells.setRaw(1, 1, 'Acme Ltd', null);
    });
    expect(error).toBeNull();
    expect(changed).toBe(true);
  });
});

it('a customer appended under a plain range: refused, nothing written', async () => {
  const { error, changed } = await runWithEdit(undefined, (w) => {
    w.sheet('Customers').cells.setRaw(4, 0, 'C4', null);
    w.sheet('Customers').cells.setRaw(4, 1, 'Late', null);
  });
  expect((error as Error).message).toBe(customersChangedMessage);
  expect(changed).toBe(false);
});
