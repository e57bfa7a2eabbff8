import type { ParsedSales } from './parseSales';

/**
 * The customers: the customers table's (in its order), then the ids of the sales seen up to the as-of date
 * that the table does not list, by id.
 *
 * @returns Their ids, and for each its index in the parsed sales (−1 for a customer with no sales row).
 */
export function listCustomers(
  tableIds: readonly string[],
  sales: ParsedSales,
): { ids: string[]; salesOf: Int32Array } {
  const listed = tableIds.length === 0 ? null : new Set(tableIds);
  const seen = sales.totals.seenUpToAsOf;
  const salesIds = sales.customerIds;
  const salesOnly = new Int32Array(salesIds.length);
  let salesOnlyCount = 0;
  for (let s = 0; s < salesIds.length; s++) {
    if (seen[s] === 1 && listed?.has(salesIds[s]!) !== true) salesOnly[salesOnlyCount++] = s;
  }
  // Every customer of the sales and no table (the default): the sales' own list serves.
  if (tableIds.length === 0 && salesOnlyCount === salesIds.length)
    return { ids: salesIds, salesOf: salesOnly };
  const count = tableIds.length + salesOnlyCount;
  const ids = new Array<string>(count);
  const salesOf = new Int32Array(count);
  for (let i = 0; i < tableIds.length; i++) {
    ids[i] = tableIds[i]!;
    salesOf[i] = sales.customerIndexOf(tableIds[i]!) ?? -1;
  }
  // The parsed sales number their customers in id order already.
  for (let j = 0; j < salesOnlyCount; j++) {
    const s = salesOnly[j]!;
    ids[tableIds.length + j] = salesIds[s]!;
    salesOf[tableIds.length + j] = s;
  }
  return { ids, salesOf };
}
