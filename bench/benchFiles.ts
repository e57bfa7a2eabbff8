import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  generateSales,
  generateShapedSales,
  type OrderLines,
  type SalesShapeName,
  type SyntheticSales,
} from './generateSales';
import { writeSalesCsv } from './writeSalesCsv';
import { writeSalesXlsx } from './writeSalesXlsx';

/** Bump when the generator or the writers change, so files of an older bench are rewritten. */
const fileVersion = 1;

/** A generated input file and how long writing it took (0 when reused from an earlier run). */
export interface BenchFile {
  file: string;
  bytes: number;
  writeMs: number;
}

/**
 * The bench's input files in a temporary directory (`$TMPDIR/customer-pyramid-bench`), written once per
 * row count and reused by later runs while the generator is unchanged. `sales` generates the data only
 * when a file has to be written.
 */
export const benchFiles = {
  directory(): string {
    const directory = path.join(os.tmpdir(), 'customer-pyramid-bench');
    mkdirSync(directory, { recursive: true });
    return directory;
  },

  /** The sales CSV for `rows` rows (`sales-<rows>.csv`, or `sales-<rows>-one.csv` with one line per order). */
  csv(rows: number, sales: () => SyntheticSales, lines: OrderLines = 'many'): BenchFile {
    const file = path.join(benchFiles.directory(), `sales-${rows}${lines === 'one' ? '-one' : ''}.csv`);
    return reuseOrWrite(file, () => writeSalesCsv(sales(), file));
  },

  /**
   * The sales CSV for `rows` rows in a named shape: `sales-<rows>.csv` for `lines-1-5` (the file
   * {@link benchFiles.csv} writes), `sales-<rows>-<shape>.csv` otherwise.
   */
  shapedCsv(rows: number, shape: SalesShapeName): BenchFile {
    const name = shape === 'lines-1-5' ? `sales-${rows}.csv` : `sales-${rows}-${shape}.csv`;
    const file = path.join(benchFiles.directory(), name);
    return reuseOrWrite(file, () => writeSalesCsv(generateShapedSales(rows, shape), file));
  },

  /** The sales workbook for `rows` rows (exceljs streaming writer). */
  async xlsx(rows: number, sales: () => SyntheticSales): Promise<BenchFile> {
    const file = path.join(benchFiles.directory(), `sales-${rows}.xlsx`);
    const marker = `${file}.done`;
    if (existsSync(file) && existsSync(marker) && readFileSync(marker, 'utf8') === String(fileVersion))
      return { file, bytes: readBytes(file), writeMs: 0 };
    const started = performance.now();
    const bytes = await writeSalesXlsx(sales(), file);
    writeFileSync(marker, String(fileVersion));
    return { file, bytes, writeMs: performance.now() - started };
  },

  /** Generates sales for `rows` rows once, however many files ask for them. */
  lazySales(rows: number, lines: OrderLines = 'many'): () => SyntheticSales {
    let sales: SyntheticSales | null = null;
    return () => (sales ??= generateSales(rows, undefined, undefined, lines));
  },
};

function readBytes(file: string): number {
  return statSync(file).size;
}

function reuseOrWrite(file: string, write: () => number): BenchFile {
  const marker = `${file}.done`;
  if (existsSync(file) && existsSync(marker) && readFileSync(marker, 'utf8') === String(fileVersion))
    return { file, bytes: readBytes(file), writeMs: 0 };
  const started = performance.now();
  const bytes = write();
  writeFileSync(marker, String(fileVersion));
  return { file, bytes, writeMs: performance.now() - started };
}
