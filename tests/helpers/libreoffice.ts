import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseCsv } from '../../src/host/file/parseCsv';

function findSoffice(): string | null {
  for (const candidate of [process.env.SOFFICE, 'soffice', 'libreoffice'].filter(
    (c): c is string => c !== undefined,
  )) {
    try {
      execFileSync(candidate, ['--version'], { stdio: 'pipe', timeout: 60_000 });
      return candidate;
    } catch {
      // try the next name
    }
  }
  return null;
}

/** The LibreOffice command, or null when it is not installed. */
export const soffice = findSoffice();

/** Whether LibreOffice can be used by these tests. */
export const libreOfficeAvailable = soffice !== null;

const missingMessage =
  'LibreOffice (soffice) is not installed, so the written .xlsx files cannot be opened in a real spreadsheet program. ' +
  'Install it (Debian: apt-get install libreoffice-calc-nogui) or set SOFFICE to its path.';

/**
 * `describe` for suites that need LibreOffice. Without it the suite becomes one failing test that says
 * how to install it: a machine missing LibreOffice must not pass these checks silently.
 */
export const describeWithLibreOffice: typeof describe = (() => {
  if (libreOfficeAvailable) return describe;
  return ((name: string) => {
    describe(name, () => {
      it('needs LibreOffice', () => {
        throw new Error(missingMessage);
      });
    });
  }) as unknown as typeof describe;
})();

function run(command: string, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 180_000 }, (error, _stdout, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`${command} failed: ${error.message}\n${stderr}`));
    });
  });
}

/** Converts `file` with LibreOffice into a fresh folder; returns the folder (caller removes it) and its files. */
async function convert(
  file: string,
  filter: string,
): Promise<{ folder: string; outDir: string; files: string[] }> {
  if (soffice === null) throw new Error(missingMessage);
  const folder = await mkdtemp(path.join(os.tmpdir(), 'lo-convert-'));
  const profile = path.join(os.tmpdir(), `lo-profile-${randomBytes(6).toString('hex')}`);
  try {
    // A plain ASCII stem keeps LibreOffice's "stem-Sheet.csv" output names easy to take apart.
    const input = path.join(folder, 'book.xlsx');
    await copyFile(file, input);
    const outDir = path.join(folder, 'out');
    await run(soffice, [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      filter,
      '--outdir',
      outDir,
      input,
    ]);
    const files = await readdir(outDir).catch(() => []);
    if (files.length === 0) throw new Error(`LibreOffice could not convert ${file} (${filter}).`);
    return { folder, outDir, files };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}

/**
 * Opens an .xlsx in LibreOffice (headless, private profile so parallel runs do not clash) and exports
 * every sheet to CSV (UTF-8, raw values), returning each sheet's rows by sheet name.
 *
 * @throws Error when LibreOffice is missing or cannot open the file.
 */
export async function readXlsxWithLibreOffice(file: string): Promise<Map<string, string[][]>> {
  const { folder, outDir, files } = await convert(
    file,
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
  );
  try {
    const sheets = new Map<string, string[][]>();
    for (const name of files) {
      const match = /^book-(.*)\.csv$/u.exec(name) ?? /^book\.csv$/u.exec(name);
      if (match === null) continue;
      const parsed = parseCsv(await readFile(path.join(outDir, name), 'utf8'), { delimiter: ',' });
      const rows: string[][] = [parsed.headers];
      for (let r = 0; r < parsed.rowCount; r++)
        rows.push(parsed.columns.map((column) => String(column[r] ?? '')));
      sheets.set(match[1] ?? '', rows);
    }
    return sheets;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Opens an .xlsx in LibreOffice and saves it again as .xlsx: what LibreOffice understood of the file
 * (charts it could not read are dropped), for tests to inspect.
 */
export async function resaveXlsxWithLibreOffice(file: string): Promise<Uint8Array> {
  const { folder, outDir } = await convert(file, 'xlsx:Calc MS Excel 2007 XML');
  try {
    return new Uint8Array(await readFile(path.join(outDir, 'book.xlsx')));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
