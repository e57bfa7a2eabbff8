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

/** The as-of date and the window's first day; null = every row counts (the window holds them all). */
export type SalesBounds = { asOf: number; start: number } | null;

// Fields of a customer's record in SalesTotals.state: eight doubles, one 64-byte cache line.
const REVENUE = 0;
const PROFIT = 1;
const LIFETIME = 2;
const FIRST = 3;
const LAST = 4;
const LAST_EVER = 5;
const REP_DAY = 6;
/** 0 = no row yet, 1 = a usable row, 2 = one up to the as-of date, 3 = one inside the analysis window as well. */
const FLAGS = 7;
const STRIDE = 8;

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
 * customer with a counting sort. (A bit table of customers × days was slower: its random accesses miss
 * the cache and the TLB more often than the grouping's.)
 */
export class SalesTotals {
  /** Per customer, {@link STRIDE} doubles: a row touches one record. */
  private readonly state: Float64Array;
  private readonly latestRep: Int32Array;
  private readonly orderCount: Int32Array;
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
   */
  constructor(
    capacity: number,
    rows: number,
    bounds: SalesBounds,
    orderCodes: number,
    private readonly reps: readonly string[],
  ) {
    this.asOf = bounds === null ? Number.POSITIVE_INFINITY : bounds.asOf;
    this.start = bounds === null ? Number.NEGATIVE_INFINITY : bounds.start;
    this.state = new Float64Array(STRIDE * capacity);
    for (let r = 0; r < this.state.length; r += STRIDE) {
      this.state[r + FIRST] = -1;
      this.state[r + LAST] = -1;
      this.state[r + LAST_EVER] = -1;
      this.state[r + REP_DAY] = -1;
    }
    this.latestRep = new Int32Array(capacity).fill(-1);
    this.orderCount = new Int32Array(capacity);
    this.orderCodes = orderCodes;
    this.orderOwner = new Int32Array(orderCodes).fill(-1);
    // Purchase records: about one per order (its lines repeat customer and day), so the distinct order ids
    // are a good first size; growing by doubling would allocate twice what is kept.
    const room = Math.min(rows, orderCodes > 0 ? orderCodes + 1024 : Math.max(1 << 16, rows >> 2));
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
    const { state, profits } = this;
    const r = STRIDE * c;
    if (day > this.asOf) {
      if (state[r + FLAGS] === 0) state[r + FLAGS] = 1;
      this.afterAsOfRows++;
      return;
    }
    const amount = this.amounts[row]!;
    if (state[r + FLAGS]! < 2) state[r + FLAGS] = 2;
    state[r + LIFETIME] = state[r + LIFETIME]! + (profits === null ? amount : profits[row]!);
    if (amount > 0 && day > state[r + LAST_EVER]!) state[r + LAST_EVER] = day;
    if (rep >= 0) this.addRep(c, day, rep);
    if (day < this.start) {
      this.beforeWindowRows++;
      return;
    }
    this.usedRows++;
    state[r + FLAGS] = 3;
    state[r + REVENUE] = state[r + REVENUE]! + amount;
    if (profits !== null) state[r + PROFIT] = state[r + PROFIT]! + profits[row]!;
    if (amount > 0) this.addPurchase(c, day, order);
  }

  /** The rep of the latest row; on the same day the smaller name, so row order does not matter. */
  private addRep(c: number, day: number, rep: number): void {
    const at = STRIDE * c + REP_DAY;
    const latest = this.state[at]!;
    if (day > latest || (day === latest && compareIds(this.reps[rep]!, this.reps[this.latestRep[c]!]!) < 0)) {
      this.latestRep[c] = rep;
      this.state[at] = day;
    }
  }

  /** A row with amount > 0 in the window: first and last purchase, its day and its order. */
  private addPurchase(c: number, day: number, order: number): void {
    const { state } = this;
    const r = STRIDE * c;
    if (state[r + FIRST] === -1 || day < state[r + FIRST]!) state[r + FIRST] = day;
    if (day > state[r + LAST]!) state[r + LAST] = day;
    if (order >= 0) this.addOrder(c, order);
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
    if (owner === -1) {
      this.orderOwner[order] = c;
      this.orderCount[c]!++;
      return;
    }
    const pair = c * this.orderCodes + order;
    if (!this.sharedOrders.has(pair)) {
      this.sharedOrders.add(pair);
      this.orderCount[c]!++;
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

  /** The customers (as given to {@link add}) with a usable row, ascending. */
  usedValues(): Int32Array {
    const { state } = this;
    let count = 0;
    for (let r = FLAGS; r < state.length; r += STRIDE) if (state[r]! > 0) count++;
    const used = new Int32Array(count);
    count = 0;
    for (let c = 0, r = FLAGS; r < state.length; c++, r += STRIDE) if (state[r]! > 0) used[count++] = c;
    return used;
  }

  /**
   * The totals of the used customers, renumbered: entry k holds the totals of customer `valueOf[k]`.
   *
   * @param customerOf The new number of each customer given to {@link add} (−1 for one not used).
   * @param withOrders Whether an order-id column was mapped (else orders are purchase days).
   * @param minDay Earliest day of a row added (purchase days are counted from it).
   * @param maxDay Latest day of a row added.
   */
  finish(
    valueOf: Int32Array,
    customerOf: Int32Array,
    withOrders: boolean,
    minDay: number,
    maxDay: number,
  ): CustomerAggregates {
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
    const { state } = this;
    for (let to = 0; to < customers; to++) {
      const c = valueOf[to]!;
      const r = STRIDE * c;
      revenue[to] = roundMoney(state[r + REVENUE]!);
      profit[to] = roundMoney(state[r + PROFIT]!);
      lifetimeValue[to] = roundMoney(state[r + LIFETIME]!);
      firstPurchase[to] = state[r + FIRST]!;
      lastPurchase[to] = state[r + LAST]!;
      lastPurchaseEver[to] = state[r + LAST_EVER]!;
      const flags = state[r + FLAGS]!;
      seenUpToAsOf[to] = flags >= 2 ? 1 : 0;
      hasSalesInWindow[to] = flags === 3 ? 1 : 0;
      latestRep[to] = this.latestRep[c]!;
      orders[to] = this.orderCount[c]!;
    }
    this.countDays(customers, customerOf, purchaseDays, minDay, maxDay);
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
   * Distinct purchase days from the purchase records: a counting sort by (renumbered) customer, then a
   * stamp per day (stamp = customer + 1 marks "already counted for this customer"): linear and exact.
   */
  private countDays(
    customers: number,
    renumber: Int32Array,
    purchaseDays: Int32Array,
    minDay: number,
    maxDay: number,
  ): void {
    const n = this.purchases;
    const starts = new Int32Array(customers + 1);
    for (let k = 0; k < n; k++) starts[renumber[this.purchaseCustomer[k]!]! + 1]!++;
    for (let c = 0; c < customers; c++) starts[c + 1] = starts[c + 1]! + starts[c]!;
    const groupedDay = new Int32Array(n);
    const next = starts.slice(0, customers);
    for (let k = 0; k < n; k++) {
      const c = renumber[this.purchaseCustomer[k]!]!;
      groupedDay[next[c]!++] = this.purchaseDay[k]!;
    }
    const dayStamp = new Int32Array(n === 0 ? 0 : maxDay - minDay + 1);
    for (let c = 0; c < customers; c++) {
      const stamp = c + 1;
      let days = 0;
      for (let k = starts[c]!; k < starts[c + 1]!; k++) {
        const offset = groupedDay[k]! - minDay;
        if (dayStamp[offset] !== stamp) {
          dayStamp[offset] = stamp;
          days++;
        }
      }
      purchaseDays[c] = days;
    }
  }
}

/**
 * One small instance kept for the life of the module. V8 drops the hidden class an instance's fields
 * were laid out in once no instance is alive, at the next full GC, and with it the type feedback and the
 * optimised code of every function that read those fields: the next analysis would run unoptimised code
 * until the JIT re-learned them. This keeps the layout alive (a few hundred bytes).
 */
export const salesTotalsShape = new SalesTotals(0, 0, null, 0, []);
