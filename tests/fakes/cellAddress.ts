/** A block of cells, 0-based and inclusive. */
export interface CellBlock {
  row0: number;
  col0: number;
  row1: number;
  col1: number;
}

/** Column letters for a 0-based column index: 0 → `A`, 26 → `AA`. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Parses `A1`, `B2:D9`, `Sheet1!A1:B2` or `'My sheet'!C3` (the sheet part is ignored) into a block. */
export function parseAddress(address: string): CellBlock {
  const bang = address.lastIndexOf('!');
  const local = (bang >= 0 ? address.slice(bang + 1) : address).replace(/\$/g, '').toUpperCase();
  const [first, second] = local.split(':');
  const a = parseCell(first ?? '');
  const b = second === undefined ? a : parseCell(second);
  return {
    row0: Math.min(a.row, b.row),
    col0: Math.min(a.col, b.col),
    row1: Math.max(a.row, b.row),
    col1: Math.max(a.col, b.col),
  };
}

function parseCell(text: string): { row: number; col: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(text);
  if (match === null) throw new Error(`Not a cell address: "${text}"`);
  const letters = match[1] ?? '';
  let col = 0;
  for (const ch of letters) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, col: col - 1 };
}

/** `Sheet1!A1:B2` (the sheet name quoted when it holds anything but letters, digits and `_`), as Excel reports. */
export function formatAddress(sheetName: string, block: CellBlock): string {
  const sheet = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
  const a = `${columnLetters(block.col0)}${block.row0 + 1}`;
  const b = `${columnLetters(block.col1)}${block.row1 + 1}`;
  return a === b ? `${sheet}!${a}` : `${sheet}!${a}:${b}`;
}
