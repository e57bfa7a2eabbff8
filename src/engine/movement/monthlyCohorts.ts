import { daysInMonth, ymdFromDay } from '../dayNumbers';
import type { SalesRows } from '../parseSales';
import type { CohortRow } from './types';

/** Months since year 0 of a day number (a month's index). */
function monthIndex(day: number): number {
  const { year, month } = ymdFromDay(day);
  return year * 12 + month - 1;
}

/**
 * The month index (less `from`) of every day `low`…`high`, at `high − low`: worked out once a month, the
 * month's days filled in.
 */
function monthsOfDays(low: number, high: number, from: number): Int32Array {
  const months = new Int32Array(high - low + 1);
  for (let d = low; d <= high;) {
    const { year, month, day } = ymdFromDay(d);
    const end = Math.min(high, d + daysInMonth(year, month) - day);
    months.fill(year * 12 + month - 1 - from, d - low, end - low + 1);
    d = end + 1;
  }
  return months;
}

/** `YYYY-MM` of a month index. */
function monthText(index: number): string {
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Monthly cohort retention: customers grouped by the calendar month of their first purchase up to the
 * as-of date; for each cohort, how many of its customers bought in the cohort month (all of them), the
 * month after, … up to the as-of month. Purchases after the as-of date are ignored. Cohorts come in month
 * order; a month in which nobody made a first purchase has no row.
 *
 * @param purchases Purchases (amount > 0) as customer and day number; any order, repeats allowed. Or sales
 *   rows (`SalesRows`, customers numbered): their rows with amount > 0 and a customer (≥ 0) are the
 *   purchases, read straight from the typed columns.
 * @example monthlyCohorts([{ customer: 'a', day: dayFromIso('2024-01-05')! }, { customer: 'a', day: dayFromIso('2024-03-01')! }], dayFromIso('2024-03-31')!)
 *   // [{ month: '2024-01', customers: 1, active: [1, 0, 1] }]
 */
export function monthlyCohorts(
  purchases: Iterable<{ customer: string; day: number }> | SalesRows,
  asOf: number,
): CohortRow[] {
  const last = monthIndex(asOf);
  // The purchases as (customer number, month) pairs in typed arrays: no set or object per customer.
  const monthOfDay = new Map<number, number>();
  const monthOf = (day: number): number => {
    let month = monthOfDay.get(day);
    if (month === undefined) {
      month = monthIndex(day);
      monthOfDay.set(day, month);
    }
    return month;
  };
  let pairCustomer = new Int32Array(1024);
  let pairMonth = new Int32Array(1024);
  let pairs = 0;
  const addPair = (c: number, day: number): void => {
    if (pairs === pairCustomer.length) {
      pairCustomer = grown(pairCustomer);
      pairMonth = grown(pairMonth);
    }
    pairCustomer[pairs] = c;
    pairMonth[pairs] = monthOf(day);
    pairs++;
  };
  let customers = 0;
  if ('amount' in purchases) {
    const marked = cohortsByMarks(purchases, asOf, last);
    if (marked !== null) return marked;
    const { customer, day, amount } = purchases;
    // The months of the purchases' span of days, looked up by day: one month computed per day, not per row.
    let low = asOf;
    for (let k = 0; k < purchases.count; k++) {
      const d = day[k]!;
      if (d < low && customer[k]! >= 0 && amount[k]! > 0) low = d;
    }
    // A span far longer than the rows (a stray date decades off) is read day by day through the memo.
    const table = asOf - low <= 2 * purchases.count + 3660;
    const months = table ? monthsOfDays(low, asOf, 0) : new Int32Array(0);
    pairCustomer = new Int32Array(purchases.count);
    pairMonth = new Int32Array(purchases.count);
    for (let k = 0; k < purchases.count; k++) {
      const c = customer[k]!;
      const d = day[k]!;
      if (c < 0 || !(amount[k]! > 0) || d > asOf) continue;
      pairCustomer[pairs] = c;
      pairMonth[pairs] = table ? months[d - low]! : monthOf(d);
      pairs++;
      if (c >= customers) customers = c + 1;
    }
  } else {
    const customerOf = new Map<string, number>();
    for (const { customer, day } of purchases) {
      if (day > asOf) continue;
      let c = customerOf.get(customer);
      if (c === undefined) {
        c = customerOf.size;
        customerOf.set(customer, c);
      }
      addPair(c, day);
    }
    customers = customerOf.size;
  }
  if (pairs === 0) return [];
  const first = new Int32Array(customers).fill(last + 1);
  let lowest = last;
  for (let k = 0; k < pairs; k++) {
    const c = pairCustomer[k]!;
    const month = pairMonth[k]!;
    if (month < first[c]!) first[c] = month;
    if (month < lowest) lowest = month;
  }
  const span = last - lowest + 1;
  const cohortCustomers = new Int32Array(span);
  // A customer numbered but without a purchase (rows form) keeps first = last + 1 and is no one's cohort.
  for (let c = 0; c < customers; c++) if (first[c]! <= last) cohortCustomers[first[c]! - lowest]!++;
  const active: number[][] = [];
  for (let f = 0; f < span; f++)
    active.push(cohortCustomers[f]! > 0 ? new Array<number>(span - f).fill(0) : []);
  // Pairs grouped by month (a counting sort); a customer counts once per month it bought in.
  const ends = new Int32Array(span + 1);
  for (let k = 0; k < pairs; k++) ends[pairMonth[k]! - lowest + 1]!++;
  for (let m = 0; m < span; m++) ends[m + 1] = ends[m + 1]! + ends[m]!;
  const byMonth = new Int32Array(pairs);
  for (let k = 0; k < pairs; k++) byMonth[ends[pairMonth[k]! - lowest]!++] = pairCustomer[k]!;
  const seen = new Int32Array(customers);
  for (let m = 0, from = 0; m < span; m++) {
    const end = ends[m]!;
    for (let k = from; k < end; k++) {
      const c = byMonth[k]!;
      if (seen[c] === m + 1) continue;
      seen[c] = m + 1;
      const f = first[c]! - lowest;
      active[f]![m - f]!++;
    }
    from = end;
  }
  const rows: CohortRow[] = [];
  for (let f = 0; f < span; f++) {
    if (cohortCustomers[f] === 0) continue;
    rows.push({ month: monthText(lowest + f), customers: cohortCustomers[f]!, active: active[f]! });
  }
  return rows;
}

/**
 * {@link monthlyCohorts} of sales rows in two passes over the rows and two over the customers: a bit per
 * customer and month (bought in it), 32 months to a word, so the marks of a hundred thousand customers over
 * a few years stay in the cache; a customer's first month is its lowest bit. Null when that table would be
 * large against the rows (many customers over many months, or a stray date decades before the rest): the
 * caller then groups (customer, month) pairs by month.
 */
function cohortsByMarks(rows: SalesRows, asOf: number, last: number): CohortRow[] | null {
  const { customer, day, amount, count } = rows;
  let low = asOf;
  let customers = 0;
  let any = false;
  for (let k = 0; k < count; k++) {
    const c = customer[k]!;
    const d = day[k]!;
    if (c < 0 || !(amount[k]! > 0) || d > asOf) continue;
    any = true;
    if (d < low) low = d;
    if (c >= customers) customers = c + 1;
  }
  if (!any) return [];
  if (asOf - low > 2 * count + 3660) return null;
  const lowest = monthIndex(low);
  const span = last - lowest + 1;
  if (customers * span > 4 * count + (1 << 16)) return null;
  // Each day's month, counted from the lowest: one month computed per day, not per row.
  const months = monthsOfDays(low, asOf, lowest);
  const words = (span + 31) >>> 5;
  const bought = new Int32Array(customers * words);
  for (let k = 0; k < count; k++) {
    const c = customer[k]!;
    const d = day[k]!;
    if (c < 0 || !(amount[k]! > 0) || d > asOf) continue;
    const m = months[d - low]!;
    const at = c * words + (m >>> 5);
    bought[at] = bought[at]! | (1 << (m & 31));
  }
  // Each customer's first month (its lowest bit; span when it bought in none), and the cohorts' sizes.
  const first = new Int32Array(customers);
  const cohortCustomers = new Int32Array(span);
  for (let c = 0, at = 0; c < customers; c++, at += words) {
    let f = span;
    for (let w = 0; w < words; w++) {
      const bits = bought[at + w]!;
      if (bits !== 0) {
        f = (w << 5) + lowestBit(bits);
        break;
      }
    }
    first[c] = f;
    if (f < span) cohortCustomers[f]!++;
  }
  const active: number[][] = [];
  for (let f = 0; f < span; f++)
    active.push(cohortCustomers[f]! > 0 ? new Array<number>(span - f).fill(0) : []);
  for (let c = 0, at = 0; c < customers; c++, at += words) {
    const f = first[c]!;
    if (f === span) continue;
    const counts = active[f]!;
    for (let w = f >>> 5; w < words; w++) {
      let bits = bought[at + w]!;
      while (bits !== 0) {
        const m = (w << 5) + lowestBit(bits);
        counts[m - f]!++;
        bits &= bits - 1;
      }
    }
  }
  const cohorts: CohortRow[] = [];
  for (let f = 0; f < span; f++) {
    if (cohortCustomers[f] === 0) continue;
    cohorts.push({ month: monthText(lowest + f), customers: cohortCustomers[f]!, active: active[f]! });
  }
  return cohorts;
}

/** The place (0…31) of the lowest set bit of a non-zero 32-bit word. */
function lowestBit(bits: number): number {
  return 31 - Math.clz32(bits & -bits);
}

/** A copy twice as long. */
function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(2 * array.length);
  bigger.set(array);
  return bigger;
}
