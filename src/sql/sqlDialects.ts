/** The SQL dialects the query is printed in. */
export type SqlDialect = 'duckdb' | 'postgres';

/** What differs between the dialects in the customer query. */
export interface DialectRules {
  /** Whole-number division of two integer expressions (DuckDB's `/` gives a double; Postgres' `/` truncates). */
  intDivide: (numerator: string, denominator: string) => string;
  /** Appended to an id in ORDER BY so ids sort by their bytes, not the locale (`C10` before `C9`). */
  binaryCollation: string;
}

/**
 * The rules of each dialect.
 *
 * @example sqlDialects.postgres.intDivide('n', '2') // '(n) / (2)'
 */
export const sqlDialects: Record<SqlDialect, DialectRules> = {
  duckdb: { intDivide: (a, b) => `((${a}) // (${b}))`, binaryCollation: '' },
  postgres: { intDivide: (a, b) => `((${a}) / (${b}))`, binaryCollation: ' COLLATE "C"' },
};
