import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { sheetPartsByName } from '../../src/host/file/addChartsToXlsx';
import { soffice } from './libreoffice';

/**
 * The workbook with every sheet but `keep` emptied (cells, tables and filters gone): LibreOffice prints
 * every sheet, hidden ones too, so the PDF then holds only the sheets a test looks at.
 */
export async function keepOnlySheets(bytes: Uint8Array, keep: readonly string[]): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  for (const [name, part] of await sheetPartsByName(zip)) {
    if (keep.includes(name)) continue;
    const xml = await zip.file(part)!.async('string');
    zip.file(
      part,
      xml
        .replace(/<sheetData>[\s\S]*<\/sheetData>/u, '<sheetData/>')
        .replace(/<tableParts[\s\S]*?<\/tableParts>/u, '')
        .replace(/<autoFilter[^>]*\/>/u, '')
        // Its charts too: without their sheet's cells they would print as empty frames.
        .replace(/<drawing [^>]*\/>/u, ''),
    );
  }
  return zip.generateAsync({ type: 'uint8array' });
}

/**
 * Prints an .xlsx with LibreOffice to PDF and then to PNG pages `renders/<name>-N.png` (70 dpi, earlier
 * pages of that name removed first), and keeps the PDF's text as `renders/<name>.txt`.
 *
 * @returns The PDF's text (layout kept) and the page files written.
 */
export function renderPages(
  bytes: Uint8Array,
  name: string,
  renders: string,
  timeoutMs = 300_000,
): { text: string; pages: string[] } {
  if (soffice === null) throw new Error('LibreOffice (soffice) is not installed.');
  const work = path.join(os.tmpdir(), `renders-${name}-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  mkdirSync(renders, { recursive: true });
  const book = path.join(work, 'book.xlsx');
  writeFileSync(book, bytes);
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${work}/profile`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        work,
        book,
      ],
      { timeout: timeoutMs, stdio: 'pipe' },
    );
    const isPage = (file: string): boolean => file.startsWith(`${name}-`) && file.endsWith('.png');
    for (const old of readdirSync(renders).filter(isPage)) rmSync(path.join(renders, old));
    const pdf = path.join(work, 'book.pdf');
    execFileSync('pdftoppm', ['-png', '-r', '70', pdf, path.join(renders, name)], { timeout: timeoutMs });
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    writeFileSync(path.join(renders, `${name}.txt`), text);
    return { text, pages: readdirSync(renders).filter(isPage) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
