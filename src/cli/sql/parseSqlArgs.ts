import type { AnalysisSettings } from '../../engine/types';
import type { SqlDialect } from '../../sql/sqlDialects';
import type { WarehouseSales } from '../../sql/warehouseSource';
import { readRuleFlag } from '../readRuleFlag';
import { UsageError } from '../UsageError';

/** `customer-pyramid sql`: print the customer query for a warehouse table. */
export interface SqlCommand {
  command: 'sql';
  dialect: SqlDialect;
  sales: WarehouseSales;
  settings: Partial<AnalysisSettings>;
}

const columnFlags: Record<string, keyof Omit<WarehouseSales, 'table'>> = {
  '--customer-column': 'customerId',
  '--date-column': 'date',
  '--amount-column': 'amount',
  '--profit-column': 'profit',
  '--cost-column': 'cost',
  '--order-column': 'orderId',
};

/**
 * Parses the arguments of `customer-pyramid sql` (after the command word).
 *
 * @throws UsageError naming the unknown or malformed argument.
 * @example parseSqlArgs(['--dialect', 'postgres', '--table', 'shop.sales']).sales.table // 'shop.sales'
 */
export function parseSqlArgs(rest: readonly string[]): SqlCommand {
  const take = (i: number, flag: string): string => {
    const value = rest[i + 1];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${flag} needs a value.`, `${flag} 需要一个值。`);
    return value;
  };
  const command: SqlCommand = {
    command: 'sql',
    dialect: 'duckdb',
    sales: {
      table: 'sales',
      customerId: 'customer_id',
      date: 'sale_date',
      amount: 'amount',
      profit: null,
      cost: null,
      orderId: null,
    },
    settings: {},
  };
  const { settings } = command;
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] ?? '';
    const column = columnFlags[flag];
    if (column !== undefined) {
      command.sales[column] = take(i++, flag);
      continue;
    }
    if (readRuleFlag(flag, () => take(i++, flag), settings)) continue;
    switch (flag) {
      case '--dialect': {
        const value = take(i++, flag);
        if (value !== 'duckdb' && value !== 'postgres')
          throw new UsageError('--dialect is duckdb or postgres.', '--dialect 的值是 duckdb 或 postgres。');
        command.dialect = value;
        break;
      }
      case '--table':
        command.sales.table = take(i++, flag);
        break;
      default:
        throw new UsageError(
          `Unknown option "${flag}" for sql (see --help).`,
          `sql 没有选项“${flag}”（见 --help）。`,
        );
    }
  }
  return command;
}
