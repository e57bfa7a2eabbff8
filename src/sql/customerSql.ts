import type { RfmRule } from '../engine/types';
import { sqlDialects, type SqlDialect } from './sqlDialects';

/** The settings the query follows: the engine's settings of the methods it computes. */
export interface CustomerSqlSettings {
  /** As-of date as a day number (Excel 1900-system serial); null = the latest sale. */
  asOf: number | null;
  /** Analyse the last N calendar months up to the as-of date; null = from the earliest sale. */
  windowMonths: number | null;
  abcCut: number;
  pyramidCuts: readonly number[];
  /** Fixed SVCD thresholds; null = the smallest value above the median. */
  svcdAmountThreshold: number | null;
  svcdFrequencyThreshold: number | null;
  visitsFrom: 'svcd' | 'abc';
  rfmRules: readonly RfmRule[];
}

/** What the query reads and how it writes dates. */
export interface CustomerSqlOptions {
  dialect: SqlDialect;
  /**
   * A relation (table name or parenthesised query) of the usable sales rows with the columns `customer_id`
   * (text), `day` (integer day number: days since 1899-12-30), `amount` (double), `profit` (double: the
   * row's profit, or amount − cost; 0 without profit data) and `order_id` (text, NULL when blank or when
   * there is no order-id column).
   */
  source: string;
  /** Whether the sales have a profit or cost column (the pyramid ranks by profit, else by revenue). */
  hasProfit: boolean;
  /** Whether an order-id column exists (else orders are purchase days). */
  hasOrderId: boolean;
  /** `day`: dates as day numbers (for the command line's report); `date`: SQL DATE values (for people). */
  datesAs: 'day' | 'date';
  settings: CustomerSqlSettings;
}

/** A number as an SQL literal that reads back as the same double (no exponent, which Postgres' NUMERIC keeps). */
function literal(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Not a finite number: ${String(value)}`);
  return Number.isInteger(value) ? String(value) : value.toString();
}

/** Text as an SQL string literal. */
const text = (value: string): string => `'${value.replace(/'/gu, "''")}'`;

/**
 * The rules of DESIGN.md as one SQL query with ANSI window functions: per customer in the window revenue,
 * profit, orders, purchase days, first and last purchase, recency, orders per month, amount per order;
 * ABC classes (cumulative revenue share *before* a customer below the cut), pyramid tiers (position against
 * ceil(n × cut), ties take the better-placed customer's tier), SVCD segments (the smallest value strictly
 * above the median of customers with an order, or fixed thresholds), RFM scores (1 + floor(5 × w / n), ties
 * share) and segments (first matching rule), churn risk (the customer's mean gap between purchase days,
 * else the median over repeat customers, else the window length), visit interval and next visit due from
 * the last purchase up to the as-of date, and historical lifetime value. Money totals are rounded to 6
 * decimals as the engine's `roundMoney`, so ties do not depend on the order of the rows; ids are compared
 * in binary order (the engine's code-unit order for every id without characters above U+FFFF).
 *
 * One row per customer with a sales row up to the as-of date, ordered by id, with the run's figures
 * (`as_of`, `window_start`, `window_months`, `svcd_amount_threshold`, `svcd_frequency_threshold`,
 * `churn_median_gap_days`, `used_rows`, `after_as_of_rows`, `before_window_rows`) repeated on every row.
 *
 * @example customerSql({ dialect: 'postgres', source: 'sales_rows', hasProfit: true, hasOrderId: true, datesAs: 'date', settings })
 */
export function customerSql(options: CustomerSqlOptions): string {
  const { settings } = options;
  const d = sqlDialects[options.dialect];
  const id = `customer_id${d.binaryCollation}`;
  const double = (expression: string): string => `CAST(${expression} AS DOUBLE PRECISION)`;
  const money = (expression: string): string =>
    `CASE WHEN abs(${expression}) < 1e9 THEN floor(${expression} * 1000000 + 0.5) / 1000000 ELSE ${expression} END`;
  const dateOut = (day: string): string =>
    options.datesAs === 'day' ? day : `(DATE '1899-12-30' + CAST(${day} AS INTEGER))`;
  const asOf = settings.asOf === null ? 'max(day)' : literal(settings.asOf);
  const start =
    settings.windowMonths === null
      ? 'min_day'
      : `(CAST((DATE '1899-12-30' + CAST(as_of AS INTEGER)) - INTERVAL '${literal(settings.windowMonths)} months' AS DATE) - DATE '1899-12-30') + 1`;
  const inWindow = 'day >= start_day';
  const cuts = settings.pyramidCuts.slice(0, -1).map((cut) => Math.round(cut * 10_000));
  const positionTier = cuts
    .map((bp, k) => `WHEN position <= ${d.intDivide(`ranked_count * ${bp} + 9999`, '10000')} THEN ${k + 1}`)
    .join(' ');
  const rfmSegment = settings.rfmRules
    .map(
      (rule) =>
        `WHEN r BETWEEN ${rule.r[0]} AND ${rule.r[1]} AND f BETWEEN ${rule.f[0]} AND ${rule.f[1]} AND m BETWEEN ${rule.m[0]} AND ${rule.m[1]} THEN ${text(rule.segment)}`,
    )
    .join('\n    ');
  const median = (name: string, value: string, where: string): string => `${name}_ranked AS (
  SELECT ${value} AS v, row_number() OVER (ORDER BY ${value}) AS k, count(*) OVER () AS n
  FROM measured WHERE ${where}),
${name}_median AS (
  SELECT (min(CASE WHEN k = ${d.intDivide('n + 1', '2')} THEN v END) + min(CASE WHEN k = ${d.intDivide('n', '2')} + 1 THEN v END)) / 2 AS med
  FROM ${name}_ranked)`;
  const threshold = (name: string, fixed: number | null): string =>
    fixed === null
      ? `(SELECT min(v) FROM ${name}_ranked, ${name}_median WHERE v > med)`
      : double(literal(fixed));
  const visitRhythm = (column: 'interval' | 'perMonth'): string => {
    const plan = {
      svcd: { Star: [7, 4], Cow: [14, 2], Volcano: [30, 1], Dog: [60, 0.5] },
      abc: { A: [15, 2], B: [30, 1], C: [60, 0.5] },
    } as const;
    const pick = column === 'interval' ? 0 : 1;
    if (settings.visitsFrom === 'abc')
      return `CASE abc ${Object.entries(plan.abc)
        .map(([k, v]) => `WHEN ${text(k)} THEN ${v[pick]}`)
        .join(' ')} END`;
    return `CASE svcd ${Object.entries(plan.svcd)
      .map(([k, v]) => `WHEN ${text(k)} THEN ${v[pick]}`)
      .join(' ')} ELSE ${plan.abc.C[pick]} END`;
  };
  const lifetime = options.hasProfit ? 'profit' : 'amount';
  return `WITH sales AS (
  SELECT customer_id, day, amount, profit, order_id FROM ${options.source} AS source_rows),
bounds AS (
  SELECT ${asOf} AS as_of, min(day) AS min_day FROM sales),
span AS (
  SELECT as_of, ${start} AS start_day FROM bounds),
span_months AS (
  SELECT as_of, start_day, ${double('as_of - start_day + 1')} / ${double('30.4375')} AS months,
    as_of - start_day + 1 AS window_days FROM span),
row_counts AS (
  SELECT sum(CASE WHEN day > as_of THEN 1 ELSE 0 END) AS after_as_of_rows,
    sum(CASE WHEN day <= as_of AND day < start_day THEN 1 ELSE 0 END) AS before_window_rows,
    sum(CASE WHEN day <= as_of AND day >= start_day THEN 1 ELSE 0 END) AS used_rows
  FROM sales, span),
totals AS (
  SELECT customer_id,
    max(CASE WHEN ${inWindow} THEN 1 ELSE 0 END) AS has_sales_in_window,
    coalesce(sum(CASE WHEN ${inWindow} THEN amount END), 0) AS revenue_sum,
    coalesce(sum(CASE WHEN ${inWindow} THEN profit END), 0) AS profit_sum,
    count(DISTINCT CASE WHEN ${inWindow} AND amount > 0 THEN day END) AS purchase_days,
    count(DISTINCT CASE WHEN ${inWindow} AND amount > 0 THEN ${options.hasOrderId ? 'order_id' : 'day'} END) AS orders,
    min(CASE WHEN ${inWindow} AND amount > 0 THEN day END) AS first_purchase,
    max(CASE WHEN ${inWindow} AND amount > 0 THEN day END) AS last_purchase,
    max(CASE WHEN amount > 0 THEN day END) AS last_purchase_ever,
    sum(${lifetime}) AS lifetime_sum
  FROM sales, span WHERE day <= as_of
  GROUP BY customer_id),
rounded AS (
  SELECT totals.*, ${money('revenue_sum')} AS revenue, ${money('profit_sum')} AS profit,
    ${money('lifetime_sum')} AS lifetime_value
  FROM totals),
measured AS (
  SELECT rounded.*, span_months.*,
    as_of - last_purchase AS recency_days,
    orders / months AS frequency_per_month,
    CASE WHEN orders > 0 THEN revenue / orders END AS amount_per_order,
    CASE WHEN has_sales_in_window = 1 THEN ${options.hasProfit ? 'profit' : 'revenue'} END AS pyramid_value,
    CASE WHEN orders > 0 AND purchase_days >= 2
      THEN ${double('last_purchase - first_purchase')} / (purchase_days - 1) END AS own_gap
  FROM rounded, span_months),
${median('amount', 'amount_per_order', 'orders > 0')},
${median('frequency', 'frequency_per_month', 'orders > 0')},
${median('gap', 'own_gap', 'own_gap IS NOT NULL')},
thresholds AS (
  SELECT ${threshold('amount', settings.svcdAmountThreshold)} AS svcd_amount_threshold,
    ${threshold('frequency', settings.svcdFrequencyThreshold)} AS svcd_frequency_threshold,
    (SELECT med FROM gap_median) AS churn_median_gap_days),
positive AS (
  SELECT customer_id,
    coalesce(sum(revenue) OVER (ORDER BY revenue DESC, ${id} ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS revenue_before,
    ${money(`sum(revenue) OVER () * ${literal(settings.abcCut)}`)} AS abc_limit
  FROM measured WHERE revenue > 0),
placed AS (
  SELECT customer_id, pyramid_value,
    row_number() OVER (ORDER BY pyramid_value DESC, ${id}) AS position, count(*) OVER () AS ranked_count
  FROM measured WHERE has_sales_in_window = 1),
tiered AS (
  SELECT customer_id, min(CASE ${positionTier} ELSE ${settings.pyramidCuts.length} END) OVER (PARTITION BY pyramid_value) AS pyramid_tier
  FROM placed),
scored AS (
  SELECT customer_id, count(*) OVER () AS scored_count,
    rank() OVER (ORDER BY recency_days DESC) - 1 AS recency_worse,
    rank() OVER (ORDER BY orders) - 1 AS frequency_worse,
    rank() OVER (ORDER BY revenue) - 1 AS monetary_worse
  FROM measured WHERE last_purchase IS NOT NULL AND orders > 0),
rfm AS (
  SELECT customer_id,
    1 + ${d.intDivide('5 * recency_worse', 'scored_count')} AS r,
    1 + ${d.intDivide('5 * frequency_worse', 'scored_count')} AS f,
    1 + ${d.intDivide('5 * monetary_worse', 'scored_count')} AS m
  FROM scored),
classified AS (
  SELECT measured.*, thresholds.*, tiered.pyramid_tier, rfm.r, rfm.f, rfm.m,
    CASE WHEN positive.customer_id IS NULL THEN 'C'
      WHEN ${money('positive.revenue_before')} < positive.abc_limit THEN 'A' ELSE 'B' END AS abc,
    CASE WHEN orders = 0 THEN NULL
      WHEN svcd_amount_threshold IS NOT NULL AND amount_per_order >= svcd_amount_threshold THEN
        CASE WHEN svcd_frequency_threshold IS NOT NULL AND frequency_per_month >= svcd_frequency_threshold THEN 'Star' ELSE 'Volcano' END
      WHEN svcd_frequency_threshold IS NOT NULL AND frequency_per_month >= svcd_frequency_threshold THEN 'Cow'
      ELSE 'Dog' END AS svcd,
    CASE WHEN orders = 0 OR last_purchase IS NULL THEN NULL
      WHEN recency_days <= 1.5 * coalesce(own_gap, churn_median_gap_days, window_days) THEN 'Active'
      WHEN recency_days <= 3 * coalesce(own_gap, churn_median_gap_days, window_days) THEN 'At risk'
      ELSE 'Lapsed' END AS churn_risk
  FROM measured
  CROSS JOIN thresholds
  LEFT JOIN positive ON positive.customer_id = measured.customer_id
  LEFT JOIN tiered ON tiered.customer_id = measured.customer_id
  LEFT JOIN rfm ON rfm.customer_id = measured.customer_id),
planned AS (
  SELECT classified.*, ${visitRhythm('interval')} AS visit_interval_days,
    ${visitRhythm('perMonth')} AS visits_per_month
  FROM classified)
SELECT planned.customer_id, revenue, ${options.hasProfit ? 'profit' : 'CAST(NULL AS DOUBLE PRECISION) AS profit'}, orders, purchase_days,
  ${dateOut('first_purchase')} AS first_purchase, ${dateOut('last_purchase')} AS last_purchase,
  recency_days, frequency_per_month, amount_per_order, svcd, abc, pyramid_tier,
  visits_per_month, visit_interval_days, ${dateOut('last_purchase_ever')} AS last_contact,
  ${dateOut('coalesce(last_purchase_ever + visit_interval_days, as_of)')} AS next_visit_due,
  coalesce(last_purchase_ever + visit_interval_days, as_of) < as_of AS overdue,
  r, f, m,
  CASE WHEN r IS NULL THEN NULL
    ${rfmSegment}
    END AS rfm_segment,
  churn_risk, lifetime_value,
  ${dateOut('as_of')} AS as_of, ${dateOut('start_day')} AS window_start, months AS window_months,
  svcd_amount_threshold, svcd_frequency_threshold, churn_median_gap_days,
  used_rows, after_as_of_rows, before_window_rows
FROM planned CROSS JOIN row_counts
ORDER BY planned.${id}`;
}
