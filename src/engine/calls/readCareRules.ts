import type { TableInput } from '../analyze';
import { cellAt } from '../cellColumn';
import { isBlank, parseNumberCell, parseTextCell } from '../parseCell';
import type { DataNote } from '../types';

/** One row of the care rules table: a product or category, the days after a purchase, a note. */
export interface CareRule {
  /** The product or category as written (matched by `careItemKey`). */
  item: string;
  /** Follow up this many whole days after the purchase (0 = on the purchase day). */
  days: number;
  /** What to say ("defrost reminder"); null when blank. */
  note: string | null;
  /** 1-based sheet row, for messages. */
  row: number;
}

/**
 * Reads the care rules table. A row names a product (product column) or a category (category column; one
 * rule per filled cell when both are); its days must be a whole number of 0 or more — a row whose days are
 * blank, not a number, negative or fractional is left out and reported with its sheet, row and column (a
 * Data issues note). Rows without product and category are ignored.
 *
 * @example readCareRules(rules).rules[0] // { item: 'Refrigerator', days: 90, note: 'defrost reminder', row: 2 }
 */
export function readCareRules(input: TableInput | null): { rules: CareRule[]; notes: DataNote[] } {
  const rules: CareRule[] = [];
  const notes: DataNote[] = [];
  if (input === null) return { rules, notes };
  const { table, mapping } = input;
  const column = (index: number | undefined) => (index === undefined ? undefined : table.columns[index]);
  const items = [column(mapping.product), column(mapping.category)].filter((c) => c !== undefined);
  const days = column(mapping.followUpDays);
  const note = column(mapping.careNote);
  const daysHeader =
    mapping.followUpDays === undefined ? null : (table.headers[mapping.followUpDays] ?? '').trim();
  if (days === undefined) return { rules, notes };
  for (let r = 0; r < table.rowCount; r++) {
    const row = table.headerRow + 1 + r;
    const names = items.map((c) => parseTextCell(cellAt(c, r))).filter((n): n is string => n !== null);
    if (names.length === 0) continue;
    const cell = cellAt(days, r);
    const value = parseNumberCell(cell);
    if (value === null || value < 0 || !Number.isInteger(value)) {
      const shown = isBlank(cell) ? '' : String(cell);
      notes.push({
        sheet: table.sheet,
        row,
        column: daysHeader,
        message: `Care rule for "${names.join(' / ')}": the days "${shown}" are not a whole number of 0 or more; the rule is left out.`,
        code: 'careDaysNotNumber',
        params: { item: names.join(' / '), value: shown },
      });
      continue;
    }
    const text = note === undefined ? null : parseTextCell(cellAt(note, r));
    for (const item of names) rules.push({ item, days: value, note: text, row });
  }
  return { rules, notes };
}
