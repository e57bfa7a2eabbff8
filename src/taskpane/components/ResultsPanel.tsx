import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { svcdLabel, svcdStrategy, tierLabel, tierStrategy } from '../../engine/labels';
import type { Language, SvcdSegment } from '../../engine/types';
import { formatShare } from '../formatShare';
import type { AnalysisOutcome } from '../hooks/useAnalysis';
import { useMessages } from '../hooks/useMessages';
import { summarizeCustomers } from '../summarizeCustomers';
import { PyramidChart } from './PyramidChart';
import { SvcdMatrix } from './SvcdMatrix';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'right',
      paddingTop: tokens.spacingVerticalXXS,
      paddingBottom: tokens.spacingVerticalXXS,
      paddingLeft: tokens.spacingHorizontalXS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& th:first-child, & td:first-child': { textAlign: 'left' },
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  visits: { display: 'flex', columnGap: tokens.spacingHorizontalL },
  overdue: { color: tokens.colorPaletteRedForeground1 },
});

const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];

/**
 * What the last run found: the pyramid (chart and table beside the course's reference profile), the SVCD
 * matrix, visits overdue and due, a strategy sentence per tier and segment, links to the summary sheets
 * (inside Excel) and Undo.
 *
 * @param language Language of the result labels (the run's output language).
 */
export function ResultsPanel(props: {
  outcome: AnalysisOutcome;
  language: Language;
  onOpenSheet?: (sheetName: string) => void;
  onUndo?: () => void;
  busy: boolean;
}) {
  const t = useMessages();
  const styles = useStyles();
  const { result, summary } = props.outcome.run;
  const numbers = summarizeCustomers(result.customers, result.asOf);
  const language = props.language;
  return (
    <section className={styles.root} aria-labelledby="results-title">
      <Text as="h2" id="results-title" weight="semibold" size={400}>
        {t.resultsTitle}
      </Text>
      <Text>{t.resultsSummary(numbers.customers, result.input.usedRows)}</Text>
      {result.input.skippedCount > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.skippedRows(result.input.skippedCount)}</MessageBarBody>
        </MessageBar>
      )}

      <div className={styles.section}>
        <Text as="h3" weight="semibold">
          {t.pyramidTitle}
        </Text>
        <PyramidChart tiers={numbers.tiers} language={language} />
        <table className={styles.table} aria-label={t.pyramidTitle}>
          <thead>
            <tr>
              <th scope="col">{t.tierColumn}</th>
              <th scope="col">{t.customersColumn}</th>
              <th scope="col">{t.revenueShareColumn}</th>
              <th scope="col">{t.profitShareColumn}</th>
              <th scope="col">{t.referenceColumn}</th>
            </tr>
          </thead>
          <tbody>
            {numbers.tiers.map((tier) => (
              <tr key={tier.tier} data-tier={tier.tier}>
                <th scope="row">{tierLabel(tier.tier, language)}</th>
                <td>{tier.customers.toLocaleString(language)}</td>
                <td>{formatShare(tier.revenueShare, language)}</td>
                <td>{formatShare(tier.profitShare, language)}</td>
                <td>{t.referenceProfile[tier.tier]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {result.valueBasis === 'revenue' && <Caption1>{t.rankedByRevenue}</Caption1>}
      </div>

      <div className={styles.section}>
        <Text as="h3" weight="semibold">
          {t.svcdTitle}
        </Text>
        <SvcdMatrix segments={numbers.segments} thresholds={result.svcdThresholds} language={language} />
      </div>

      <div className={styles.section}>
        <Text as="h3" weight="semibold">
          {t.visitsTitle}
        </Text>
        <div className={styles.visits}>
          <Text weight="semibold" className={numbers.overdue > 0 ? styles.overdue : undefined}>
            {t.visitsOverdue(numbers.overdue)}
          </Text>
          <Text>{numbers.dueSoon > 0 ? t.visitsDueSoon(numbers.dueSoon) : t.visitsNone}</Text>
        </div>
      </div>

      <div className={styles.section}>
        <Text as="h3" weight="semibold">
          {t.strategiesTitle}
        </Text>
        <ul className={styles.list}>
          {numbers.tiers.map((tier) => (
            <li key={tier.tier}>
              <Text weight="semibold">{tierLabel(tier.tier, language)}</Text>:{' '}
              {tierStrategy(tier.tier, language)}
            </li>
          ))}
        </ul>
        <ul className={styles.list}>
          {segments.map((segment) => (
            <li key={segment}>
              <Text weight="semibold">{svcdLabel(segment, language)}</Text>: {svcdStrategy(segment, language)}
            </li>
          ))}
        </ul>
      </div>

      {summary !== null && (
        <div className={styles.section}>
          <Text as="h3" weight="semibold">
            {t.sheetsTitle}
          </Text>
          <Caption1>{t.writtenTo(summary.location)}</Caption1>
          {props.onOpenSheet === undefined ? (
            <Caption1>{summary.sheetNames.join(' · ')}</Caption1>
          ) : (
            <nav className={styles.links} aria-label={t.sheetsTitle}>
              {summary.sheetNames.map((name) => (
                <Link
                  key={name}
                  as="button"
                  aria-label={t.openSheet(name)}
                  onClick={() => {
                    props.onOpenSheet?.(name);
                  }}
                >
                  {name}
                </Link>
              ))}
            </nav>
          )}
        </div>
      )}
      {props.onUndo !== undefined && (
        <div>
          <Button onClick={props.onUndo} disabled={props.busy}>
            {t.undoLastRun}
          </Button>
        </div>
      )}
    </section>
  );
}
