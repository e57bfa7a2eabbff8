/**
 * Shared by the reliability tests: builds a workbook with exceljs (or writes CSV text) in a temporary
 * folder, runs the command line on it with `--out` and `--json`, and reads both outputs back.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbook, type CellValue, type Worksheet } from 'exceljs';
import type { Report } from '../../src/engine/buildReport';
import type { RawCell } from '../../src/engine/types';
import { toRawCell } from '../../src/host/file/toRawCell';
import { runCli } from '../cli/runCli';

const folders: string[] = [];

// Registered when a test file imports this module: its temporary folders go when the file's tests end.
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the importing test file's tests. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), `cp-${prefix}-`));
  folders.push(folder);
  return folder;
}

/** Writes a workbook built by `build` to `folder/name` and returns its path. */
export async function writeWorkbook(
  folder: string,
  name: string,
  build: (workbook: Workbook) => void,
): Promise<string> {
  const workbook = new Workbook();
  build(workbook);
  const file = path.join(folder, name);
  await workbook.xlsx.writeFile(file);
  return file;
}

/** Writes CSV text to `folder/name` and returns its path. */
export function writeCsv(folder: string, name: string, text: string): string {
  const file = path.join(folder, name);
  writeFileSync(file, text, 'utf8');
  return file;
}

/** Adds rows to a sheet from row 1, one array per row; null leaves a cell empty. */
export function addRows(sheet: Worksheet, rows: readonly (readonly CellValue[])[]): void {
  rows.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null && value !== undefined) sheet.getCell(r + 1, c + 1).value = value;
    });
  });
}

/** What one command-line run produced. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
  /** The JSON report, when the run wrote one. */
  report: Report | null;
  /** Path of the output workbook, when the run wrote one. */
  out: string | null;
}

/** Runs `analyze INPUT --out … --json …` plus `extra` arguments. */
export async function analyzeFile(input: string, extra: string[] = []): Promise<CliOutcome> {
  const stem = input.replace(/\.[^.]*$/u, '');
  const out = `${stem}.analysis.xlsx`;
  const json = `${stem}.report.json`;
  const result = await runCli(['analyze', input, '--out', out, '--json', json, '--quiet', ...extra]);
  return {
    ...result,
    report: existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as Report) : null,
    out: existsSync(out) ? out : null,
  };
}

/** Loads an .xlsx file with exceljs. */
export async function loadWorkbook(file: string): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** The raw cell (as a host reads it) at a 1-based row and column of a sheet. */
export function rawAt(sheet: Worksheet, row: number, column: number): RawCell {
  return toRawCell(sheet.findRow(row)?.findCell(column)?.value, false);
}

/** Column of a sheet under the header `header` in `headerRow`: the data values below it down to the last row. */
export function columnUnder(sheet: Worksheet, header: string, headerRow = 1): RawCell[] {
  let column = 0;
  sheet.getRow(headerRow).eachCell((cell, number) => {
    if (column === 0 && toRawCell(cell.value, false) === header) column = number;
  });
  if (column === 0) throw new Error(`No column "${header}" on sheet ${sheet.name}`);
  const values: RawCell[] = [];
  for (let row = headerRow + 1; row <= sheet.rowCount; row++) values.push(rawAt(sheet, row, column));
  return values;
}

/** Every cell of a sheet as text, row by row, for searching. */
export function sheetTexts(sheet: Worksheet): string[] {
  const texts: string[] = [];
  sheet.eachRow((row) => {
    row.eachCell((cell) => {
      const value = toRawCell(cell.value, false);
      if (value !== null) texts.push(String(value));
    });
  });
  return texts;
}

/** The report's customer with this id; throws when it is missing. */
export function reportCustomer(report: Report | null, id: string): Report['customers'][number] {
  const found = report?.customers.find((c) => c.id === id);
  if (found === undefined)
    throw new Error(
      `No customer "${id}" in the report: ${report?.customers.map((c) => c.id).join(', ') ?? 'none'}`,
    );
  return found;
}
