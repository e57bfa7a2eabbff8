import type { AnalysisSettings } from '../../engine/types';
import type { SqlDialect } from '../../sql/sqlDialects';
import type { WarehouseSales } from '../../sql/warehouseSource';
import { UsageError } from '../parseArgs';

/** `customer-pyramid sql`: print the customer query for a warehouse table. */
export interface SqlCommand {
  command: 'sql';
  dialect: SqlDialect;
  sales: WarehouseSales;
  settings: Partial<AnalysisSettings>;
}

function numberOf(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed))
    throw new UsageError(
      `${flag} needs a number (got "${value}").`,
      `${flag} 需要一个数字（收到“${value}”）。`,
    );
  return parsed;
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
      case '--as-of': {
        const value = take(i++, flag);
        if (!/^\d{4}-\d{2}-\d{2}$/u.test(value))
          throw new UsageError(
            `--as-of needs a date as YYYY-MM-DD (got "${value}").`,
            `--as-of 需要 YYYY-MM-DD 格式的日期（收到“${value}”）。`,
          );
        settings.asOf = value;
        break;
      }
      case '--months': {
        const value = numberOf(flag, take(i++, flag));
        if (!Number.isInteger(value) || value < 1)
          throw new UsageError(
            '--months needs a whole number of at least 1.',
            '--months 需要至少为 1 的整数。',
          );
        settings.windowMonths = value;
        break;
      }
      case '--abc-cut':
        settings.abcCut = numberOf(flag, take(i++, flag));
        break;
      case '--svcd-amount':
        settings.svcdAmountThreshold = numberOf(flag, take(i++, flag));
        break;
      case '--svcd-frequency':
        settings.svcdFrequencyThreshold = numberOf(flag, take(i++, flag));
        break;
      case '--visits-from': {
        const value = take(i++, flag);
        if (value !== 'svcd' && value !== 'abc')
          throw new UsageError('--visits-from is svcd or abc.', '--visits-from 的值是 svcd 或 abc。');
        settings.visitsFrom = value;
        break;
      }
      default:
        throw new UsageError(
          `Unknown option "${flag}" for sql (see --help).`,
          `sql 没有选项“${flag}”（见 --help）。`,
        );
    }
  }
  return command;
}
