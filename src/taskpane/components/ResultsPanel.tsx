import type { ReactNode, RefObject } from 'react';
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { isoFromDay } from '../../engine/dayNumbers';
import {
  abcLabel,
  churnLabel,
  rfmLabel,
  svcdLabel,
  svcdStrategy,
  tierCourseZone,
  tierLabel,
  tierOutcome,
  tierStrategy,
} from '../../engine/labels';
import { tierFigures, tierOutcomes } from '../../engine/summary/buildPyramidSheet';
import type { Language, SvcdSegment } from '../../engine/types';
import { formatShare } from '../formatShare';
import type { AnalysisOutcome } from '../hooks/useAnalysis';
import { useMessages } from '../hooks/useMessages';
import { valueOutlookInputOf } from '../../engine/methods/valueModelMethod';
import { outlookInShort } from '../../engine/summary/outlookInShort';
import { valueOutlookWord } from '../../engine/summary/valueOutlookWord';
import { churnRisks, rfmSegments, summarizeCustomers } from '../summarizeCustomers';
import { ThisWeek } from './ThisWeek';
import { ValueOutlook } from './ValueOutlook';
import { PyramidChart } from './PyramidChart';
import type { SettingsPart } from './SettingsPanel';
import type { Movement } from '../../engine/movement/types';
import { SvcdMatrix } from './SvcdMatrix';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { outlineOffset: '2px', scrollMarginTop: tokens.spacingVerticalS },
  section: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  table: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& th, & td': {
      textAlign: 'right',
      verticalAlign: 'top',
      paddingTop: tokens.spacingVerticalXXS,
      paddingBottom: tokens.spacingVerticalXXS,
      paddingLeft: tokens.spacingHorizontalXS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    },
    '& th:first-child, & td:first-child': { textAlign: 'left', paddingLeft: 0 },
  },
  // The visits table ends with names: left-aligned like text.
  visitsTable: { '& th:last-child, & td:last-child': { textAlign: 'left' } },
  controls: {
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  links: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
  },
  overdue: { color: tokens.colorPaletteRedForeground1 },
  // A tier's name, its figures and the line on what its customers did read as one block.
  tierRow: { '& th, & td': { borderBottom: 'none' } },
  // Rows of figures only: the first cell is a number too, right-aligned like the others.
  numbersRow: { '& th:first-child, & td:first-child': { textAlign: 'right' } },
  zone: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
  outcome: { color: tokens.colorNeutralForeground2 },
});

const segments: readonly SvcdSegment[] = ['Star', 'Cow', 'Volcano', 'Dog'];

/** The sections of the results, in order; pyramid and SVCD start open. */
type SectionKey =
  | 'period'
  | 'pyramid'
  | 'svcd'
  | 'abc'
  | 'rfm'
  | 'churn'
  | 'movement'
  | 'outlook'
  | 'calls'
  | 'visits'
  | 'strategies'
  | 'sheets';

/** Customers who moved up, moved down and are new on the pyramid since the earlier date. */
function movesOf(movement: Movement | null): { up: number; down: number; added: number } {
  const moves = { up: 0, down: 0, added: 0 };
  for (const m of movement?.customers ?? []) {
    if (m.tierChange === 'new') moves.added++;
    else if (m.tierChange?.startsWith('up') === true) moves.up++;
    else if (m.tierChange?.startsWith('down') === true) moves.down++;
  }
  return moves;
}

/**
 * What the last run found, compact enough for a 320 px task pane: the as-of date and window, how many
 * customers are on the pyramid and how many are not (and why), then one collapsible section per method —
 * pyramid (chart and table beside the course's reference), SVCD matrix, ABC classes, RFM segments, churn
 * risk, movement and retention in short, this week's calls per sales rep with their reasons (`ThisWeek`),
 * visits per sales rep with the most overdue names, what to do, and the summary sheets. Each
 * section holds the settings that change its figures, so a changed threshold updates the numbers beside it.
 *
 * @param language Language of the result labels (the run's output language).
 * @param settingsFor The controls of a settings group, shown inside the section whose figures it changes.
 * @param headingRef The results heading, focused after Analyse.
 * @param actions Shown under the overview (the playground's download button).
 */
export function ResultsPanel(props: {
  outcome: AnalysisOutcome;
  language: Language;
  onOpenSheet?: (sheetName: string) => void;
  onUndo?: () => void;
  busy: boolean;
  settingsFor?: (part: SettingsPart) => ReactNode;
  headingRef?: RefObject<HTMLHeadingElement | null>;
  actions?: ReactNode;
}) {
  const { outcome, language, onOpenSheet, onUndo, busy, settingsFor, headingRef, actions } = props;
  const t = useMessages();
  const styles = useStyles();
  const { result, summary } = outcome.run;
  const numbers = summarizeCustomers(result);
  // What each tier's own customers did: the tier names are positions, the outcome says what happened there.
  const outcomes = tierOutcomes(tierFigures(result));
  const basis = result.valueBasis;
  const count = (value: number): string => value.toLocaleString(language);
  const movement = result.outputs.movement;
  const moves = movesOf(movement);
  const months = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(result.window.months);
  const controls = (part: SettingsPart): ReactNode => {
    const content = settingsFor?.(part);
    return content === undefined || content === null ? null : (
      <div className={styles.controls}>{content}</div>
    );
  };
  const section = (key: SectionKey, title: string, body: ReactNode): ReactNode => (
    <AccordionItem value={key}>
      <AccordionHeader as="h3" size="small">
        {title}
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.section} data-section={key}>
          {body}
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
  return (
    <section className={styles.root} aria-labelledby="results-title">
      <Text
        as="h2"
        id="results-title"
        weight="semibold"
        size={400}
        tabIndex={-1}
        ref={headingRef}
        className={styles.heading}
      >
        {t.resultsTitle}
      </Text>
      <Text data-testid="results-period">
        {t.periodLine(
          isoFromDay(result.asOf),
          isoFromDay(result.window.start),
          isoFromDay(result.window.end),
          months,
        )}
      </Text>
      <Text data-testid="results-customers">
        {t.resultsSummary(numbers.customers, result.input.usedRows)}{' '}
        {t.customersLine(numbers.onPyramid, numbers.withoutSalesInWindow)}
      </Text>
      {result.input.skippedCount > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.skippedRows(result.input.skippedCount)}</MessageBarBody>
        </MessageBar>
      )}
      {actions}

      <Accordion multiple collapsible defaultOpenItems={['pyramid', 'svcd']}>
        {settingsFor !== undefined && section('period', t.periodTitle, controls('period'))}
        {section(
          'pyramid',
          t.pyramidTitle,
          <>
            <PyramidChart tiers={numbers.tiers} language={language} />
            <table className={styles.table} aria-label={t.pyramidTitle}>
              <thead>
                <tr className={styles.numbersRow}>
                  <th scope="col">{t.customersColumn}</th>
                  <th scope="col">{t.revenueShareColumn}</th>
                  {basis === 'profit' && <th scope="col">{t.profitShareColumn}</th>}
                  <th scope="col">{t.referenceColumn}</th>
                </tr>
              </thead>
              {numbers.tiers.map((tier) => {
                const outcome = outcomes[tier.tier - 1];
                const columns = basis === 'profit' ? 4 : 3;
                return (
                  // One block per tier: its name across the pane (a 320 px pane has no room for it in a
                  // column), its figures, then what its customers actually did.
                  <tbody key={tier.tier}>
                    <tr className={styles.tierRow}>
                      <th scope="rowgroup" colSpan={columns} data-tier-title={tier.tier}>
                        {tierLabel(tier.tier, language)}
                        {basis === 'profit' && (
                          <Caption1 className={styles.zone}>
                            {' '}
                            — {tierCourseZone(tier.tier, language)}
                          </Caption1>
                        )}
                      </th>
                    </tr>
                    <tr className={mergeClasses(styles.tierRow, styles.numbersRow)} data-tier={tier.tier}>
                      <td>{count(tier.customers)}</td>
                      <td>{formatShare(tier.revenueShare, language)}</td>
                      {basis === 'profit' && <td>{formatShare(tier.profitShare, language)}</td>}
                      <td>
                        {basis === 'profit'
                          ? t.referenceProfile[tier.tier]
                          : // Ranked by revenue: the course's customers and revenue shares, no word of profit.
                            t.referenceProfile[tier.tier].split(' · ').slice(0, 2).join(' · ')}
                      </td>
                    </tr>
                    {outcome !== undefined && tier.customers > 0 && (
                      <tr>
                        <td colSpan={columns} className={styles.outcome} data-outcome={tier.tier}>
                          {tierOutcome(outcome, language, basis)}
                        </td>
                      </tr>
                    )}
                  </tbody>
                );
              })}
            </table>
            {result.valueBasis === 'revenue' && <Caption1>{t.rankedByRevenue}</Caption1>}
          </>,
        )}
        {section(
          'svcd',
          t.svcdTitle,
          <>
            <SvcdMatrix segments={numbers.segments} thresholds={result.svcdThresholds} language={language} />
            {controls('svcd')}
          </>,
        )}
        {section(
          'abc',
          t.abcTitle,
          <>
            <table className={styles.table} aria-label={t.abcTitle}>
              <thead>
                <tr>
                  <th scope="col">{t.classColumn}</th>
                  <th scope="col">{t.customersColumn}</th>
                  <th scope="col">{t.revenueShareColumn}</th>
                </tr>
              </thead>
              <tbody>
                {(['A', 'B', 'C'] as const).map((abc) => (
                  <tr key={abc} data-abc={abc}>
                    <th scope="row">{abcLabel(abc, language)}</th>
                    <td>{count(numbers.abc[abc].customers)}</td>
                    <td>{formatShare(numbers.abc[abc].revenueShare, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {controls('abc')}
          </>,
        )}
        {section(
          'rfm',
          t.rfmTitle,
          <table className={styles.table} aria-label={t.rfmTitle}>
            <thead>
              <tr>
                <th scope="col">{t.segmentColumn}</th>
                <th scope="col">{t.customersColumn}</th>
              </tr>
            </thead>
            <tbody>
              {rfmSegments.map((segment) => (
                <tr key={segment} data-rfm={segment}>
                  <th scope="row">{rfmLabel(segment, language)}</th>
                  <td>{count(numbers.rfm[segment])}</td>
                </tr>
              ))}
            </tbody>
          </table>,
        )}
        {section(
          'churn',
          t.churnTitle,
          <>
            <table className={styles.table} aria-label={t.churnTitle}>
              <thead>
                <tr>
                  <th scope="col">{t.riskColumn}</th>
                  <th scope="col">{t.customersColumn}</th>
                </tr>
              </thead>
              <tbody>
                {churnRisks.map((risk) => (
                  <tr key={risk} data-churn={risk}>
                    <th scope="row">{churnLabel(risk, language)}</th>
                    <td>{count(numbers.churn[risk])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Caption1>{result.outputs.churn.from === 'model' ? t.churnHintModel : t.churnHint}</Caption1>
            {controls('churn')}
          </>,
        )}
        {section(
          'movement',
          t.movementTitle,
          <>
            {movement === null ? (
              <Text data-testid="movement-off">{t.movementOff}</Text>
            ) : (
              <>
                <Text weight="semibold" data-testid="movement-line">
                  {t.movementLine(moves.up, moves.down, moves.added)}
                </Text>
                <Text data-testid="retention-line">
                  {t.retentionLine(
                    movement.retention.rate === null ? null : formatShare(movement.retention.rate, language),
                    movement.retention.earlierBuyers,
                  )}
                </Text>
                <Caption1>
                  {t.comparedLine(
                    isoFromDay(movement.previousAsOf),
                    movement.previousFrom === 'history',
                    movement.settings.compareMonths,
                  )}
                </Caption1>
              </>
            )}
            {controls('movement')}
          </>,
        )}
        {section(
          'outlook',
          valueOutlookWord('title', language),
          <ValueOutlook outlook={outlookInShort(valueOutlookInputOf(result))} language={language} />,
        )}
        {section(
          'calls',
          t.callsTitle,
          <ThisWeek
            calls={result.outputs.calls.list}
            from={result.outputs.calls.from}
            to={result.outputs.calls.to}
            language={language}
          />,
        )}
        {section(
          'visits',
          t.visitsTitle,
          <>
            <Text weight="semibold" className={numbers.overdue > 0 ? styles.overdue : undefined}>
              {t.visitsOverdue(numbers.overdue)}
            </Text>
            <Text>{numbers.dueSoon > 0 ? t.visitsDueSoon(numbers.dueSoon) : t.visitsNone}</Text>
            <table className={mergeClasses(styles.table, styles.visitsTable)} aria-label={t.visitsTitle}>
              <thead>
                <tr>
                  <th scope="col">{t.repColumn}</th>
                  <th scope="col">{t.overdueColumn}</th>
                  <th scope="col">{t.dueSoonColumn}</th>
                  <th scope="col">{t.mostOverdueColumn}</th>
                </tr>
              </thead>
              <tbody>
                {numbers.reps.map((rep) => (
                  <tr key={rep.rep ?? ''} data-rep={rep.rep ?? ''}>
                    <th scope="row">{rep.rep ?? t.noRep}</th>
                    <td>{count(rep.overdue)}</td>
                    <td>{count(rep.dueSoon)}</td>
                    <td>
                      {rep.mostOverdue.map((c) => t.overdueName(c.name ?? c.id, c.daysOverdue)).join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {controls('visits')}
          </>,
        )}
        {section(
          'strategies',
          t.strategiesTitle,
          <>
            <ul className={styles.list}>
              {numbers.tiers.map((tier) => (
                <li key={tier.tier}>
                  <Text weight="semibold">{tierLabel(tier.tier, language)}</Text>:{' '}
                  {tierStrategy(tier.tier, language, outcomes[tier.tier - 1], basis)}
                </li>
              ))}
            </ul>
            <ul className={styles.list}>
              {segments.map((segment) => (
                <li key={segment}>
                  <Text weight="semibold">{svcdLabel(segment, language)}</Text>:{' '}
                  {svcdStrategy(segment, language)}
                </li>
              ))}
            </ul>
          </>,
        )}
        {summary !== null &&
          section(
            'sheets',
            t.sheetsTitle,
            <>
              <Caption1>{t.writtenTo(summary.location)}</Caption1>
              {onOpenSheet === undefined ? (
                <Caption1>{summary.sheetNames.join(' · ')}</Caption1>
              ) : (
                <nav className={styles.links} aria-label={t.sheetsTitle}>
                  {summary.sheetNames.map((name) => (
                    <Link
                      key={name}
                      as="button"
                      aria-label={t.openSheet(name)}
                      onClick={() => {
                        onOpenSheet(name);
                      }}
                    >
                      {name}
                    </Link>
                  ))}
                </nav>
              )}
            </>,
          )}
      </Accordion>
      {onUndo !== undefined && (
        <div>
          <Button onClick={onUndo} disabled={busy}>
            {t.undoLastRun}
          </Button>
        </div>
      )}
    </section>
  );
}
