import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SvcdThresholds } from '../../engine/assignSvcd';
import { svcdLabel } from '../../engine/labels';
import type { Language, SvcdSegment } from '../../engine/types';
import { formatShare } from '../formatShare';
import { useMessages } from '../hooks/useMessages';
import type { SegmentSummary } from '../summarizeCustomers';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr 1fr',
    gap: tokens.spacingHorizontalXS,
    alignItems: 'stretch',
  },
  row: { display: 'contents' },
  axis: { alignSelf: 'center', color: tokens.colorNeutralForeground3 },
  cell: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/**
 * The SVCD 2×2 matrix: frequency up, amount per order across — Cow and Star on top, Dog and Volcano
 * below — with each segment's customers and revenue share, and the thresholds that split the axes.
 */
export function SvcdMatrix(props: {
  segments: Record<SvcdSegment, SegmentSummary>;
  thresholds: SvcdThresholds;
  language: Language;
}) {
  const t = useMessages();
  const styles = useStyles();
  // Thresholds are rounded for reading: whole money from 100 up, else two decimals; frequency two decimals.
  const format = (value: number): string =>
    new Intl.NumberFormat(props.language, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 }).format(
      value,
    );
  const cell = (segment: SvcdSegment) => {
    const s = props.segments[segment];
    return (
      <div className={styles.cell} role="cell" data-segment={segment}>
        <Text weight="semibold">{svcdLabel(segment, props.language)}</Text>
        <Caption1>{t.svcdCell(s.customers, formatShare(s.revenueShare, props.language))}</Caption1>
      </div>
    );
  };
  const threshold = (value: number | null) => (value === null ? '–' : format(value));
  const frequency = props.thresholds.frequency;
  return (
    <div>
      <div className={styles.grid} role="table" aria-label={t.svcdTitle}>
        <div role="row" className={styles.row}>
          <Caption1 className={styles.axis} role="rowheader">
            {t.highFrequency}
          </Caption1>
          {cell('Cow')}
          {cell('Star')}
        </div>
        <div role="row" className={styles.row}>
          <Caption1 className={styles.axis} role="rowheader">
            {t.lowFrequency}
          </Caption1>
          {cell('Dog')}
          {cell('Volcano')}
        </div>
        <div role="row" className={styles.row}>
          <span role="cell" />
          <Caption1 className={styles.axis} role="columnheader">
            {t.lowAmount}
          </Caption1>
          <Caption1 className={styles.axis} role="columnheader">
            {t.highAmount}
          </Caption1>
        </div>
      </div>
      <Caption1>
        {t.svcdThresholdsUsed(
          threshold(props.thresholds.amount),
          threshold(frequency),
          frequency === null ? 0 : Math.round(frequency * 100) / 100,
        )}
      </Caption1>
    </div>
  );
}
