import { decodeText } from '../host/file/decodeText';
import { FileWorkbookHost } from '../host/file/FileWorkbookHost';
import { downloadName } from './downloadName';
import type { PaneHost } from './PaneHost';
import { UnsupportedFileError } from './UnsupportedFileError';

/**
 * Opens a file the user chose in the playground as a {@link PaneHost} backed by the file host: an .xlsx
 * workbook, or a .csv sales table (UTF-8, UTF-16 or GB18030, see `decodeText`), on the page's own thread
 * (the startup uses the file worker instead; tests and browsers without workers use this). Everything
 * stays in the browser; `download` gives the workbook with the last run's output, named after the file in
 * the results' language (`sales.csv` → `sales (analysis).xlsx`).
 *
 * @throws UnsupportedFileError for any other extension; the file host's error for an unreadable file.
 */
export async function openPlaygroundFile(file: File): Promise<PaneHost> {
  const name = file.name;
  let host: FileWorkbookHost;
  if (/\.xlsx$/i.test(name))
    host = await FileWorkbookHost.fromXlsx(new Uint8Array(await file.arrayBuffer()), name);
  else if (/\.csv$/i.test(name))
    host = FileWorkbookHost.fromCsv(decodeText(new Uint8Array(await file.arrayBuffer())).text, name);
  else throw new UnsupportedFileError(name);
  return {
    label: name,
    inspect: () => host.inspect(),
    readColumns: (table, columns, progress) => host.readColumns(table, columns, progress),
    write: (plan, progress) => host.write(plan, progress),
    download: async (language) => ({ fileName: downloadName(name, language), bytes: await host.toBuffer() }),
  };
}
