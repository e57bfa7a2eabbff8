import type { TableInput } from '../analyze';
import { cellAt } from '../cellColumn';
import { parseDateCell, parseIdCell, parseNumberCell, parseTextCell } from '../parseCell';
import type { DateOrder, RawCell } from '../types';
import { careItemKey } from './careItemKey';
import type { CareRule } from './readCareRules';

/** A service follow-up: a purchase of a product a care rule names, due its days later. */
export interface FollowUp {
  customer: number;
  /** The day to call: purchase day + the rule's days. */
  day: number;
  purchaseDay: number;
  /** The product (or, for a category rule, the category) as the sales row wrote it. */
  item: string;
  rule: CareRule;
}

/**
 * The follow-ups due from `start` to `end` (inclusive day numbers): each sales row up to `asOf` with a
 * positive amount (or quantity × unit price) whose product or category matches a care rule (by
 * `careItemKey`) gives a follow-up on its date + the rule's days. One purchase day of one item and rule
 * gives one follow-up, however many rows (order lines) it has. Rows the analysis skips (blank customer,
 * unreadable date or amount) give none; customers not in `position` are left out.
 *
 * @example findFollowUps(sales, [{ item: 'Fridge', days: 90, note: 'defrost', row: 2 }], position, asOf, asOf, asOf + 6, false, 'mdy')
 */
export function findFollowUps(
  sales: TableInput,
  rules: readonly CareRule[],
  position: ReadonlyMap<string, number>,
  asOf: number,
  start: number,
  end: number,
  date1904: boolean,
  order: DateOrder,
): FollowUp[] {
  const found: FollowUp[] = [];
  if (rules.length === 0) return found;
  const { table, mapping } = sales;
  const byKey = new Map<string, CareRule[]>();
  for (const rule of rules) {
    const key = careItemKey(rule.item);
    byKey.set(key, [...(byKey.get(key) ?? []), rule]);
  }
  const col = (index: number | undefined) => (index === undefined ? undefined : table.columns[index]);
  const itemColumns = [col(mapping.product), col(mapping.category)].filter((c) => c !== undefined);
  const ids = col(mapping.customerId);
  const dates = col(mapping.date);
  if (itemColumns.length === 0 || ids === undefined || dates === undefined) return found;
  const amounts = col(mapping.amount);
  const quantities = col(mapping.quantity);
  const prices = col(mapping.unitPrice);
  const amountOf = (r: number): number | null => {
    if (amounts !== undefined) return parseNumberCell(cellAt(amounts, r));
    if (quantities === undefined || prices === undefined) return null;
    const q = parseNumberCell(cellAt(quantities, r));
    const p = parseNumberCell(cellAt(prices, r));
    return q === null || p === null ? null : q * p;
  };
  const keyMemo = new Map<RawCell, string | null>();
  const keyOf = (cell: RawCell): string | null => {
    let key = keyMemo.get(cell);
    if (key === undefined) {
      const text = parseTextCell(cell);
      key = text === null ? null : careItemKey(text);
      keyMemo.set(cell, key);
    }
    return key;
  };
  const seen = new Set<string>();
  const earliest = start - Math.max(...rules.map((rule) => rule.days));
  for (let r = 0; r < table.rowCount; r++) {
    for (const column of itemColumns) {
      const cell = cellAt(column, r);
      const key = keyOf(cell);
      const matching = key === null ? undefined : byKey.get(key);
      if (matching === undefined) continue;
      const date = parseDateCell(cellAt(dates, r), date1904, order);
      if (date === null || date.day > asOf || date.day < earliest) continue;
      const amount = amountOf(r);
      if (amount === null || !(amount > 0)) continue;
      const id = parseIdCell(cellAt(ids, r));
      const customer = id === null ? undefined : position.get(id);
      if (customer === undefined) continue;
      for (const rule of matching) {
        const day = date.day + rule.days;
        if (day < start || day > end) continue;
        const once = `${customer}\u0000${day}\u0000${key ?? ''}\u0000${rule.row}`;
        if (seen.has(once)) continue;
        seen.add(once);
        found.push({ customer, day, purchaseDay: date.day, item: parseTextCell(cell) ?? '', rule });
      }
    }
  }
  return found;
}
