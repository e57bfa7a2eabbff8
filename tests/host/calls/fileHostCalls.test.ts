/**
 * The command line's and web page's Calls sheet (issue 16): written per as-of date, the reps' Outcome and
 * Note never written, a re-run with the same as-of date updating in place, older Calls sheets left as they
 * are, and every Calls sheet read back on the next run (never offered as a table).
 */
import { Workbook } from 'exceljs';
import { callsSheet } from '../../../src/engine/calls/callsSheet';
import { readCallOutcomes } from '../../../src/engine/calls/readCallOutcomes';
import { defaultSettings } from '../../../src/engine/defaultSettings';
import { FileWorkbookHost } from '../../../src/host/file/FileWorkbookHost';
import { callsSheetRows } from '../../../src/host/file/callsSheetsOf';
import type { CallsPlan, WritePlan } from '../../../src/host/WorkbookHost';
import { asOf, call, day, firstCalls, repCells, repTyping } from './callsFixture';

async function salesWorkbook(): Promise<Uint8Array> {
  const workbook = new Workbook();
  const sales = workbook.addWorksheet('Sales');
  sales.addRow(['Customer ID', 'Order Date', 'Amount']);
  sales.addRow(['C1', asOf - 10, 10]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function plan(calls: CallsPlan['calls'], language: CallsPlan['language'] = 'en', at = asOf): WritePlan {
  return {
    customers: { kind: 'new', sheetName: 'Customers', baseColumns: [] },
    columns: [],
    sheets: [],
    settings: defaultSettings(),
    calls: { asOf: at, language, calls },
  };
}

async function reload(host: FileWorkbookHost): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load((await host.toBuffer()) as unknown as ArrayBuffer);
  return workbook;
}

/** Types the reps' outcomes into the Calls sheet, as a rep in Excel would. */
function typeOutcomes(workbook: Workbook, name: string): void {
  const sheet = workbook.getWorksheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  for (let r = 2; r <= sheet.rowCount; r++) {
    const id = sheet.getCell(r, 3).value;
    const typed = typeof id === 'string' ? repTyping[id] : undefined;
    if (typed === undefined) continue;
    if (typed[0] !== null) sheet.getCell(r, callsSheet.outcomeColumn + 1).value = typed[0];
    if (typed[1] !== null) sheet.getCell(r, callsSheet.noteColumn + 1).value = typed[1];
  }
}

async function hostOf(workbook: Workbook): Promise<FileWorkbookHost> {
  return FileWorkbookHost.fromXlsx(new Uint8Array(await workbook.xlsx.writeBuffer()), 'x.xlsx');
}

describe('FileWorkbookHost: the Calls sheet', () => {
  it('writes the calls under both header parts, text as text, dates as dates, with the Outcome list', async () => {
    const host = await FileWorkbookHost.fromXlsx(await salesWorkbook(), 'sales.xlsx');
    const summary = await host.write(plan(firstCalls()));
    expect(summary.sheetNames).toContain('Calls 2026-12-06');
    const sheet = (await reload(host)).getWorksheet('Calls 2026-12-06');
    if (sheet === undefined) throw new Error('no Calls sheet');
    expect(sheet.getRow(1).values).toEqual([undefined, ...callsSheet.headers('en')]);
    const rows = callsSheetRows(sheet, false);
    expect(rows.map((r) => r[2])).toEqual(['C1', 'C2', 'C3', 'C4']);
    expect(rows[2]?.[3]).toBe('=HYPERLINK("http://x")');
    expect(sheet.getCell('D4').formula).toBeUndefined();
    expect(rows[0]?.[0]).toBe(asOf);
    expect(sheet.getCell('A2').numFmt).toBe('yyyy-mm-dd');
    expect(rows[0]?.[7]).toBe('Visit due, Birthday');
    expect(rows.every((r) => r[10] === null && r[11] === null)).toBe(true);
    // Tier centred (not run into Segment's text: "5Volcano"), Detail wrapped and wide, every cell at the top.
    expect(sheet.getCell('F2').alignment).toEqual({ vertical: 'top', horizontal: 'center' });
    expect(sheet.getCell('I2').alignment).toEqual({ vertical: 'top', wrapText: true });
    expect(sheet.getCell('G2').alignment).toEqual({ vertical: 'top' });
    expect(sheet.getColumn(9).width).toBe(48);
    // A detail of two lines makes its row two lines tall (programs do not grow a row written without a height).
    expect(sheet.getRow(2).height).toBeUndefined();
    const validation = (
      sheet as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }
    ).dataValidations.model;
    expect(Object.values(validation)[0]?.formulae).toEqual(['"done,no answer,not interested"']);
  });

  it('a re-run with the same as-of date keeps rows in place and never writes a rep cell', async () => {
    const first = await FileWorkbookHost.fromXlsx(await salesWorkbook(), 'sales.xlsx');
    await first.write(plan([...firstCalls(), call('C6', '2026-12-11')]));
    const workbook = await reload(first);
    typeOutcomes(workbook, 'Calls 2026-12-06');
    const before = callsSheetRows(workbook.getWorksheet('Calls 2026-12-06')!, false);
    // Second run: C1, C2 and C4 filled by reps (C2's detail changed meanwhile), C3 changed, C6 gone, C5 new.
    const second = await hostOf(workbook);
    const info = await second.inspect();
    expect(info.tables.map((t) => t.sheet)).toEqual(['Sales']);
    await second.write(
      plan([
        call('C2', '2026-12-07', { detail: 'Visit due (every 14 days)' }),
        call('C3', '2026-12-08', { reasons: ['service'], detail: 'Follow-up: defrost, 2nd' }),
        call('C4', '2026-12-09', { reasons: ['winback'], detail: 'Win back, again' }),
        call('C5', '2026-12-10'),
      ]),
    );
    const after = callsSheetRows((await reload(second)).getWorksheet('Calls 2026-12-06')!, false);
    expect(repCells(after.slice(0, before.length))).toBe(repCells(before));
    expect(after.map((r) => r[2])).toEqual(['C1', 'C2', 'C3', 'C4', 'C6', 'C5']);
    // Rows a rep filled (any Outcome or a Note) are the rep's: left exactly as they were, ours included.
    expect([after[0], after[1], after[3]]).toEqual([before[0], before[1], before[3]]);
    expect(after[2]?.[8]).toBe('Follow-up: defrost, 2nd');
    expect(after[4]?.slice(0, 3)).toEqual(before[4]?.slice(0, 3));
    expect(after[4]?.[7]).toBe('— no longer on the list');
    expect(after[5]?.slice(10)).toEqual([null, null]);
  });

  it('a later as-of date adds its own sheet; the earlier one stays exactly as it was and is read back', async () => {
    const first = await FileWorkbookHost.fromXlsx(await salesWorkbook(), 'sales.xlsx');
    await first.write(plan(firstCalls(), 'zh-CN'));
    const workbook = await reload(first);
    typeOutcomes(workbook, '电话清单 2026-12-06');
    workbook.getWorksheet('电话清单 2026-12-06')!.getCell('K4').value = '不感兴趣';
    const earlier = JSON.stringify(callsSheetRows(workbook.getWorksheet('电话清单 2026-12-06')!, false));
    const second = await hostOf(workbook);
    const info = await second.inspect();
    expect(info.callSheets?.map((s) => s.name)).toEqual(['电话清单 2026-12-06']);
    const outcomes = (info.callSheets ?? []).flatMap((s) => readCallOutcomes(s, false));
    expect(outcomes.map((o) => [o.customerId, o.outcome, o.text])).toEqual([
      ['C1', 'done', 'Done'],
      ['C2', 'noAnswer', 'no answer'],
      ['C3', 'notInterested', '不感兴趣'],
      ['C4', 'note', '=call back after the holidays'],
    ]);
    await second.write(plan([call('C2', '2026-12-14')], 'en', day('2026-12-13')));
    const output = await reload(second);
    expect(JSON.stringify(callsSheetRows(output.getWorksheet('电话清单 2026-12-06')!, false))).toBe(earlier);
    expect(callsSheetRows(output.getWorksheet('Calls 2026-12-13')!, false).map((r) => r[2])).toEqual(['C2']);
    const third = await (await hostOf(output)).inspect();
    expect(third.callSheets?.map((s) => s.name)).toEqual(['电话清单 2026-12-06', 'Calls 2026-12-13']);
  });
});
