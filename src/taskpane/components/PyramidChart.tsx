import { makeStyles, tokens } from '@fluentui/react-components';
import { tierLabel } from '../../engine/labels';
import type { Language, PyramidTier } from '../../engine/types';
import { formatShare } from '../formatShare';
import { useMessages } from '../hooks/useMessages';
import type { TierSummary } from '../summarizeCustomers';

const useStyles = makeStyles({
  svg: { width: '100%', maxWidth: '400px', height: 'auto', display: 'block' },
  tier1: { fill: tokens.colorPaletteGreenBackground3 },
  tier2: { fill: tokens.colorPaletteLightGreenBackground3 },
  tier3: { fill: tokens.colorPaletteYellowBackground3 },
  tier4: { fill: tokens.colorPaletteMarigoldBackground3 },
  tier5: { fill: tokens.colorPaletteRedBackground3 },
  reference: {
    fill: 'none',
    stroke: tokens.colorNeutralForeground3,
    strokeDasharray: '3 2',
    strokeWidth: '1',
  },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '9px' },
});

/** The course's reference share of customers per tier (5/10/20/25/40 %), drawn as dashed outlines. */
const referenceCustomerShare: Record<PyramidTier, number> = { 1: 0.05, 2: 0.1, 3: 0.2, 4: 0.25, 5: 0.4 };

const width = 320;
const bandHeight = 22;
const gap = 3;
/** Space kept on the left for the tier labels and on the right for the counts. */
const labelWidth = 100;
const countWidth = 64;

/**
 * The customer pyramid as a small SVG chart: one centred band per tier (tier 1 on top) whose width is the
 * tier's share of customers, with the course's reference share as a dashed outline and the count beside.
 */
export function PyramidChart(props: { tiers: readonly TierSummary[]; language: Language }) {
  const t = useMessages();
  const styles = useStyles();
  const fills: Record<PyramidTier, string> = {
    1: styles.tier1,
    2: styles.tier2,
    3: styles.tier3,
    4: styles.tier4,
    5: styles.tier5,
  };
  const plot = width - labelWidth - countWidth;
  const maxShare = Math.max(0.4, ...props.tiers.map((tier) => tier.customerShare));
  const height = props.tiers.length * (bandHeight + gap);
  const description = props.tiers
    .map(
      (tier) =>
        `${tierLabel(tier.tier, props.language)}: ${String(tier.customers)} (${formatShare(tier.customerShare, props.language)})`,
    )
    .join('; ');
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${String(width)} ${String(height)}`}
      role="img"
      aria-label={`${t.pyramidChartLabel}. ${description}`}
    >
      {props.tiers.map((tier, index) => {
        const y = index * (bandHeight + gap);
        const bandWidth = Math.max(2, (tier.customerShare / maxShare) * plot);
        const referenceWidth = (referenceCustomerShare[tier.tier] / maxShare) * plot;
        const centre = labelWidth + plot / 2;
        return (
          <g key={tier.tier} data-tier={tier.tier}>
            <text className={styles.label} x={0} y={y + bandHeight / 2 + 3}>
              {tierLabel(tier.tier, props.language)}
            </text>
            <rect
              className={fills[tier.tier]}
              x={centre - bandWidth / 2}
              y={y}
              width={bandWidth}
              height={bandHeight}
              rx={2}
            />
            <rect
              className={styles.reference}
              x={centre - referenceWidth / 2}
              y={y + 1}
              width={referenceWidth}
              height={bandHeight - 2}
            />
            <text className={styles.label} x={width} y={y + bandHeight / 2 + 3} textAnchor="end">
              {`${String(tier.customers)} · ${formatShare(tier.customerShare, props.language)}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
