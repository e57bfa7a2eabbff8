import type { ParsedCustomerTable } from './parseCustomerTable';
import type { ParsedSales } from './parseSales';

/** Each customer's name and rep: the customers table's, else those of the sales (see parseSales). */
export function namesAndReps(
  ids: readonly string[],
  salesOf: Int32Array,
  sales: ParsedSales,
  latestRep: Int32Array,
  table: ParsedCustomerTable | null,
): { names: (string | null)[]; reps: (string | null)[] } {
  const count = ids.length;
  // Without a customers table, a sales table without name (or rep) column names nobody.
  const noNames = table === null && sales.customerNames.length === 0;
  const noReps = table === null && sales.reps.length === 0;
  if (noNames && noReps) return { names: [], reps: [] };
  const names = new Array<string | null>(count);
  const reps = new Array<string | null>(count);
  for (let i = 0; i < count; i++) {
    const s = salesOf[i]!;
    const repIndex = s >= 0 ? latestRep[s]! : -1;
    const salesName = s >= 0 ? (sales.customerNames[s] ?? null) : null;
    const salesRep = repIndex >= 0 ? (sales.reps[repIndex] ?? null) : null;
    names[i] = table === null ? salesName : (table.names.get(ids[i]!) ?? salesName);
    reps[i] = table === null ? salesRep : (table.reps.get(ids[i]!) ?? salesRep);
  }
  return { names, reps };
}
