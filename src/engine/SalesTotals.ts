import { compareIds } from './compareIds';
import { roundMoney } from './roundMoney';

/**
 * Per-customer totals over the window, indexed like `ParsedSales.customerIds`. Typed arrays, added up row by
 * row as the sales are parsed ({@link SalesTotals}), then one linear pass over the purchases grouped by
 * customer for distinct purchase days.
 */
export interface CustomerAggregates {
  revenue: Float64Array;
  /** Σ profit (or Σ amount − cost); all zero when the sales have neither. */
  profit: Float64Array;
  orders: Int32Array;
  purchaseDays: Int32Array;
  /** First and last day with amount > 0 in the window; −1 when none. */
  firstPurchase: Int32Array;
  lastPurchase: Int32Array;
  /** 1 when the customer has any sales row (any amount) inside the window */
  hasSalesInWindow: Uint8Array;
  /** 1 when the customer has any sales row up to the as-of date. */
  seenUpToAsOf: Uint8Array;
  /** Latest day with amount > 0 up to the as-of date, in or before the window; −1 when none. */
  lastPurchaseEver: Int32Array;
  /** Profit (or revenue) of every row up to the as-of date: historical lifetime value. */
  lifetimeValue: Float64Array;
  /** Interned rep of the customer's latest row up to the as-of date, −1 when none. */
  latestRep: Int32Array;
  usedRows: number;
  afterAsOfRows: number;
  beforeWindowRows: number;
}

/**
 * The as-of date and the window's first day; null = every row counts (the window holds them all). A start
 * of −∞ says that no row comes before the window: lifetime value and latest purchase are then the window's.
 */
export type SalesBounds = { asOf: number; start: number } | null;

// A customer's record: four doubles (32 bytes, two records to a cache line), read as doubles through
// `money` and as int32 through `ints`. The money fields are doubles 0 and 1; the int32 fields follow.
const REVENUE = 0;
const PROFIT = 1;
const MONEY_STRIDE = 4;
const FIRST = 4;
const LAST = 5;
const ORDERS = 6;
/** 0 = no row yet, 1 = a usable row, 2 = one up to the as-of date, 3 = one inside the analysis window as well. */
const FLAGS = 7;
const INT_STRIDE = 8;

/**
 * Adds up sales per customer while they are parsed, so no per-row arrays are kept. In the window:
 * revenue = Σ amount (returns reduce it); profit = Σ profit; purchase days = distinct dates with amount > 0;
 * orders = distinct order ids with amount > 0 when an order-id column is mapped, else purchase days;
 * first/last purchase over amount > 0. Rows after the as-of date are ignored and counted; rows before the
 * window count only towards lifetime value. Money totals are rounded with {@link roundMoney} so they do not
 * depend on row order.
 *
 * Distinct orders are counted as the rows come, whatever their order: an order id belongs to the first
 * customer that buys under it (one integer per order; the rare order shared by customers goes to a set of
 * pairs). Distinct purchase days are counted at the end from compact (customer, day) records, grouped by
 * day with a counting sort. (A bit table of customers × days was slower: its random accesses miss the
 * cache and the TLB more often than the grouping's.)
 */
export class SalesTotals {
  /** Per customer, one record: a row of the window touches only it. */
  private readonly money: Float64Array;
  /** The same records as int32. */
  private readonly ints: Int32Array;
  /**
   * Kept apart, for a window narrower than the rows only (else they equal profit, or revenue, and the last
   * purchase): lifetime value and latest purchase day up to the as-of date.
   */
  private readonly lifetime: Float64Array;
  private readonly lastEver: Int32Array;
  private readonly windowed: boolean;
  /** The rep of the latest row and its day; made by the first row with a rep. */
  private latestRep: Int32Array | null = null;
  private repDay: Int32Array = new Int32Array(0);
  private readonly capacity: number;
  private amounts: Float64Array = new Float64Array(0);
  private profits: Float64Array | null = null;
  /** Per order: the customer it was first bought by, −1 before its first purchase. */
  private readonly orderOwner: Int32Array;
  /** (customer, order) pairs of orders bought by more than one customer, as customer × orders + order. */
  private readonly sharedOrders = new Set<number>();
  private readonly orderCodes: number;
  // Purchases as customer and day, grouped by customer at the end.
  private purchaseCustomer: Int32Array;
  private purchaseDay: Int32Array;
  private purchases = 0;
  private lastCustomer = -1;
  private lastDay = -1;
  private readonly asOf: number;
  private readonly start: number;
  usedRows = 0;
  afterAsOfRows = 0;
  beforeWindowRows = 0;

  /**
   * @param capacity Most customers there can be (e.g. distinct id values).
   * @param rows Rows there will be at most.
   * @param orderCodes Order integers are 0…orderCodes − 1; 0 without an order-id column.
   * @param reps Interned rep names (read for ties between reps on the same day).
   * @param countsDays False: distinct purchase days are not counted (`purchaseDays` all 0), for a caller that
   *   reads orders by order id and not the days; {@link finish} then needs `withOrders`.
   */
  constructor(
    capacity: number,
    rows: number,
    bounds: SalesBounds,
    orderCodes: number,
    private readonly reps: readonly string[],
    private readonly countsDays = true,
  ) {
    this.asOf = bounds === null ? Number.POSITIVE_INFINITY : bounds.asOf;
    this.start = bounds === null ? Number.NEGATIVE_INFINITY : bounds.start;
    // Rows before the window's start count towards lifetime value only: kept apart when there can be any.
    this.windowed = bounds !== null && bounds.start !== Number.NEGATIVE_INFINITY;
    // Fresh arrays are zeroed: revenue, profit, orders and flags start at 0; first and last purchase at −1.
    this.money = new Float64Array(MONEY_STRIDE * capacity);
    this.ints = new Int32Array(this.money.buffer, this.money.byteOffset, INT_STRIDE * capacity);
    for (let r = 0; r < this.ints.length; r += INT_STRIDE) {
      this.ints[r + FIRST] = -1;
      this.ints[r + LAST] = -1;
    }
    this.lifetime = new Float64Array(this.windowed ? capacity : 0);
    this.lastEver = new Int32Array(this.windowed ? capacity : 0).fill(-1);
    this.capacity = capacity;
    this.orderCodes = orderCodes;
    this.orderOwner = new Int32Array(orderCodes).fill(-1);
    // Purchase records: about one per order (its lines repeat customer and day), so the distinct order ids
    // are a good first size; growing by doubling would allocate twice what is kept.
    const room = countsDays
      ? Math.min(rows, orderCodes > 0 ? orderCodes + 1024 : Math.max(1 << 16, rows >> 2))
      : 0;
    this.purchaseCustomer = new Int32Array(room);
    this.purchaseDay = new Int32Array(room);
  }

  /**
   * Where {@link add} finds each row's amount and profit (by row number): typed arrays, so no number is
   * boxed on the way.
   *
   * @param profits Row profits; null when the sales have none (lifetime value then adds amounts).
   */
  readRowsFrom(amounts: Float64Array, profits: Float64Array | null): void {
    this.amounts = amounts;
    this.profits = profits;
  }

  /**
   * Adds one usable row.
   *
   * @param row The row's index in the arrays given to {@link readRowsFrom}.
   * @param order The row's order (−1 when blank or not mapped).
   * @param rep The row's interned rep (−1 when blank or not mapped).
   */
  add(c: number, day: number, row: number, order: number, rep: number): void {
    const { ints } = this;
    const flags = INT_STRIDE * c + FLAGS;
    if (day > this.asOf) {
      if (ints[flags] === 0) ints[flags] = 1;
      this.afterAsOfRows++;
      return;
    }
    if (rep >= 0) this.addRep(c, day, rep);
    if (this.windowed) {
      if (ints[flags]! < 2) ints[flags] = 2;
      this.addLifetime(c, day, row);
      if (day < this.start) {
        this.beforeWindowRows++;
        return;
      }
    }
    this.usedRows++;
    ints[flags] = 3;
    const { money, profits } = this;
    const amount = this.amounts[row]!;
    const m = MONEY_STRIDE * c;
    money[m + REVENUE] = money[m + REVENUE]! + amount;
    if (profits !== null) money[m + PROFIT] = money[m + PROFIT]! + profits[row]!;
    if (amount > 0) this.addPurchase(c, day, order);
  }

  /** Lifetime value and latest purchase of a row up to the as-of date, kept apart for a narrower window (see `windowed`). */
  private addLifetime(c: number, day: number, row: number): void {
    const amount = this.amounts[row]!;
    const { profits } = this;
    this.lifetime[c] = this.lifetime[c]! + (profits === null ? amount : profits[row]!);
    if (amount > 0 && day > this.lastEver[c]!) this.lastEver[c] = day;
  }

  /** The rep of the latest row; on the same day the smaller name, so row order does not matter. */
  private addRep(c: number, day: number, rep: number): void {
    if (this.latestRep === null) {
      this.latestRep = new Int32Array(this.capacity).fill(-1);
      this.repDay = new Int32Array(this.capacity).fill(-1);
    }
    const latestRep = this.latestRep;
    const latest = this.repDay[c]!;
    if (day > latest || (day === latest && compareIds(this.reps[rep]!, this.reps[latestRep[c]!]!) < 0)) {
      latestRep[c] = rep;
      this.repDay[c] = day;
    }
  }

  /** A row with amount > 0 in the window: first and last purchase, its day and its order. */
  private addPurchase(c: number, day: number, order: number): void {
    const { ints } = this;
    const r = INT_STRIDE * c;
    const first = ints[r + FIRST]!;
    if (first === -1 || day < first) ints[r + FIRST] = day;
    if (day > ints[r + LAST]!) ints[r + LAST] = day;
    if (order >= 0) this.addOrder(c, order);
    if (!this.countsDays) return;
    // The lines of one order come together: a line repeating the previous purchase's customer and day
    // adds no distinct day.
    if (c === this.lastCustomer && day === this.lastDay) return;
    this.lastCustomer = c;
    this.lastDay = day;
    this.recordPurchase(c, day);
  }

  private addOrder(c: number, order: number): void {
    const owner = this.orderOwner[order]!;
    if (owner === c) return;
    const orders = INT_STRIDE * c + ORDERS;
    if (owner === -1) {
      this.orderOwner[order] = c;
      this.ints[orders]!++;
      return;
    }
    const pair = c * this.orderCodes + order;
    if (!this.sharedOrders.has(pair)) {
      this.sharedOrders.add(pair);
      this.ints[orders]!++;
    }
  }

  private recordPurchase(c: number, day: number): void {
    if (this.purchases === this.purchaseCustomer.length) {
      const grow = (array: Int32Array): Int32Array => {
        const bigger = new Int32Array(Math.max(16, array.length * 2));
        bigger.set(array);
        return bigger;
      };
      this.purchaseCustomer = grow(this.purchaseCustomer);
      this.purchaseDay = grow(this.purchaseDay);
    }
    this.purchaseCustomer[this.purchases] = c;
    this.purchaseDay[this.purchases] = day;
    this.purchases++;
  }

  /**
   * The totals of the used customers, renumbered: entry k holds the totals of customer `valueOf[k]`.
   * Called once, last.
   *
   * @param withOrders Whether an order-id column was mapped (else orders are purchase days).
   * @param minDay Earliest day of a row added (purchase days are counted from it).
   * @param maxDay Latest day of a row added.
   */
  finish(valueOf: Int32Array, withOrders: boolean, minDay: number, maxDay: number): CustomerAggregates {
    if (!withOrders && !this.countsDays) throw new Error('Orders without order ids are purchase days.');
    const customers = valueOf.length;
    const revenue = new Float64Array(customers);
    const profit = new Float64Array(customers);
    const lifetimeValue = new Float64Array(customers);
    const firstPurchase = new Int32Array(customers);
    const lastPurchase = new Int32Array(customers);
    const lastPurchaseEver = new Int32Array(customers);
    const hasSalesInWindow = new Uint8Array(customers);
    const seenUpToAsOf = new Uint8Array(customers);
    const latestRep = new Int32Array(customers);
    const orders = new Int32Array(customers);
    const purchaseDays = new Int32Array(customers);
    const { money, ints, windowed } = this;
    for (let to = 0; to < customers; to++) {
      const c = valueOf[to]!;
      const m = MONEY_STRIDE * c;
      const r = INT_STRIDE * c;
      revenue[to] = roundMoney(money[m + REVENUE]!);
      profit[to] = roundMoney(money[m + PROFIT]!);
      firstPurchase[to] = ints[r + FIRST]!;
      lastPurchase[to] = ints[r + LAST]!;
      orders[to] = ints[r + ORDERS]!;
      const flags = ints[r + FLAGS]!;
      // Without a window every row up to the as-of date is in it: flags are 0, 1 (rows after it only) or 3.
      seenUpToAsOf[to] = flags >= 2 ? 1 : 0;
      hasSalesInWindow[to] = flags === 3 ? 1 : 0;
      if (windowed) {
        lifetimeValue[to] = roundMoney(this.lifetime[c]!);
        lastPurchaseEver[to] = this.lastEver[c]!;
      }
    }
    const reps = this.latestRep;
    if (reps === null) latestRep.fill(-1);
    else for (let to = 0; to < customers; to++) latestRep[to] = reps[valueOf[to]!]!;
    if (!windowed) {
      // The same sums in the same order: lifetime value is the profit (or revenue) of the window's rows.
      lifetimeValue.set(this.profits === null ? revenue : profit);
      lastPurchaseEver.set(lastPurchase);
    }
    if (this.countsDays) this.countDays(customers, valueOf, purchaseDays, minDay, maxDay);
    if (!withOrders) orders.set(purchaseDays);
    return {
      revenue,
      profit,
      orders,
      purchaseDays,
      firstPurchase,
      lastPurchase,
      hasSalesInWindow,
      seenUpToAsOf,
      lastPurchaseEver,
      lifetimeValue,
      latestRep,
      usedRows: this.usedRows,
      afterAsOfRows: this.afterAsOfRows,
      beforeWindowRows: this.beforeWindowRows,
    };
  }

  /**
   * Distinct purchase days from the purchase records: grouped by day with a counting sort (a few thousand
   * days, so the records go to few places at a time), then day by day a customer's count goes up the
   * first time that day is seen for it (a stamp per customer, next to its count): linear and exact.
   */
  private countDays(
    customers: number,
    valueOf: Int32Array,
    purchaseDays: Int32Array,
    minDay: number,
    maxDay: number,
  ): void {
    const n = this.purchases;
    const { purchaseCustomer, purchaseDay } = this;
    const days = n === 0 ? 0 : maxDay - minDay + 1;
    // ends[d]: where day d's records end once they are placed.
    const ends = new Int32Array(days + 1);
    for (let k = 0; k < n; k++) ends[purchaseDay[k]! - minDay + 1]!++;
    for (let d = 0; d < days; d++) ends[d + 1] = ends[d + 1]! + ends[d]!;
    const byDay = new Int32Array(n);
    for (let k = 0; k < n; k++) byDay[ends[purchaseDay[k]! - minDay]!++] = purchaseCustomer[k]!;
    // Per customer value: the last day counted (as day + 1) and the count.
    const seen = new Int32Array(2 * this.capacity);
    for (let d = 0, from = 0; d < days; d++) {
      const stamp = d + 1;
      const end = ends[d]!;
      for (let k = from; k < end; k++) {
        const at = 2 * byDay[k]!;
        if (seen[at] !== stamp) {
          seen[at] = stamp;
          seen[at + 1]!++;
        }
      }
      from = end;
    }
    for (let to = 0; to < customers; to++) purchaseDays[to] = seen[2 * valueOf[to]! + 1]!;
  }
}
