/** A JSON report as read back: the engine's or the SQL path's. */
export interface JsonReport {
  asOf: string;
  window: Record<string, unknown>;
  input: Record<string, unknown>;
  method: Record<string, unknown>;
  customers: Record<string, unknown>[];
  engine?: { notComputed: string[] };
}

/**
 * Asserts that the SQL path's report equals the engine's in every field the SQL path gives: as-of date,
 * window, row counts, the methods' figures, and for every customer (the same ids, in the same order) every
 * per-customer field. Returns how many fields were compared, so a test can say it compared something.
 */
export function expectSameAsEngine(engine: JsonReport, sql: JsonReport): number {
  expect(sql.asOf).toBe(engine.asOf);
  expect(sql.window).toEqual(engine.window);
  for (const [key, value] of Object.entries(sql.input))
    expect([key, value]).toEqual([key, engine.input[key]]);
  for (const [key, value] of Object.entries(sql.method))
    expect([key, value]).toEqual([key, engine.method[key]]);
  expect(sql.customers.map((c) => c.id)).toEqual(engine.customers.map((c) => c.id));
  let compared = 0;
  sql.customers.forEach((customer, i) => {
    const theirs = engine.customers[i]!;
    const shared = Object.fromEntries(Object.keys(customer).map((key) => [key, theirs[key]]));
    if (JSON.stringify(shared) !== JSON.stringify(customer)) expect(customer).toEqual(shared);
    compared += Object.keys(customer).length;
  });
  return compared;
}
