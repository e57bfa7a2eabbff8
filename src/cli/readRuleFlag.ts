import type { AnalysisSettings } from '../engine/types';
import { UsageError } from './UsageError';

/**
 * A command-line value as a number.
 *
 * @throws UsageError naming the flag when the value is not a finite number.
 * @example numberArgument('--abc-cut', '0.8') // 0.8
 */
export function numberArgument(flag: string, value: string): number {
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed))
    throw new UsageError(
      `${flag} needs a number (got "${value}").`,
      `${flag} 需要一个数字（收到“${value}”）。`,
    );
  return parsed;
}

/**
 * Reads one of the rule flags that `analyze` and `sql` share (`--as-of`, `--months`, `--abc-cut`,
 * `--svcd-amount`, `--svcd-frequency`, `--visits-from`) into `settings`, taking its value with `value()`.
 * Returns false, taking nothing, for any other flag.
 *
 * @throws UsageError naming the flag when its value is malformed.
 * @example readRuleFlag('--months', () => '12', settings) // true; settings.windowMonths === 12
 */
export function readRuleFlag(
  flag: string,
  value: () => string,
  settings: Partial<AnalysisSettings>,
): boolean {
  switch (flag) {
    case '--as-of': {
      const text = value();
      if (!/^\d{4}-\d{2}-\d{2}$/u.test(text))
        throw new UsageError(
          `--as-of needs a date as YYYY-MM-DD (got "${text}").`,
          `--as-of 需要 YYYY-MM-DD 格式的日期（收到“${text}”）。`,
        );
      settings.asOf = text;
      return true;
    }
    case '--months': {
      const months = numberArgument(flag, value());
      if (!Number.isInteger(months) || months < 1)
        throw new UsageError(
          '--months needs a whole number of at least 1.',
          '--months 需要至少为 1 的整数。',
        );
      settings.windowMonths = months;
      return true;
    }
    case '--abc-cut': {
      const cut = numberArgument(flag, value());
      if (!(cut > 0 && cut <= 1))
        throw new UsageError(
          `--abc-cut is a share over 0 and up to 1, e.g. 0.75 (got ${String(cut)}).`,
          `--abc-cut 是大于 0、不超过 1 的比例，例如 0.75（收到 ${String(cut)}）。`,
        );
      settings.abcCut = cut;
      return true;
    }
    case '--svcd-amount':
      settings.svcdAmountThreshold = numberArgument(flag, value());
      return true;
    case '--svcd-frequency':
      settings.svcdFrequencyThreshold = numberArgument(flag, value());
      return true;
    case '--visits-from': {
      const from = value();
      if (from !== 'svcd' && from !== 'abc')
        throw new UsageError('--visits-from is svcd or abc.', '--visits-from 的值是 svcd 或 abc。');
      settings.visitsFrom = from;
      return true;
    }
    default:
      return false;
  }
}
