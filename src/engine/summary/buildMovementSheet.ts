import type { AnalysisResult } from '../analyze';
import { compareIds } from '../compareIds';
import { isoFromDay } from '../dayNumbers';
import { abcLabel, sheetName, svcdLabel } from '../labels';
import { movementText } from '../movement/movementText';
import type { MigrationMatrix, Movement, RelationshipKind, ValueTrend } from '../movement/types';
import type { CellSpec, SheetSpec } from '../sheetSpec';
import type { Language } from '../types';
import { cell, fitRowHeights, headerCell, titleCell } from './cells';

/** Movers listed in each of the "moved up" and "moved down" tables at most. */
export const moversListed = 20;

const up = [0x63, 0xbe, 0x7b];
const down = [0xf8, 0x69, 0x6b];
const same = [0x5b, 0x9b, 0xd5];

/** A fill between white (no customer) and `rgb` (the most crowded cell), so the matrix reads as a heat map. */
function heat(rgb: readonly number[], count: number, max: number): string | undefined {
  if (count === 0 || max === 0) return undefined;
  const strength = 0.25 + 0.75 * (count / max);
  const hex = rgb.map((v) =>
    Math.round(255 - (255 - v) * strength)
      .toString(16)
      .padStart(2, '0'),
  );
  return `#${hex.join('').toUpperCase()}`;
}

/**
 * The Movement sheet: the as-of date and the earlier date compared with (N months earlier, or the last run
 * recorded in the workbook; values before are not recorded, so movers down from a recorded run are ordered by
 * their value now); the tier, SVCD and ABC migration
 * matrices as heat maps (rows before, columns now, "none" last; green = moved up, red = moved down, blue =
 * stayed, deeper = more customers); value-trend counts with the revenue of both periods; the course's
 * kinds of relationship customers with their rule and strategy; and who moved up (most valuable now
 * first) and down (most valuable before first), {@link moversListed} each.
 */
export function buildMovementSheet(result: AnalysisResult, movement: Movement): SheetSpec {
  const lang: Language = result.settings.language;
  const w = movementText(lang);
  const months = movement.settings.compareMonths;
  const cells: CellSpec[][] = [
    [titleCell(w.text('movementTitle'))],
    [cell(w.text('asOf')), cell(isoFromDay(result.asOf))],
    [
      cell(w.text('comparedWith')),
      cell(isoFromDay(movement.previousAsOf)),
      cell(
        movement.previousFrom === 'history'
          ? w.text('lastRecordedRun')
          : `${months} ${w.text('monthsEarlier')}`,
      ),
    ],
  ];
  if (!movement.previousFound) cells.push([cell(w.text('noEarlierSales'))]);
  cells.push([cell(w.text('matrixNote'))], []);

  const matrix = <T>(title: string, m: MigrationMatrix<T>, label: (value: T) => string): void => {
    const names = [...m.categories.map(label), w.text('none')];
    const max = Math.max(...m.counts.flat());
    cells.push([{ value: title, bold: true }]);
    cells.push([headerCell(w.text('beforeNow')), ...names.map(headerCell), headerCell(w.text('total'))]);
    const none = names.length - 1;
    m.counts.forEach((row, r) => {
      cells.push([
        headerCell(names[r]!),
        ...row.map((count, c): CellSpec => {
          // Categories are listed best first, so a smaller column than row is a move up; from none is new.
          const colour = r === c ? same : r === none ? up : c === none ? down : c < r ? up : down;
          const fill = heat(colour, count, max);
          return fill === undefined ? cell(count, 'integer') : { value: count, format: 'integer', fill };
        }),
        { value: row.reduce((a, b) => a + b, 0), format: 'integer', bold: true },
      ]);
    });
    cells.push([
      headerCell(w.text('total')),
      ...names.map((_n, c): CellSpec => ({
        value: m.counts.reduce((sum, row) => sum + row[c]!, 0),
        format: 'integer',
        bold: true,
      })),
    ]);
    cells.push([]);
  };
  const tierShort = (tier: number): string => (lang === 'en' ? `Tier ${tier}` : `第 ${tier} 层`);
  matrix(w.text('tiersMatrix'), movement.tiers, tierShort);
  matrix(w.text('svcdMatrix'), movement.svcd, (s) => svcdLabel(s, lang));
  matrix(w.text('abcMatrix'), movement.abc, (c) => abcLabel(c, lang));

  // Value trend.
  const trends: ValueTrend[] = ['growing', 'stable', 'declining', 'new', 'lapsed'];
  const byTrend = new Map(trends.map((t) => [t, { customers: 0, earlier: 0, recent: 0 }]));
  for (const m of movement.customers) {
    if (m.valueTrend === null) continue;
    const s = byTrend.get(m.valueTrend)!;
    s.customers++;
    s.earlier += m.earlierRevenue;
    s.recent += m.recentRevenue;
  }
  const percent = (share: number): string => `${Math.round(share * 100)}%`;
  cells.push([{ value: w.text('valueTrend'), bold: true }]);
  cells.push([
    cell(
      w.text('trendNote', {
        n: months,
        g: percent(movement.settings.growthThreshold),
        d: percent(movement.settings.declineThreshold),
      }),
    ),
  ]);
  cells.push([
    headerCell(w.text('valueTrend')),
    headerCell(w.text('customers')),
    headerCell(w.text('earlierRevenue')),
    headerCell(w.text('recentRevenue')),
  ]);
  for (const t of trends) {
    const s = byTrend.get(t)!;
    cells.push([
      cell(`${w.trend(t)} — ${w.trendMeaning(t)}`),
      cell(s.customers, 'integer'),
      cell(s.earlier, 'money'),
      cell(s.recent, 'money'),
    ]);
  }
  cells.push([]);

  // The course's kinds of relationship customers.
  const kinds: RelationshipKind[] = ['biggestProfit', 'couldBecomeBiggest', 'losingValue', 'transactional'];
  cells.push([{ value: w.text('kinds'), bold: true }]);
  cells.push([
    headerCell(w.text('kind')),
    headerCell(w.text('customers')),
    headerCell(w.text('ruleAndStrategy')),
  ]);
  for (const kind of kinds) {
    const count = movement.customers.filter((m) => m.relationship === kind).length;
    // Rule and strategy on two lines, unwrapped, so they run across the empty cells to their right.
    cells.push([{ value: w.kind(kind), bold: true }, cell(count, 'integer'), cell(w.kindRule(kind))]);
    cells.push([cell(null), cell(null), cell(w.kindStrategy(kind))]);
  }
  cells.push([]);

  // Movers up and down.
  const movers = (direction: 'up' | 'down') =>
    result.customers
      .map((c, i) => ({ c, m: movement.customers[i]! }))
      .filter(({ m }) => m.tierChange?.startsWith(direction) === true)
      .sort((a, b) => {
        const value = (x: typeof a): number =>
          (direction === 'up' ? x.c.pyramidValue : (x.m.previousValue ?? x.c.pyramidValue)) ??
          Number.NEGATIVE_INFINITY;
        return value(b) - value(a) || compareIds(a.c.id, b.c.id);
      });
  const moverTable = (direction: 'up' | 'down'): void => {
    const list = movers(direction);
    cells.push([{ value: w.text(direction === 'up' ? 'moversUp' : 'moversDown'), bold: true }]);
    if (list.length === 0) {
      cells.push([cell(w.text('nobody'))], []);
      return;
    }
    cells.push([
      headerCell(w.text('customer')),
      headerCell(w.text('before')),
      headerCell(w.text('now')),
      headerCell(w.text('change')),
      headerCell(w.text('valueBefore')),
      headerCell(w.text('valueNow')),
    ]);
    for (const { c, m } of list.slice(0, moversListed)) {
      cells.push([
        cell(c.name === null ? c.id : `${c.id} · ${c.name}`, 'text'),
        // Tiers as text, left-aligned like the change beside them, so "Tier 2" and "down 1" do not run together.
        cell(m.previousTier === null ? null : tierShort(m.previousTier)),
        cell(c.pyramidTier === null ? null : tierShort(c.pyramidTier)),
        { value: w.change(m.tierChange!), fill: heat(direction === 'up' ? up : down, 1, 2) },
        cell(m.previousValue, 'money'),
        cell(c.pyramidValue, 'money'),
      ]);
    }
    if (list.length > moversListed)
      cells.push([cell(`+${list.length - moversListed} ${w.text('moreNotShown')}`)]);
    cells.push([]);
  };
  moverTable('up');
  moverTable('down');

  const widths = [42, 13, 13, 13, 13, 13, 13, 13];
  const heights = fitRowHeights(cells, widths);
  return {
    key: 'movement',
    name: sheetName('movement', lang),
    cells,
    columnWidths: widths,
    frozenRows: 0,
    charts: [],
    colorScales: [],
    rowHeights: heights,
    print: { landscape: false, breaksBefore: [] },
  };
}
