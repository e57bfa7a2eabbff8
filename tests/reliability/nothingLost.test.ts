/**
 * Nothing lost on the command line: the input is never modified (whatever the outcome and whatever the
 * output paths), and outputs are written atomically — a failed write leaves no partial file and the
 * previous output exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildCliBundle, cliEnvironment } from '../security/buildCliBundle';
import { runCli } from '../cli/runCli';
import { addRows, loadWorkbook, temporaryFolder, writeCsv, writeWorkbook } from './analyzeWorkbookFile';

const folder = temporaryFolder('lost');
const utc = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function fingerprint(file: string): { sha256: string; mtimeMs: number; size: number } {
  const info = statSync(file);
  return {
    sha256: createHash('sha256').update(readFileSync(file)).digest('hex'),
    mtimeMs: info.mtimeMs,
    size: info.size,
  };
}

async function inputWorkbook(name: string): Promise<string> {
  return writeWorkbook(folder, name, (workbook) => {
    addRows(workbook.addWorksheet('Customers'), [
      ['Customer ID', 'Customer Name'],
      ['C1', 'Acme'],
      ['C2', 'Bolt'],
    ]);
    const sales = workbook.addWorksheet('Sales');
    addRows(sales, [
      ['Customer ID', 'Date', 'Amount'],
      ['C1', utc('2024-01-05'), 10],
      ['C2', utc('2024-01-06'), 'n/a'],
      ['C1', utc('2024-02-07'), 30],
    ]);
    const lookup = workbook.addWorksheet('Lookup');
    lookup.addTable({
      name: 'Regions',
      ref: 'A1',
      columns: [{ name: 'Region' }, { name: 'Manager' }],
      rows: [['North', 'Li']],
    });
  });
}

/** Files in a folder other than those listed (temporary leftovers, partial outputs). */
function extraFiles(dir: string, expected: string[]): string[] {
  return readdirSync(dir).filter((name) => !expected.includes(name));
}

describe('the command line never modifies its input', () => {
  it('leaves .xlsx and .csv inputs byte-identical, on success and on failure', async () => {
    const xlsx = await inputWorkbook('input.xlsx');
    const csv = writeCsv(folder, 'input.csv', 'Customer ID,Date,Amount\nC1,2024-01-05,10\nC2,2024-01-06,x\n');
    const unusable = writeCsv(folder, 'unusable.csv', 'Customer ID,Date,Amount\nC1,never,x\n');
    for (const file of [xlsx, csv, unusable]) {
      const before = fingerprint(file);
      const result = await runCli([
        'analyze',
        file,
        '--out',
        path.join(folder, `${path.basename(file)}.out.xlsx`),
        '--json',
        path.join(folder, `${path.basename(file)}.json`),
        '--quiet',
      ]);
      expect([file, result.code]).toEqual([file, file === unusable ? 5 : 0]);
      expect(fingerprint(file)).toEqual(before);
    }
  });

  it.each([
    ['--out', 'input'],
    ['--json', 'input'],
    ['--out', './input (another spelling)'],
  ])('refuses %s pointing at the input file itself (%s), leaving it untouched', async (flag, spelling) => {
    for (const name of ['same.xlsx', 'same.csv']) {
      const file = name.endsWith('.xlsx')
        ? await inputWorkbook(name)
        : writeCsv(folder, name, 'Customer ID,Date,Amount\nC1,2024-01-05,10\n');
      const target = spelling === 'input' ? file : path.join(folder, '.', '..', path.basename(folder), name);
      const before = fingerprint(file);
      const args = ['analyze', file, flag, target, '--quiet'];
      if (flag === '--json') args.push('--out', path.join(folder, `${name}.other.xlsx`));
      const result = await runCli(args);
      expect([name, result.code]).not.toEqual([name, 0]);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(fingerprint(file)).toEqual(before);
    }
  });
});

describe('outputs are written atomically', () => {
  it('an output folder that does not exist: exit 7, one line naming the path, nothing created', async () => {
    const input = await inputWorkbook('atomic-missing.xlsx');
    const missing = path.join(folder, 'no-such-folder', 'out.xlsx');
    const result = await runCli(['analyze', input, '--out', missing, '--quiet']);
    expect(result.code).toBe(7);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(missing);
    expect(existsSync(path.dirname(missing))).toBe(false);
  });

  it('an output path that is a folder: exit 7, the folder untouched, no temporary file left beside it', async () => {
    const dir = temporaryFolder('lost-dir');
    const input = await inputWorkbook('atomic-dir.xlsx');
    const target = path.join(dir, 'taken.xlsx');
    mkdirSync(target);
    const result = await runCli(['analyze', input, '--out', target, '--quiet']);
    expect(result.code).toBe(7);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readdirSync(target)).toEqual([]);
    expect(extraFiles(dir, ['taken.xlsx'])).toEqual([]);
  });

  it('a write that fails midway (file-size limit, like a full disk) keeps the previous output intact', async () => {
    const cli = buildCliBundle();
    const dir = temporaryFolder('lost-full');
    const input = await inputWorkbook('atomic-full.xlsx');
    const out = path.join(dir, 'result.xlsx');
    const json = path.join(dir, 'result.json');
    const run = (limitBlocks: number | null): ReturnType<typeof spawnSync> => {
      const limit = limitBlocks === null ? '' : `ulimit -f ${limitBlocks}; `;
      return spawnSync(
        'bash',
        [
          '-c',
          `${limit}exec "${process.execPath}" "${cli}" analyze "${input}" --out "${out}" --json "${json}" --quiet`,
        ],
        { env: cliEnvironment(), encoding: 'utf8', timeout: 60_000 },
      );
    };
    const first = run(null);
    expect([first.status, first.stderr]).toEqual([0, '']);
    const previous = fingerprint(out);
    const previousJson = fingerprint(json);
    // 16 blocks of 512 bytes: the .xlsx (tens of kilobytes) cannot be written in full.
    const second = run(16);
    expect(second.status).toBe(7);
    expect(String(second.stderr).trim().split('\n')).toHaveLength(1);
    expect(String(second.stderr)).toMatch(/Could not write/u);
    expect(fingerprint(out)).toEqual(previous);
    expect(fingerprint(json)).toEqual(previousJson);
    expect(extraFiles(dir, ['result.xlsx', 'result.json'])).toEqual([]);
    // The previous output still opens.
    expect((await loadWorkbook(out)).getWorksheet('Data issues')).toBeDefined();
  });
});
