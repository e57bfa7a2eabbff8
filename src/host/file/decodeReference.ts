import type { CellBlock } from '../headedRange';

export type { CellBlock };

function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

/** Decodes an `A1:C10` (or `$A$1:$C$10`, or single-cell) reference; null when it is not one. */
export function decodeReference(reference: string): CellBlock | null {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/u.exec(reference.trim());
  if (match === null) return null;
  const left = columnNumber(match[1] ?? 'A');
  const top = Number(match[2]);
  const right = match[3] === undefined ? left : columnNumber(match[3]);
  const bottom = match[4] === undefined ? top : Number(match[4]);
  return {
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}
