/** The SQL a DuckDB reference runs: per-customer aggregates alone, and aggregates plus every ranking. */
export interface SalesSql {
  aggregate: string;
  ranking: string;
}

/**
 * Builds the reference SQL over a relation with columns `order_id`, `customer_id`, `day` (an integer day
 * number or a DATE: only differences of days are used), `amount` and `cost`:
 * - `aggregate`: per customer revenue Σ amount, profit Σ (amount − cost) (both rounded to 6 decimals, as
 *   the engine rounds them so ties do not depend on row order), distinct purchase days and distinct
 *   orders with amount > 0, first and last such day — what the engine aggregates;
 * - `ranking`: those aggregates plus, with window functions, what the engine's models rank: ABC class
 *   (cumulative revenue share before the customer < 75 %), pyramid tier (position against ceil(n × 5/15/35/60 %)
 *   with ties taking the better tier), RFM scores 1 + floor(5 × strictly-worse / n), SVCD quadrant against
 *   the medians, and churn risk against the customer's own (else the median) gap between purchase days.
 *   The named RFM segment lookup and the visit plan are left out (they are per-row lookups, no ranking).
 *
 * @param source A table name or a parenthesised query, e.g. `sales` or `(SELECT … FROM read_csv_auto('…'))`.
 */
export function salesSql(source: string): SalesSql {
  const aggregates = `SELECT customer_id,
    round(sum(amount), 6) AS revenue,
    round(sum(amount - cost), 6) AS profit,
    count(DISTINCT CASE WHEN amount > 0 THEN day END) AS purchase_days,
    count(DISTINCT CASE WHEN amount > 0 THEN order_id END) AS orders,
    min(CASE WHEN amount > 0 THEN day END) AS first_purchase,
    max(CASE WHEN amount > 0 THEN day END) AS last_purchase
  FROM ${source} AS sales GROUP BY customer_id`;
  const ranking = `WITH agg AS (${aggregates}),
span AS (SELECT max(day) AS as_of, (max(day) - min(day) + 1) / 30.4375 AS months FROM ${source} AS sales),
base AS (
  SELECT agg.*, span.as_of - agg.last_purchase AS recency, agg.orders / span.months AS frequency,
    CASE WHEN agg.orders > 0 THEN agg.revenue / agg.orders END AS amount_per_order,
    CASE WHEN agg.purchase_days >= 2 THEN (agg.last_purchase - agg.first_purchase) / (agg.purchase_days - 1) END AS own_gap
  FROM agg, span),
medians AS (
  SELECT median(amount_per_order) AS amount_median,
    median(CASE WHEN orders > 0 THEN frequency END) AS frequency_median,
    median(own_gap) AS gap_median
  FROM base),
ranked AS (
  SELECT base.*,
    coalesce(sum(greatest(revenue, 0)) OVER (ORDER BY revenue DESC, customer_id
      ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS revenue_before,
    sum(greatest(revenue, 0)) OVER () AS revenue_total,
    row_number() OVER (ORDER BY profit DESC, customer_id) AS position,
    count(*) OVER () AS ranked_count,
    count(*) OVER (PARTITION BY orders > 0) AS scored_count,
    rank() OVER (PARTITION BY orders > 0 ORDER BY recency DESC) - 1 AS recency_worse,
    rank() OVER (PARTITION BY orders > 0 ORDER BY orders) - 1 AS frequency_worse,
    rank() OVER (PARTITION BY orders > 0 ORDER BY revenue) - 1 AS monetary_worse
  FROM base),
tiered AS (
  SELECT ranked.*,
    CASE WHEN position <= ceil(ranked_count * 0.05) THEN 1
         WHEN position <= ceil(ranked_count * 0.15) THEN 2
         WHEN position <= ceil(ranked_count * 0.35) THEN 3
         WHEN position <= ceil(ranked_count * 0.60) THEN 4
         ELSE 5 END AS position_tier
  FROM ranked)
SELECT customer_id, revenue, profit, orders, purchase_days, last_purchase,
  CASE WHEN revenue > 0 AND revenue_before < 0.75 * revenue_total THEN 'A'
       WHEN revenue > 0 THEN 'B' ELSE 'C' END AS abc,
  min(position_tier) OVER (PARTITION BY profit) AS pyramid_tier,
  CASE WHEN orders > 0 THEN 1 + floor(5 * recency_worse / scored_count) END AS r,
  CASE WHEN orders > 0 THEN 1 + floor(5 * frequency_worse / scored_count) END AS f,
  CASE WHEN orders > 0 THEN 1 + floor(5 * monetary_worse / scored_count) END AS m,
  CASE WHEN orders = 0 THEN NULL
       WHEN amount_per_order > amount_median THEN CASE WHEN frequency > frequency_median THEN 'Star' ELSE 'Volcano' END
       ELSE CASE WHEN frequency > frequency_median THEN 'Cow' ELSE 'Dog' END END AS svcd,
  CASE WHEN orders = 0 THEN NULL
       WHEN recency <= 1.5 * coalesce(own_gap, gap_median) THEN 'Active'
       WHEN recency <= 3 * coalesce(own_gap, gap_median) THEN 'At risk'
       ELSE 'Lapsed' END AS churn_risk
FROM tiered, medians`;
  return { aggregate: aggregates, ranking };
}
