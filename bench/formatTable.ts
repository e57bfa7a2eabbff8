/** A printable table: a title, column headers and rows of cells already formatted as text. */
export interface BenchTable {
  title: string;
  headers: string[];
  rows: string[][];
  /** Lines printed under the table (what was measured, how, caveats). */
  notes?: string[];
}

/**
 * Formats a table as Markdown with padded columns, so it reads well both in a terminal and in
 * `docs/benchmarks.md`. Columns whose cells look numeric are right-aligned.
 *
 * @example formatTable({ title: 'Engine', headers: ['rows', 'ms'], rows: [['10,000', '12.3']] })
 */
export function formatTable(table: BenchTable): string {
  const widths = table.headers.map((header, c) =>
    Math.max(3, header.length, ...table.rows.map((row) => (row[c] ?? '').length)),
  );
  const numeric = table.headers.map((_, c) =>
    table.rows.every((row) => /^[-+]?[\d,.]+( ?[×%a-zA-Z]*)?$|^—$|^n\/a$/u.test(row[c] ?? '')),
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells.map((cell, c) => (numeric[c] === true ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, c) => (numeric[c] === true ? `${'-'.repeat(width - 1)}:` : '-'.repeat(width))).join(' | ')} |`;
  const notes = (table.notes ?? []).map((note) => `- ${note}`);
  return [`### ${table.title}`, '', line(table.headers), rule, ...table.rows.map(line), '', ...notes].join(
    '\n',
  );
}
