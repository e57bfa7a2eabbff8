import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { OutlookInShort } from '../../engine/summary/outlookInShort';
import { valueOutlookWord } from '../../engine/summary/valueOutlookWord';
import type { Language } from '../../engine/types';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  pair: { display: 'contents' },
  term: { overflowWrap: 'anywhere' },
  value: { margin: 0, textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

const words = {
  expected: {
    en: (days: number) => `Expected purchases, next ${days} days`,
    'zh-CN': (days: number) => `未来 ${days} 天预期购买次数`,
  },
  value: {
    en: (months: number) => `Predicted value, next ${months} months`,
    'zh-CN': (months: number) => `未来 ${months} 个月预测价值`,
  },
  likely: {
    en: 'Customers more likely still a customer than not',
    'zh-CN': '仍为客户概率超过一半的客户',
  },
  holdout: {
    en: (predicted: string, actual: string, weeks: string, change: string) =>
      `Holdout check: the model expected ${predicted} purchase days in the last ${weeks} weeks, customers made ${actual} (${change}).`,
    'zh-CN': (predicted: string, actual: string, weeks: string, change: string) =>
      `留出期检验：最后 ${weeks} 周模型预期 ${predicted} 个购买日，实际 ${actual}（${change}）。`,
  },
  slippingRow: {
    en: (value: string, chance: string) => `lifetime value ${value}, ${chance} chance still a customer`,
    'zh-CN': (value: string, chance: string) => `历史价值 ${value}，仍为客户的概率 ${chance}`,
  },
  more: {
    en: (count: number) => `… and ${count} more on the Value outlook sheet.`,
    'zh-CN': (count: number) => `……另有 ${count} 位，见"价值展望"工作表。`,
  },
  none: { en: 'No value model:', 'zh-CN': '无法建立价值模型：' },
} as const;

/**
 * The Value outlook in short: expected purchases and predicted value in total, how many customers are
 * likely still customers, the holdout check in one line and the first valuable customers who are slipping
 * (the sheet has the full lists). Without a fit, the reason.
 */
export function ValueOutlook(props: { outlook: OutlookInShort; language: Language }) {
  const styles = useStyles();
  const { outlook, language } = props;
  const format = (value: number, digits = 0): string =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(
      value,
    );
  const percent = (value: number): string =>
    new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);
  if (!outlook.fitted) {
    return (
      <div className={styles.root} data-outlook="none">
        <Text>
          {words.none[language]} {outlook.reason}
        </Text>
      </div>
    );
  }
  const { settings, holdout } = outlook;
  const figures: [string, string][] = [
    [words.expected[language](settings.horizonDays), format(outlook.expectedPurchases)],
    ...(outlook.predictedValue === null
      ? []
      : [[words.value[language](settings.months), format(outlook.predictedValue)] as [string, string]]),
    [words.likely[language], `${format(outlook.likelyActive)} / ${format(outlook.customers)}`],
  ];
  const change = holdout === null || holdout.actual === 0 ? null : holdout.predicted / holdout.actual - 1;
  return (
    <div className={styles.root} data-outlook="fitted">
      <dl className={styles.figures}>
        {figures.map(([term, value]) => (
          <div key={term} className={styles.pair}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
      {holdout !== null && change !== null && (
        <Caption1 data-holdout>
          {words.holdout[language](
            format(holdout.predicted),
            format(holdout.actual),
            format(holdout.weeks),
            `${change >= 0 ? '+' : '−'}${percent(Math.abs(change))}`,
          )}
        </Caption1>
      )}
      {outlook.slipping.length > 0 && (
        <>
          <Text weight="semibold">{valueOutlookWord('slippingTitle', language)}</Text>
          <ol className={styles.list} aria-label={valueOutlookWord('slippingTitle', language)}>
            {outlook.slipping.map((c) => (
              <li key={c.id}>
                <Text>{c.name === null ? c.id : `${c.name} (${c.id})`}</Text>{' '}
                <Caption1 className={styles.muted}>
                  {words.slippingRow[language](format(c.historicalValue), percent(c.pAlive))}
                </Caption1>
              </li>
            ))}
          </ol>
          {outlook.slippingCount > outlook.slipping.length && (
            <Caption1 className={styles.muted}>
              {words.more[language](outlook.slippingCount - outlook.slipping.length)}
            </Caption1>
          )}
        </>
      )}
    </div>
  );
}
