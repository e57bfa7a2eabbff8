import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as chooseTablesModule from '../../src/engine/chooseTables';
import { excelGrid } from '../../src/host/excelGrid';
import { FileWorkbookHost } from '../../src/host/file/FileWorkbookHost';
import { runCli } from './runCli';

// One `analyze` inspects the workbook, chooses its tables and checks the plan against Excel's grid once
// each: the command line hands the inspection it needed (language, row count) to the run, and the host's
// write is where the plan is checked.

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cp-work-once-'));
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

const csv = path.join(tmp, 'sales.csv');
writeFileSync(
  csv,
  [
    'Customer ID,Order Date,Sales',
    'C1,2024-01-05,120',
    'C2,2024-02-10,80',
    'C1,2024-03-15,60',
    'C3,2024-04-20,300',
  ].join('\n'),
);

afterEach(() => {
  jest.restoreAllMocks();
});

test.each([
  ['a workbook', ['--out', path.join(tmp, 'out.xlsx')], 1],
  ['a JSON report alone', ['--json', path.join(tmp, 'out.json')], 0],
])(
  'analyze with %s inspects once, chooses tables once, checks the plan once per write',
  async (_what, outputs, writes) => {
    const inspect = jest.spyOn(FileWorkbookHost.prototype, 'inspect');
    const choose = jest.spyOn(chooseTablesModule, 'chooseTables');
    const checkPlan = jest.spyOn(excelGrid, 'checkPlan');
    const result = await runCli(['analyze', csv, ...outputs, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(inspect).toHaveBeenCalledTimes(1);
    expect(choose).toHaveBeenCalledTimes(1);
    expect(checkPlan).toHaveBeenCalledTimes(writes);
  },
);
