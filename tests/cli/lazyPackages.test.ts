import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sharedData } from './sharedData';

// The built command line (`npm test` builds it first, as `npm run build:cli` does).
const cli = path.resolve(__dirname, '../../dist/cli.js');
let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(os.tmpdir(), 'cp-lazy-packages-'));
  // Loaded before the command line: on exit, lists the packages of node_modules that were loaded.
  writeFileSync(
    path.join(folder, 'loaded.cjs'),
    `process.on('exit', () => {
  const names = Object.keys(require.cache).map((file) => /node_modules[\\\\/]([^\\\\/]+)/.exec(file)?.[1]);
  require('node:fs').writeFileSync(process.env.LOADED_LIST, JSON.stringify([...new Set(names.filter(Boolean))]));
});`,
  );
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** Runs the built command line and returns the packages it loaded. */
function packagesLoaded(args: string[]): string[] {
  const list = path.join(folder, 'loaded.json');
  const run = spawnSync(process.execPath, ['--require', path.join(folder, 'loaded.cjs'), cli, ...args], {
    cwd: folder,
    env: { ...process.env, LOADED_LIST: list, TZ: 'UTC' },
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(readFileSync(list, 'utf8')) as string[];
}

describe('the built command line loads exceljs and JSZip only when a workbook is read or written', () => {
  test('a CSV to a JSON report loads neither', () => {
    expect(existsSync(cli)).toBe(true);
    const json = path.join(folder, 'retail.json');
    const loaded = packagesLoaded([
      'analyze',
      sharedData('online_retail_2010-12.csv'),
      '--json',
      json,
      '--quiet',
    ]);
    expect(loaded).not.toContain('exceljs');
    expect(loaded).not.toContain('jszip');
    expect(
      (JSON.parse(readFileSync(json, 'utf8')) as { customers: unknown[] }).customers.length,
    ).toBeGreaterThan(900);
  });

  test('a result workbook loads both, and is written', () => {
    const out = path.join(folder, 'retail.xlsx');
    const loaded = packagesLoaded([
      'analyze',
      sharedData('online_retail_2010-12.csv'),
      '--out',
      out,
      '--quiet',
    ]);
    expect(loaded).toEqual(expect.arrayContaining(['exceljs', 'jszip']));
    // An .xlsx is a zip: its first bytes are "PK".
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  test("a small .xlsx's result workbook loads exceljs's workbook, not its streaming reader and writer", () => {
    const out = path.join(folder, 'superstore.xlsx');
    const loaded = packagesLoaded(['analyze', sharedData('superstore.xlsx'), '--out', out, '--quiet']);
    expect(loaded).toContain('exceljs');
    // What exceljs's main module loads for WorkbookReader and WorkbookWriter, which we never use.
    expect(loaded).not.toContain('unzipper');
    expect(loaded).not.toContain('archiver');
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});
